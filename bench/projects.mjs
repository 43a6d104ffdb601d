// Projects mode (OUTPOST_MODE=projects): start time and memory with 1, 100 and 1,000 projects, on
// real workerd, with a standalone gateway (one bundle) as the baseline of the same run.
//   node bench/projects.mjs [counts, default 1,100,1000]
// Start: spawn of `outpost start` until /health answers (workerd listening) and until /readyz
// answers 200 (the gateway built: project folders scanned, nothing compiled). First call: compiles the project (bundle
// read, validated, DLP automata built); warm call: served from the cache. Memory: the workerd
// process's RSS after start, and after calls to up to 100 distinct projects (the cache keeps 64).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, median, waitFor } from './harness.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const COUNTS = (process.argv[2] ?? '1,100,1000').split(',').map(Number);
const TOUCH = 100;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const bundle = (id, i) => ({
  schema_version: 1,
  version: `${id}-1`,
  created_at: '2026-11-29T00:00:00Z',
  ...(id ? { project: { id, hostnames: [`${id}.bench.test`] } } : {}),
  models: [{ name: '*', risk_tier: 'std' }],
  risk_tiers: { std: {} },
  dlp: { keywords: [{ id: 'codename', type: 'CODENAME', keywords: [`CODENAME${i}`, 'NIGHTJAR'], action: 'block' }] },
  auth: { mode: 'none' },
});

/** RSS (KiB) of the workerd process under `pid` (the launcher's child). */
function workerdRssKiB(pid) {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== pid) continue;
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      if (!/^Name:\s*workerd/m.test(status)) continue;
      return Number(/VmRSS:\s*(\d+)/.exec(status)[1]);
    } catch {}
  }
  return NaN;
}

async function call(port, project) {
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}${project ? `/projects/${project}` : ''}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'mock-llama', messages: [{ role: 'user', content: 'hello' }] }),
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${project}: HTTP ${res.status}`);
  return performance.now() - started;
}

async function measure(mockUrl, count) {
  const state = mkdtempSync(join(tmpdir(), 'outpost-bench-projects-'));
  const policies = join(state, 'policies');
  const ids = count === 0 ? [] : Array.from({ length: count }, (_, i) => `p${String(i).padStart(4, '0')}`);
  if (count === 0) {
    mkdirSync(policies, { recursive: true });
    writeFileSync(join(policies, 'policy_bundle.json'), JSON.stringify(bundle(undefined, 0)));
  }
  ids.forEach((id, i) => {
    mkdirSync(join(policies, 'projects', id), { recursive: true });
    writeFileSync(join(policies, 'projects', id, 'policy_bundle.json'), JSON.stringify(bundle(id, i)));
  });
  const port = await freePort();
  const env = { ...process.env, HOST: '127.0.0.1', PORT: String(port), OUTPOST_AIRGAP: 'true', OUTPOST_UPSTREAM_URL: mockUrl, OUTPOST_STATE_DIR: state, AIRGAP_POLICY_PATH: policies, AUDIT_QUEUE_DB_PATH: join(state, 'audit', 'audit_queue.db'), OUTPOST_LOG_LEVEL: 'warn', ...(count ? { OUTPOST_MODE: 'projects' } : {}) };
  const started = performance.now();
  const gateway = spawn(process.execPath, [join(ROOT, 'bin/outpost.mjs'), 'start'], { env, stdio: 'ignore' });
  try {
    // /health answers once workerd listens; /readyz once the gateway is built (the launcher's own
    // first request builds it: project folders scanned, nothing compiled).
    await waitFor(`http://127.0.0.1:${port}/health`, 60_000);
    const listeningMs = performance.now() - started;
    await waitFor(`http://127.0.0.1:${port}/readyz`, 60_000);
    const readyMs = performance.now() - started;
    const rssStart = workerdRssKiB(gateway.pid);
    const first = await call(port, ids[0]);
    const warmTimes = [];
    for (let i = 0; i < 20; i++) warmTimes.push(await call(port, ids[0]));
    const touched = ids.slice(0, TOUCH);
    const compileTimes = [];
    for (const id of touched.slice(1)) compileTimes.push(await call(port, id));
    const rssTouched = workerdRssKiB(gateway.pid);
    return { count, listeningMs, readyMs, rssStart, first, warm: median(warmTimes), firstMedian: compileTimes.length ? median(compileTimes) : first, touched: Math.max(touched.length, 1), rssTouched };
  } finally {
    gateway.kill('SIGTERM');
    await new Promise((r) => gateway.once('exit', r));
    rmSync(state, { recursive: true, force: true });
  }
}

const mockPort = await freePort();
const mock = spawn(process.execPath, [join(ROOT, 'test/mock/upstream.mjs'), String(mockPort)], { stdio: 'ignore' });
try {
  await waitFor(`http://127.0.0.1:${mockPort}/v1/models`);
  const counts = [0, ...COUNTS];
  const runs = new Map(counts.map((c) => [c, []]));
  // Alternating order over RUNS rounds, medians reported: the machine is shared and noisy.
  for (let round = 0; round < RUNS; round++) for (const count of round % 2 ? [...counts].reverse() : counts) runs.get(count).push(await measure(`http://127.0.0.1:${mockPort}`, count));
  const med = (count, key) => median(runs.get(count).map((r) => r[key]));
  console.log(`\nProjects mode on workerd: start and memory by number of projects (baseline: standalone, one bundle; same run; median of ${RUNS} alternating runs)\n`);
  console.log('| projects | spawn to /health | spawn to ready (/readyz 200) | workerd RSS after start | first call (compiles its project) | first call, median over projects 2-100 | warm call (cached), median of 20 | projects called | workerd RSS after those calls |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  const mb = (k) => `${(k / 1024).toFixed(1)} MiB`;
  for (const count of counts) {
    console.log(`| ${count === 0 ? 'standalone' : count} | ${med(count, 'listeningMs').toFixed(0)} ms | ${med(count, 'readyMs').toFixed(0)} ms | ${mb(med(count, 'rssStart'))} | ${med(count, 'first').toFixed(1)} ms | ${med(count, 'firstMedian').toFixed(1)} ms | ${med(count, 'warm').toFixed(1)} ms | ${runs.get(count)[0].touched} | ${mb(med(count, 'rssTouched'))} |`);
  }
} finally {
  mock.kill('SIGTERM');
}
process.exit(0);
