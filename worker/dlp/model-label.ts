/**
 * The model name in monitoring (audit events, metrics labels, the admin decisions list). A client
 * writes it, so it may carry a secret and any number of distinct values: it is shown in clear only
 * when the configuration claims it by name and the DLP found nothing in it; otherwise as a salted
 * hash, which metrics count as `other`.
 */
import type { Finding } from '../core/index.js';
import { saltedHashNow } from './hash.js';

const HASH_PREFIX = 'sha256:';

/**
 * The salted hash that stands for a model name until it has passed the DLP. Synchronous (the
 * in-bundle HMAC): the pipeline takes it on every call, and an await costs a turn.
 * @example
 * hashedModel('salt', 'card 4111111111111111'); // 'sha256:3b1f…'
 */
export function hashedModel(salt: string, model: string): string {
  return HASH_PREFIX + saltedHashNow(salt, `model\u0000${model}`);
}

/** Whether a recorded model is a hash (metrics label it `other`). */
export const isHashedModel = (recorded: string): boolean => recorded.startsWith(HASH_PREFIX);

/**
 * Whether the model name may be shown in clear: claimed by name and without a DLP finding.
 * @example
 * modelPassedDlp('llama3.1', [], targets); // true when a target lists 'llama3.1'
 */
export function modelPassedDlp(model: string | undefined, findings: readonly Finding[], targets: { claims(model: string): boolean }): boolean {
  if (!model || !targets.claims(model)) return false;
  return !findings.some((f) => f.location?.path === 'model');
}
