// Deno's cost beside workerd's (issue 15: Deno at most 1.5 x workerd's CPU per request), quicker
// than bench/gateway.mjs: only the one-process workerd gateway, the Deno gateway and, with
// --baseline DIR (another checkout with dist/ built), that tree's Deno gateway, all in one
// interleaved rotation on the personal-data body. CPU per request: utime + stime of the runtime
// process over a wrk run / requests served (bench/process-cpu.mjs), median of runs.
//
//   node bench/deno-cost.mjs [--runs 3] [--duration 3] [--baseline DIR] [--body personal|plain] [--conns 1,32] [--mode non-stream,stream]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, median, waitFor } from './harness.mjs';
import { measureCpu, runtimePids } from './process-cpu.mjs';
import { chatBody } from './bodies.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(option('runs', 3));
const DURATION = Number(option('duration', 3));
const BASELINE = option('baseline', null) && resolve(option('baseline'));
const KIND = option('body', 'personal');
const CONNS = option('conns', '1,32').split(',').map(Number);
const MODES = option('mode', 'non-stream,stream').split(',');

/** wrk's req/s, p50 (ms) and request count. */
function wrk(url, conns, script) {
  const out = spawnSync('wrk', ['-t', conns > 1 ? '2' : '1', '-c', String(conns), '-d', `${DURATION}s`, '--latency', '-s', script, url], { encoding: 'utf8' }).stdout;
  if (/Non-2xx/.test(out)) throw new Error(`wrk saw non-2xx responses: ${out}`);
  const p50 = out.match(/\s50%\s+([\d.]+)(us|ms|s)/);
  return { rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1]), p50: p50 ? Number(p50[1]) * { us: 0.001, ms: 1, s: 1000 }[p50[2]] : NaN, total: Number(out.match(/(\d+) requests in/)?.[1] ?? 0) };
}

const mockPort = await freePort();
const mock = spawn(process.execPath, [join(ROOT, 'test/mock/upstream.mjs'), String(mockPort)], { stdio: 'ignore' });
const env = { ...process.env, HOST: '127.0.0.1', OUTPOST_AIRGAP: 'true', OUTPOST_UPSTREAM_URL: `http://127.0.0.1:${mockPort}`, OUTPOST_LOG_LEVEL: 'error' };
const gateways = {};
async function start(name, root, runtime) {
  const port = await freePort();
  const state = mkdtempSync(join(tmpdir(), 'outpost-deno-cost-'));
  const child = spawn(process.execPath, [join(root, 'bin/outpost.mjs'), 'start', ...(runtime === 'deno' ? ['--runtime', 'deno'] : [])], {
    env: { ...env, PORT: String(port), OUTPOST_WORKERS: '1', OUTPOST_STATE_DIR: state, AIRGAP_POLICY_PATH: join(state, 'policies'), AUDIT_QUEUE_DB_PATH: join(state, 'audit', 'audit_queue.db') },
    stdio: 'ignore',
  });
  gateways[name] = { port, child };
}
process.on('exit', () => {
  for (const g of Object.values(gateways)) g.child.kill('SIGTERM');
  mock.kill('SIGTERM');
});
await start('workerd', ROOT, 'workerd');
await start('deno', ROOT, 'deno');
if (BASELINE) await start('base-deno', BASELINE, 'deno');
await waitFor(`http://127.0.0.1:${mockPort}/v1/models`);
for (const g of Object.values(gateways)) {
  await waitFor(`http://127.0.0.1:${g.port}/readyz`, 90_000);
  g.pids = runtimePids(g.child.pid);
}
const names = Object.keys(gateways);
console.log(`\nDeno beside workerd (${KIND} body, wrk ${DURATION}s x ${RUNS} runs interleaved, medians; CPU/req = runtime process utime+stime / requests)\n`);
console.log(`| mode | conns | ${names.map((n) => `${n} CPU/req | ${n} p50 | ${n} req/s`).join(' | ')} | ${names.slice(1).map((n) => `${n} / workerd CPU`).join(' | ')} |`);
console.log(`|---|---|${names.map(() => '---|---|---|').join('')}${names.slice(1).map(() => '---|').join('')}`);
for (const mode of MODES) {
  const script = join(mkdtempSync(join(tmpdir(), 'outpost-deno-cost-')), 'post.lua');
  writeFileSync(script, `wrk.method = "POST"\nwrk.headers["content-type"] = "application/json"\nwrk.body = ${JSON.stringify(chatBody(KIND, mode === 'stream'))}\n`);
  for (const conns of CONNS) {
    const runs = Object.fromEntries(names.map((n) => [n, []]));
    for (const n of names) wrk(`http://127.0.0.1:${gateways[n].port}/v1/chat/completions`, conns, script); // warm-up
    for (let r = 0; r < RUNS; r++) {
      for (const n of names) {
        const { result, cpu } = measureCpu(gateways[n].pids, () => wrk(`http://127.0.0.1:${gateways[n].port}/v1/chat/completions`, conns, script));
        runs[n].push({ ...result, cpuPerReq: cpu.reduce((a, b) => a + b, 0) / result.total });
      }
    }
    const m = (n, k) => median(runs[n].map((x) => x[k]));
    // Ratio of medians and, per run, the ratio (same moment on the machine): both shown.
    const ratio = (n) => `${(m(n, 'cpuPerReq') / m('workerd', 'cpuPerReq')).toFixed(2)} (per-run median ${median(runs[n].map((x, i) => x.cpuPerReq / runs.workerd[i].cpuPerReq)).toFixed(2)})`;
    console.log(`| ${mode} | ${conns} | ${names.map((n) => `${m(n, 'cpuPerReq').toFixed(2)} ms | ${m(n, 'p50').toFixed(2)} ms | ${Math.round(m(n, 'rps'))}`).join(' | ')} | ${names.slice(1).map(ratio).join(' | ')} |`);
  }
}
process.exit(0);
