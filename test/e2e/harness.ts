/**
 * End-to-end harness: runs the real gateway through `outpost start` (real workerd, the generated
 * config) on a free loopback port, against our mock model server.
 */
import { afterAll, beforeAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error plain JS module without types
import { createMockUpstream, MOCK_ANSWER as ANSWER } from '../mock/upstream.mjs';
import { querySqlite } from '../sqlite3.js';

/**
 * A fresh state folder whose `policies/policy_bundle.json` is `bundle`: the gateway started with
 * OUTPOST_STATE_DIR (and AIRGAP_POLICY_PATH) there enforces it from the volume.
 * @example
 * const state = stateWithBundle('outpost-oauth-', { ...openBundle('oauth-1'), auth: { mode: 'none' } });
 */
export function stateWithBundle(prefix: string, bundle: Record<string, unknown>): string {
  const state = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(state, 'policies'));
  writeFileSync(join(state, 'policies', 'policy_bundle.json'), JSON.stringify(bundle));
  return state;
}

/** The mock model's answer for mock-* models. */
export const MOCK_ANSWER: string = ANSWER;

export const ROOT = resolve(import.meta.dirname, '..', '..');

export interface MockUpstream {
  readonly requests: { path: string; headers: Record<string, string>; body: unknown }[];
  listen(port?: number): Promise<number>;
  close(): Promise<void>;
}

/**
 * A mock model server for the whole file: started before the first test, closed after the last.
 * @example
 * const upstream = useMockUpstream();
 * it('...', async () => { await startGateway({ OUTPOST_UPSTREAM_URL: upstream.url }); });
 */
export function useMockUpstream(): { readonly url: string; readonly mock: MockUpstream } {
  const state = {} as { url: string; mock: MockUpstream };
  beforeAll(async () => {
    const m = await startMock();
    state.mock = m.mock;
    state.url = m.url;
  });
  afterAll(async () => {
    await state.mock?.close();
  });
  return state;
}

export async function startMock(): Promise<{ mock: MockUpstream; url: string; port: number }> {
  const mock = createMockUpstream() as MockUpstream;
  const port = await mock.listen(0);
  return { mock, url: `http://127.0.0.1:${port}`, port };
}

/** A loopback port nobody listens on (bound, read, released). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

export interface RunningGateway {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  readonly exited: Promise<number | null>;
}

/** Spawns `outpost start` with the given environment and waits for its ready line. */
export async function startGateway(env: Record<string, string>, options: { runtime?: 'workerd' | 'deno'; waitReady?: boolean } = {}): Promise<RunningGateway> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const stateDir = env.OUTPOST_STATE_DIR ?? mkdtempSync(join(tmpdir(), 'outpost-e2e-'));
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'outpost.mjs'), 'start', '--runtime', options.runtime ?? 'workerd'], {
    cwd: stateDir,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      // The run's own scratch folder (test/setup/temp-dir.ts), so a killed gateway's config folder goes with it.
      ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
      HOST: '127.0.0.1',
      PORT: String(port),
      // Every end-to-end test runs with the runtime's network denied except the configured
      // loopback targets, unless it asks for connected mode itself (OUTPOST_AIRGAP=false).
      OUTPOST_AIRGAP: 'true',
      OUTPOST_STATE_DIR: stateDir,
      AIRGAP_POLICY_PATH: join(stateDir, 'policies'),
      AUDIT_QUEUE_DB_PATH: join(stateDir, 'audit', 'audit_queue.db'),
      // One workerd process unless a test asks for more (test/e2e/workers.test.ts runs several).
      OUTPOST_WORKERS: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const gateway: RunningGateway = {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    output: () => out,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
  if (options.waitReady === false) return gateway;
  const deadline = Date.now() + 30_000;
  while (!/Outpost ready on/.test(out)) {
    if (child.exitCode !== null) throw new Error(`outpost exited with ${child.exitCode}:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`outpost not ready in 30 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return gateway;
}

/**
 * The pids of a gateway's workerd processes, process 0 (the audit queue's owner) first, from the
 * launcher's line for OUTPOST_WORKERS > 1.
 * @example
 * const [owner, second] = workerPids(gateway.output());
 */
export function workerPids(output: string): number[] {
  const line = /Outpost runs \d+ workerd processes on \S+, [^(]+\(pids ([\d, ]+)\)/.exec(output);
  if (!line) throw new Error(`no process line in:\n${output}`);
  return line[1]!.split(',').map((p) => Number(p.trim()));
}

/**
 * The audit events of a gateway's queue, read as operators do: the sqlite3 command on the file
 * AUDIT_QUEUE_DB_PATH names (read-only, while the gateway runs).
 */
export function auditEvents<T = AuditRecord>(dbPath: string): T[] {
  const out = querySqlite(dbPath, 'SELECT event_json FROM local_audit_queue ORDER BY id;');
  return out.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as T);
}

/** The fields of an audit event the end-to-end tests look at. */
export interface AuditRecord {
  readonly request_id: string;
  readonly policy_version: string | null;
  readonly client_ip: string | null;
  readonly geo?: Record<string, unknown>;
  readonly decision: string;
  readonly reason: string | null;
  readonly status: number;
  readonly findings: ReadonlyArray<{ readonly tier: number; readonly type: string; readonly rule: string }>;
}

/** Reads a whole SSE or NDJSON response as text. */
export async function readAll(response: Response): Promise<string> {
  return await response.text();
}
