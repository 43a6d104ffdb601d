/**
 * The Deno release's renderer: `deno run render-deno.mjs config|prepare|deno-launch|deno-args <distDir>` prints the
 * workerd config or the `deno serve` arguments (one per line) for the current environment, with
 * Deno's own node:fs, so every file check is the real one.
 */
import process from 'node:process';
import { resolveEnvironment } from '../../../cli/environment.js';
import { mkdirSync } from 'node:fs';
import { denoArgs } from '../../../cli/workerd-config.js';
import { prepare, renderConfig } from './render.js';
import { VARIABLES } from '../../../worker/config/variables.js';

/** The arguments, then the state folder Deno's sqlite-wasm writes into (made after the facts, as before: not mounted if new). */
function denoLaunchArgs(values: Record<string, string>, distDir: string): string[] {
  const args = denoArgs(values, distDir);
  mkdirSync(values.OUTPOST_STATE_DIR!, { recursive: true });
  return args;
}

const [command, distDir] = process.argv.slice(2);
try {
  if (!distDir) throw new Error('usage: render-deno.mjs config|prepare|deno-launch|deno-args <distDir>');
  if (command === 'config') process.stdout.write(renderConfig(process.env, process.cwd(), distDir));
  else if (command === 'prepare') prepare(process.env, process.cwd());
  else if (command === 'deno-launch') {
    // What `outpost start --runtime deno` hands to deno: the environment with every known variable
    // resolved (defaults, absolute paths; the worker reads them from Deno.env), then the arguments.
    const values = resolveEnvironment(process.env, process.cwd()).values;
    // Secrets stay as the operator set them (their default is empty): only the rest is resolved.
    const secret = new Set(VARIABLES.filter((v) => v.secret).map((v) => v.name));
    const lines = Object.entries(values).filter(([name]) => !secret.has(name)).map(([name, value]) => {
      if (/[\u0000-\u001f]/.test(value)) throw new Error(`${name} contains a control character`);
      return `${name}=${value}`;
    });
    process.stdout.write(`${lines.join('\n')}\n--\n${denoLaunchArgs(values, distDir).join('\n')}\n`);
  } else if (command === 'deno-args') process.stdout.write(`${denoLaunchArgs(resolveEnvironment(process.env, process.cwd()).values, distDir).join('\n')}\n`);
  else throw new Error(`unknown command ${command}`);
} catch (e) {
  process.stderr.write(`ERROR ${(e as Error).message}\n`);
  process.exit(1);
}
