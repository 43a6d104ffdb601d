// What each piece of the forward stage costs inside workerd: one workerd process serving the
// variants of bench/forward-cost-worker.js (the bare relay, then one added piece of what
// worker/proxy/forward.ts does at a time), driven by wrk at 32 connections against the mock model
// server, CPU per request from /proc (utime + stime of workerd over the run / requests served),
// variants interleaved in each round, median of rounds.
//
//   node bench/forward-cost.mjs [--rounds 5] [--duration 3] [--conns 32]
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, median, waitFor } from './harness.mjs';
import { chatBody } from './bodies.mjs';
import { measureCpu, runCounted } from './process-cpu.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROUNDS = arg('rounds', 5);
const DURATION = arg('duration', 3);
const CONNS = arg('conns', 32);
const VARIANTS = ['relay', 'headers', 'timer', 'signal', 'whole', 'whole-race', 'abort-timeout'];

const dir = mkdtempSync(join(tmpdir(), 'outpost-forward-cost-'));
const mockPort = await freePort();
const port = await freePort();
const config = join(dir, 'forward-cost.capnp');
writeFileSync(
  config,
  `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = (modules = [(name = "worker.js", esModule = embed ${JSON.stringify(join(ROOT, 'bench/forward-cost-worker.js'))})], compatibilityDate = "2026-11-01", bindings = [(name = "UPSTREAM", service = "upstream")])),
    (name = "upstream", external = (address = "127.0.0.1:${mockPort}", http = ())),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
`,
);
const script = join(dir, 'post.lua');
writeFileSync(script, `wrk.method = "POST"\nwrk.headers["content-type"] = "application/json"\nwrk.body = ${JSON.stringify(chatBody('personal', false))}\n`);

const mock = spawn(process.execPath, [join(ROOT, 'test/mock/upstream.mjs'), String(mockPort)], { stdio: 'ignore' });
const workerd = spawn(join(ROOT, 'node_modules/workerd/bin/workerd'), ['serve', config, '--import-path=/'], { stdio: 'ignore' });
process.on('exit', () => {
  workerd.kill('SIGTERM');
  mock.kill('SIGTERM');
});
await waitFor(`http://127.0.0.1:${mockPort}/v1/models`);
for (const v of VARIANTS) {
  const r = await fetch(`http://127.0.0.1:${port}/${v}`, { method: 'POST', body: chatBody('personal', false), headers: { 'content-type': 'application/json' } });
  if (!r.ok) throw new Error(`${v}: ${r.status}`);
  await r.arrayBuffer();
}

const results = Object.fromEntries(VARIANTS.map((v) => [v, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const v of VARIANTS) {
    const { result, cpu } = measureCpu([workerd.pid], () => runCounted('wrk', ['-t', '2', '-c', String(CONNS), '-d', `${DURATION}s`, '-s', script, `http://127.0.0.1:${port}/${v}`]));
    const total = Number(result.stdout.match(/(\d+) requests in/)?.[1] ?? 0);
    if (/Non-2xx/.test(result.stdout)) throw new Error(`${v}: non-2xx responses`);
    results[v].push({ rps: Number(result.stdout.match(/Requests\/sec:\s+([\d.]+)/)?.[1]), cpuUs: (cpu[0] * 1000) / total });
  }
}
console.log(`\nForward-stage pieces inside workerd (wrk, ${CONNS} connections, ${DURATION}s, median of ${ROUNDS} interleaved rounds; CPU/request = workerd utime+stime / requests)\n`);
console.log('| variant | req/s | CPU/request | vs relay |');
console.log('|---|---|---|---|');
const base = median(results.relay.map((r) => r.cpuUs));
for (const v of VARIANTS) {
  const cpuUs = median(results[v].map((r) => r.cpuUs));
  console.log(`| ${v} | ${Math.round(median(results[v].map((r) => r.rps)))} | ${cpuUs.toFixed(0)} us | ${v === 'relay' ? '' : `${cpuUs - base >= 0 ? '+' : ''}${(cpuUs - base).toFixed(0)} us`} |`);
}
