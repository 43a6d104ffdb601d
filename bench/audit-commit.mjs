#!/usr/bin/env node
// Where the CPU of one audit commit goes inside workerd (issue 15): CPU per call, from
// /proc/<pid>/stat (utime + stime, so workerd's own SQLite, WAL and HTTP work count), of
//  - bench/audit-commit-worker.js: one Durable Object call that commits an audit-shaped row in
//    one of several statement shapes (sync only, a kv put, store.ts's insert RETURNING + chain
//    head, without RETURNING, without the head, without AUTOINCREMENT, without transactionSync);
//  - the real AuditQueueObject (test/audit/fixtures/do-worker.ts, HMAC chain on), one event per call.
// All in interleaved rounds on sequential keep-alive requests; medians. Differences between
// shapes are the cost of what they leave out. The clock tick is 10 ms, so with --requests 1000
// one tick is 0.01 ms per call.
//   node bench/audit-commit.mjs [--requests 1000] [--rounds 7]
//
// Measured 2026-11-29 on the shared 2-core dev machine (--requests 600 --rounds 7, medians, ms/call):
// sync-only 0.300, kv-put 0.350, store.ts shape 0.750, no RETURNING 0.750, no head 0.817,
// no AUTOINCREMENT 0.783, no transactionSync 0.750, real AuditQueueObject.append 0.917.
// So a write commit costs ~0.45 ms of workerd CPU over a bare call + sync() (which, with nothing
// written, does no fsync at all), about 0.1 of it kernel time (write + fsync) and the rest user
// time, and it is the same whatever the statements: RETURNING, the chain-head upsert, AUTOINCREMENT
// and transactionSync did not differ in that run. A second run (--requests 400 --rounds 5, the
// machine busier): sync-only 0.350, kv-put 0.400, store.ts shape 0.575, no RETURNING 0.475, no
// head 0.525, no AUTOINCREMENT 0.525, no transactionSync 0.475, real DO 0.675: shape differences
// up to 0.1 ms, but not the same ones as in the first run, so none is established yet. A separate /tmp run
// showed a kv.put of a new key costing as much as the SQL insert, so the price is per commit,
// not per statement: fewer commits per event (group commit) is the lever, not statement shape.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { freePort, median, waitFor } from './harness.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const REQUESTS = arg('--requests', 1000);
const ROUNDS = arg('--rounds', 7);
const work = mkdtempSync(join(process.env.OUTPOST_BENCH_DIR ?? tmpdir(), 'audit-commit-'));
const TICK_MS = 10; // USER_HZ = 100

const event = {
  schema: 1, time: new Date().toISOString(), request_id: 'bench-0000000000000000000000', caller: { subject: 'alice', groups: ['eng'], method: 'api_key' }, client_ip: '10.0.0.7',
  route: 'openai.chat', model: 'mock-1', target: 'default', policy_version: '2026-03-13', risk_tier: 'standard', decision: 'allow', reason: null,
  findings: ['EMAIL', 'PERSON', 'CREDIT_CARD', 'PHONE'].map((type, i) => ({ type, rule: `tier1.${type.toLowerCase()}`, tier: 1, score: 0.95, start: i * 20, end: i * 20 + 12, hash: `ab12cd34ef5${i}`, action: 'redact' })),
  response_scanned: true, response_scanned_fully: true, stream: false, status: 200, bytes_in: 1260, bytes_out: 980, timings_ms: { total: 3, upstream: 1 },
};
// What the shapes store: the event with its chain fields, as store.ts writes event_json.
const storedJson = JSON.stringify({ ...event, seq: 1, prev_hash: '0'.repeat(64), hash_alg: 'hmac-sha256', hash: 'f'.repeat(64) });

