/**
 * `outpost policy ...`: the operator's tools for policy bundles.
 *
 *   validate FILE [--public-key KEY]             the gateway's own checks, same messages; exit 1 if refused
 *   keygen [--out DIR]                           an Ed25519 key pair for signing bundles
 *   sign FILE --key PRIVATE.pem                  writes FILE.sig (base64 of the raw Ed25519 signature)
 *   install FILE --runtime URL [--token T]       sends FILE (and FILE.sig) to a running gateway
 *   rollback --runtime URL [--token T]           the running gateway returns to the previous version
 *   list --runtime URL [--token T]               stored versions and the active one
 *
 * The token defaults to $OUTPOST_ADMIN_TOKEN. Signing uses node:crypto, so `openssl pkeyutl
 * -verify -rawin` verifies the same signatures (docs/policy.md).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkBundle } from '../worker/policy/check.js';
import { formatProblem } from '../worker/policy/schema.js';
import { loadSignaturePolicy } from '../worker/policy/signature.js';
import { policySettings, withDefaults } from '../worker/config/index.js';
import { countRules, SIGNATURE_SUFFIX } from '../worker/policy/bundle.js';
import { parseFlags, usageExit, UsageError, type FlagValues } from './flags.js';
import { adminClientDefaults } from './operator-env.js';

const USAGE = `Usage:
  outpost policy validate FILE [--public-key KEY]
  outpost policy keygen [--out DIR]
  outpost policy sign FILE --key PRIVATE_KEY.pem
  outpost policy install FILE --runtime http://HOST:PORT [--token TOKEN]
  outpost policy rollback --runtime http://HOST:PORT [--token TOKEN]
  outpost policy list --runtime http://HOST:PORT [--token TOKEN]

In projects mode (OUTPOST_MODE=projects) install, rollback and list take --project ID: they act
on that project's bundle only.

The admin token defaults to $OUTPOST_ADMIN_TOKEN; --runtime to http://$HOST:$PORT.`;

export const PRIVATE_KEY_FILE = 'policy_signing_key.pem';
export const PUBLIC_KEY_FILE = 'policy_signing_key.pub.pem';

/** A usage problem found after parsing: printed with the usage, exit code 2. */
const usage = (problem: string): number => usageExit(new UsageError(problem), USAGE);

/** --runtime and --token: the gateway an admin subcommand talks to. */
export const ADMIN_FLAGS = { runtime: { type: 'string' }, token: { type: 'string' } } as const;

/** install, rollback and list: the admin flags and, in projects mode, the project they act on. */
const POLICY_ADMIN_FLAGS = { ...ADMIN_FLAGS, project: { type: 'string' } } as const;

/** `?project=ID` for the admin API when --project is given. */
const projectQuery = (project: string | undefined): string => (project ? `?project=${encodeURIComponent(project)}` : '');

const readOptional = (path: string): Uint8Array | null => (existsSync(path) ? new Uint8Array(readFileSync(path)) : null);

/**
 * Validates a bundle file exactly as the gateway does (signature, schema, references, keys).
 * jwks_file is read relative to the bundle's folder, as the gateway reads it in the policy volume.
 * @example
 * await validateCommand(['policy_bundle.json'], process.env); // 0 or 1
 */
export async function validateCommand(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { flags, positionals: [file] } = parseFlags(args, { 'public-key': { type: 'string' } }, { positionals: 1 });
  if (!file) return usage('validate needs a FILE');
  const path = resolve(file);
  if (!existsSync(path)) {
    console.error(`ERROR Policy bundle ${path} refused (1 problem): $: not found`);
    return 1;
  }
  const fromEnv = policySettings(withDefaults(env));
  const publicKey = flags['public-key'] ?? fromEnv.publicKey ?? '';
  const keyValue = publicKey && existsSync(publicKey) ? readFileSync(publicKey, 'utf8') : publicKey;
  const signatures = await loadSignaturePolicy({ publicKey: keyValue, requireSigned: fromEnv.requireSigned });
  const folder = dirname(path);
  const result = await checkBundle(new Uint8Array(readFileSync(path)), readOptional(path + SIGNATURE_SUFFIX), {
    signatures,
    readPolicyFile: async (relative) => readOptional(join(folder, relative)),
    comments: path.endsWith('.jsonc'),
  });
  if (!result.ok) {
    const n = result.problems.length;
    console.error(`ERROR Policy bundle ${path} refused (${n} problem${n === 1 ? '' : 's'}):`);
    for (const problem of result.problems) console.error(`  ${formatProblem(problem)}`);
    return 1;
  }
  for (const warning of result.warnings) console.error(`WARN ${formatProblem(warning)}`);
  for (const note of result.notes) console.error(`WARN ${note}`);
  const { bundle } = result;
  console.log(`OK ${path}: version=${bundle.version}, rules=${countRules(bundle)}, auth=${bundle.auth.mode}, signed=${result.signed ? 'yes' : 'no'}, sha256=${result.sha256}`);
  return 0;
}

