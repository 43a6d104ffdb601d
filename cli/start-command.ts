/**
 * `outpost start [--runtime workerd|deno] [--embedded-defaults]` as a command: flags, then
 * start.ts. Also built alone as dist/start.mjs, which bin/outpost.mjs loads for `start`: Node
 * then compiles the launcher's code only, not the whole CLI (cold start).
 */
import { join } from 'node:path';
import { start } from './start.js';
import { parseFlags, UsageError } from './flags.js';

/**
 * @example
 * process.exitCode = await startCommand(['--runtime', 'workerd'], '/srv/outpost/dist');
 */
export async function startCommand(args: readonly string[], distDir: string): Promise<number> {
  const { flags } = parseFlags(args, { runtime: { type: 'string' }, 'embedded-defaults': { type: 'boolean' } });
  const runtime = flags.runtime ?? 'workerd';
  if (runtime !== 'workerd' && runtime !== 'deno') {
    console.error('ERROR --runtime must be workerd or deno');
    return 2;
  }
  // `npm start`: the embedded defaults include our default Tier 3 model (assets/model),
  // unless the operator set the Tier 3 variables themselves.
  if (flags['embedded-defaults']) {
    process.env.DLP_DEBERTA_ENABLED ??= 'true';
    process.env.AIRGAP_MODEL_PATH ??= join(distDir, '..', 'assets', 'model');
  }
  return start({ runtime, distDir });
}

/**
 * The command with main()'s error handling (cli/index.ts), for dist/start.mjs.
 * @example
 * process.exitCode = await runStartCommand(process.argv.slice(3), distDir);
 */
export async function runStartCommand(args: readonly string[], distDir: string): Promise<number> {
  try {
    return await startCommand(args, distDir);
  } catch (e) {
    console.error(`ERROR ${(e as Error).message}`);
    return e instanceof UsageError ? 2 : 1;
  }
}
