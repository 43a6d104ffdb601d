/**
 * Reading scopes, groups and the subject out of verified JWT claims. Identity providers disagree
 * on shapes (a space-separated `scope` string, an `scp` array, Keycloak's `realm_access.roles`),
 * so claim names come from the bundle and a dotted name reaches into nested objects.
 */

/** The value at a dotted claim path: `realm_access.roles` reads claims.realm_access.roles. */
export function claimAt(claims: Readonly<Record<string, unknown>>, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(claims, name)) return claims[name];
  let value: unknown = claims;
  for (const part of name.split('.')) {
    if (!value || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * A claim as a list of strings: arrays keep their string members, strings split on whitespace.
 * @example
 * stringList('chat embed'); // ['chat', 'embed']
 * stringList(['chat', 3]); // ['chat']
 */
export function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return [];
}
