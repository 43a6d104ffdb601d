/**
 * Canonical JSON for the audit chain's hash: object keys sorted by UTF-16 code unit, no
 * whitespace, undefined members dropped, numbers and strings as JSON.stringify writes them.
 *
 * Fast path: when every object in a value already lists its keys in sorted order (the audit
 * event is built that way, see `inKeyOrder` and pipeline/record.ts), the canonical text is
 * exactly what the native JSON.stringify writes, so one native call replaces a JavaScript walk
 * that stringified every key and leaf on its own. The check is exact: any object out of order,
 * any value JSON.stringify would treat differently from the walk (a symbol, a function, a
 * class instance or anything with toJSON) sends that subtree down the walk.
 */

/** True when `value` is a primitive or a plain array/object tree whose every key list is sorted. */
function isCanonicalOrder(value: unknown): boolean {
  if (value === null) return true;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean' || type === 'undefined') return true;
  if (type !== 'object') return false; // symbol, function, bigint: the walk decides
  if (Array.isArray(value)) {
    for (const item of value) if (!isCanonicalOrder(item)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  const keys = Object.keys(value as object);
  for (let i = 0; i < keys.length; i++) {
    if (i > 0 && !(keys[i - 1]! < keys[i]!)) return false;
    if (!isCanonicalOrder((value as Record<string, unknown>)[keys[i]!])) return false;
  }
  return true;
}

/**
 * Canonical JSON (sorted keys, no whitespace).
 * @example
 * canonicalJson({ b: 1, a: [true, null] }); // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value !== null && typeof value === 'object' && isCanonicalOrder(value)) return JSON.stringify(value);
  return canonicalWalk(value);
}

function canonicalWalk(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const keys = Object.keys(value).sort();
  const parts: string[] = [];
  for (const k of keys) {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined || typeof v === 'function') continue;
    parts.push(`${JSON.stringify(k)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * A copy of a JSON-like value whose objects list their keys in sorted order (arrays keep
 * theirs), so that canonicalJson takes its native fast path; the content is unchanged.
 * @example
 * Object.keys(inKeyOrder({ type: 'EMAIL', action: 'redact' })); // ['action', 'type']
 */
export function inKeyOrder<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(inKeyOrder) as T;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = inKeyOrder((value as Record<string, unknown>)[key]);
  return out as T;
}
