/**
 * The variables the operator's commands (status, policy, knowledge, doctor, audit, scan) read,
 * through the typed readers of worker/config: the CLI reads no variable by raw name.
 */
import { readInt, readString, tier3Variables, withDefaults, type Tier3Variables } from '../worker/config/index.js';

type RawEnv = Readonly<Record<string, string | undefined>>;

export interface AdminClientDefaults {
  /** The gateway this environment describes: http://$HOST:$PORT. */
  readonly runtimeUrl: string;
  /** OUTPOST_ADMIN_TOKEN, when set. */
  readonly token?: string;
}

/**
 * Where the admin commands go unless told otherwise, and with which token.
 * @example
 * adminClientDefaults({ PORT: '9000' }).runtimeUrl; // 'http://127.0.0.1:9000'
 */
export function adminClientDefaults(raw: RawEnv): AdminClientDefaults {
  const env = withDefaults(raw);
  const token = adminToken(raw);
  return { runtimeUrl: `http://${readString(env, 'HOST')}:${readInt(env, 'PORT')}`, ...(token ? { token } : {}) };
}

/**
 * OUTPOST_ADMIN_TOKEN, when set (read alone: a bad PORT does not hide it from `outpost doctor`).
 * @example
 * adminToken({ OUTPOST_ADMIN_TOKEN: 's3cret' }); // 's3cret'
 */
export function adminToken(raw: RawEnv): string | undefined {
  return readString(withDefaults(raw), 'OUTPOST_ADMIN_TOKEN');
}

/**
 * OUTPOST_AUDIT_HMAC_KEY, when set: the audit chain's keyed hashes.
 * @example
 * auditHmacKey(process.env); // undefined or the key
 */
export function auditHmacKey(raw: RawEnv): string | undefined {
  return readString(withDefaults(raw), 'OUTPOST_AUDIT_HMAC_KEY');
}

/**
 * The largest knowledge asset a gateway imports (OUTPOST_KNOWLEDGE_MAX_ASSET_BYTES).
 * @example
 * knowledgeMaxAssetBytes({}); // 1048576
 */
export function knowledgeMaxAssetBytes(raw: RawEnv): number {
  return readInt(withDefaults(raw), 'OUTPOST_KNOWLEDGE_MAX_ASSET_BYTES')!;
}

/**
 * Tier 3 for `outpost scan`: on, with the bundled model, unless DLP_DEBERTA_ENABLED and
 * AIRGAP_MODEL_PATH say otherwise (as `npm start`).
 * @example
 * scanTier3Variables({}, '/srv/outpost/assets/model'); // { enabled: true, modelDir: '/srv/outpost/assets/model' }
 */
export function scanTier3Variables(raw: RawEnv, bundledModelDir: string): Tier3Variables {
  return tier3Variables(withDefaults({ DLP_DEBERTA_ENABLED: 'true', AIRGAP_MODEL_PATH: bundledModelDir, ...withoutEmpty(raw) }));
}

/** Unset and empty both mean "default" (withDefaults' rule), here before a command's own default. */
function withoutEmpty(raw: RawEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''));
}
