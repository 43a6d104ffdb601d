/**
 * Typed readers over the variable table, and the settings of each subsystem built with them.
 *
 * Every read names a variable and the kind it expects; a name missing from VARIABLES or read as
 * another kind than the table says is a programming error (thrown at startup, caught by tests),
 * and a value that does not parse is a ConfigError naming the variable.
 *
 * @example
 * const env = withDefaults({ OUTPOST_AUDIT_BREAKER_FAILURES: '7' });
 * auditSettings(env).breakerFailures; // 7
 */
import { VARIABLES, type VariableKind } from './variables.js';
import { ConfigError } from './errors.js';

type Env = Readonly<Record<string, string | undefined>>;

const KIND_OF = new Map(VARIABLES.map((v) => [v.name, v.kind]));

function raw(env: Env, name: string, kind: VariableKind): string {
  const declared = KIND_OF.get(name);
  if (declared !== kind) throw new Error(`variable table: ${name} is ${declared ? `a ${declared}` : 'not declared'}, read as a ${kind}`);
  return (env[name] ?? '').trim();
}

/** true/1/yes or false/0/no (any case); empty means false. */
export function readBool(env: Env, name: string): boolean {
  const v = raw(env, name, 'bool').toLowerCase();
  if (v === 'true' || v === '1' || v === 'yes') return true;
  if (v === 'false' || v === '0' || v === 'no' || v === '') return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

/** A positive integer; empty gives undefined (the table's default is applied before). */
export function readInt(env: Env, name: string): number | undefined {
  const v = raw(env, name, 'int');
  if (v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive integer, got "${v}"`);
  return n;
}

/** Like readInt, for variables whose table default guarantees a value. */
export function requireInt(env: Env, name: string): number {
  const n = readInt(env, name);
  if (n === undefined) throw new ConfigError(`${name} must be set`);
  return n;
}

/** A file or folder path; empty gives undefined. */
export function readPath(env: Env, name: string): string | undefined {
  return raw(env, name, 'path') || undefined;
}

/** Free text (keys, tokens); empty gives undefined. Not trimmed inside. */
export function readString(env: Env, name: string): string | undefined {
  return raw(env, name, 'string') || undefined;
}

/** `value` parsed as an http(s) URL; a ConfigError naming the variable otherwise. */
export function httpUrl(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a URL: "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${name} must be http or https: "${value}"`);
  return url;
}

/** An http(s) URL; empty gives undefined. */
export function readUrl(env: Env, name: string): string | undefined {
  const v = raw(env, name, 'url');
  if (!v) return undefined;
  httpUrl(name, v);
  return v;
}

/** A comma-separated list, entries trimmed, empties dropped. */
export function readList(env: Env, name: string): string[] {
  return raw(env, name, 'list').split(',').map((s) => s.trim()).filter(Boolean);
}

/** One of a fixed set of words (case-insensitive). */
export function readEnum<W extends string>(env: Env, name: string, words: readonly W[]): W {
  const v = raw(env, name, 'enum').toLowerCase();
  if (!(words as readonly string[]).includes(v)) throw new ConfigError(`${name} must be ${words.join(' or ')}, got "${env[name]}"`);
  return v as W;
}

/** Policy signatures and API keys (OUTPOST_POLICY_PUBLIC_KEY, OUTPOST_REQUIRE_SIGNED_POLICY, OUTPOST_API_KEYS). */
export interface PolicySettings {
  /** Base64, PEM or an absolute file path; undefined when unset. */
  readonly publicKey?: string;
  readonly requireSigned: boolean;
  /** The raw OUTPOST_API_KEYS value (parsed by policy/auth). */
  readonly apiKeys: string;
}

export function policySettings(env: Env): PolicySettings {
  const publicKey = readString(env, 'OUTPOST_POLICY_PUBLIC_KEY');
  return { ...(publicKey ? { publicKey } : {}), requireSigned: readBool(env, 'OUTPOST_REQUIRE_SIGNED_POLICY'), apiKeys: readString(env, 'OUTPOST_API_KEYS') ?? '' };
}

/** Tier 3 (DLP_DEBERTA_ENABLED, DEBERTA_MODEL_PATH, AIRGAP_MODEL_PATH). */
export interface Tier3Variables {
  readonly enabled: boolean;
  readonly modelPath?: string;
  readonly modelDir: string;
}

export function tier3Variables(env: Env): Tier3Variables {
  const modelPath = readPath(env, 'DEBERTA_MODEL_PATH');
  return { enabled: readBool(env, 'DLP_DEBERTA_ENABLED'), ...(modelPath ? { modelPath } : {}), modelDir: readPath(env, 'AIRGAP_MODEL_PATH') ?? '' };
}

/** GeoIP databases and the trusted proxies (GEOIP_*, OUTPOST_TRUSTED_PROXIES). */
export interface GeoIpVariables {
  /** GEOIP_MMDB_PATH (comma-separated for split IPv4/IPv6 files). */
  readonly mmdbPath?: string;
  /** GEOIP_DOWNLOAD_ON_START. */
  readonly downloadOnStart: boolean;
  /** GEOIP_DOWNLOAD_URL: the only place a download comes from; there is no built-in URL. */
  readonly downloadUrl?: string;
  /** GEOIP_MMDB_FALLBACK_PATH. */
  readonly fallbackPath?: string;
  /** GEOIP_ASN_DB_PATH: ASN or ISP database. */
  readonly asnPath?: string;
  /** GEOIP_ANON_DB_PATH: anonymous-IP database. */
  readonly anonPath?: string;
  /** OUTPOST_TRUSTED_PROXIES, entries trimmed (parsed as CIDRs by geoip). */
  readonly trustedProxies: readonly string[];
}

export function geoIpVariables(env: Env): GeoIpVariables {
  const optional = (key: string, value: string | undefined) => (value ? { [key]: value } : {});
  return {
    ...optional('mmdbPath', readPath(env, 'GEOIP_MMDB_PATH')),
    downloadOnStart: readBool(env, 'GEOIP_DOWNLOAD_ON_START'),
    ...optional('downloadUrl', readUrl(env, 'GEOIP_DOWNLOAD_URL')),
    ...optional('fallbackPath', readPath(env, 'GEOIP_MMDB_FALLBACK_PATH')),
    ...optional('asnPath', readPath(env, 'GEOIP_ASN_DB_PATH')),
    ...optional('anonPath', readPath(env, 'GEOIP_ANON_DB_PATH')),
    trustedProxies: readList(env, 'OUTPOST_TRUSTED_PROXIES'),
  };
}

/** The audit queue (OUTPOST_AUDIT_*). */
export interface AuditVariables {
  readonly hmacKey?: string;
  readonly salt?: string;
  readonly breakerFailures: number;
  readonly breakerCooldownMs: number;
}

export function auditVariables(env: Env): AuditVariables {
  const hmacKey = readString(env, 'OUTPOST_AUDIT_HMAC_KEY');
  const salt = readString(env, 'OUTPOST_AUDIT_SALT');
  return {
    ...(hmacKey ? { hmacKey } : {}),
    ...(salt ? { salt } : {}),
    breakerFailures: requireInt(env, 'OUTPOST_AUDIT_BREAKER_FAILURES'),
    breakerCooldownMs: requireInt(env, 'OUTPOST_AUDIT_BREAKER_COOLDOWN_MS'),
  };
}

/** Connected mode's links to the platform (OUTPOST_*_INTERVAL_MS, OUTPOST_PLATFORM_*). */
export interface PlatformVariables {
  readonly heartbeatIntervalMs: number;
  readonly policySyncIntervalMs: number;
  readonly certCheckIntervalMs: number;
  readonly failureThreshold: number;
  readonly cooldownMs: number;
  readonly timeoutMs: number;
}

export function platformVariables(env: Env): PlatformVariables {
  return {
    heartbeatIntervalMs: requireInt(env, 'OUTPOST_HEARTBEAT_INTERVAL_MS'),
    policySyncIntervalMs: requireInt(env, 'OUTPOST_POLICY_SYNC_INTERVAL_MS'),
    certCheckIntervalMs: requireInt(env, 'OUTPOST_CERT_CHECK_INTERVAL_MS'),
    failureThreshold: requireInt(env, 'OUTPOST_PLATFORM_FAILURE_THRESHOLD'),
    cooldownMs: requireInt(env, 'OUTPOST_PLATFORM_COOLDOWN_MS'),
    timeoutMs: requireInt(env, 'OUTPOST_PLATFORM_TIMEOUT_MS'),
  };
}

/** The admin surface (OUTPOST_ADMIN_PORT, OUTPOST_METRICS_AUTH). */
export interface AdminVariables {
  /** Set: operator routes answer only on this loopback port. */
  readonly port?: number;
  readonly metricsAuth: 'token' | 'none';
}

export function adminVariables(env: Env): AdminVariables {
  const port = readInt(env, 'OUTPOST_ADMIN_PORT');
  return { ...(port ? { port } : {}), metricsAuth: readEnum(env, 'OUTPOST_METRICS_AUTH', ['token', 'none'] as const) };
}

/** Mutual TLS to the platform (OUTPOST_TLS_CERT, OUTPOST_TLS_KEY, OUTPOST_CA_BUNDLE, OUTPOST_CERT_WARN_DAYS). */
export interface TlsVariables {
  readonly certPath?: string;
  readonly keyPath?: string;
  readonly caPath?: string;
  readonly warnDays: number;
}

export function tlsVariables(env: Env): TlsVariables {
  const optional = (key: string, value: string | undefined) => (value ? { [key]: value } : {});
  return {
    ...optional('certPath', readPath(env, 'OUTPOST_TLS_CERT')),
    ...optional('keyPath', readPath(env, 'OUTPOST_TLS_KEY')),
    ...optional('caPath', readPath(env, 'OUTPOST_CA_BUNDLE')),
    warnDays: requireInt(env, 'OUTPOST_CERT_WARN_DAYS'),
  };
}

/** OUTPOST_MODE and the compiled-project cache (OUTPOST_PROJECT_CACHE_SIZE, OUTPOST_PROJECT_TTL_MS). */
export interface ProjectSettings {
  /** standalone: one policy bundle, exactly as before projects existed; projects: one per project. */
  readonly mode: 'standalone' | 'projects';
  /** Compiled projects kept in memory (LRU). */
  readonly cacheSize: number;
  /** Idle time after which a compiled project is dropped. */
  readonly ttlMs: number;
  /** The raw OUTPOST_PROJECT_ADMIN_TOKENS value (parsed by admin/project-tokens.ts). */
  readonly adminTokens: string;
}

/**
 * @example
 * projectSettings(withDefaults({ OUTPOST_MODE: 'projects' })).cacheSize; // 64
 */
export function projectSettings(env: Env): ProjectSettings {
  return {
    mode: readEnum(env, 'OUTPOST_MODE', ['standalone', 'projects'] as const),
    cacheSize: requireInt(env, 'OUTPOST_PROJECT_CACHE_SIZE'),
    ttlMs: requireInt(env, 'OUTPOST_PROJECT_TTL_MS'),
    adminTokens: readString(env, 'OUTPOST_PROJECT_ADMIN_TOKENS') ?? '',
  };
}
