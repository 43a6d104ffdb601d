/** A variable that does not parse; the message names it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
