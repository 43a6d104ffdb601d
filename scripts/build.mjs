#!/usr/bin/env node
// Builds dist/worker.js (one ESM file for workerd and Deno), the modules it imports, and
// dist/cli.mjs (the `outpost` command). Prints the bundle's size. `--quiet`: size line only.
import { build } from 'esbuild';
import { mkdirSync, statSync, writeFileSync, readFileSync, renameSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { versionDefine, workerBundleOptions } from './worker-bundle-options.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const quiet = process.argv.includes('--quiet');
mkdirSync(dist, { recursive: true });

// Every file lands by rename: a gateway or test starting while a rebuild runs (npm start inside
// the docs test, two terminals) reads the old file or the new one, never half of one.
function writeAtomic(path, bytes) {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, path);
}
const copyAtomic = (from, to) => writeAtomic(to, readFileSync(from));
async function bundle(options) {
  const result = await build({ ...options, write: false });
  for (const file of result.outputFiles) writeAtomic(file.path, file.contents);
}

// Extra modules the worker imports at run time (wasm, data, small ES modules), declared in the
// workerd config. Each entry: { name, type: 'wasm' | 'data' | 'esModule', from, when? } copied
// from `from` into dist/; `when` names a variable that must be "true" for the config to declare
// it (the 14 MB ORT wasm only with Tier 3 on, so that cold start does not pay for it otherwise).
const modulesFile = join(root, 'wasm', 'modules.json');
const extraModules = existsSync(modulesFile) ? JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(modulesFile, 'utf8'))) : [];

await bundle({
  ...workerBundleOptions(root),
  outfile: join(dist, 'worker.js'),
  minify: true,
  sourcemap: false,
  logLevel: 'warning',
});

for (const m of extraModules) copyAtomic(join(root, m.from), join(dist, m.name));
// The audit queue on Deno runs SQLite from this wasm file beside worker.js (workerd uses its own
// SQLite through a Durable Object and never loads it).
copyAtomic(join(root, 'node_modules/@sqlite.org/sqlite-wasm/dist/sqlite3.wasm'), join(dist, 'sqlite3.wasm'));
writeAtomic(join(dist, 'modules.json'), JSON.stringify(extraModules.map(({ name, type, when }) => ({ name, type, ...(when ? { when } : {}) })), null, 2));

/** The CLI's bundles for Node. */
const cliBundle = (entry, outfile) =>
  bundle({
    entryPoints: [join(root, entry)],
    outfile: join(dist, outfile),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The npm packages the CLI imports are bundled in, so that dist/cli.mjs runs inside a release
    // (which ships no node_modules). The runtimes' packages are only resolved at run time.
    // node-unix-socket: a native addon the launcher loads if it is there (cli/launch/reuse-port.ts).
    external: ['workerd', 'deno', 'onnxruntime-node', 'node-unix-socket'],
    define: versionDefine(root),
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });

await cliBundle('cli/index.ts', 'cli.mjs');
// `outpost start` alone (bin/outpost.mjs loads it for that command): the launcher's code without
// the rest of the CLI, which Node would otherwise compile on every start.
await cliBundle('cli/start-command.ts', 'start.mjs');

const size = statSync(join(dist, 'worker.js')).size;
const extra = extraModules.reduce((n, m) => n + statSync(join(dist, m.name)).size, 0);
console.log(`dist/worker.js ${(size / 1024).toFixed(1)} KiB` + (extraModules.length ? ` (+${extraModules.length} modules, ${(extra / 1048576).toFixed(1)} MiB)` : ''));
if (!quiet) for (const f of readdirSync(dist)) console.log(`  dist/${f} ${statSync(join(dist, f)).size} bytes`);
