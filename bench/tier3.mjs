// Tier 3 inside workerd, measured from outside the isolate (workerd's clocks stand still during
// CPU work): the same 2 KB prompt through two gateways, one whose risk tier always runs Tier 3,
// one with Tier 3 off; the difference of the medians is the inference cost. Also the time from
// spawn to ready with the model, and workerd's resident memory with ORT and the model loaded.
//
//   node bench/tier3.mjs [--requests 400] [--model assets/model] [--kb 2]
//
// --kb 32 sends 32 KB prompts (the same prose repeated) and reports the cost per 2 KB: when one
// 2 KB inference costs less than the request-to-request noise of the CPU counters (10 ms ticks),
// a longer prompt makes the difference measurable.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const REQUESTS = process.argv.includes('--requests') ? Number(process.argv[process.argv.indexOf('--requests') + 1]) : 400;
const MODEL_DIR = resolve(ROOT, process.argv.includes('--model') ? process.argv[process.argv.indexOf('--model') + 1] : 'assets/model');
const KB = process.argv.includes('--kb') ? Number(process.argv[process.argv.indexOf('--kb') + 1]) : 2;
const PER_2KB = 2 / KB;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const freePort = () => new Promise((res) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); }); });

// ~2 KB of prose: the kind of text Tier 3 exists for (flagged: the cost includes the finding),
// and ~2 KB of ordinary text (passes: the cost of the inference alone).
const PROMPT = ('Notes from the weekly sync: the migration of the records service is on track, the retention review needs two more weeks, and the training plan for new staff is drafted. ' +
  'Between us, my manager has been struggling with severe depression and asked me to cover their shifts while they go through counselling twice a week. ').repeat(7 * KB).slice(0, 1024 * KB);
const ORDINARY = ('Notes from the weekly sync: the migration of the records service is on track, the retention review needs two more weeks, and the training plan for new staff is drafted. ' +
  'The build now caches dependencies between runs, so the pipeline finishes in four minutes instead of nine; the flaky upload test was quarantined. ').repeat(7 * KB).slice(0, 1024 * KB);

async function gateway(mockUrl, tier3Mode) {
  const state = mkdtempSync(join(tmpdir(), 'outpost-bench-t3-'));
  mkdirSync(join(state, 'policies'));
  writeFileSync(join(state, 'policies', 'policy_bundle.json'), JSON.stringify({
    schema_version: 1, version: `bench-${tier3Mode}`, created_at: '2026-11-24T00:00:00Z',
    models: [{ name: '*', risk_tier: 't' }], risk_tiers: { t: { dlp: { tier3: { mode: tier3Mode, action: 'flag' } } } }, auth: { mode: 'none' },
  }));
  const port = await freePort();
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin/outpost.mjs'), 'start'], {
    env: { ...process.env, PORT: String(port), OUTPOST_AIRGAP: 'true', OUTPOST_UPSTREAM_URL: mockUrl, OUTPOST_STATE_DIR: state, AIRGAP_POLICY_PATH: join(state, 'policies'), AUDIT_QUEUE_DB_PATH: join(state, 'audit', 'audit_queue.db'), DLP_DEBERTA_ENABLED: tier3Mode === 'off' ? 'false' : 'true', AIRGAP_MODEL_PATH: MODEL_DIR, OUTPOST_LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  for (;;) {
    try { if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) break; } catch {}
    await new Promise((r) => setTimeout(r, 5));
  }
  const readyMs = performance.now() - spawnedAt;
  const workerd = execFileSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' }).trim().split('\n')[0];
  return { url: `http://127.0.0.1:${port}`, readyMs, workerd, stop: () => child.kill('SIGTERM') };
}

