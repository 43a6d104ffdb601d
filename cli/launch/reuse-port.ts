/**
 * How this launcher can open several listening sockets on one port with SO_REUSEPORT (so that the
 * kernel spreads connections over the workerd processes, listen-sockets.ts), if it can at all.
 *
 * - Node >= 22.12 (and 23.1) on Linux: `net.Server#listen({ reusePort: true })`.
 * - Older Node (this project supports Node 20, whose libuv cannot set the option): the
 *   `node-unix-socket` addon (MIT, a prebuilt N-API binary per platform; no compiler needed) binds
 *   a socket with SO_REUSEPORT and gives its descriptor, which `listen({ fd })` then listens on.
 *   It is not a dependency (a native binary from outside is the operator's call on an air-gapped
 *   host): used only where the operator has installed it next to the CLI (`npm install
 *   node-unix-socket@0.2.7`); otherwise the processes share one socket.
 * - Otherwise none: the processes share one socket.
 */
import { createRequire } from 'node:module';

export type ReusePort =
  | { readonly kind: 'native' }
  /** Binds (not yet listening) a SO_REUSEPORT socket; throws like bind(2) does. */
  | { readonly kind: 'addon'; bind(host: string, port: number): number }
  | { readonly kind: 'none' };

/**
 * Node's own `reusePort` listen option: 22.12+ in the 22 line, 23.1+ after it; used on Linux only.
 * @example
 * nodeHasReusePort('20.20.2', 'linux'); // false
 * nodeHasReusePort('22.12.0', 'linux'); // true
 */
export function nodeHasReusePort(version = process.versions.node, platform = process.platform): boolean {
  if (platform !== 'linux') return false;
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 23 || (major === 23 && minor >= 1) || (major === 22 && minor >= 12);
}

interface ReusePortAddon {
  createReuseportFd(port: number, host: string): number;
}

/**
 * @example
 * const reuse = reusePortSupport();
 * if (reuse.kind === 'addon') server.listen({ fd: reuse.bind('127.0.0.1', 8080) });
 */
export function reusePortSupport(): ReusePort {
  if (nodeHasReusePort()) return { kind: 'native' };
  if (process.platform !== 'linux') return { kind: 'none' };
  try {
    // A CommonJS native addon: require, resolved next to this bundle's package at run time.
    const addon = createRequire(import.meta.url)('node-unix-socket') as ReusePortAddon;
    return { kind: 'addon', bind: (host, port) => addon.createReuseportFd(port, host) };
  } catch {
    return { kind: 'none' };
  }
}

