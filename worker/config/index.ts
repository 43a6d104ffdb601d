/**
 * The gateway's configuration, parsed once from the environment at startup.
 *
 * @example
 * const config = parseConfig({ OUTPOST_AIRGAP: 'true', OUTPOST_UPSTREAM_URL: 'http://127.0.0.1:8000' });
 * config.airGap; // true
 */
import { VARIABLES } from './variables.js';

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
  /** The raw values, defaults applied, for subsystems that read their own variables. */
  readonly env: Readonly<Record<string, string>>;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
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

function parseBoolean(name: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === '1' || v === 'yes') return true;
  if (v === 'false' || v === '0' || v === 'no' || v === '') return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

function parsePositiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive integer, got "${value}"`);
  return n;
}

/** Normalises a target base URL: http(s) only, no trailing slash, no trailing /v1 or /api. */
export function normaliseBaseUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a URL: "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${name} must be http or https: "${value}"`);
  if (url.username || url.password) throw new ConfigError(`${name} must not carry credentials; use an API key variable`);
  let path = url.pathname.replace(/\/+$/, '');
  path = path.replace(/\/(v1|api)$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

/** Parses the environment into a validated configuration; throws ConfigError naming the variable. */
export function parseConfig(raw: Readonly<Record<string, unknown>>): GatewayConfig {
  const env = withDefaults(raw);
  const kind = env.OUTPOST_UPSTREAM_KIND!.trim().toLowerCase();
  if (kind !== 'openai' && kind !== 'ollama') throw new ConfigError(`OUTPOST_UPSTREAM_KIND must be openai or ollama, got "${kind}"`);
  const models = env.OUTPOST_UPSTREAM_MODELS!.split(',').map((m) => m.trim()).filter(Boolean);
  const apiKeyEnv = env.OUTPOST_UPSTREAM_API_KEY_ENV!.trim();
  const defaultTarget: TargetConfig = {
    id: 'default',
    kind,
    baseUrl: normaliseBaseUrl('OUTPOST_UPSTREAM_URL', env.OUTPOST_UPSTREAM_URL!),
    models: models.length ? models : ['*'],
    ...(apiKeyEnv ? { apiKeyEnv } : {}),
  };
  const logLevel = env.OUTPOST_LOG_LEVEL!.toLowerCase();
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) throw new ConfigError(`OUTPOST_LOG_LEVEL must be debug, info, warn or error`);
  return {
    airGap: parseBoolean('OUTPOST_AIRGAP', env.OUTPOST_AIRGAP!),
    targets: [defaultTarget],
    upstreamTimeoutMs: parsePositiveInt('OUTPOST_UPSTREAM_TIMEOUT_MS', env.OUTPOST_UPSTREAM_TIMEOUT_MS!),
    maxBodyBytes: parsePositiveInt('OUTPOST_MAX_BODY_BYTES', env.OUTPOST_MAX_BODY_BYTES!),
    bodyTimeoutMs: parsePositiveInt('OUTPOST_BODY_TIMEOUT_MS', env.OUTPOST_BODY_TIMEOUT_MS!),
    policyBundlesKept: parsePositiveInt('OUTPOST_POLICY_BUNDLES_KEPT', env.OUTPOST_POLICY_BUNDLES_KEPT!),
    maxResponseBytes: parsePositiveInt('OUTPOST_MAX_RESPONSE_BYTES', env.OUTPOST_MAX_RESPONSE_BYTES!),
    knowledgeMaxAssetBytes: parsePositiveInt('OUTPOST_KNOWLEDGE_MAX_ASSET_BYTES', env.OUTPOST_KNOWLEDGE_MAX_ASSET_BYTES!),
    policyPath: env.AIRGAP_POLICY_PATH!,
    stateDir: env.OUTPOST_STATE_DIR!,
    auditDbPath: env.AUDIT_QUEUE_DB_PATH!,
    adminToken: env.OUTPOST_ADMIN_TOKEN!,
    platformUrl: env.OUTPOST_PLATFORM_URL!,
    logLevel: logLevel as GatewayConfig['logLevel'],
    env,
  };
}

export { parseBoolean };