async function startWorkerd(name, bundle, className, binding, extraBindings = '') {
  const dir = join(work, name);
  mkdirSync(join(dir, 'disk'), { recursive: true });
  const port = await freePort();
  const config = join(dir, 'config.capnp');
  writeFileSync(config, `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = (modules = [(name = "w.js", esModule = embed ${JSON.stringify(bundle)})], compatibilityDate = "2026-11-01",
      durableObjectNamespaces = [(className = "${className}", uniqueKey = "${name}", enableSql = true)],
      durableObjectStorage = (localDisk = "disk"), bindings = [(name = "${binding}", durableObjectNamespace = "${className}")${extraBindings}])),
    (name = "disk", disk = (path = ${JSON.stringify(join(dir, 'disk'))}, writable = true)),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", service = "main")],
);`);
  const child = spawn(join(root, 'node_modules/workerd/bin/workerd'), ['serve', config, '--import-path=/'], { stdio: ['ignore', 'ignore', 'inherit'] });
  return { child, port, agent: new http.Agent({ keepAlive: true, maxSockets: 1 }) };
}

const cpuMs = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * TICK_MS;
};
const post = (server, path, body) =>
  new Promise((res, rej) => {
    const r = http.request({ host: '127.0.0.1', port: server.port, path, method: 'POST', agent: server.agent }, (x) => {
      let b = '';
      x.on('data', (d) => (b += d));
      x.on('end', () => (x.statusCode === 200 ? res(b) : rej(new Error(`${path}: ${x.statusCode} ${b}`))));
    });
    r.on('error', rej);
    r.end(body);
  });

const bundleOpts = { bundle: true, format: 'esm', platform: 'neutral', conditions: ['workerd', 'worker', 'browser'], mainFields: ['module', 'main'], external: ['node:*', 'cloudflare:*'], logLevel: 'warning' };
const shapesBundle = join(work, 'shapes.js');
const realBundle = join(work, 'do-worker.js');
await build({ ...bundleOpts, entryPoints: [join(root, 'bench/audit-commit-worker.js')], outfile: shapesBundle });
await build({ ...bundleOpts, entryPoints: [join(root, 'test/audit/fixtures/do-worker.ts')], outfile: realBundle });

const shapes = await startWorkerd('shapes', shapesBundle, 'CommitShapes', 'SHAPES');
const real = await startWorkerd('real', realBundle, 'AuditQueueObject', 'AUDIT_QUEUE', `, (name = "OUTPOST_AIRGAP", text = "true"), (name = "OUTPOST_AUDIT_HMAC_KEY", text = "bench-hmac-key-0123456789abcdef")`);
try {
  await waitFor(`http://127.0.0.1:${real.port}/status`);
  await waitFor(`http://127.0.0.1:${shapes.port}/`);
  const SHAPE_NAMES = await (await fetch(`http://127.0.0.1:${shapes.port}/`)).json();
  const cases = [
    ...SHAPE_NAMES.map((shape) => ({ name: `shape: ${shape}`, server: shapes, path: `/${encodeURIComponent(shape)}`, body: storedJson })),
    { name: 'AuditQueueObject.append (store.ts, HMAC chain)', server: real, path: '/append', body: JSON.stringify([event]) },
  ];
  for (const c of cases) for (let i = 0; i < 100; i++) await post(c.server, c.path, c.body).catch(async (e) => {
    if (i > 50) throw e;
    await new Promise((r) => setTimeout(r, 50));
  });
  const results = new Map(cases.map((c) => [c.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of cases) {
      const before = cpuMs(c.server.child.pid);
      for (let i = 0; i < REQUESTS; i++) await post(c.server, c.path, c.body);
      results.get(c.name).push((cpuMs(c.server.child.pid) - before) / REQUESTS);
    }
  }
  const floor = median(results.get('shape: sync-only'));
  console.log(`CPU per call, ms (median of ${ROUNDS} interleaved rounds of ${REQUESTS}; tick = ${(TICK_MS / REQUESTS).toFixed(3)} ms)`);
  for (const [name, xs] of results) console.log(`${name.padEnd(52)} ${median(xs).toFixed(3)}   over sync-only ${(median(xs) - floor).toFixed(3)}   rounds ${xs.map((x) => x.toFixed(2)).join(' ')}`);
} finally {
  shapes.child.kill('SIGKILL');
  real.child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
}
