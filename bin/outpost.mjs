#!/usr/bin/env node
// The `outpost` command. Its code is built from cli/ into dist/cli.mjs; a fresh checkout builds it once.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.mjs');
if (!existsSync(cli) || !existsSync(join(root, 'dist', 'worker.js'))) {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
// `start` loads the launcher alone (dist/start.mjs, a part of cli.mjs): a faster cold start.
const startOnly = join(root, 'dist', 'start.mjs');
if (process.argv[2] === 'start' && existsSync(startOnly)) {
  const { runStartCommand } = await import(pathToFileURL(startOnly).href);
  process.exitCode = await runStartCommand(process.argv.slice(3), join(root, 'dist'));
} else {
  const { main } = await import(pathToFileURL(cli).href);
  process.exitCode = await main(process.argv.slice(2));
}
