/**
 * Backends for the conformance suite, behind one driver interface: the workerd Durable Object
 * (a real workerd process on a generated config) and sqlite-wasm in Node.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { AuditEvent } from '../../worker/audit/event.js';
import type { Appended } from '../../worker/audit/store.js';
import { openNodeStore } from '../../worker/audit/sqlite-wasm/node.js';
import { workerdDatabaseFile } from '../../cli/launch/audit-database.js';
import { freePort } from '../e2e/harness.js';
import { querySqlite } from '../sqlite3.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const WORKERD = join(ROOT, 'node_modules', 'workerd', 'bin', 'workerd');

export interface Driver {
  readonly name: string;
  append(events: AuditEvent[]): Promise<Appended[]>;
  /** One request (RPC) per event, all at once. */
  appendConcurrently(events: AuditEvent[]): Promise<Appended[]>;
  remove(ids: number[]): Promise<void>;
  commits(): Promise<number>;
  /** The SQLite file /usr/bin/sqlite3 should read. */
  file(): string;
  restart(): Promise<void>;
  close(): Promise<void>;
}

let n = 0;
export function sampleEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  n++;
  return {
    schema: 1,
    time: new Date(Date.UTC(2026, 10, 24, 12, 0, 0, n)).toISOString(),
    request_id: `req-${n}`,
    caller: { subject: 'alice', groups: ['eng'], method: 'api_key' },
    client_ip: '10.0.0.7',
    geo: { country_iso: 'DE', city: 'Berlin' },
    route: 'openai.chat',
    model: 'mock-1',
    target: 'default',
    policy_version: '2026-03-13',
    risk_tier: 'standard',
    decision: 'allow',
    reason: null,
    findings: [{ type: 'EMAIL', rule: 'tier1.email', tier: 1, score: 0.99, start: 3, end: 20, hash: 'ab12cd34', action: 'redact' }],
    response_scanned: true,
    response_scanned_fully: true,
    stream: false,
    status: 200,
    bytes_in: 120,
    bytes_out: 340,
    timings_ms: { total: 12, upstream: 9 },
    ...overrides,
  } as AuditEvent;
}

/** A read of the database as operators do it (test/sqlite3.ts: the sqlite3 command, or the project's reader). */
export function sqlite3(file: string, sql: string): string {
  return querySqlite(file, sql);
}

export async function nodeDriver(dir: string, hmacKey?: string): Promise<Driver> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'audit_queue.db');
  let store = await openNodeStore(path, { hmacKey });
  return {
    name: 'sqlite-wasm',
    append: async (events) => Promise.all(events.map((e) => store.append(e))),
    appendConcurrently: async (events) => Promise.all(events.map((e) => store.append(e))),
    remove: async (ids) => void store.core.remove(ids, 'delivered'),
    commits: async () => store.commits,
    file: () => path,
    async restart() {
      store.close();
      store = await openNodeStore(path, { hmacKey });
    },
    close: async () => store.close(),
  };
}

let bundled: Promise<string> | undefined;
function bundleDoWorker(): Promise<string> {
  bundled ??= (async () => {
    const out = join(ROOT, 'node_modules', '.cache', 'audit-test', 'do-worker.js');
    await build({
      entryPoints: [join(ROOT, 'test', 'audit', 'fixtures', 'do-worker.ts')],
      outfile: out,
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      conditions: ['workerd', 'worker', 'browser'],
      mainFields: ['module', 'main'],
      external: ['node:*', 'cloudflare:*'],
      logLevel: 'warning',
    });
    return out;
  })();
  return bundled;
}

/** workerd with the audit Durable Object stored on a disk service at `dir`. */
export async function workerdDriver(dir: string, env: Record<string, string> = {}): Promise<Driver> {
  mkdirSync(dir, { recursive: true });
  const bundle = await bundleDoWorker();
  const port = await freePort();
  const bindings = [`(name = "AUDIT_QUEUE", durableObjectNamespace = "AuditQueueObject")`, ...Object.entries(env).map(([k, v]) => `(name = ${JSON.stringify(k)}, text = ${JSON.stringify(v)})`)];
  const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = (
      modules = [(name = "w.js", esModule = embed ${JSON.stringify(bundle)})],
      compatibilityDate = "2026-11-01",
      durableObjectNamespaces = [(className = "AuditQueueObject", uniqueKey = "outpost-audit", enableSql = true)],
      durableObjectStorage = (localDisk = "disk"),
      bindings = [${bindings.join(', ')}],
      globalOutbound = "net",
    )),
    (name = "disk", disk = (path = ${JSON.stringify(dir)}, writable = true)),
    (name = "net", network = (allow = ["local", "private", "public"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", service = "main")],
);`;
  const configPath = join(dir, '..', `${port}.capnp`);
  writeFileSync(configPath, config);
  let child: ChildProcess;
  const base = `http://127.0.0.1:${port}`;
  const launch = async () => {
    child = spawn(WORKERD, ['serve', configPath, '--import-path=/'], { stdio: ['ignore', 'ignore', 'pipe'] });
    for (let i = 0; i < 300; i++) {
      try {
        if ((await fetch(`${base}/status`)).ok) return;
      } catch {
        // not yet
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('workerd did not come up');
  };
  const stop = () =>
    new Promise<void>((r) => {
      if (child.exitCode !== null) return r();
      child.once('exit', () => r());
      child.kill('SIGKILL');
    });
  await launch();
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, { method: 'POST', body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  return {
    name: 'workerd',
    append: (events) => post('/append', events) as Promise<Appended[]>,
    appendConcurrently: async (events) => (await Promise.all(events.map((e) => post('/append', [e]) as Promise<Appended[]>))).flat(),
    remove: async (ids) => void (await post('/remove', ids)),
    commits: async () => ((await (await fetch(`${base}/status`)).json()) as { commits: number }).commits,
    file: () => workerdDatabaseFile(join(dir, 'audit_queue.db'))!,
    async restart() {
      await stop();
      await launch();
    },
    close: stop,
  };
}
