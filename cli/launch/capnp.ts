/** Cap'n Proto text literals for the rendered workerd config. */

/**
 * A capnp string literal; control characters are refused (they would break the config file).
 * @example
 * capnpString('/srv/outpost'); // '"/srv/outpost"'
 */
export function capnpString(value: string): string {
  if (/[\u0000-\u001f]/.test(value)) throw new Error(`configuration value contains a control character: ${JSON.stringify(value)}`);
  return JSON.stringify(value);
}
