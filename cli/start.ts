/**
 * `outpost start`: generates the runtime's configuration from the environment and runs the
 * runtime (workerd by default, Deno with --runtime deno) as this process's child.
 *
 * - A busy HOST:PORT is a hard error naming it, checked before spawning.
 * - SIGTERM/SIGINT are forwarded; workerd stops accepting, drains in-flight requests, then exits,
 *   and this process exits with the child's status.
 * - Right after spawn the gateway is warmed with GET /readyz (workerd builds the gateway on the
 *   first request), and the time from spawn to ready is logged.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { prepareWritableFolders, resolveEnvironment } from './environment.js';
import { parseConfig } from '../worker/config/index.js';
import { gatherLaunchFacts } from './launch/facts.js';
import { nodeLaunchFiles } from './launch/node-files.js';
import { renderWorkerdConfig } from './launch/render-workerd.js';
import { denoArgs } from './launch/render-deno.js';
import { auditFileLinked, linkWorkerdDatabase } from './launch/audit-database.js';
import { runtimeLogFilter } from './launch/runtime-log.js';
import { auditProcess, processCount } from './launch/process-count.js';
import { startWorkerdGroup } from './launch/start-group.js';

const require = createRequire(import.meta.url);

/** The workerd binary shipped by the `workerd` npm package. */
export function workerdBinary(): string {
  const pkg = require.resolve('workerd/package.json');
  return join(pkg, '..', 'bin', 'workerd');
}

/**
 * The deno executable from the `deno` npm package. Its wrapper script (bin.cjs) fetches the
 * executable on first use and then runs it as a grandchild, which signals would not reach, so
 * the wrapper runs once (if needed) and the executable itself becomes our child.
 */
export function denoBinary(): string {
  const dir = join(require.resolve('deno/package.json'), '..');
  const exe = join(dir, process.platform === 'win32' ? 'deno.exe' : 'deno');
  if (!existsSync(exe)) execFileSync(process.execPath, [join(dir, 'bin.cjs'), '--version'], { stdio: 'ignore' });
  return exe;
}

/** Resolves when HOST:PORT can be bound; rejects with a message naming it when it cannot. */
export function checkPortFree(host: string, port: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', (e: NodeJS.ErrnoException) => {
      const reason = e.code === 'EADDRINUSE' ? 'is already in use' : e.code === 'EACCES' ? 'needs privileges to bind' : `cannot be bound (${e.code})`;
      reject(new Error(`${host}:${port} ${reason}`));
    });
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolvePromise()));
  });
}

async function waitReady(host: string, port: number, child: ChildProcess, spawnedAt: number, linked: Promise<unknown>): Promise<void> {
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/readyz`;
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    try {
      const res = await fetch(url);
      const body = (await res.json()) as { status?: string; reason?: string };
      if (res.ok) {
        await auditFileLinked(linked);
        console.log(`INFO Outpost ready on http://${host}:${port} (${Date.now() - spawnedAt} ms from spawn)`);
        return;
      }
      if (i % 50 === 0) console.log(`INFO Waiting for readiness: ${body.reason ?? res.status}`);
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface StartOptions {
  readonly runtime: 'workerd' | 'deno';
  readonly distDir: string;
}

export async function start(options: StartOptions): Promise<number> {
  const env = resolveEnvironment();
  const { values } = env;
  const host = values.HOST!;
  const port = Number(values.PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    console.error(`ERROR PORT must be a port number, got "${values.PORT}"`);
    return 2;
  }
  let processes: number;
  try {
    parseConfig(values);
    processes = processCount(values, availableParallelism());
    auditProcess(values);
    // Projects mode keeps each project's compiled policy in the process that serves it, and a
    // project's hot install does not yet reach the other processes: one process until it does.
    if (processes > 1 && values.OUTPOST_MODE?.trim() === 'projects') {
      const level = values.OUTPOST_WORKERS?.trim() ? 'WARN' : 'INFO';
      (level === 'WARN' ? console.error : console.log)(`${level} OUTPOST_MODE=projects runs one workerd process (${processes} asked for): a project's hot install does not reach other processes yet`);
      processes = 1;
    }
  } catch (e) {
    console.error(`ERROR ${(e as Error).message}`);
    return 2;
  }
  try {
    await checkPortFree(host, port);
  } catch (e) {
    console.error(`ERROR Cannot listen: ${(e as Error).message}`);
    return 1;
  }
  try {
    prepareWritableFolders(values);
  } catch (e) {
    console.error(`ERROR ${(e as Error).message}`);
    return 1;
  }

  // After the folders are made: a new state or audit folder is mounted like an existing one.
  const facts = gatherLaunchFacts(values, options.distDir, nodeLaunchFiles);
  // OUTPOST_WORKERS > 1: several workerd processes on one socket (launch/start-group.ts). Deno runs one.
  if (options.runtime === 'workerd' && processes > 1) return startWorkerdGroup({ binary: workerdBinary(), facts, env: env.processEnv, count: processes, auditProcess: auditProcess(values) });
  if (options.runtime === 'deno' && values.OUTPOST_WORKERS && processes > 1) console.log(`INFO OUTPOST_WORKERS=${processes}: the Deno runtime runs one process`);
  let child: ChildProcess;
  const spawnedAt = Date.now();
  // The rendered config's private folder: removed once workerd has exited, so starts leave nothing in /tmp.
  let configDir: string | undefined;
  if (options.runtime === 'workerd') {
    const dir = (configDir = mkdtempSync(join(tmpdir(), 'outpost-')));
    const configPath = join(dir, 'outpost.capnp');
    writeFileSync(configPath, renderWorkerdConfig(facts), { mode: 0o600 });
    child = spawn(workerdBinary(), ['serve', configPath, '--import-path=/'], { env: env.processEnv, stdio: ['ignore', 'inherit', 'pipe'] });
    child.stderr!.pipe(runtimeLogFilter()).pipe(process.stderr);
  } else {
    child = spawn(denoBinary(), denoArgs(facts), { env: env.processEnv, stdio: ['ignore', 'inherit', 'inherit'] });
  }
  const forward = (signal: NodeJS.Signals) => () => {
    if (child.exitCode === null) {
      console.log(`INFO Outpost shutting down (${signal}): draining in-flight requests`);
      child.kill(signal);
    }
  };
  process.on('SIGTERM', forward('SIGTERM'));
  process.on('SIGINT', forward('SIGINT'));
  const exited = new Promise<number>((resolveExit) => {
    // close, not exit: the runtime's last stderr lines (a fatal startup error) pass the filter first.
    child.on('close', (code, signal) => {
      if (configDir) rmSync(configDir, { recursive: true, force: true });
      resolveExit(code ?? (signal === 'SIGTERM' || signal === 'SIGINT' ? 0 : 1));
    });
    child.on('error', (e) => {
      if (configDir) rmSync(configDir, { recursive: true, force: true });
      console.error(`ERROR Could not start ${options.runtime}: ${e.message}`);
      resolveExit(1);
    });
  });
  // workerd names the audit queue's file itself: link AUDIT_QUEUE_DB_PATH to it once it exists.
  const linked =
    options.runtime === 'workerd'
      ? linkWorkerdDatabase(values.AUDIT_QUEUE_DB_PATH!, 60_000, () => child.exitCode !== null).catch((e: Error) => console.error(`WARN Audit queue: ${e.message}`))
      : Promise.resolve();
  void waitReady(host, port, child, spawnedAt, linked);
  return exited;
}

/** Makes sure a file holding secrets is private. */
export function privateFile(path: string): void {
  chmodSync(path, 0o600);
}
