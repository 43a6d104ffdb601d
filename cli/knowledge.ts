/**
 * `outpost knowledge ...`: knowledge assets, prepared on one side of the gap and carried to the other.
 *
 *   pack FILE... --out PKG [--version V]          a package from local text/Markdown files (offline)
 *   export --out PKG [--runtime URL] [--token T]  every usable asset of a running gateway
 *   import PKG [--runtime URL] [--token T]        sends PKG (and PKG.sig, when present) to a gateway
 *   list [--runtime URL] [--token T]              the gateway's assets: source, state, version, size
 *
 * Sign a package like a policy bundle: `outpost policy sign PKG --key KEY` writes PKG.sig.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { readPackage, writePackage, textSha256, type KnowledgeAsset } from '../worker/knowledge/index.js';
import { ADMIN_FLAGS, callAdmin, withAdmin } from './policy.js';
import { parseFlags, usageExit, UsageError } from './flags.js';
import { knowledgeMaxAssetBytes } from './operator-env.js';

const USAGE = `Usage:
  outpost knowledge pack FILE... --out PACKAGE.json [--version V]
  outpost knowledge export --out PACKAGE.json [--runtime http://HOST:PORT] [--token TOKEN]
  outpost knowledge import PACKAGE.json [--runtime http://HOST:PORT] [--token TOKEN]
  outpost knowledge list [--runtime http://HOST:PORT] [--token TOKEN]

Asset names come from the file names (security-policy.md -> security-policy). The admin token
defaults to $OUTPOST_ADMIN_TOKEN; --runtime to http://$HOST:$PORT. Sign a package with
outpost policy sign PACKAGE.json --key KEY (import sends PACKAGE.json.sig along).`;


/** A usage problem found after parsing: printed with the usage, exit code 2. */
const usage = (problem: string): number => usageExit(new UsageError(problem), USAGE);

/** Builds a package offline and checks it exactly as a gateway's import would (format, size, UTF-8). */
async function packCommand(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { flags, positionals: files } = parseFlags(args, { out: { type: 'string' }, version: { type: 'string' } }, { positionals: Infinity });
  const out = flags.out;
  if (!files.length || !out) return usage('pack needs FILE... and --out PACKAGE.json');
  const assets: KnowledgeAsset[] = [];
  for (const file of files) {
    if (!existsSync(file)) return usage(`${resolve(file)} does not exist`);
    const text = readFileSync(file, 'utf8');
    const sha256 = await textSha256(text);
    assets.push({ name: basename(file, extname(file)), version: flags.version ?? sha256.slice(0, 12), sha256, text, source: 'volume' });
  }
  const bytes = writePackage(assets, new Date());
  const check = await readPackage(bytes, knowledgeMaxAssetBytes(env));
  if (check.problems.length) {
    console.error('ERROR The package would be refused:');
    for (const p of check.problems) console.error(`  ${p.path}: ${p.message}`);
    return 1;
  }
  writeFileSync(out, bytes);
  console.log(`Knowledge package written: ${resolve(out)} (${assets.map((a) => `${a.name}@${a.version}`).join(', ')})`);
  return 0;
}

function printRefusal(what: string, status: number, json: Record<string, unknown>): number {
  const error = (json.error ?? {}) as { message?: string; code?: string; problems?: { path: string; message: string }[] };
  console.error(`ERROR Knowledge ${what} refused (HTTP ${status}${error.code ? `, ${error.code}` : ''})`);
  for (const p of error.problems ?? []) console.error(`  ${p.path}: ${p.message}`);
  if (!error.problems?.length) console.error(`  ${error.message ?? 'no message'}`);
  return 1;
}

/**
 * Dispatches `outpost knowledge <subcommand>`.
 * @example
 * process.exitCode = await knowledgeCommand(['import', 'site-knowledge.json', '--runtime', 'http://127.0.0.1:8080']);
 */
export async function knowledgeCommand(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    return await dispatch(args, env);
  } catch (e) {
    return usageExit(e, USAGE);
  }
}

async function dispatch(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'pack':
      return packCommand(rest, env);
    case 'import': {
      const { flags, positionals: [file] } = parseFlags(rest, ADMIN_FLAGS, { positionals: 1 });
      if (!file || !existsSync(file)) return usage(file ? `${resolve(file)} does not exist` : 'import needs a PACKAGE file');
      return withAdmin(flags, env, async (target) => {
        const sig = existsSync(`${file}.sig`) ? readFileSync(`${file}.sig`, 'utf8').trim() : null;
        const { status, json } = await callAdmin(target, 'POST', '/import', new Uint8Array(readFileSync(file)), sig ? { 'x-outpost-knowledge-signature': sig } : {}, 'knowledge');
        if (status !== 200) return printRefusal('import', status, json);
        for (const a of json.assets as { name: string; version: string; bytes: number }[]) console.log(`Knowledge asset imported: ${a.name} version=${a.version} (${a.bytes} bytes)`);
        return 0;
      }, usage);
    }
    case 'export': {
      const { flags } = parseFlags(rest, { ...ADMIN_FLAGS, out: { type: 'string' } });
      const out = flags.out;
      if (!out) return usage('export needs --out PACKAGE.json');
      return withAdmin(flags, env, async (target) => {
        const res = await fetch(`${target.base}/admin/api/knowledge/export`, { headers: { authorization: `Bearer ${target.token}` } });
        const bytes = new Uint8Array(await res.arrayBuffer());
        if (res.status !== 200) return printRefusal('export', res.status, JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>);
        const read = await readPackage(bytes, Number.MAX_SAFE_INTEGER);
        // A package without assets is refused by every import: write nothing rather than a file
        // that only looks like an export.
        if (!read.assets.length) {
          console.error(`ERROR ${target.base} has no usable knowledge asset; nothing exported`);
          return 1;
        }
        writeFileSync(out, bytes);
        console.log(`Knowledge package written: ${resolve(out)} (${read.assets.map((a) => `${a.name}@${a.version}`).join(', ')})`);
        return 0;
      }, usage);
    }
    case 'list':
      return withAdmin(parseFlags(rest, ADMIN_FLAGS).flags, env, async (target) => {
        const { status, json } = await callAdmin(target, 'GET', '', undefined, {}, 'knowledge');
        if (status !== 200) return printRefusal('list', status, json);
        const assets = json.assets as { name: string; source: string; state: string; version?: string; bytes?: number; listed: boolean; reason?: string }[];
        if (!assets.length) console.log('No knowledge assets.');
        for (const a of assets) console.log(`${a.name}\t${a.source}\t${a.state}\t${a.version ?? '-'}\t${a.bytes ?? '-'} bytes\t${a.listed ? 'listed' : 'not listed in the policy'}${a.reason ? `\t${a.reason}` : ''}`);
        return 0;
      }, usage);
    case 'help':
    case undefined:
      console.log(USAGE);
      return 0;
    default:
      return usage(`unknown subcommand "${sub}"`);
  }
}
