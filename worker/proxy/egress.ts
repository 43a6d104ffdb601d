/**
 * The worker's own egress guard (the runtime's is the generated globalOutbound / --allow-net).
 * Once installed, any fetch through the global `fetch` to an origin outside the allow-list throws
 * EgressRefusedError and logs the refused host, whatever library made the call.
 */
import type { Logger } from '../log/index.js';

export class EgressRefusedError extends Error {
  override name = 'EgressRefusedError';
}

/** The allowed origins, asked at each fetch: a hot-installed bundle can change the targets. */
let allowedOrigins: () => ReadonlySet<string> = () => new Set();
let installed = false;

/** The origin a fetch input points at, or null for non-URL inputs. */
function originOf(input: RequestInfo | URL): string | null {
  try {
    const url = input instanceof Request ? new URL(input.url) : new URL(String(input));
    return url.origin;
  } catch {
    return null;
  }
}

/** Whether the guard would let a fetch to `url` through. */
export function egressAllowed(url: string): boolean {
  const origin = originOf(url);
  return origin !== null && allowedOrigins().has(origin);
}

/**
 * Installs (once) the guard around globalThis.fetch; later calls replace the allow-list provider.
 * @example
 * installEgressGuard(() => policy.current().targets.origins(), log);
 */
export function installEgressGuard(origins: () => ReadonlySet<string>, log: Logger): void {
  allowedOrigins = origins;
  if (installed) return;
  installed = true;
  const original = globalThis.fetch.bind(globalThis);
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const origin = originOf(input);
    if (origin === null || !allowedOrigins().has(origin)) {
      const host = origin ?? 'unparsable URL';
      log.warn(`Egress refused by worker: ${host} is not a configured target`);
      return Promise.reject(new EgressRefusedError(`egress to ${host} refused: not a configured target`));
    }
    return original(input, init);
  }) as typeof fetch;
}