/** User + system CPU time of a process so far, in ms (/proc/<pid>/stat, clock ticks of 10 ms). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

async function latencies(url, n, content = PROMPT) {
  const body = JSON.stringify({ model: 'mock-llama', messages: [{ role: 'user', content }] });
  const out = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`status ${res.status}`);
    out.push(performance.now() - t);
  }
  return out;
}

const mockPort = await freePort();
const mock = spawn(process.execPath, [join(ROOT, 'test/mock/upstream.mjs'), String(mockPort)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 300));
const mockUrl = `http://127.0.0.1:${mockPort}`;
const on = await gateway(mockUrl, 'always');
const off = await gateway(mockUrl, 'off');
try {
  await latencies(on.url, 50);
  await latencies(off.url, 50);
  const rounds = { on: [], off: [], onOrdinary: [], offOrdinary: [] };
  for (let r = 0; r < 5; r++) {
    rounds.on.push(median(await latencies(on.url, REQUESTS / 5)));
    rounds.off.push(median(await latencies(off.url, REQUESTS / 5)));
    rounds.onOrdinary.push(median(await latencies(on.url, REQUESTS / 5, ORDINARY)));
    rounds.offOrdinary.push(median(await latencies(off.url, REQUESTS / 5, ORDINARY)));
  }
  // CPU time of the workerd process per request, on and off: unlike the wall clock, it does not
  // count the time other processes on a shared machine hold the cores.
  // Five alternating rounds, the median per key: one long run per gateway let a GC pause or a
  // neighbour's burst land on one side only (single runs disagreed by ±0.5 ms per request).
  const cpuRounds = { on: [], off: [], onOrdinary: [], offOrdinary: [] };
  const CPU_REQUESTS = Math.max(REQUESTS, 400);
  for (let round = 0; round < 5; round++) {
    for (const [key, g, content] of [['on', on, PROMPT], ['off', off, PROMPT], ['onOrdinary', on, ORDINARY], ['offOrdinary', off, ORDINARY]]) {
      const before = cpuMs(g.workerd);
      await latencies(g.url, CPU_REQUESTS / 5, content);
      cpuRounds[key].push((cpuMs(g.workerd) - before) / (CPU_REQUESTS / 5));
    }
  }
  const cpu = Object.fromEntries(Object.entries(cpuRounds).map(([key, xs]) => [key, median(xs)]));
  const rss = (pid) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024;
  console.log(`\nTier 3 (default model, ${KB} KB prompt, ${REQUESTS} requests per gateway in 5 alternating rounds, medians)\n`);
  console.log('| measure | value |');
  console.log('|---|---|');
  console.log(`| request p50, Tier 3 always | ${median(rounds.on).toFixed(3)} ms |`);
  console.log(`| request p50, Tier 3 off | ${median(rounds.off).toFixed(3)} ms |`);
  console.log(`| Tier 3 cost per 2 KB text (difference), flagged prompt | ${((median(rounds.on) - median(rounds.off)) * PER_2KB).toFixed(3)} ms |`);
  console.log(`| request p50, ordinary ${KB} KB prompt, Tier 3 always / off | ${median(rounds.onOrdinary).toFixed(3)} / ${median(rounds.offOrdinary).toFixed(3)} ms |`);
  console.log(`| Tier 3 cost per 2 KB text (difference), ordinary prompt (inference only) | ${((median(rounds.onOrdinary) - median(rounds.offOrdinary)) * PER_2KB).toFixed(3)} ms |`);
  console.log(`| workerd CPU per request, flagged prompt, Tier 3 always / off | ${cpu.on.toFixed(3)} / ${cpu.off.toFixed(3)} ms |`);
  console.log(`| **Tier 3 CPU per 2 KB text, flagged prompt** | **${((cpu.on - cpu.off) * PER_2KB).toFixed(3)} ms** |`);
  console.log(`| workerd CPU per request, ordinary prompt, Tier 3 always / off | ${cpu.onOrdinary.toFixed(3)} / ${cpu.offOrdinary.toFixed(3)} ms |`);
  console.log(`| **Tier 3 CPU per 2 KB text, ordinary prompt (inference only)** | **${((cpu.onOrdinary - cpu.offOrdinary) * PER_2KB).toFixed(3)} ms** |`);
  console.log(`| spawn to ready, with the model | ${on.readyMs.toFixed(0)} ms |`);
  console.log(`| spawn to ready, without | ${off.readyMs.toFixed(0)} ms |`);
  console.log(`| workerd RSS with ORT and the model | ${rss(on.workerd).toFixed(0)} MiB |`);
  console.log(`| workerd RSS without | ${rss(off.workerd).toFixed(0)} MiB |`);
} finally {
  on.stop();
  off.stop();
  mock.kill();
}