/** Writes a new Ed25519 key pair; never overwrites. */
export function keygenCommand(args: readonly string[]): number {
  const out = resolve(parseFlags(args, { out: { type: 'string' } }).flags.out ?? '.');
  const privatePath = join(out, PRIVATE_KEY_FILE);
  const publicPath = join(out, PUBLIC_KEY_FILE);
  for (const p of [privatePath, publicPath]) {
    if (existsSync(p)) {
      console.error(`ERROR ${p} already exists; move it away first (keys are never overwritten)`);
      return 1;
    }
  }
  // A missing folder is created for the private key's sake with owner-only access.
  mkdirSync(out, { recursive: true, mode: 0o700 });
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(privatePath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(publicPath, publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
  const raw = Buffer.from(publicKey.export({ type: 'spki', format: 'der' })).subarray(12).toString('base64');
  console.log(`Private key: ${privatePath} (mode 0600; keep it off the gateway)`);
  console.log(`Public key:  ${publicPath}`);
  console.log(`Set on the gateway: OUTPOST_POLICY_PUBLIC_KEY=${raw}`);
  return 0;
}

/** Signs a bundle file's exact bytes, writes FILE.sig and checks it with the derived public key. */
export function signCommand(args: readonly string[]): number {
  const { flags, positionals: [file] } = parseFlags(args, { key: { type: 'string' } }, { positionals: 1 });
  const keyPath = flags.key;
  if (!file || !keyPath) return usage('sign needs FILE and --key PRIVATE_KEY.pem');
  const privateKey = createPrivateKey(readFileSync(resolve(keyPath)));
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    console.error(`ERROR ${keyPath} is a ${privateKey.asymmetricKeyType} key; policy bundles are signed with Ed25519 (outpost policy keygen)`);
    return 1;
  }
  const bytes = readFileSync(resolve(file));
  const signature = sign(null, bytes, privateKey);
  if (!verify(null, bytes, createPublicKey(privateKey), signature)) throw new Error('the signature does not verify with its own key');
  const sigPath = resolve(file) + SIGNATURE_SUFFIX;
  writeFileSync(sigPath, signature.toString('base64') + '\n');
  console.log(`Signed ${resolve(file)} -> ${sigPath}`);
  return 0;
}

export type AdminFlags = FlagValues<typeof ADMIN_FLAGS>;

export interface AdminTarget {
  readonly base: string;
  readonly token: string;
}

function adminTarget(flags: AdminFlags, env: NodeJS.ProcessEnv): AdminTarget | string {
  const defaults = adminClientDefaults(env);
  const runtime = flags.runtime ?? defaults.runtimeUrl;
  const token = flags.token ?? defaults.token ?? '';
  if (!/^https?:\/\//.test(runtime)) return `--runtime must be the gateway's URL (http://host:port), got "${runtime}"`;
  if (!token) return 'an admin token is needed: --token TOKEN or OUTPOST_ADMIN_TOKEN';
  return { base: runtime.replace(/\/+$/, ''), token };
}

/** One admin API call (`api` is the folder under /admin/api: policy, knowledge ...), its JSON answer. */
export async function callAdmin(target: AdminTarget, method: string, path: string, body?: Uint8Array, headers: Record<string, string> = {}, api = 'policy'): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${target.base}/admin/api/${api}${path}`, {
    method,
    headers: { authorization: `Bearer ${target.token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body ? { body: body as BodyInit } : {}),
  });
  const text = await res.text();
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { error: { message: text.slice(0, 200) || `HTTP ${res.status}` } };
  }
  return { status: res.status, json };
}

