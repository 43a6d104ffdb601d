/**
 * Resolves the operator's environment for the runtime: defaults from the variable table applied,
 * relative paths made absolute (workerd has no working directory), the state folder created.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { VARIABLES } from '../worker/config/variables.js';
import { withDefaults } from '../worker/config/index.js';

/** Variables holding file or folder paths. */
export const PATH_VARIABLES = [
  'AIRGAP_POLICY_PATH',
  'OUTPOST_STATE_DIR',
  'AIRGAP_MODEL_PATH',
  'DEBERTA_MODEL_PATH',
  'GEOIP_MMDB_PATH',
  'GEOIP_MMDB_FALLBACK_PATH',
  'GEOIP_ASN_DB_PATH',
  'GEOIP_ANON_DB_PATH',
  'AUDIT_QUEUE_DB_PATH',
  'OUTPOST_TLS_CERT',
  'OUTPOST_TLS_KEY',
  'OUTPOST_CA_BUNDLE',
] as const;

/** Path variables that take a comma-separated list of files. */
const LIST_VARIABLES = new Set(['GEOIP_MMDB_PATH', 'GEOIP_MMDB_FALLBACK_PATH', 'GEOIP_ASN_DB_PATH', 'GEOIP_ANON_DB_PATH']);

/** The files of a comma-separated path list. */
export function splitPaths(value: string): string[] {
  return value.split(',').map((p) => p.trim()).filter(Boolean);
}

export interface ResolvedEnvironment {
  /** Every known variable with its effective value. */
  readonly values: Record<string, string>;
  /** The full process environment to hand to the runtime (secrets included, never printed). */
  readonly processEnv: NodeJS.ProcessEnv;
}

export function resolveEnvironment(raw: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ResolvedEnvironment {
  const values = withDefaults(raw as Record<string, unknown>);
  for (const name of PATH_VARIABLES) {
    if (!values[name]) continue;
    // GeoIP paths may list several files (ip-location-db ships IPv4 and IPv6 halves).
    values[name] = LIST_VARIABLES.has(name) ? splitPaths(values[name]!).map((p) => resolve(cwd, p)).join(',') : resolve(cwd, values[name]!);
  }
  const known: Record<string, string> = {};
  for (const spec of VARIABLES) known[spec.name] = values[spec.name]!;
  return { values: known, processEnv: { ...raw, ...known } };
}

/**
 * Creates the writable folders the gateway needs (state, audit database folder), private to the
 * service user, and the finding-hash salt (0600) when OUTPOST_AUDIT_SALT is not set: workerd's
 * disk service cannot choose file modes, so the launcher makes the file before the worker reads it.
 */
export function prepareWritableFolders(values: Record<string, string>): void {
  const attempt = (variable: string, path: string, make: () => void) => {
    try {
      make();
    } catch (e) {
      throw new Error(`${variable}: cannot prepare ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  };
  const state = values.OUTPOST_STATE_DIR!;
  attempt('OUTPOST_STATE_DIR', state, () => mkdirSync(state, { recursive: true, mode: 0o700 }));
  const salt = join(state, 'finding-salt');
  if (!values.OUTPOST_AUDIT_SALT && !existsSync(salt)) attempt('OUTPOST_STATE_DIR', salt, () => writeFileSync(salt, randomBytes(32).toString('hex'), { mode: 0o600 }));
  const audit = values.AUDIT_QUEUE_DB_PATH;
  // Private to the service user like the state folder: the queue is the audit trail (never 777).
  if (audit) attempt('AUDIT_QUEUE_DB_PATH', dirname(audit), () => mkdirSync(dirname(audit), { recursive: true, mode: 0o700 }));
}
