#!/usr/bin/env node
// The audit record stage alone, inside workerd, before and after (issue 15): a bare worker that
// builds a personal-data audit event (four findings) per request and records it through a tree's
// real workerd backend (audit/durable-object-backend.ts: the coalescer, the RPC, the
// AuditQueueObject's chain, SQLite commit and sync), HMAC chain on, as `outpost start` runs it.
// Each tree (this one, and --baseline DIR) runs in its own workerd process; CPU per request is
// read from /proc/<pid>/stat (utime + stime: JavaScript, RPC, SQLite, WAL writes and fsync) in
// interleaved rounds, minus the same worker's '/floor' request that records nothing. With
// --concurrency N, N connections send at once, so the queue's group commit carries N events.
// --js-digest adds this tree with the chain hashed by the JavaScript HMAC-SHA256 (wrapped in a
// promise, so only the digest differs) instead of crypto.subtle.
//
//   node bench/audit-record.mjs [--baseline DIR] [--requests 1000] [--rounds 5] [--concurrency 1,16] [--js-digest]
//
// Measured 2026-11-29 on the shared 2-core dev machine (load average 9-11), baseline = main at
// f3bbde9 (generic linking, JS SHA-256, events as objects over the RPC), ms of workerd CPU per
// request for the record stage (with record minus floor), medians:
//   --requests 1000 --rounds 7 --js-digest:  1 connection: this tree 1.18, JS digest 1.20, baseline 1.18;
//                                          16 connections: this tree 0.32, JS digest 0.28, baseline 0.35.
//   --requests 2000 --rounds 5 --concurrency 16 --js-digest: this tree 0.275, JS digest 0.275, baseline 0.330.
// At one connection every request is its own SQLite commit (write + fsync: ~0.45 ms of workerd CPU
// on its own, bench/audit-commit.mjs), which none of the JavaScript changes touch; under load the
// per-event JavaScript (serialising, linking, hashing, the RPC) is what is left, and it is ~17 %
// lower. crypto.subtle (native, awaited per event) and the JS digest do not differ measurably here,
// although crypto.subtle alone is about twice as fast per digest (bench/audit-digest.mjs).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { freePort, median, waitFor } from './harness.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const argOf = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const REQUESTS = Number(argOf('requests') ?? 1000);
const ROUNDS = Number(argOf('rounds') ?? 5);
const BASELINE = argOf('baseline');
const CONCURRENCY = (argOf('concurrency') ?? '1,16').split(',').map(Number);
const TICK_MS = 10; // USER_HZ = 100
const work = mkdtempSync(join(tmpdir(), 'outpost-audit-record-'));

/** A worker around one tree's audit backend: '/record' records one event, '/floor' nothing. */
function entrySource(tree, jsDigest = false) {
  const at = (p) => JSON.stringify(join(tree, p));
  const queueObject = jsDigest
    ? `import { AuditQueueObject as Queue } from ${at('worker/audit/durable-object.ts')};
import { chainDigest } from ${at('worker/audit/chain.ts')};
export class AuditQueueObject extends Queue {
  constructor(state, env) {
    super(state, env);
    const js = chainDigest(env.OUTPOST_AUDIT_HMAC_KEY).digest;
    this.digest = async (text) => js(text);
  }
}`
    : `export { AuditQueueObject } from ${at('worker/audit/durable-object.ts')};`;
  return `import { openDurableObjectBackend } from ${at('worker/audit/durable-object-backend.ts')};
${queueObject}
const findings = ['EMAIL', 'PERSON', 'CREDIT_CARD', 'PHONE'].map((type, i) => ({ type, rule: 'tier1.' + type.toLowerCase(), tier: 1, score: 0.95, start: 600 + i * 30, end: 612 + i * 30, hash: 'ab12cd34ef5' + i, location: { side: 'request', path: 'messages[1].content' }, action: 'redact' }));
let backend;
let n = 0;
export default {
  async fetch(request, env) {
    backend ??= await openDurableObjectBackend(env.AUDIT_QUEUE, '/outpost/audit/audit_queue.db');
    if (new URL(request.url).pathname === '/floor') return new Response('ok');
    const received = Date.now();
    await backend.append({
      schema: 1, time: new Date(received).toISOString(), request_id: 'req-' + (++n), caller: null, client_ip: '127.0.0.1',
      route: 'openai.chat', model: 'mock-llama', target: 'default', policy_version: 'builtin-baseline', risk_tier: null, decision: 'redact', reason: null,
      findings, response_scanned: true, response_scanned_fully: true, stream: false, status: 200, bytes_in: 1220, bytes_out: 480,
      timings_ms: { total: Date.now() - received, upstream: 1 },
    });
    return new Response('ok');
  },
};
`;
}

