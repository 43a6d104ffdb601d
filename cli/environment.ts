/**
 * Resolves the operator's environment for the runtime: defaults from the variable table applied,
 * relative paths made absolute (workerd has no working directory), the state folder created.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { VARIABLES } from '../worker/config/variables.js';
import { withDefaults } from '../worker/config/index.js';
import { preparationSteps } from './launch/prepare.js';

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
 * Creates the writable folders the gateway needs and the finding-hash salt (launch/prepare.ts).
 * @example
 * prepareWritableFolders(resolveEnvironment().values);
 */
export function prepareWritableFolders(values: Record<string, string>): void {
  for (const step of preparationSteps(values, { exists: existsSync })) {
    try {
      if (step.op === 'mkdir') mkdirSync(step.path, { recursive: true, mode: step.mode });
      else writeFileSync(step.path, step.content, { mode: step.mode });
    } catch (e) {
      throw new Error(`${step.variable}: cannot prepare ${step.path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
}
