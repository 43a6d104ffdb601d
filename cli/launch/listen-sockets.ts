/**
 * The listening sockets that several workerd processes share (`workerd serve --socket-fd`).
 *
 * The launcher opens them, hands their descriptors to every child, and closes its own copies
 * in the same turn of the event loop: Node accepts on a listening socket as soon as its loop
 * polls, so it must never get the chance, or it would take connections no one answers. The
 * descriptors therefore exist only inside `use`, which must spawn synchronously.
 */
import { lookup } from 'node:dns/promises';
import { createServer, isIP, type Server } from 'node:net';

export interface SocketRequest {
  readonly host: string;
  readonly port: number;
}

/** One descriptor per requested socket, in request order. */
export type ListeningDescriptors = readonly number[];

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
 * Opens every socket, calls `use` with their descriptors once all listen, then closes the
 * launcher's copies before any poll; the children keep theirs.
 * @example
 * const children = await withListeningSockets([{ host: '127.0.0.1', port: 8080 }], ([fd]) => [spawn('workerd', [...], { stdio: ['ignore', 'inherit', 'pipe', fd] })]);
 */
export async function withListeningSockets<T>(requests: readonly SocketRequest[], use: (fds: ListeningDescriptors) => T): Promise<T> {
  const hosts = await Promise.all(requests.map((r) => numericHost(r.host)));
  const servers: Server[] = requests.map(() => createServer());
  const listening = servers.map(
    (server, i) =>
      new Promise<void>((resolveListen, reject) => {
        server.once('error', (e: NodeJS.ErrnoException) => reject(describeListenError(requests[i]!.host, requests[i]!.port, e)));
        // 'listening' comes in a nextTick after the synchronous bind and listen (the address is
        // numeric), so the callback below still runs before the event loop polls these sockets.
        server.listen({ host: hosts[i], port: requests[i]!.port, exclusive: true, backlog: 511 }, () => resolveListen());
      }),
  );
  try {
    await Promise.all(listening);
  } catch (e) {
    for (const s of servers) if (s.listening) s.close();
    throw e;
  }
  try {
    const fds = servers.map((s) => (s as unknown as { _handle: { fd: number } })._handle.fd);
    if (fds.some((fd) => !Number.isInteger(fd) || fd < 0)) throw new Error('this platform gives no descriptor for a listening socket');
    return use(fds);
  } finally {
    for (const s of servers) s.close();
  }
}
