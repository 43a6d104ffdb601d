#!/usr/bin/env node
// Audit queue benchmark: raw insert rates with 1 and 32 concurrent writers on both backends,
// fsyncs per event (strace, when available), the disk's own sync time, and export + verify rates.
//   node bench/audit.mjs [--events 100000] [--seconds 5]
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, openSync, writeSync, fsyncSync, closeSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import autocannon from 'autocannon';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const EVENTS = arg('--events', 100_000);
const SECONDS = arg('--seconds', 5);
const work = mkdtempSync(join(process.env.OUTPOST_BENCH_DIR ?? tmpdir(), 'audit-bench-'));
const event = {
  schema: 1, time: new Date().toISOString(), request_id: 'bench', caller: { subject: 'alice', groups: ['eng'], method: 'api_key' }, client_ip: '10.0.0.7',
  route: 'openai.chat', model: 'mock-1', target: 'default', policy_version: '2026-03-13', risk_tier: 'standard', decision: 'allow', reason: null,
  findings: [{ type: 'EMAIL', rule: 'tier1.email', tier: 1, score: 0.99, start: 3, end: 20, hash: 'ab12cd34ef56', action: 'redact' }],
  response_scanned: true, response_scanned_fully: true, stream: false, status: 200, bytes_in: 1260, bytes_out: 980, timings_ms: { total: 3, upstream: 1 },
};
const results = [];
const report = (name, value) => {
  results.push([name, value]);
  console.log(`${name.padEnd(58)} ${value}`);
};

// Helpers compiled from TypeScript on the fly (Node 20 runs no .ts).
await build({
  stdin: { contents: `export { openNodeStore } from './worker/audit/sqlite-wasm/node.ts'; export { exportDatabase, verifyExport, verifyDatabase } from './cli/audit.ts';`, resolveDir: root, loader: 'ts' },
  outfile: join(root, 'node_modules', '.cache', 'audit-bench', 'helpers.mjs'), bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning',
});
const { openNodeStore, exportDatabase, verifyExport, verifyDatabase } = await import(join(root, 'node_modules', '.cache', 'audit-bench', 'helpers.mjs'));

// 1. The disk's sync time (4 KB write + fsync), the floor for any durable commit.
{
  const fd = openSync(join(work, 'sync-probe'), 'w');
  const buf = Buffer.alloc(4096, 1);
  const times = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    writeSync(fd, buf, 0, buf.length, 0);
    fsyncSync(fd);
    times.push(performance.now() - t);
  }
  closeSync(fd);
  times.sort((a, b) => a - b);
  report('disk: 4 KB write + fsync p50 (ms)', times[100].toFixed(3));
}

