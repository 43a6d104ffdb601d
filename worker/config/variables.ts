/**
 * Every environment variable Outpost reads, in one table.
 *
 * This list is the single source of truth: the worker parses its configuration from it,
 * `outpost config` turns each entry into a workerd `fromEnvironment` binding (so secrets never
 * land in the generated config file), and the README table and the release's environment
 * template are generated from it (`node scripts/variables.mjs`).
 */
/** string: free text; path: a file or folder path; bool: true/false (1/0, yes/no); int: a positive integer; url: http(s) URL; list: comma-separated; enum: one of fixed words. */
export type VariableKind = 'string' | 'path' | 'bool' | 'int' | 'url' | 'list' | 'enum';

export interface VariableSpec {
  /** The environment variable's name, exactly as operators set it. */
  readonly name: string;
  /** How the value is read: typed settings (settings.ts) check that each read matches this kind. */
  readonly kind: VariableKind;
  /** The default used when the variable is unset or empty ('' means "no default"). */
  readonly default: string;
  /** Secret values are never printed, logged or written to generated files. */
  readonly secret: boolean;
  /** What the variable does, for the README table and the environment template. */
  readonly description: string;
  /** Read by the launcher alone (`outpost start`): not bound into the worker's config. */
  readonly launcherOnly?: boolean;
}

