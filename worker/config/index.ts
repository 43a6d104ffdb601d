/**
 * The gateway's configuration, parsed once from the environment at startup.
 *
 * @example
 * const config = parseConfig({ OUTPOST_AIRGAP: 'true', OUTPOST_UPSTREAM_URL: 'http://127.0.0.1:8000' });
 * config.airGap; // true
 */
import { VARIABLES } from './variables.js';
import { ConfigError } from './errors.js';
import {
  adminVariables,
  auditVariables,
  geoIpVariables,
  platformVariables,
  policySettings,
  httpUrl,
  readBool,
  readEnum,
  readUrl,
  readList,
  readPath,
  readString,
  requireInt,
  tier3Variables,
  tlsVariables,
  projectSettings,
  type AdminVariables,
  type AuditVariables,
  type GeoIpVariables,
  type PlatformVariables,
  type PolicySettings,
  type Tier3Variables,
  type TlsVariables,
  type ProjectSettings,
} from './settings.js';

export { ConfigError } from './errors.js';
export { policySettings, readInt, readString, tier3Variables } from './settings.js';
export type { AdminVariables, AuditVariables, GeoIpVariables, PlatformVariables, PolicySettings, Tier3Variables, TlsVariables, ProjectSettings } from './settings.js';
export type { VariableKind, VariableSpec } from './variables.js';

export type TargetKind = 'openai' | 'ollama';

/** A named upstream model server. */
export interface TargetConfig {
  readonly id: string;
  readonly kind: TargetKind;
  /** Origin plus optional path prefix, without a trailing slash and without /v1. */
  readonly baseUrl: string;
  /** Models this target serves; '*' claims every model no other target claims. */
  readonly models: readonly string[];
  /** Name of the environment variable holding the API key, if any. */
  readonly apiKeyEnv?: string;
}

export interface GatewayConfig {
  readonly airGap: boolean;
  readonly targets: readonly TargetConfig[];
  readonly upstreamTimeoutMs: number;
  readonly maxBodyBytes: number;
  /** Longest pause allowed while a request body arrives (408 after it). */
  readonly bodyTimeoutMs: number;
  /** Stored policy bundles kept besides the active and last known good ones. */
  readonly policyBundlesKept: number;
  readonly maxResponseBytes: number;
  readonly knowledgeMaxAssetBytes: number;
  readonly policyPath: string;
  readonly stateDir: string;
  readonly auditDbPath: string;
  readonly adminToken: string;
  readonly platformUrl: string;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  readonly policy: PolicySettings;
  readonly tier3: Tier3Variables;
  readonly geoip: GeoIpVariables;
  readonly audit: AuditVariables;
  readonly platform: PlatformVariables;
  readonly admin: AdminVariables;
  readonly tls: TlsVariables;
  /** OUTPOST_MODE and the compiled-project cache (docs/projects.md). */
  readonly projects: ProjectSettings;
  /**
   * A target's API key, read from the variable its config names (`api_key_env`); undefined when it
   * names none. Those names are the operator's, not the table's, so this is the one lookup by
   * arbitrary name; it only ever returns the value to the forwarder, never lists the environment.
   */
  readonly apiKeyOf: (target: Pick<TargetConfig, 'apiKeyEnv'>) => string | undefined;
}

/** Applies the defaults of VARIABLES to a raw environment (unset and empty both mean "default"). */
export function withDefaults(raw: Readonly<Record<string, unknown>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) if (typeof value === 'string') env[key] = value;
  for (const spec of VARIABLES) {
    if (env[spec.name] === undefined || env[spec.name] === '') env[spec.name] = spec.default;
  }
  return env;
}

/** Normalises a target base URL: http(s) only, no trailing slash, no trailing /v1 or /api. */
export function normaliseBaseUrl(name: string, value: string): string {
  const url = httpUrl(name, value);
  if (url.username || url.password) throw new ConfigError(`${name} must not carry credentials; use an API key variable`);
  let path = url.pathname.replace(/\/+$/, '');
  path = path.replace(/\/(v1|api)$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

/** Parses the environment into a validated configuration; throws ConfigError naming the variable. */
export function parseConfig(raw: Readonly<Record<string, unknown>>): GatewayConfig {
  const env = withDefaults(raw);
  const models = readList(env, 'OUTPOST_UPSTREAM_MODELS');
  const apiKeyEnv = readString(env, 'OUTPOST_UPSTREAM_API_KEY_ENV');
  const defaultTarget: TargetConfig = {
    id: 'default',
    kind: readEnum(env, 'OUTPOST_UPSTREAM_KIND', ['openai', 'ollama'] as const),
    baseUrl: normaliseBaseUrl('OUTPOST_UPSTREAM_URL', env.OUTPOST_UPSTREAM_URL!),
    models: models.length ? models : ['*'],
    ...(apiKeyEnv ? { apiKeyEnv } : {}),
  };
  return {
    airGap: readBool(env, 'OUTPOST_AIRGAP'),
    targets: [defaultTarget],
    upstreamTimeoutMs: requireInt(env, 'OUTPOST_UPSTREAM_TIMEOUT_MS'),
    maxBodyBytes: requireInt(env, 'OUTPOST_MAX_BODY_BYTES'),
    bodyTimeoutMs: requireInt(env, 'OUTPOST_BODY_TIMEOUT_MS'),
    policyBundlesKept: requireInt(env, 'OUTPOST_POLICY_BUNDLES_KEPT'),
    maxResponseBytes: requireInt(env, 'OUTPOST_MAX_RESPONSE_BYTES'),
    knowledgeMaxAssetBytes: requireInt(env, 'OUTPOST_KNOWLEDGE_MAX_ASSET_BYTES'),
    policyPath: readPath(env, 'AIRGAP_POLICY_PATH') ?? '',
    stateDir: readPath(env, 'OUTPOST_STATE_DIR') ?? '',
    auditDbPath: readPath(env, 'AUDIT_QUEUE_DB_PATH') ?? '',
    adminToken: readString(env, 'OUTPOST_ADMIN_TOKEN') ?? '',
    platformUrl: readUrl(env, 'OUTPOST_PLATFORM_URL') ?? '',
    logLevel: readEnum(env, 'OUTPOST_LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const),
    policy: policySettings(env),
    tier3: tier3Variables(env),
    geoip: geoIpVariables(env),
    audit: auditVariables(env),
    platform: platformVariables(env),
    admin: adminVariables(env),
    tls: tlsVariables(env),
    projects: projectSettings(env),
    apiKeyOf: (target) => (target.apiKeyEnv ? env[target.apiKeyEnv] : undefined),
  };
}
