/**
 * OUTPOST_WORKERS workerd processes run as one gateway: spawned together on the launcher's
 * listening sockets, ready together, stopped together.
 *
 * - Shutdown: one SIGTERM/SIGINT line, the signal to every process; each drains its in-flight
 *   requests. The launcher exits 0 once all have exited.
 * - A process that dies on its own (a crash, kill -9) stops the gateway: the others get SIGTERM
 *   and the launcher exits 1, exactly as a single process's death ends `outpost start`, so the
 *   service manager restarts the whole gateway. The launcher keeps no copy of the listening
 *   socket (listen-sockets.ts), so it could not start a lone replacement anyway. No acknowledged
 *   audit event is lost either way: a response leaves only after its event is committed by the
 *   queue's owner (process 0).
 * - Readiness: the launcher asks each process on its own internal socket (GET /internal/ready),
 *   which also builds that process's gateway, and says "ready" once every one answers 200.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { runtimeLogFilter } from './runtime-log.js';
import { startupEcho } from './startup-echo.js';

export interface ProcessGroupOptions {
  /** The workerd executable. */
  readonly binary: string;
  /** One rendered config file per process, process 0 (the audit queue's owner) first. */
  readonly configs: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  /**
   * Listening descriptors in the launcher: the main socket's (one per process, or one shared),
   * then the admin socket's if any (listen-sockets.ts).
   */
  readonly fds: ReadonlyArray<readonly number[]>;
  /**
   * Which processes serve the listening sockets (default: all). An audit queue owner of its own
   * (OUTPOST_AUDIT_PROCESS=own) gets none; the descriptors go round the serving ones.
   */
  readonly serving?: readonly boolean[];
}

export interface ProcessGroup {
  readonly children: readonly ChildProcess[];
  /** The launcher's exit code once every process has exited. */
  readonly exited: Promise<number>;
  /** Forwards a stop signal to every process (once; later calls do nothing). */
  stop(signal: NodeJS.Signals): void;
  /** Startup is over (ready or not): each process's lines pass even when another printed the same (startup-echo.ts). */
  startupLogged(): void;
}

const SOCKET_NAMES = ['http', 'admin'];

/**
 * Spawns every process on the shared descriptors (synchronously, as withListeningSockets needs).
 * @example
 * const group = await withListeningSockets(sockets, (fds) => spawnProcessGroup({ binary, configs, env, fds }));
 */
export function spawnProcessGroup(options: ProcessGroupOptions): ProcessGroup {
  const socketArgs = options.fds.flatMap((_, i) => ['--socket-fd', `${SOCKET_NAMES[i]}=${3 + i}`]);
  const echo = startupEcho();
  let served = 0;
  const children = options.configs.map((config, index) => {
    const serves = options.serving?.[index] ?? true;
    const slot = serves ? served++ : -1;
    const fds = serves ? options.fds.map((list) => list[slot % list.length]!) : [];
    const child = spawn(options.binary, ['serve', config, '--import-path=/', ...(serves ? socketArgs : [])], { env: options.env, stdio: ['ignore', 'inherit', 'pipe', ...fds] });
    child.stderr!.pipe(runtimeLogFilter()).pipe(echo.stream()).pipe(process.stderr, { end: false });
    return child;
  });
  let stopping = false;
  let failed = false;
  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill(signal);
  };
  const closes = children.map(
    (child, index) =>
      new Promise<boolean>((resolveClose) => {
        child.on('error', (e) => {
          console.error(`ERROR Could not start workerd process ${index}: ${e.message}`);
          failed = true;
          if (!stopping) stopAll('SIGTERM');
          resolveClose(false);
        });
        // close, not exit: the process's last stderr lines (a fatal startup error) pass the filter first.
        child.on('close', (code, signal) => {
          const clean = code === 0 || (code === null && (signal === 'SIGTERM' || signal === 'SIGINT'));
          if (!stopping) {
            failed = true;
            console.error(`ERROR Outpost process ${index} (pid ${child.pid}) exited (${signal ?? `code ${code}`}); stopping the other processes`);
            stopAll('SIGTERM');
          }
          resolveClose(clean);
        });
      }),
  );
  return {
    children,
    exited: Promise.all(closes).then((clean) => (failed || clean.includes(false) ? 1 : 0)),
    stop(signal) {
      if (stopping) return;
      console.log(`INFO Outpost shutting down (${signal}): draining in-flight requests in ${children.length} processes`);
      stopAll(signal);
    },
    startupLogged: echo.settle,
  };
}

/**
 * GET `path` on a unix socket: the status code, or null when nothing answers yet. The first
 * /internal/ready builds the process's gateway, and a request that workerd sees cancelled takes
 * that start with it (the others' awaits of it then fail): so the wait is as long as the caller's
 * whole deadline, never a short per-request timeout that a loaded machine's start outlasts.
 */
function getStatus(socketPath: string, path: string, timeoutMs: number): Promise<{ status: number; body: string } | null> {
  return new Promise((resolveGet) => {
    const req = request({ socketPath, path, method: 'GET', timeout: Math.max(1000, timeoutMs) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolveGet({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolveGet(null));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolveGet(null));
    req.end();
  });
}

/**
 * Resolves true once every process answers 200 on GET /internal/ready at its internal socket
 * (logging why it waits now and then); false if the group exits or `timeoutMs` passes first.
 * @example
 * if (await waitGroupReady(group, sockets)) console.log('INFO Outpost ready ...');
 */
export async function waitGroupReady(group: ProcessGroup, sockets: readonly string[], timeoutMs = 60_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void group.exited.then(() => (gone = true));
  const one = async (socketPath: string, index: number): Promise<boolean> => {
    for (let i = 0; !gone && Date.now() < deadline; i++) {
      const answer = await getStatus(socketPath, '/internal/ready', deadline - Date.now());
      if (answer?.status === 200) return true;
      if (answer && i % 100 === 50) console.log(`INFO Waiting for readiness of process ${index}: ${answer.body.slice(0, 300)}`);
      await new Promise((r) => setTimeout(r, answer ? 20 : 5));
    }
    return false;
  };
  const results = await Promise.all(sockets.map(one));
  return results.every(Boolean);
}