// 2. workerd Durable Object, one HTTP request (one RPC) per event.
const strace = spawnSync('strace', ['-V']).status === 0;
{
  const bundle = join(root, 'node_modules', '.cache', 'audit-bench', 'do-worker.js');
  await build({ entryPoints: [join(root, 'test/audit/fixtures/do-worker.ts')], outfile: bundle, bundle: true, format: 'esm', platform: 'neutral', conditions: ['workerd', 'worker', 'browser'], mainFields: ['module', 'main'], external: ['node:*', 'cloudflare:*'], logLevel: 'warning' });
  const dir = join(work, 'do');
  mkdirSync(dir);
  const port = 20000 + Math.floor(Math.random() * 20000);
  const config = join(work, 'do.capnp');
  writeFileSync(config, `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = (modules = [(name = "w.js", esModule = embed ${JSON.stringify(bundle)})], compatibilityDate = "2026-11-01",
      durableObjectNamespaces = [(className = "AuditQueueObject", uniqueKey = "outpost-audit", enableSql = true)],
      durableObjectStorage = (localDisk = "disk"), bindings = [(name = "AUDIT_QUEUE", durableObjectNamespace = "AuditQueueObject"), (name = "OUTPOST_AIRGAP", text = "true")])),
    (name = "disk", disk = (path = ${JSON.stringify(dir)}, writable = true)),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", service = "main")],
);`);
  const child = spawn(join(root, 'node_modules/workerd/bin/workerd'), ['serve', config, '--import-path=/'], { stdio: 'ignore' });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 20));
  }
  const status = async () => (await fetch(`http://127.0.0.1:${port}/status`)).json();
  for (const connections of [1, 32]) {
    // Throughput without a tracer (ptrace slows workerd down), then a traced pass for fsyncs.
    {
      const before = await status();
      const r = await autocannon({ url: `http://127.0.0.1:${port}/append`, method: 'POST', body: JSON.stringify([event]), connections, duration: SECONDS });
      const after = await status();
      const appended = after.appended - before.appended;
      report(`workerd DO: events/s, ${connections} writer(s)`, Math.round(appended / SECONDS));
      report(`workerd DO: latency p50 / p99 (ms), ${connections} writer(s)`, `${r.latency.p50} / ${r.latency.p99}`);
      report(`workerd DO: events per commit, ${connections} writer(s)`, (appended / (after.commits - before.commits)).toFixed(2));
    }
    if (!strace) continue;
    const before = await status();
    const tracer = strace ? spawn('strace', ['-c', '-f', '-e', 'trace=fsync,fdatasync', '-p', String(child.pid), '-o', join(work, `strace-${connections}`)], { stdio: 'ignore' }) : null;
    if (tracer) await new Promise((r) => setTimeout(r, 300));
    const r = await autocannon({ url: `http://127.0.0.1:${port}/append`, method: 'POST', body: JSON.stringify([event]), connections, duration: 2 });
    const after = await status();
    const appended = after.appended - before.appended;
    void r;
    if (tracer) {
      tracer.kill('SIGINT');
      await new Promise((res) => tracer.once('exit', res));
      const text = readFileSync(join(work, `strace-${connections}`), 'utf8');
      const calls = [...text.matchAll(/^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?(fsync|fdatasync)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
      report(`workerd DO: fsyncs per event, ${connections} writer(s)`, (calls / appended).toFixed(3));
    }
  }
  child.kill('SIGKILL');
}

// 3. sqlite-wasm (the Deno backend's VFS) in this process.
{
  const path = join(work, 'wasm', 'audit_queue.db');
  mkdirSync(dirname(path));
  const store = await openNodeStore(path);
  for (const writers of [1, 32]) {
    const commits = store.commits;
    let n = 0;
    const end = performance.now() + SECONDS * 1000;
    await Promise.all(Array.from({ length: writers }, async () => {
      while (performance.now() < end) {
        await store.append(event);
        n++;
      }
    }));
    report(`sqlite-wasm: events/s, ${writers} writer(s)`, Math.round(n / SECONDS));
    report(`sqlite-wasm: events per commit, ${writers} writer(s)`, (n / (store.commits - commits)).toFixed(2));
  }
  store.close();
}

// 4. Bulk: insert EVENTS in batches, then export and verify them.
{
  const path = join(work, 'bulk', 'audit_queue.db');
  mkdirSync(dirname(path));
  const store = await openNodeStore(path);
  let t = performance.now();
  for (let i = 0; i < EVENTS; i += 1000) store.core.append(Array.from({ length: Math.min(1000, EVENTS - i) }, () => event));
  report(`bulk insert (batches of 1000): events/s`, Math.round(EVENTS / ((performance.now() - t) / 1000)));
  store.close();
  t = performance.now();
  const out = join(work, 'export.jsonl');
  await exportDatabase(path, { out });
  const exportS = (performance.now() - t) / 1000;
  t = performance.now();
  const v = await verifyExport(out);
  const verifyS = (performance.now() - t) / 1000;
  t = performance.now();
  const vdb = await verifyDatabase(path);
  const verifyDbS = (performance.now() - t) / 1000;
  if (!v.ok || !vdb.ok) throw new Error('verification failed');
  report(`export ${EVENTS} events (s)`, exportS.toFixed(2));
  report(`verify export of ${EVENTS} events (s)`, verifyS.toFixed(2));
  report(`verify database of ${EVENTS} events (s)`, verifyDbS.toFixed(2));
}
execFileSync('rm', ['-rf', work]);