export const VARIABLES: readonly VariableSpec[] = [
  // Listening socket (read by `outpost start` / `outpost config`, not by the worker itself).
  { name: 'HOST', kind: 'string', default: '127.0.0.1', secret: false, description: 'Address the gateway listens on.' },
  { name: 'PORT', kind: 'int', default: '8080', secret: false, description: 'Port the gateway listens on. A busy port is a hard error.' },
  {
    name: 'OUTPOST_WORKERS',
    kind: 'int',
    default: '',
    secret: false,
    launcherOnly: true,
    description:
      '`outpost start`: workerd processes serving the listening socket (unset: the number of cores). Process 0 owns the audit queue; the others reach it over a private unix socket. 1 runs a single process as before. Deno, the release\'s sh launcher and OUTPOST_MODE=projects run one process.',
  },
  {
    name: 'OUTPOST_AUDIT_PROCESS',
    kind: 'enum',
    default: 'shared',
    secret: false,
    launcherOnly: true,
    description:
      '`outpost start` with OUTPOST_WORKERS > 1: `shared` (process 0 owns the audit queue and serves requests too) or `own` (one more workerd process owns the queue and serves no public traffic, so the OUTPOST_WORKERS serving processes are alike).',
  },

  // The air-gap switch.
  {
    name: 'OUTPOST_AIRGAP',
    kind: 'bool',
    default: 'false',
    secret: false,
    description:
      'true: open no connection except to configured targets (enforced by the runtime and by the worker); no platform sync, heartbeat, cert rotation or downloads.',
  },

  // The default upstream target.
  {
    name: 'OUTPOST_UPSTREAM_URL',
    kind: 'url',
    default: 'http://127.0.0.1:8000',
    secret: false,
    description: 'Base URL of the default target (a vLLM/OpenAI-compatible server or Ollama), without /v1.',
  },
  { name: 'OUTPOST_UPSTREAM_KIND', kind: 'enum', default: 'openai', secret: false, description: 'Kind of the default target: openai or ollama.' },
  {
    name: 'OUTPOST_UPSTREAM_MODELS',
    kind: 'list',
    default: '*',
    secret: false,
    description: 'Comma-separated models the default target serves; * routes every model not claimed by another target to it.',
  },
  {
    name: 'OUTPOST_UPSTREAM_API_KEY_ENV',
    kind: 'string',
    default: '',
    secret: false,
    description: 'Name of the environment variable holding the default target\'s API key (sent as Bearer). The key itself is never logged.',
  },
  {
    name: 'OUTPOST_UPSTREAM_TIMEOUT_MS',
    kind: 'int',
    default: '120000',
    secret: false,
    description: 'Time allowed for the upstream to answer with headers, and between two stream chunks; exceeded: 504 (or a terminating stream error).',
  },
  { name: 'OUTPOST_MAX_BODY_BYTES', kind: 'int', default: '4194304', secret: false, description: 'Largest request body accepted (413 above it).' },
  {
    name: 'OUTPOST_BODY_TIMEOUT_MS',
    kind: 'int',
    default: '5000',
    secret: false,
    description: 'Longest pause allowed while a request body arrives (a body of up to 64 KiB must arrive whole within it); exceeded: 408 body_timeout (audited).',
  },
  {
    name: 'OUTPOST_MAX_RESPONSE_BYTES',
    kind: 'int',
    default: '67108864',
    secret: false,
    description: 'Largest upstream response (whole or streamed) relayed; above it the response ends with an error.',
  },

  // Volumes and state.
  {
    name: 'AIRGAP_POLICY_PATH',
    kind: 'path',
    default: '/opt/outpost/policies',
    secret: false,
    description: 'Folder holding policy_bundle.json (and policy_bundle.json.sig). Missing: the built-in baseline bundle is enforced.',
  },
  {
    name: 'OUTPOST_STATE_DIR',
    kind: 'path',
    default: 'state',
    secret: false,
    description: 'Writable folder for installed policy bundles and the last known good bundle (outside release folders).',
  },
  {
    name: 'OUTPOST_POLICY_PUBLIC_KEY',
    kind: 'string',
    default: '',
    secret: false,
    description: 'Ed25519 public key (PEM file path or base64 SPKI) that verifies policy bundle signatures.',
  },
  {
    name: 'OUTPOST_POLICY_BUNDLES_KEPT',
    kind: 'int',
    default: '20',
    secret: false,
    description: 'Stored policy bundles kept in the state folder besides the active and last known good ones; older ones are removed on install.',
  },
  { name: 'OUTPOST_REQUIRE_SIGNED_POLICY', kind: 'bool', default: 'false', secret: false, description: 'true: refuse unsigned or tampered policy bundles.' },
  {
    name: 'OUTPOST_KNOWLEDGE_MAX_ASSET_BYTES',
    kind: 'int',
    default: '1048576',
    secret: false,
    description: 'Largest knowledge asset (UTF-8 bytes) that an import or the policy volume may carry; larger ones are refused (docs/knowledge.md).',
  },
  {
    name: 'OUTPOST_API_KEYS',
    kind: 'string',
    default: '',
    secret: true,
    description: 'Static caller API keys (comma-separated key or name:key), used when the policy bundle selects auth mode api_key.',
  },

  // DLP Tier 3.
  { name: 'DLP_DEBERTA_ENABLED', kind: 'bool', default: 'false', secret: false, description: 'true: load the Tier 3 ONNX classifier. `npm start` (outpost start --embedded-defaults) sets it to true unless it is set.' },
  { name: 'DEBERTA_MODEL_PATH', kind: 'path', default: '', secret: false, description: 'Tier 3 model file, used first if set and present.' },
  {
    name: 'AIRGAP_MODEL_PATH',
    kind: 'path',
    default: '/opt/outpost/models',
    secret: false,
    description: 'Folder searched for model.onnx, else model_quantized.onnx, when DEBERTA_MODEL_PATH is not usable: a Hugging Face export folder as it is (config.json, tokenizer files) or a model.json package (docs/tier3.md).',
  },

  // GeoIP.
  { name: 'GEOIP_MMDB_PATH', kind: 'path', default: '', secret: false, description: 'City/Country MMDB database, used first if set and present.' },
  {
    name: 'GEOIP_DOWNLOAD_ON_START',
    kind: 'bool',
    default: 'false',
    secret: false,
    description: 'true: download the database on start from GEOIP_DOWNLOAD_URL (never in air-gap mode).',
  },
  { name: 'GEOIP_DOWNLOAD_URL', kind: 'url', default: '', secret: false, description: 'Operator-configured URL for GEOIP_DOWNLOAD_ON_START.' },
  { name: 'GEOIP_MMDB_FALLBACK_PATH', kind: 'path', default: '', secret: false, description: 'Database used when neither of the above gave one.' },
  { name: 'GEOIP_ASN_DB_PATH', kind: 'path', default: '', secret: false, description: 'Optional ASN/ISP MMDB database.' },
  { name: 'GEOIP_ANON_DB_PATH', kind: 'path', default: '', secret: false, description: 'Optional anonymous-IP MMDB database.' },
  {
    name: 'OUTPOST_TRUSTED_PROXIES',
    kind: 'list',
    default: '',
    secret: false,
    description: 'CIDR list of proxies whose X-Forwarded-For / Forwarded / X-Real-IP headers are honoured.',
  },

  // Audit.
  {
    name: 'AUDIT_QUEUE_DB_PATH',
    kind: 'path',
    default: 'audit_queue/audit_queue.db',
    secret: false,
    description: 'SQLite audit queue (the local_audit_queue table); created automatically; mount a persistent volume.',
  },
  {
    name: 'OUTPOST_AUDIT_HMAC_KEY',
    kind: 'string',
    default: '',
    secret: true,
    description: 'Key for the audit hash chain (HMAC-SHA256); unset: plain SHA-256 chain.',
  },
  { name: 'OUTPOST_AUDIT_SALT', kind: 'string', default: '', secret: true, description: 'Salt for hashes of sensitive values in findings; unset: a random salt kept in the state folder.' },

  // Platform, admin and certificates.
  {
    name: 'OUTPOST_PLATFORM_URL',
    kind: 'url',
    default: '',
    secret: false,
    description: 'Management platform (connected mode only): audit sync, policy sync, heartbeat, cert renewal.',
  },
  { name: 'OUTPOST_AUDIT_BREAKER_FAILURES', kind: 'int', default: '5', secret: false, description: 'Connected mode: consecutive failed audit deliveries that open the audit sync circuit.' },
  { name: 'OUTPOST_AUDIT_BREAKER_COOLDOWN_MS', kind: 'int', default: '30000', secret: false, description: 'Connected mode: how long the open audit sync circuit waits before its single probe.' },
  { name: 'OUTPOST_HEARTBEAT_INTERVAL_MS', kind: 'int', default: '30000', secret: false, description: 'Connected mode: how often the heartbeat is sent to the platform.' },
  { name: 'OUTPOST_POLICY_SYNC_INTERVAL_MS', kind: 'int', default: '60000', secret: false, description: 'Connected mode: how often the platform is asked for a newer policy bundle.' },
  { name: 'OUTPOST_CERT_CHECK_INTERVAL_MS', kind: 'int', default: '3600000', secret: false, description: 'Connected mode: how often the client certificate is checked for renewal (renewed 30 days before expiry).' },
  { name: 'OUTPOST_PLATFORM_FAILURE_THRESHOLD', kind: 'int', default: '3', secret: false, description: 'Connected mode: consecutive failures that open a platform link\'s circuit breaker.' },
  { name: 'OUTPOST_PLATFORM_COOLDOWN_MS', kind: 'int', default: '30000', secret: false, description: 'Connected mode: how long an open circuit waits before its single half-open probe.' },
  { name: 'OUTPOST_PLATFORM_TIMEOUT_MS', kind: 'int', default: '10000', secret: false, description: 'Connected mode: time limit of one call to the platform.' },
  {
    name: 'OUTPOST_ADMIN_TOKEN',
    kind: 'string',
    default: '',
    secret: true,
    description: 'Bearer token for /admin/api/* and /metrics; unset: the admin API is off (never open).',
  },
  {
    name: 'OUTPOST_ADMIN_PORT',
    kind: 'int',
    default: '',
    secret: false,
    description: 'If set, admin routes listen on this loopback-only port instead of the main socket.',
  },
  {
    name: 'OUTPOST_METRICS_AUTH',
    kind: 'enum',
    default: 'token',
    secret: false,
    description: 'token: /metrics needs the admin token like the admin API (off without one); none: /metrics is open to whoever reaches its listener.',
  },
  { name: 'OUTPOST_TLS_CERT', kind: 'path', default: '', secret: false, description: 'mTLS client certificate (PEM).' },
  { name: 'OUTPOST_TLS_KEY', kind: 'path', default: '', secret: true, description: 'mTLS client key (PEM).' },
  { name: 'OUTPOST_CA_BUNDLE', kind: 'path', default: '', secret: false, description: 'CA bundle for the platform (PEM).' },
  { name: 'OUTPOST_CERT_WARN_DAYS', kind: 'int', default: '45', secret: false, description: 'Warn daily once the certificate expires within this many days.' },
  // Projects mode (docs/projects.md).
  {
    name: 'OUTPOST_MODE',
    kind: 'enum',
    default: 'standalone',
    secret: false,
    description: 'standalone: one policy bundle (AIRGAP_POLICY_PATH/policy_bundle.json); projects: one bundle per project under AIRGAP_POLICY_PATH/projects/<id>/, routed by path, Host, X-Project-Id or the caller\'s token.',
  },
  { name: 'OUTPOST_PROJECT_CACHE_SIZE', kind: 'int', default: '64', secret: false, description: 'Projects mode: compiled projects (policy, DLP automata, JWKS) kept in memory; the least recently used is dropped beyond it.' },
  { name: 'OUTPOST_PROJECT_TTL_MS', kind: 'int', default: '900000', secret: false, description: 'Projects mode: a compiled project unused this long is dropped and recompiled on its next call.' },
  {
    name: 'OUTPOST_PROJECT_ADMIN_TOKENS',
    kind: 'string',
    default: '',
    secret: true,
    description: 'Projects mode: read-only admin tokens scoped to one project each, as project-id:token,...; such a token sees only its project (decisions, audit export, policy status).',
  },
  { name: 'OUTPOST_LOG_LEVEL', kind: 'enum', default: 'info', secret: false, description: 'debug, info, warn or error.' },
];

/** Names of all variables, for lookups. */
export const VARIABLE_NAMES: ReadonlySet<string> = new Set(VARIABLES.map((v) => v.name));

/** Looks up the spec of a variable by name. */
export function variable(name: string): VariableSpec {
  const spec = VARIABLES.find((v) => v.name === name);
  if (!spec) throw new Error(`unknown variable ${name}`);
  return spec;
}