async function start(name, tree, jsDigest = false) {
  const dir = join(work, name.replace(/\W+/g, '-'));
  mkdirSync(join(dir, 'disk'), { recursive: true });
  writeFileSync(join(dir, 'entry.js'), entrySource(tree, jsDigest));
  const bundle = join(dir, 'worker.js');
  await build({ entryPoints: [join(dir, 'entry.js')], outfile: bundle, bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', conditions: ['workerd', 'worker', 'browser'], mainFields: ['module', 'main'], external: ['node:*', 'cloudflare:*', '*.wasm'], nodePaths: [join(ROOT, 'node_modules')], define: { __OUTPOST_VERSION__: '"bench"' }, logLevel: 'error' });
  const port = await freePort();
  const config = join(dir, 'config.capnp');
  writeFileSync(
    config,
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = (modules = [(name = "w.js", esModule = embed ${JSON.stringify(bundle)})], compatibilityDate = "2026-11-01",
      durableObjectNamespaces = [(className = "AuditQueueObject", uniqueKey = "${name}", enableSql = true)],
      durableObjectStorage = (localDisk = "disk"),
      bindings = [(name = "AUDIT_QUEUE", durableObjectNamespace = "AuditQueueObject"), (name = "OUTPOST_AIRGAP", text = "true"), (name = "OUTPOST_AUDIT_HMAC_KEY", text = "bench-hmac-key-0123456789abcdef")])),
    (name = "disk", disk = (path = ${JSON.stringify(join(dir, 'disk'))}, writable = true)),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", service = "main")],
);`,
  );
  const child = spawn(join(ROOT, 'node_modules/workerd/bin/workerd'), ['serve', config, '--import-path=/'], { stdio: ['ignore', 'ignore', 'inherit'] });
  await waitFor(`http://127.0.0.1:${port}/floor`);
  return { name, port, child };
}

const cpuMs = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * TICK_MS;
};

/** `count` requests over `connections` keep-alive connections, each sequential. */
async function drive(server, path, count, connections) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const one = () =>
    new Promise((res, rej) => {
      const r = http.request({ host: '127.0.0.1', port: server.port, path, method: 'GET', agent }, (x) => {
        x.resume();
        x.on('end', () => (x.statusCode === 200 ? res() : rej(new Error(`${server.name} ${path}: ${x.statusCode}`))));
      });
      r.on('error', rej);
      r.end();
    });
  let left = count;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (left-- > 0) await one();
    }),
  );
  agent.destroy();
}

const servers = [await start('this tree', ROOT)];
if (process.argv.includes('--js-digest')) servers.push(await start('this tree, JS digest', ROOT, true));
if (BASELINE) servers.push(await start('baseline', resolve(BASELINE)));
try {
  for (const s of servers) for (const c of CONCURRENCY) await drive(s, '/record', 300, c);
  const results = new Map();
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of CONCURRENCY) {
      for (const s of servers) {
        for (const path of ['/floor', '/record']) {
          const before = cpuMs(s.child.pid);
          await drive(s, path, REQUESTS, c);
          const key = `${s.name}|${c}|${path}`;
          if (!results.has(key)) results.set(key, []);
          results.get(key).push((cpuMs(s.child.pid) - before) / REQUESTS);
        }
      }
    }
  }
  console.log(`\nworkerd CPU per request, ms (median of ${ROUNDS} interleaved rounds of ${REQUESTS}; one tick = ${(TICK_MS / REQUESTS).toFixed(3)} ms)\n`);
  console.log('| tree | connections | floor (no record) | with record | record stage |');
  console.log('|---|---|---|---|---|');
  for (const c of CONCURRENCY) {
    for (const s of servers) {
      const floor = median(results.get(`${s.name}|${c}|/floor`));
      const rec = median(results.get(`${s.name}|${c}|/record`));
      console.log(`| ${s.name} | ${c} | ${floor.toFixed(3)} | ${rec.toFixed(3)} | ${(rec - floor).toFixed(3)} |`);
    }
  }
} finally {
  for (const s of servers) s.child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
}
