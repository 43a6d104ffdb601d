/**
 * The `outpost` command.
 *
 *   outpost start [--runtime workerd|deno]   run the gateway (workerd by default)
 *   outpost config                           print the workerd config for the current environment
 *   outpost help                             this text
 */
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { realpathSync } from 'node:fs';
import { VARIABLES } from '../worker/config/variables.js';
import { resolveEnvironment } from './environment.js';
import { startCommand } from './start-command.js';
import { workerdConfig } from './workerd-config.js';
import { parseFlags, UsageError } from './flags.js';
import { adminClientDefaults } from './operator-env.js';

const distDir = dirname(fileURLToPath(import.meta.url));

const HELP = `outpost: the air-gapped AI gateway

Usage:
  outpost start [--runtime workerd|deno] [--embedded-defaults]
                                           run the gateway on HOST:PORT (default 127.0.0.1:8080);
                                           --embedded-defaults also turns on the bundled Tier 3 model
  outpost config                           print the workerd config (run it with: workerd serve FILE --import-path=/)
  outpost release verify <tarball|dir> [--key PEM]   check a release's SHA256SUMS and signature
  outpost doctor [--json] [--probe URL [--runtime http://HOST:PORT]]   check this deployment offline
  outpost policy validate|install|rollback|list|keygen|sign ...   policy bundles (outpost policy help)
  outpost knowledge pack|import|export|list ...   knowledge assets for models (outpost knowledge help)
  outpost variables                        list every environment variable with its default
  outpost status [--runtime URL] [--token T] subsystems, policy, queue depth, certificates, recent decisions
  outpost scan [--jsonl] [--bundles PCI,...] [--policy FILE --tier T] [FILE ...]
                                           DLP Tiers 1 and 2 offline on files or stdin (never prints values)
  outpost audit path|verify|export|query   the audit queue's file, chain verification, JSONL export, SQL without sqlite3 (docs/audit.md)
  outpost help

Configuration comes from the environment; see README.md for every variable.`;

async function statusCommand(args: readonly string[]): Promise<number> {
  const { flags } = parseFlags(args, { runtime: { type: 'string' }, token: { type: 'string' } });
  const defaults = adminClientDefaults(process.env);
  const { status } = await import('./status.js');
  return status(flags.runtime ?? defaults.runtimeUrl, flags.token ?? defaults.token);
}

function configCommand(args: readonly string[]): number {
  parseFlags(args, {});
  process.stdout.write(workerdConfig({ values: resolveEnvironment().values, distDir }));
  return 0;
}

function variablesCommand(args: readonly string[]): number {
  parseFlags(args, {});
  for (const v of VARIABLES) console.log(`${v.name}=${v.secret ? '<secret>' : v.default}`);
  return 0;
}

// Commands other than start and config load their modules when run: the bundle then evaluates
// only what `outpost start` needs (DLP tables, SQLite and the like cost cold start otherwise).
const COMMANDS: Record<string, (args: string[]) => number | Promise<number>> = {
  start: (args) => startCommand(args, distDir),
  scan: async (args) => (await import('./scan.js')).scan(args),
  status: statusCommand,
  audit: async (args) => (await import('./audit.js')).auditCommand(args),
  config: configCommand,
  policy: async (args) => (await import('./policy.js')).policyCommand(args),
  knowledge: async (args) => (await import('./knowledge.js')).knowledgeCommand(args),
  release: async (args) => (await import('./release.js')).releaseCommand(args),
  doctor: async (args) => (await import('./doctor.js')).doctorCommand(args, distDir),
  variables: variablesCommand,
};

export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    console.log(HELP);
    return command === undefined ? 2 : 0;
  }
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) {
    console.error(`ERROR Unknown command "${command}"\n\n${HELP}`);
    return 2;
  }
  try {
    return await run(rest);
  } catch (e) {
    console.error(`ERROR ${(e as Error).message}`);
    return e instanceof UsageError ? 2 : 1;
  }
}

// `node dist/cli.mjs COMMAND`: run it (bin/outpost.mjs imports this file and calls main itself).
if (process.argv[1] && pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url) process.exitCode = await main(process.argv.slice(2));
