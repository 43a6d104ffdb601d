/**
 * API-key mode: static keys from OUTPOST_API_KEYS, what each may do from the bundle's
 * auth.api_keys. The format is `name:key,name2:key2`; a bare `key` (no colon) is named key-<n> by
 * its position (1-based). Keys never appear in logs, audit events or error messages: callers
 * are known by the key's name.
 *
 * A presented key is compared with every configured key, without early exit, through HMAC
 * digests under a per-snapshot random key, so neither content nor length leaks through timing.
 */
import { GatewayError } from '../../core/index.js';
import type { Caller, IdentifyStage } from '../../core/index.js';
import type { BundleAuth } from '../bundle.js';
import { presentedCredential } from './credential.js';
import { KeyNames, type ApiKeyEntry } from './key-names.js';
import { projectMismatch, type ProjectBinding } from './project.js';

export type { ApiKeyEntry };

export interface ParsedApiKeys {
  readonly keys: readonly ApiKeyEntry[];
  /** Problems with entries, naming their position and name, never the key. */
  readonly warnings: readonly string[];
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const MIN_KEY_LENGTH = 16;

/**
 * Parses OUTPOST_API_KEYS.
 * @example
 * parseApiKeys('ci:0123456789abcdef0123,alice:fedcba9876543210fedc').keys.map((k) => k.name); // ['ci', 'alice']
 */
export function parseApiKeys(value: string): ParsedApiKeys {
  const keys: ApiKeyEntry[] = [];
  const warnings: string[] = [];
  const names = new Set<string>();
  value.split(',').forEach((raw, i) => {
    const entry = raw.trim();
    if (!entry) return;
    const colon = entry.indexOf(':');
    const named = colon > 0 && NAME.test(entry.slice(0, colon));
    const name = named ? entry.slice(0, colon) : `key-${i + 1}`;
    const key = named ? entry.slice(colon + 1).trim() : entry;
    if (!named && colon >= 0) {
      warnings.push(`OUTPOST_API_KEYS entry ${i + 1}: the part before ":" is not a valid name (letters, digits, . _ -); entry ignored`);
      return;
    }
    if (!key) {
      warnings.push(`OUTPOST_API_KEYS entry ${i + 1} (${name}): empty key; entry ignored`);
      return;
    }
    if (names.has(name)) {
      warnings.push(`OUTPOST_API_KEYS entry ${i + 1}: duplicate name ${name}; entry ignored`);
      return;
    }
    if (key.length < MIN_KEY_LENGTH) warnings.push(`OUTPOST_API_KEYS entry ${i + 1} (${name}): key shorter than ${MIN_KEY_LENGTH} characters`);
    names.add(name);
    keys.push({ name, key });
  });
  return { keys, warnings };
}

/**
 * Builds the identify stage for mode "api_key".
 * @example
 * const identify = createApiKeyIdentify(bundle.auth, parseApiKeys(config.policy.apiKeys).keys);
 */
export function createApiKeyIdentify(auth: BundleAuth, keys: readonly ApiKeyEntry[], project?: ProjectBinding): IdentifyStage {
  const keyNames = new KeyNames(keys);

  return async (request): Promise<Caller> => {
    const presented = presentedCredential(request);
    if (!presented) throw new GatewayError(401, 'missing_api_key', 'This gateway requires an API key (Authorization: Bearer <key>)', 'authentication_error');
    const matched = await keyNames.nameOf(presented);
    if (matched === undefined) throw new GatewayError(401, 'invalid_api_key', 'The API key is not valid', 'authentication_error');
    const grant = auth.api_keys && Object.prototype.hasOwnProperty.call(auth.api_keys, matched) ? auth.api_keys[matched] : undefined;
    if (project && !grant) throw projectMismatch(project.id, 'the API key belongs to another project');
    return { subject: `api_key:${matched}`, groups: [...(grant?.groups ?? [])], scopes: [...(grant?.scopes ?? [])], method: 'api_key' };
  };
}
