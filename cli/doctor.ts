/**
 * `outpost doctor [--json] [--probe URL --runtime http://HOST:PORT]`: checks a deployment offline
 * from the same environment `outpost start` reads, and prints each finding with its fix.
 * Exit 1 when any finding is an error.
 *
 * Nothing here opens a network connection, except --probe, which asks the running gateway (its
 * admin API on --runtime, a loopback or internal address) to try the URL from inside the runtime.
 */
import { X509Certificate, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { accessSync, closeSync, constants, existsSync, openSync, readFileSync, readSync, statSync, statfsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { resolveEnvironment } from './environment.js';
import { workerdConfig } from './workerd-config.js';
import { parseFlags } from './flags.js';
import { adminToken } from './operator-env.js';
import { checkModel } from './doctor-model.js';
import { checkProjects, projectsMode } from './doctor-projects.js';

export type Severity = 'ok' | 'info' | 'warn' | 'error';

export interface Finding {
  readonly check: string;
  readonly severity: Severity;
  readonly message: string;
  /** What to do about it (absent for ok/info findings that need nothing). */
  readonly fix?: string;
}

export interface DoctorOptions {
  /** Effective variable values (resolveEnvironment().values). */
  readonly values: Record<string, string>;
  /** Folder of worker.js, for rendering the config the runtime would get. */
  readonly distDir: string;
  readonly now?: Date;
}

const GIB = 1024 ** 3;
const MMDB_MARKER = Buffer.from([0xab, 0xcd, 0xef, ...Buffer.from('MaxMind.com')]);

function readable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The nearest folder that exists: where a missing folder would be created. */
function existingAncestor(path: string): string {
  let p = path;
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  return p;
}

/** The air-gap switch and everything it implies for the other variables. */
export function checkAirGap(values: Record<string, string>): Finding[] {
  const on = ['true', '1', 'yes'].includes(values.OUTPOST_AIRGAP!.trim().toLowerCase());
  if (!on) {
    return [{ check: 'air-gap', severity: 'warn', message: 'OUTPOST_AIRGAP is off: the runtime lets the worker reach any address (the worker guard still limits it to targets and the platform)', fix: 'set OUTPOST_AIRGAP=true on an air-gapped site' }];
  }
  const out: Finding[] = [
    { check: 'air-gap', severity: 'ok', message: 'OUTPOST_AIRGAP=true: egress only to configured targets (runtime and worker); no platform sync, heartbeat, certificate rotation or downloads' },
  ];
  if (values.OUTPOST_PLATFORM_URL) out.push({ check: 'air-gap', severity: 'warn', message: `OUTPOST_PLATFORM_URL=${values.OUTPOST_PLATFORM_URL} is ignored in air-gap mode`, fix: 'unset OUTPOST_PLATFORM_URL to avoid confusion' });
  if (['true', '1', 'yes'].includes(values.GEOIP_DOWNLOAD_ON_START!.trim().toLowerCase())) {
    out.push({ check: 'air-gap', severity: 'warn', message: 'GEOIP_DOWNLOAD_ON_START=true is bypassed in air-gap mode', fix: 'set GEOIP_DOWNLOAD_ON_START=false and mount the database (GEOIP_MMDB_PATH)' });
  }
  if (values.OUTPOST_CA_BUNDLE || values.OUTPOST_TLS_CERT) out.push({ check: 'air-gap', severity: 'info', message: 'platform mTLS material is configured; in air-gap mode it is not validated against the platform and rotation is manual' });
  return out;
}

/** The runtime's egress allow-list, read from the config `outpost start` would generate. */
export function checkEgress(values: Record<string, string>, distDir: string): Finding[] {
  let config: string;
  try {
    config = workerdConfig({ values, distDir });
  } catch (e) {
    return [{ check: 'egress', severity: 'error', message: `the configuration does not render: ${(e as Error).message}`, fix: 'correct the variable named above' }];
  }
  const addresses = [...config.matchAll(/external = \(address = "([^"]+)", (https?) = \(\)/g)].map((m) => `${m[2]}://${m[1]}`);
  const out: Finding[] = [];
  if (/globalOutbound = "egress-deny"/.test(config)) {
    out.push({ check: 'egress', severity: 'ok', message: `runtime allow-list: ${addresses.join(', ') || '(none)'}; every other address is refused by the runtime` });
  } else {
    out.push({ check: 'egress', severity: 'warn', message: `runtime egress is open (network allow public, private, local); targets: ${addresses.join(', ')}`, fix: 'set OUTPOST_AIRGAP=true to make the targets the only way out' });
  }
  for (const a of addresses) {
    const host = new URL(a).hostname.replace(/^\[|\]$/g, '');
    if (/^\d+\.\d+\.\d+\.\d+$/.test(host) && !/^(10\.|127\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.)/.test(host)) {
      out.push({ check: 'egress', severity: 'warn', message: `target ${a} is a public IPv4 address`, fix: 'point targets at model servers inside the network' });
    }
  }
  return out;
}

/** Folders and files named by the environment: present and readable. */
export function checkVolumes(values: Record<string, string>): Finding[] {
  const out: Finding[] = [];
  const folder = (name: string, missing: string) => {
    const dir = values[name]!;
    if (!existsSync(dir)) out.push({ check: 'volumes', severity: 'warn', message: `${name}=${dir} does not exist: ${missing}`, fix: `mount the volume at ${dir} or set ${name}` });
    else if (!statSync(dir).isDirectory()) out.push({ check: 'volumes', severity: 'error', message: `${name}=${dir} is not a folder`, fix: `point ${name} at a folder` });
    else if (!readable(dir)) out.push({ check: 'volumes', severity: 'error', message: `${name}=${dir} is not readable by this user`, fix: `chmod/chown ${dir} for the service user` });
    else out.push({ check: 'volumes', severity: 'ok', message: `${name}=${dir} present and readable` });
  };
  folder('AIRGAP_POLICY_PATH', 'the built-in baseline policy is enforced');
  folder('AIRGAP_MODEL_PATH', 'Tier 3 needs DEBERTA_MODEL_PATH instead');
  for (const name of ['DEBERTA_MODEL_PATH', 'GEOIP_MMDB_PATH', 'GEOIP_MMDB_FALLBACK_PATH', 'GEOIP_ASN_DB_PATH', 'GEOIP_ANON_DB_PATH', 'OUTPOST_TLS_CERT', 'OUTPOST_TLS_KEY', 'OUTPOST_CA_BUNDLE', 'OUTPOST_POLICY_PUBLIC_KEY']) {
    const path = values[name];
    if (!path || (name === 'OUTPOST_POLICY_PUBLIC_KEY' && !path.startsWith('/'))) continue;
    if (!existsSync(path)) out.push({ check: 'volumes', severity: 'error', message: `${name}=${path} is set but does not exist`, fix: `mount the file or unset ${name}` });
    else if (!readable(path)) out.push({ check: 'volumes', severity: 'error', message: `${name}=${path} is not readable by this user`, fix: `chmod/chown ${path} for the service user` });
  }
  const state = values.OUTPOST_STATE_DIR!;
  const stateBase = existingAncestor(state);
  if (!writable(stateBase)) out.push({ check: 'volumes', severity: 'error', message: `OUTPOST_STATE_DIR=${state} is not writable (${stateBase})`, fix: `mount a writable volume at ${state}` });
  else out.push({ check: 'volumes', severity: 'ok', message: `OUTPOST_STATE_DIR=${state} writable` });
  if (/\/releases\/[^/]+\//.test(`${state}/`) || /\/releases\/[^/]+\//.test(values.AUDIT_QUEUE_DB_PATH!)) {
    out.push({ check: 'volumes', severity: 'error', message: 'state or audit database inside a release folder: an upgrade or rollback would leave it behind', fix: 'set OUTPOST_STATE_DIR and AUDIT_QUEUE_DB_PATH under /opt/outpost/state' });
  }
  return out;
}

function loadPolicyKey(value: string): KeyObject {
  if (value.startsWith('/') || value.endsWith('.pem')) return createPublicKey(readFileSync(value));
  return createPublicKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'spki' });
}

/** A detached signature file: 64 raw bytes, or base64 text of them. */
function readSignature(path: string): Buffer {
  const raw = readFileSync(path);
  if (raw.length === 64) return raw;
  return Buffer.from(raw.toString('utf8').trim(), 'base64');
}

/** policy_bundle.json parses, and its signature verifies with OUTPOST_POLICY_PUBLIC_KEY. */
export function checkPolicy(values: Record<string, string>): Finding[] {
  const bundlePath = join(values.AIRGAP_POLICY_PATH!, 'policy_bundle.json');
  const required = ['true', '1', 'yes'].includes(values.OUTPOST_REQUIRE_SIGNED_POLICY!.trim().toLowerCase());
  if (!existsSync(bundlePath)) {
    return [{ check: 'policy', severity: required ? 'error' : 'warn', message: `no ${bundlePath}: the built-in baseline bundle is enforced`, fix: 'place policy_bundle.json (and its .sig) in AIRGAP_POLICY_PATH' }];
  }
  const bytes = readFileSync(bundlePath);
  const out: Finding[] = [];
  try {
    const bundle = JSON.parse(bytes.toString('utf8')) as { version?: unknown };
    out.push({ check: 'policy', severity: 'ok', message: `${bundlePath} parses (version=${String(bundle.version ?? 'unknown')})` });
  } catch (e) {
    return [{ check: 'policy', severity: 'error', message: `${bundlePath} is not valid JSON: ${(e as Error).message}`, fix: 'restore the bundle exported by the platform, or the last known good one' }];
  }
  const sigPath = `${bundlePath}.sig`;
  const keyValue = values.OUTPOST_POLICY_PUBLIC_KEY!;
  if (!keyValue || !existsSync(sigPath)) {
    const missing = !keyValue ? 'OUTPOST_POLICY_PUBLIC_KEY is not set' : `${sigPath} is missing`;
    out.push({ check: 'policy', severity: required ? 'error' : 'warn', message: `policy signature not checked: ${missing}`, fix: 'sign bundles (outpost policy sign) and set OUTPOST_POLICY_PUBLIC_KEY and OUTPOST_REQUIRE_SIGNED_POLICY=true' });
    return out;
  }
  try {
    const key = loadPolicyKey(keyValue);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the key is ${key.asymmetricKeyType}, not Ed25519`);
    if (verify(null, bytes, key, readSignature(sigPath))) out.push({ check: 'policy', severity: 'ok', message: 'policy_bundle.json signature verifies (Ed25519)' });
    else out.push({ check: 'policy', severity: 'error', message: 'policy_bundle.json.sig does not verify: the bundle was altered or signed with another key', fix: 'restore the signed bundle, or re-sign it with the key matching OUTPOST_POLICY_PUBLIC_KEY' });
  } catch (e) {
    out.push({ check: 'policy', severity: 'error', message: `policy signature could not be checked: ${(e as Error).message}`, fix: 'OUTPOST_POLICY_PUBLIC_KEY must be an Ed25519 public key (PEM file or base64 SPKI)' });
  }
  return out;
}

function isMmdb(path: string): boolean {
  // The metadata marker sits within the last 128 KiB of every MaxMind DB file.
  const size = statSync(path).size;
  const length = Math.min(size, 128 * 1024);
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  return buffer.lastIndexOf(MMDB_MARKER) >= 0;
}

/** Tier 3 model and GeoIP databases, resolved in the operator contract's order. */
export function checkModelAndGeoip(values: Record<string, string>): Finding[] {
  const out: Finding[] = [];
  out.push(...checkModel(values));

  const geo = [values.GEOIP_MMDB_PATH, values.GEOIP_MMDB_FALLBACK_PATH].filter((p): p is string => !!p);
  const db = geo.find((p) => existsSync(p) && readable(p));
  if (!db) out.push({ check: 'geoip', severity: 'warn', message: 'no GeoIP database: enrichment is disabled and audit records omit geographic fields', fix: 'mount a City/Country .mmdb and set GEOIP_MMDB_PATH' });
  for (const name of ['GEOIP_MMDB_PATH', 'GEOIP_MMDB_FALLBACK_PATH', 'GEOIP_ASN_DB_PATH', 'GEOIP_ANON_DB_PATH']) {
    const p = values[name];
    if (!p || !existsSync(p) || !readable(p)) continue;
    if (isMmdb(p)) out.push({ check: 'geoip', severity: 'ok', message: `${name}=${p} is a MaxMind DB (${statSync(p).size} bytes)` });
    else out.push({ check: 'geoip', severity: 'error', message: `${name}=${p} is not a MaxMind DB file (no metadata marker)`, fix: 'replace it with a .mmdb database' });
  }
  return out;
}

/** The audit database folder: writable, and the free space on its file system. */
export function checkAudit(values: Record<string, string>): Finding[] {
  const db = values.AUDIT_QUEUE_DB_PATH!;
  const dir = dirname(db);
  const base = existingAncestor(dir);
  const out: Finding[] = [];
  if (!writable(base)) {
    return [{ check: 'audit', severity: 'error', message: `audit database folder ${dir} is not writable (${base})`, fix: `mount a writable persistent volume at ${dir} (one per replica)` }];
  }
  out.push({ check: 'audit', severity: 'ok', message: `audit database ${db}: folder writable${existsSync(db) ? `, ${statSync(db).size} bytes now` : ', created on first start'}` });
  const fs = statfsSync(base);
  const free = fs.bavail * fs.bsize;
  const freeText = `${(free / GIB).toFixed(1)} GiB free on the audit volume`;
  if (free < 0.1 * GIB) out.push({ check: 'audit', severity: 'error', message: freeText, fix: 'free space or grow the volume: audit events are never dropped, the queue only grows in a permanent air gap (export it, OPERATIONS.md)' });
  else if (free < GIB) out.push({ check: 'audit', severity: 'warn', message: freeText, fix: 'grow the volume or export and archive the queue' });
  else out.push({ check: 'audit', severity: 'ok', message: freeText });
  return out;
}

/** Certificate expiry against OUTPOST_CERT_WARN_DAYS; the private key's file mode. */
export function checkCertificates(values: Record<string, string>, now = new Date()): Finding[] {
  const out: Finding[] = [];
  const certPath = values.OUTPOST_TLS_CERT;
  if (!certPath) return [{ check: 'certificate', severity: 'info', message: 'no OUTPOST_TLS_CERT configured' }];
  if (!existsSync(certPath)) return out; // reported by checkVolumes
  try {
    const cert = new X509Certificate(readFileSync(certPath));
    const days = Math.floor((new Date(cert.validTo).getTime() - now.getTime()) / 86_400_000);
    const warnDays = Number(values.OUTPOST_CERT_WARN_DAYS) || 45;
    const fix = 'replace the certificate and key files on the volume, then restart (rotation is manual in air-gap mode)';
    if (days < 0) out.push({ check: 'certificate', severity: 'error', message: `${certPath} expired ${-days} days ago (${cert.validTo})`, fix });
    else if (days < warnDays) out.push({ check: 'certificate', severity: 'warn', message: `${certPath} expires in ${days} days (${cert.validTo}), within OUTPOST_CERT_WARN_DAYS=${warnDays}`, fix });
    else out.push({ check: 'certificate', severity: 'ok', message: `${certPath} valid for ${days} more days (${cert.subject.replace(/\n/g, ', ')})` });
  } catch (e) {
    out.push({ check: 'certificate', severity: 'error', message: `${certPath} is not a PEM certificate: ${(e as Error).message}`, fix: 'OUTPOST_TLS_CERT must name a PEM file' });
  }
  const keyPath = values.OUTPOST_TLS_KEY;
  if (keyPath && existsSync(keyPath) && (statSync(keyPath).mode & 0o077) !== 0) {
    out.push({ check: 'certificate', severity: 'warn', message: `${keyPath} is readable by group or others`, fix: `chmod 600 ${keyPath}` });
  }
  return out;
}

/** Estimated entropy in bits: length times log2 of the alphabet the token draws from. */
export function tokenBits(token: string): number {
  let alphabet = 0;
  if (/[a-z]/.test(token)) alphabet += 26;
  if (/[A-Z]/.test(token)) alphabet += 26;
  if (/[0-9]/.test(token)) alphabet += 10;
  if (/[^A-Za-z0-9]/.test(token)) alphabet += 33;
  const distinct = new Set(token).size;
  // A token of few distinct characters (aaaa..., abab...) is as weak as its distinct set.
  return token.length * Math.log2(Math.max(2, Math.min(alphabet, distinct * 2)));
}

/** OUTPOST_ADMIN_TOKEN: absent (admin API off) or long and random enough. */
export function checkAdminToken(env: NodeJS.ProcessEnv): Finding[] {
  const token = adminToken(env) ?? '';
  if (!token) return [{ check: 'admin-token', severity: 'info', message: 'OUTPOST_ADMIN_TOKEN unset: the admin API is off (404)' }];
  const bits = Math.round(tokenBits(token));
  const fix = 'generate one: openssl rand -hex 32';
  if (token.length < 24 || bits < 96) return [{ check: 'admin-token', severity: 'error', message: `OUTPOST_ADMIN_TOKEN is weak (${token.length} characters, ~${bits} bits)`, fix }];
  if (bits < 128) return [{ check: 'admin-token', severity: 'warn', message: `OUTPOST_ADMIN_TOKEN has ~${bits} bits; 128 or more recommended`, fix }];
  return [{ check: 'admin-token', severity: 'ok', message: `OUTPOST_ADMIN_TOKEN: ${token.length} characters, ~${bits} bits` }];
}

/** Every offline check. */
export function runChecks(options: DoctorOptions, env: NodeJS.ProcessEnv = process.env): Finding[] {
  const { values, distDir } = options;
  return [
    ...checkAirGap(values),
    ...checkEgress(values, distDir),
    ...checkVolumes(values),
    ...(projectsMode(values) ? checkProjects(values, checkPolicy) : checkPolicy(values)),
    ...checkModelAndGeoip(values),
    ...checkAudit(values),
    ...checkCertificates(values, options.now),
    ...checkAdminToken(env),
  ];
}

/** How each runtime words its own egress refusal (workerd's egress-deny worker, Deno's --allow-net). */
const RUNTIME_REFUSAL = /refused by the runtime|Requires net access|NotCapable|PermissionDenied/i;

/**
 * Asks the running gateway to fetch url from inside the runtime (POST /admin/api/egress-probe):
 * an ok finding when both the worker guard and the runtime refuse it.
 */
export async function probe(runtimeUrl: string, url: string, token: string): Promise<Finding> {
  if (!token) return { check: 'probe', severity: 'error', message: 'OUTPOST_ADMIN_TOKEN is needed for --probe', fix: 'run with the gateway\'s OUTPOST_ADMIN_TOKEN in the environment' };
  let res: Response;
  try {
    res = await fetch(new URL('/admin/api/egress-probe', runtimeUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (e) {
    return { check: 'probe', severity: 'error', message: `gateway at ${runtimeUrl} not reachable: ${(e as Error).message}`, fix: 'start the gateway, or pass its address with --runtime' };
  }
  if (!res.ok) return { check: 'probe', severity: 'error', message: `egress probe answered ${res.status}: ${(await res.text()).slice(0, 200)}`, fix: 'check OUTPOST_ADMIN_TOKEN and the --runtime address' };
  const body = (await res.json()) as { worker?: { refused?: boolean }; runtime?: { refused?: boolean; error?: string; status?: number } };
  const worker = body.worker?.refused === true;
  const runtime = body.runtime?.refused === true;
  // Only the runtime's own refusal proves the air gap: workerd's egress-deny worker, or Deno's
  // --allow-net. Any other failure (DNS lookup, connection refused by the far end, time-out) says
  // that the address was not reached this time, not that the runtime would refuse it.
  const error = body.runtime?.error ?? '';
  if (worker && runtime && !RUNTIME_REFUSAL.test(error)) {
    return {
      check: 'probe',
      severity: 'warn',
      message: `${url} refused by the worker; the runtime did not refuse it but failed to reach it (${error || 'unknown error'}): a network failure such as DNS, not the air gap`,
      fix: 'set OUTPOST_AIRGAP=true so that the runtime itself refuses every address that is not a configured target',
    };
  }
  if (worker && runtime) return { check: 'probe', severity: 'ok', message: `${url} refused by the worker and by the runtime (${error || 'refused'})` };
  return {
    check: 'probe',
    severity: 'error',
    message: `${url} reachable: worker ${worker ? 'refused' : 'ALLOWED'}, runtime ${runtime ? 'refused' : `ALLOWED (status ${body.runtime?.status})`}`,
    fix: 'set OUTPOST_AIRGAP=true and make sure the address is not a configured target',
  };
}

const MARK: Record<Severity, string> = { ok: 'OK   ', info: 'INFO ', warn: 'WARN ', error: 'ERROR' };

/** The `outpost doctor` command. */
export async function doctorCommand(args: string[], distDir: string): Promise<number> {
  const { flags } = parseFlags(args, { json: { type: 'boolean' }, probe: { type: 'string' }, runtime: { type: 'string' } });
  const values = resolveEnvironment().values;
  const findings = runChecks({ values, distDir });
  const probeUrl = flags.probe;
  if (probeUrl) findings.push(await probe(flags.runtime ?? `http://${values.HOST!.includes(':') ? `[${values.HOST}]` : values.HOST}:${values.PORT}`, probeUrl, adminToken(process.env) ?? ''));
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warn').length;
  if (flags.json) console.log(JSON.stringify({ ok: errors === 0, errors, warnings, findings }, null, 2));
  else {
    for (const f of findings) {
      console.log(`${MARK[f.severity]} ${f.check}: ${f.message}`);
      if (f.fix && f.severity !== 'ok') console.log(`      fix: ${f.fix}`);
    }
    console.log(`\n${errors} error(s), ${warnings} warning(s)`);
  }
  return errors ? 1 : 0;
}
