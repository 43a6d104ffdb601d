/**
 * The salt of finding hashes, chosen once at startup.
 */
import type { GatewayConfig } from '../config/index.js';
import type { Logger } from '../log/index.js';
import type { Volumes } from '../runtime/index.js';

/**
 * OUTPOST_AUDIT_SALT, else a random salt created once in the state folder, so that hashes of the
 * same value correlate across restarts without being guessable.
 * @example
 * const salt = await findingSalt(config, runtime.volumes, log); // 64 hex characters
 */
export async function findingSalt(config: GatewayConfig, volumes: Volumes, log: Logger): Promise<string> {
  if (config.audit.salt) return config.audit.salt;
  const path = `${config.stateDir.replace(/\/+$/, '')}/finding-salt`;
  const stored = await volumes.read(path).catch(() => null);
  if (stored && stored.byteLength >= 32) return new TextDecoder().decode(stored).trim();
  const salt = [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, '0')).join('');
  try {
    await volumes.write(path, salt);
  } catch (e) {
    log.warn(`Finding salt could not be stored in ${path} (${(e as Error).message}); hashes will not correlate across restarts`);
  }
  return salt;
}