function printChange(what: string, status: number, json: Record<string, unknown>): number {
  if (status === 200 && json.ok === true) {
    const unchanged = json.unchanged === true;
    console.log(unchanged ? `Policy version=${json.version} is already active (unchanged)` : `Policy ${what}: version=${json.version} (previous=${json.previous})`);
    return 0;
  }
  const error = (json.error ?? {}) as { message?: string; code?: string; problems?: string[] };
  console.error(`ERROR Policy ${what} refused (HTTP ${status}${error.code ? `, ${error.code}` : ''}): ${error.message ?? 'no message'}`);
  for (const problem of error.problems ?? []) console.error(`  ${problem}`);
  return 1;
}

/** Runs `run` against the gateway named by --runtime/--token; unreachable gateways are one clear line. */
export async function withAdmin(flags: AdminFlags, env: NodeJS.ProcessEnv, run: (target: AdminTarget) => Promise<number>, onUsage: (problem: string) => number = usage): Promise<number> {
  const target = adminTarget(flags, env);
  if (typeof target === 'string') return onUsage(target);
  try {
    return await run(target);
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    console.error(`ERROR Cannot reach ${target.base}: ${cause ?? (e as Error).message}`);
    return 1;
  }
}


/**
 * Dispatches `outpost policy <subcommand>`.
 * @example
 * process.exitCode = await policyCommand(['validate', 'policy_bundle.json']);
 */
export async function policyCommand(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    return await dispatch(args, env);
  } catch (e) {
    return usageExit(e, USAGE);
  }
}

async function installCommand(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { flags, positionals: [file] } = parseFlags(args, POLICY_ADMIN_FLAGS, { positionals: 1 });
  if (!file) return usage('install needs a FILE');
  const path = resolve(file);
  if (!existsSync(path)) return usage(`${path} does not exist`);
  return withAdmin(flags, env, async (target) => {
    const signature = readOptional(path + SIGNATURE_SUFFIX);
    const headers: Record<string, string> = signature ? { 'x-outpost-policy-signature': new TextDecoder().decode(signature).trim() } : {};
    const { status, json } = await callAdmin(target, 'POST', projectQuery(flags.project), new Uint8Array(readFileSync(path)), headers);
    return printChange('install', status, json);
  });
}

function printList(json: Record<string, unknown>): number {
  const active = json.active as { version: string; source: string; reason: string };
  console.log(`Active: version=${active.version} source=${active.source} (${active.reason})`);
  const rows = (json.installed ?? []) as Array<{ version: string; created_at: string | null; sha256: string; has_signature: boolean; active: boolean; history_index: number | null }>;
  if (!rows.length) console.log('No stored versions.');
  for (const row of rows) {
    const mark = row.active ? '*' : ' ';
    const history = row.history_index === null ? '' : `  history#${row.history_index}`;
    console.log(`${mark} ${row.version.padEnd(24)} ${(row.created_at ?? '?').padEnd(26)} ${row.sha256.slice(0, 12)}  ${row.has_signature ? 'signed' : 'unsigned'}${history}`);
  }
  return 0;
}

async function dispatch(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [sub, ...rest] = args;
  const admin = () => parseFlags(rest, POLICY_ADMIN_FLAGS).flags;
  switch (sub) {
    case 'validate':
      return validateCommand(rest, env);
    case 'keygen':
      return keygenCommand(rest);
    case 'sign':
      return signCommand(rest);
    case 'install':
      return installCommand(rest, env);
    case 'rollback':
      return withAdmin(admin(), env, async (target) => {
        const { status, json } = await callAdmin(target, 'POST', `/rollback${projectQuery(admin().project)}`);
        return printChange('rollback', status, json);
      });
    case 'list':
      return withAdmin(admin(), env, async (target) => {
        const { status, json } = await callAdmin(target, 'GET', projectQuery(admin().project));
        return status === 200 ? printList(json) : printChange('list', status, json);
      });
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return sub === undefined ? 2 : 0;
    default:
      return usage(`unknown policy command "${sub}"`);
  }
}
