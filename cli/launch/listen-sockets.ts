/**
 * The listening sockets that several workerd processes serve (`workerd serve --socket-fd`).
 *
 * The launcher opens them, hands their descriptors to the children, and closes its own copies
 * in the same turn of the event loop: Node accepts on a listening socket as soon as its loop
 * polls, so it must never get the chance, or it would take connections no one answers. The
 * descriptors therefore exist only inside `use`, which must spawn synchronously.
 *
 * Spreading connections: processes that share one socket race for each new connection, and the
 * one that wakes first takes a whole burst (32 keep-alive connections opened at once landed
 * 28 to 4, measured). Where Node can set SO_REUSEPORT (`reusePort`, Node >= 22.12 on Linux),
 * each process gets a socket of its own on the same port instead, and the kernel spreads
 * connections evenly by their addresses (16 to 16 on the same test). On Node 20 the optional
 * node-unix-socket addon sets the option instead (reuse-port.ts); without either they share one
 * socket.
 */
import { lookup } from 'node:dns/promises';
import { createServer, isIP, type Server } from 'node:net';
import { reusePortSupport, type ReusePort } from './reuse-port.js';

export interface SocketRequest {
  readonly host: string;
  readonly port: number;
  /** One socket per process (SO_REUSEPORT) when the platform can; otherwise one shared socket. */
  readonly perProcess?: number;
}

/** Per request, its descriptors: `perProcess` of them, or one that every process shares. */
export type ListeningDescriptors = ReadonlyArray<readonly number[]>;

function describeListenError(host: string, port: number, e: NodeJS.ErrnoException): Error {
  const reason = e.code === 'EADDRINUSE' ? 'is already in use' : e.code === 'EACCES' ? 'needs privileges to bind' : `cannot be bound (${e.code ?? e.message})`;
  return new Error(`${host}:${port} ${reason}`);
}

/** A numeric address for `host` (a name is resolved first, so that listen() itself does no I/O). */
async function numericHost(host: string): Promise<string> {
  if (isIP(host)) return host;
  return (await lookup(host)).address;
}

/**
 * Starts listening; settles in a nextTick of this turn (the address is numeric), so the caller's
 * continuation still runs before the event loop polls the socket.
 */
function listen(host: string, port: number, reuse: ReusePort | null): Promise<Server> {
  const server = createServer();
  return new Promise((resolveListen, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(describeListenError(host, port, e)));
    if (reuse?.kind === 'addon') {
      let fd: number;
      try {
        fd = reuse.bind(host, port);
      } catch (e) {
        const message = (e as Error).message;
        reject(describeListenError(host, port, Object.assign(new Error(message), { code: /in use/i.test(message) ? 'EADDRINUSE' : /denied|permission/i.test(message) ? 'EACCES' : undefined })));
        return;
      }
      server.listen({ fd, backlog: 511 }, () => resolveListen(server));
      return;
    }
    server.listen({ host, port, exclusive: true, backlog: 511, ...(reuse?.kind === 'native' ? { reusePort: true } : {}) }, () => resolveListen(server));
  });
}

const descriptor = (server: Server): number => (server as unknown as { _handle: { fd: number } })._handle.fd;

/** The sockets of one request: one per process if SO_REUSEPORT works here, else one. */
async function openRequest(host: string, request: SocketRequest, reusePort: () => ReusePort): Promise<Server[]> {
  const wanted = request.perProcess ?? 1;
  const reuse = wanted > 1 ? reusePort() : null;
  const first = await listen(host, request.port, reuse?.kind === 'none' ? null : reuse);
  if (wanted === 1 || reuse?.kind === 'none') return [first];
  const more = await Promise.allSettled(Array.from({ length: wanted - 1 }, () => listen(host, request.port, reuse)));
  const opened = more.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  if (opened.length === wanted - 1) return [first, ...opened];
  for (const s of opened) s.close();
  return [first];
}

/**
 * Opens every socket, calls `use` with their descriptors once all listen, then closes the
 * launcher's copies before any poll; the children keep theirs.
 * @example
 * const children = await withListeningSockets([{ host: '127.0.0.1', port: 8080, perProcess: 2 }], ([main]) => main.map((fd) => spawn('workerd', [...], { stdio: ['ignore', 'inherit', 'pipe', fd] })));
 */
export async function withListeningSockets<T>(requests: readonly SocketRequest[], use: (fds: ListeningDescriptors) => T): Promise<T> {
  const hosts = await Promise.all(requests.map((r) => numericHost(r.host)));
  // Looked up once, and only when some request wants a socket per process.
  let reuse: ReusePort | undefined;
  const reusePort = () => (reuse ??= reusePortSupport());
  const opened = await Promise.allSettled(requests.map((r, i) => openRequest(hosts[i]!, r, reusePort)));
  const servers = opened.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
  try {
    const failed = opened.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    const fds = opened.map((r) => (r as PromiseFulfilledResult<Server[]>).value.map(descriptor));
    if (fds.flat().some((fd) => !Number.isInteger(fd) || fd < 0)) throw new Error('this platform gives no descriptor for a listening socket');
    return use(fds);
  } finally {
    for (const s of servers) s.close();
  }
}
