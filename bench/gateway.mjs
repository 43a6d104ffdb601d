// Gateway overhead: wrk against the mock model server directly and through Outpost (real workerd,
// air-gap mode), 1 and 32 connections, streaming and not. Reports req/s, p50, p99 and the p50
// Outpost adds, each the median of several runs measured in the same session. Also cold start:
// spawn of `outpost start` to the first 200 on /readyz. With 32 connections it also runs Outpost
// with OUTPOST_WORKERS=2 (two workerd processes on one socket, one audit queue) in the same
// rotation, and checks afterwards that every request it answered is in that queue, whose chain
// verifies.
//
// Each on two 1.3 KB chat bodies (bench/bodies.mjs): one with a name, an email, a card and a phone
// number (the issue 15 targets), and one without personal data.
//
// The same gateway under Deno (`outpost start --runtime deno`, its own state) runs in the same
// rotation: its added p50, req/s and CPU per request beside workerd's (issue 15: Deno at most
// 1.5 x workerd's cost; bench/deno-cost.mjs is the quicker Deno-only rotation, with a baseline tree's Deno). CPU per request is utime + stime of the runtime processes over a run
// (bench/process-cpu.mjs), divided by the requests served; with OUTPOST_WORKERS=2 also each
// process's share and the load generator's own CPU, to show whether the second process gets a core.
//
// With --baseline DIR (another checkout whose dist/ is built, e.g. `git archive f3bbde9 | tar -x -C
// /tmp/base`, then `node scripts/build.mjs` there), that tree's gateway runs in the same rotation,
// one process and OUTPOST_WORKERS=2, so that before and after share the machine's load; --no-deno
// leaves Deno out. --own-owner adds OUTPOST_WORKERS=2 with OUTPOST_AUDIT_PROCESS=own (a third
// process owns the audit queue and serves no public traffic) to the same rotation.
//
//   node bench/gateway.mjs [--runs 3] [--duration 5] [--body personal|plain] [--mode non-stream|stream] [--baseline DIR] [--no-deno] [--own-owner]
import { spawn, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { floorConfig, freePort, median, waitFor } from './harness.mjs';
import { measureCpu, runCounted, runtimePids } from './process-cpu.mjs';
import { BODY_KINDS, chatBody } from './bodies.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 3);
const DURATION = arg('duration', 5);
const bodyArg = process.argv.indexOf('--body');
const KINDS = bodyArg > 0 ? [process.argv[bodyArg + 1]] : BODY_KINDS;
const modeArg = process.argv.indexOf('--mode');
const STREAM_MODES = modeArg > 0 ? [process.argv[modeArg + 1] === 'stream'] : [false, true];
const baselineArg = process.argv.indexOf('--baseline');
const BASELINE = baselineArg > 0 ? resolve(process.argv[baselineArg + 1]) : null;
const WITH_DENO = !process.argv.includes('--no-deno');
const WITH_OWN_OWNER = process.argv.includes('--own-owner');
/** Reads /metrics of the OUTPOST_WORKERS=2 gateway (served per process). */
const ADMIN_TOKEN = 'bench-gateway-admin-token-5f2e';

function waitForListen(port, ms = 10000) {
  const end = Date.now() + ms;
  return new Promise((res, rej) => {
    const attempt = () => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        res();
      });
      socket.once('error', () => (Date.now() > end ? rej(new Error(`port ${port} not listening`)) : setTimeout(attempt, 10)));
    };
    attempt();
  });
}

function haveWrk() {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    return e.status === 1; // wrk --version exits 1 after printing its version
  }
}

function wrkScript(body) {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-'));
  const file = join(dir, 'post.lua');
  writeFileSync(file, `wrk.method = "POST"\nwrk.headers["content-type"] = "application/json"\nwrk.body = ${JSON.stringify(body)}\n`);
  return file;
}

/** Parses wrk --latency output: req/s, p50 and p99 in ms. */
function parseWrk(out) {
  const unit = (v, u) => Number(v) * ({ us: 0.001, ms: 1, s: 1000 }[u] ?? 1);
  const p = (q) => {
    const m = out.match(new RegExp(`\\s${q}%\\s+([\\d.]+)(us|ms|s)`));
    return m ? unit(m[1], m[2]) : NaN;
  };
  const rps = Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1]);
  const errors = out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1];
  if (errors) throw new Error(`wrk saw ${errors} non-2xx responses`);
  const total = Number(out.match(/(\d+) requests in/)?.[1] ?? 0);
  return { rps, p50: p(50), p99: p(99), total };
}

function runWrk(url, conns, script) {
  const { stdout, cpuMs } = runCounted('wrk', ['-t', conns > 1 ? '2' : '1', '-c', String(conns), '-d', `${DURATION}s`, '--latency', '-s', script, url]);
  return { ...parseWrk(stdout), loadCpuMs: cpuMs };
}

/** Model calls served by each process of a gateway, from its summed /metrics. */
async function servedPerProcess(url, attempt = 0) {
  try {
    // connection: close: a pooled keep-alive connection from the last scrape may be gone by now.
    const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}`, connection: 'close' } })).text();
    const counts = {};
    for (const m of text.matchAll(/^outpost_process_requests_total\{process="(\d+)"\} (\d+)$/gm)) counts[m[1]] = Number(m[2]);
    return counts;
  } catch (e) {
    if (attempt < 2) return servedPerProcess(url, attempt + 1);
    console.error(`metrics of ${url}: ${e.message} ${e.cause?.message ?? ""}`);
    return null;
  }
}

async function runAutocannon(url, conns, body) {
  const { default: autocannon } = await import('autocannon');
  const r = await autocannon({ url, connections: conns, duration: DURATION, method: 'POST', headers: { 'content-type': 'application/json' }, body });
  if (r.non2xx) throw new Error(`autocannon saw ${r.non2xx} non-2xx responses`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total };
}

async function main() {
  const useWrk = haveWrk();
  const mockPort = await freePort();
  const mock = spawn(process.execPath, [join(ROOT, 'test/mock/upstream.mjs'), String(mockPort)], { stdio: 'ignore' });
  const env = { ...process.env, HOST: '127.0.0.1', OUTPOST_AIRGAP: 'true', OUTPOST_UPSTREAM_URL: `http://127.0.0.1:${mockPort}`, OUTPOST_LOG_LEVEL: 'warn', OUTPOST_ADMIN_TOKEN: ADMIN_TOKEN };
  /** `outpost start` of the tree at `root`, with its own port and state. */
  const startGateway = async (root, workers, runtime = 'workerd', extraEnv = {}) => {
    const port = await freePort();
    const state = mkdtempSync(join(tmpdir(), 'outpost-bench-state-'));
    const db = join(state, 'audit', 'audit_queue.db');
    const gatewayEnv = { ...env, PORT: String(port), OUTPOST_STATE_DIR: state, AIRGAP_POLICY_PATH: join(state, 'policies'), AUDIT_QUEUE_DB_PATH: db, OUTPOST_WORKERS: String(workers), ...extraEnv };
    const child = spawn(process.execPath, [join(root, 'bin/outpost.mjs'), 'start', ...(runtime === 'deno' ? ['--runtime', 'deno'] : [])], { env: gatewayEnv, stdio: ['ignore', 'ignore', 'pipe'] });
    // The last of its log, to say why it never got ready.
    let log = '';
    child.stderr.on('data', (d) => (log = (log + d).slice(-2000)));
    const ready = () => waitFor(`http://127.0.0.1:${port}/readyz`, 90_000).catch((e) => Promise.reject(new Error(`${e.message} (outpost start in ${root}, ${workers} process(es), exit ${child.exitCode}): ${log}`)));
    return { port, db, child, ready };
  };
  // One process; the same gateway as two workerd processes on one socket (OUTPOST_WORKERS=2, one
  // audit queue); under Deno; and, with --baseline, the other tree's one and two processes.
  const gateways = {
    outpost: await startGateway(ROOT, 1),
    workers: await startGateway(ROOT, 2),
    ...(WITH_OWN_OWNER ? { 'workers-own': await startGateway(ROOT, 2, 'workerd', { OUTPOST_AUDIT_PROCESS: 'own' }) } : {}),
    ...(WITH_DENO ? { deno: await startGateway(ROOT, 1, 'deno') } : {}),
    ...(BASELINE ? { 'base-outpost': await startGateway(BASELINE, 1), 'base-workers': await startGateway(BASELINE, 2) } : {}),
  };
  const names = Object.keys(gateways);
  const twoProcess = (name) => name === 'workers' || name === 'base-workers' || name === 'workers-own';
  const floorPort = await freePort();
  const floor = spawn(join(ROOT, 'node_modules/workerd/bin/workerd'), ['serve', floorConfig(mkdtempSync(join(tmpdir(), 'outpost-floor-')), mockPort, floorPort), '--import-path=/'], { stdio: 'ignore' });
  const stopAll = () => {
    for (const g of Object.values(gateways)) g.child.kill('SIGTERM');
    mock.kill('SIGTERM');
    floor.kill('SIGTERM');
  };
  process.on('exit', stopAll);
  try {
    await waitFor(`http://127.0.0.1:${mockPort}/v1/models`);
    // Several gateways start at once on a shared 2-core host: give them longer than one alone needs.
    for (const g of Object.values(gateways)) await g.ready();
    await waitForListen(floorPort);
    // Whose CPU each target's runs are charged to: the runtime processes, not the node launchers.
    const pidsOf = { direct: [mock.pid], floor: [floor.pid], ...Object.fromEntries(names.map((n) => [n, runtimePids(gateways[n].child.pid)])) };
    const rows = [];
    const workerRows = [];
    const answered = { workers: 0, 'base-workers': 0, 'workers-own': 0 };
    for (const [kind, stream] of KINDS.flatMap((k) => STREAM_MODES.map((m) => [k, m]))) {
      const body = chatBody(kind, stream);
      const script = useWrk ? wrkScript(body) : null;
      for (const conns of [1, 32]) {
        const results = Object.fromEntries(['direct', 'floor', ...names].map((n) => [n, []]));
        const targets = [['direct', mockPort], ['floor', floorPort], ...names.filter((n) => conns > 1 || !twoProcess(n)).map((n) => [n, gateways[n].port])];
        for (let run = 0; run < RUNS; run++) {
          // Alternate direct and through-Outpost runs so drift on a shared machine hits both.
          for (const [name, port] of targets) {
            const url = `http://127.0.0.1:${port}/v1/chat/completions`;
            const servedBefore = twoProcess(name) ? await servedPerProcess(`http://127.0.0.1:${port}`) : undefined;
            if (!useWrk) {
              results[name].push({ ...(await runAutocannon(url, conns, body)), cpu: [], loadCpuMs: NaN });
              continue;
            }
            const { result, cpu } = measureCpu(pidsOf[name], () => runWrk(url, conns, script));
            const servedAfter = servedBefore !== undefined ? await servedPerProcess(`http://127.0.0.1:${port}`) : null;
            // By process index (a process that answered nothing has no series yet); either scrape
            // failing (null) leaves this run's per-process split unknown.
            const served = servedBefore && servedAfter ? pidsOf[name].map((_, p) => (servedAfter[p] ?? 0) - (servedBefore[p] ?? 0)) : null;
            results[name].push({ ...result, cpu, served });
          }
        }
        const cpuPerRequest = (name) => median(results[name].map((r) => r.cpu.reduce((a, b) => a + b, 0) / r.total));
        if (conns > 1) {
          const rps = (name) => median(results[name].map((r) => r.rps));
          // Cores busy during a run: CPU ms over the run's wall ms, per process and for wrk.
          const cores = (ms) => ms / (DURATION * 1000);
          const variants = [['this tree', 'outpost', 'workers'], ...(WITH_OWN_OWNER ? [['this tree, own audit process', 'outpost', 'workers-own']] : []), ...(BASELINE ? [['baseline', 'base-outpost', 'base-workers']] : [])];
          for (const [tree, one, two] of variants) {
            answered[two] += results[two].reduce((n, r) => n + r.total, 0);
            const processes = pidsOf[two].map((_, i) => i);
            workerRows.push({
              tree,
              kind,
              mode: stream ? 'stream' : 'non-stream',
              conns,
              one: rps(one),
              two: rps(two),
              floor: rps('floor'),
              ratios: results[two].map((r, i) => r.rps / results[one][i].rps),
              processCores: processes.map((i) => median(results[two].map((r) => cores(r.cpu[i] ?? NaN)))),
              oneCores: median(results[one].map((r) => cores(r.cpu[0] ?? NaN))),
              wrkCores: median(results[two].map((r) => cores(r.loadCpuMs))),
              servedShares: processes.map((i) => median(results[two].flatMap((r) => (r.served ? [r.served[i] / r.served.reduce((a, b) => a + b, 0)] : [])))),
              cpuPerRequest: cpuPerRequest(two),
              // Each process's CPU over the requests it answered itself: process 0's also pays for
              // committing process 1's audit events, process 1's for sending them.
              // Runs whose /metrics scrape or /proc read failed (or where a process answered nothing) are left out.
              perServed: processes.map((i) => median(results[two].map((r) => (r.served && r.served[i] ? r.cpu[i] / r.served[i] : NaN)).filter(Number.isFinite))),
            });
          }
        }
        const m = (name, key) => median(results[name].map((r) => r[key]));
        rows.push({
          kind,
          mode: stream ? 'stream' : 'non-stream',
          conns,
          direct_rps: m('direct', 'rps'),
          outpost_rps: m('outpost', 'rps'),
          direct_p50: m('direct', 'p50'),
          outpost_p50: m('outpost', 'p50'),
          direct_p99: m('direct', 'p99'),
          outpost_p99: m('outpost', 'p99'),
          floor_rps: m('floor', 'rps'),
          added_p50: median(results.outpost.map((r, i) => r.p50 - results.direct[i].p50)),
          floor_added_p50: median(results.floor.map((r, i) => r.p50 - results.direct[i].p50)),
          ...(WITH_DENO ? { deno_rps: m('deno', 'rps'), deno_added_p50: median(results.deno.map((r, i) => r.p50 - results.direct[i].p50)), deno_cpu: cpuPerRequest('deno') } : {}),
          outpost_cpu: cpuPerRequest('outpost'),
          floor_cpu: cpuPerRequest('floor'),
          ...(BASELINE
            ? {
                base_rps: m('base-outpost', 'rps'),
                base_added_p50: median(results['base-outpost'].map((r, i) => r.p50 - results.direct[i].p50)),
                base_cpu: cpuPerRequest('base-outpost'),
                ...(conns > 1 ? { workers_cpu: cpuPerRequest('workers'), base_workers_cpu: cpuPerRequest('base-workers') } : {}),
              }
            : {}),
        });
      }
    }
    console.log(`\nGateway overhead (${useWrk ? 'wrk' : 'autocannon'}, ${DURATION}s per run, median of ${RUNS} runs, 1.3 KB chat bodies with and without personal data, loopback)\n`);
    console.log('| body | mode | conns | direct req/s | Outpost req/s | ratio | direct p50 | Outpost p50 | added p50 | direct p99 | Outpost p99 | bare workerd relay req/s | bare workerd relay added p50 |');
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    const f = (x) => x.toFixed(2);
    for (const r of rows) {
      console.log(`| ${r.kind} | ${r.mode} | ${r.conns} | ${Math.round(r.direct_rps)} | ${Math.round(r.outpost_rps)} | ${(r.outpost_rps / r.direct_rps).toFixed(2)} | ${f(r.direct_p50)} ms | ${f(r.outpost_p50)} ms | ${f(r.added_p50)} ms | ${f(r.direct_p99)} ms | ${f(r.outpost_p99)} ms | ${Math.round(r.floor_rps)} | ${f(r.floor_added_p50)} ms |`);
    }
    if (BASELINE) {
      console.log(`\nBefore (--baseline ${BASELINE}) and after (this tree), same runs, interleaved; CPU per request: utime + stime of the runtime process(es) / requests served\n`);
      console.log('| body | mode | conns | before added p50 | after added p50 | relay added p50 | before req/s | after req/s | relay req/s | before CPU/req | after CPU/req | relay CPU/req |');
      console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
      for (const r of rows) {
        console.log(`| ${r.kind} | ${r.mode} | ${r.conns} | ${f(r.base_added_p50)} ms | ${f(r.added_p50)} ms | ${f(r.floor_added_p50)} ms | ${Math.round(r.base_rps)} | ${Math.round(r.outpost_rps)} | ${Math.round(r.floor_rps)} | ${f(r.base_cpu)} ms | ${f(r.outpost_cpu)} ms | ${f(r.floor_cpu)} ms |`);
      }
      for (const r of rows.filter((x) => x.conns > 1)) console.log(`OUTPOST_WORKERS=2 CPU/req (${r.kind}, ${r.mode}): before ${f(r.base_workers_cpu)} ms, after ${f(r.workers_cpu)} ms`);
    }
    if (WITH_DENO) console.log(`\nDeno (outpost start --runtime deno, one process) beside workerd (one process), same runs; CPU per request: utime + stime of the runtime process(es) / requests served (median of runs); target: Deno at most 1.5 x workerd\n`);
    if (WITH_DENO) console.log('| body | mode | conns | workerd added p50 | Deno added p50 | Deno / workerd | workerd req/s | Deno req/s | workerd / Deno | workerd CPU/req | Deno CPU/req | Deno / workerd | bare relay CPU/req |');
    if (WITH_DENO) console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const r of WITH_DENO ? rows : []) {
      console.log(`| ${r.kind} | ${r.mode} | ${r.conns} | ${f(r.added_p50)} ms | ${f(r.deno_added_p50)} ms | ${(r.deno_added_p50 / r.added_p50).toFixed(2)} | ${Math.round(r.outpost_rps)} | ${Math.round(r.deno_rps)} | ${(r.outpost_rps / r.deno_rps).toFixed(2)} | ${f(r.outpost_cpu)} ms | ${f(r.deno_cpu)} ms | ${(r.deno_cpu / r.outpost_cpu).toFixed(2)} | ${f(r.floor_cpu)} ms |`);
    }
    console.log(`\nOUTPOST_WORKERS=2 (two workerd processes on the one port) beside one process and the bare relay, same runs (median req/s; ratio: median of per-run 2-process / 1-process)\n`);
    console.log('| tree | body | mode | conns | one process req/s | OUTPOST_WORKERS=2 req/s | 2 / 1 | bare workerd relay req/s | 2 processes / relay |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const r of workerRows) console.log(`| ${r.tree} | ${r.kind} | ${r.mode} | ${r.conns} | ${Math.round(r.one)} | ${Math.round(r.two)} | ${median(r.ratios).toFixed(2)} | ${Math.round(r.floor)} | ${(r.two / r.floor).toFixed(2)} |`);
    console.log(`\nWhere the cores go with OUTPOST_WORKERS=2 (cores busy = CPU ms / run ms, median of runs; the machine has ${availableParallelism()}): does the second process get a core?\n`);
    console.log('Per process, process 0 (the queue owner) first. Process 0 pays for committing every process\'s audit events; the others for sending theirs.\n');
    console.log('| tree | body | mode | conns | one process: cores | cores per process | wrk: cores | share of requests per process | CPU/req, all processes | CPU per request it answered, per process |');
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    const each = (list, show) => list.map(show).join(' / ');
    for (const r of workerRows) console.log(`| ${r.tree} | ${r.kind} | ${r.mode} | ${r.conns} | ${f(r.oneCores)} | ${each(r.processCores, f)} | ${f(r.wrkCores)} | ${each(r.servedShares, (x) => `${(100 * x).toFixed(0)} %`)} | ${f(r.cpuPerRequest)} ms | ${each(r.perServed, (x) => `${f(x)} ms`)} |`);
    console.log(auditCheck(gateways.workers.db, answered.workers));
    if (WITH_OWN_OWNER) console.log(`own audit process: ${auditCheck(gateways['workers-own'].db, answered['workers-own'])}`);
    if (BASELINE) console.log(`baseline ${auditCheck(gateways['base-workers'].db, answered['base-workers'])}`);
  } finally {
    stopAll();
  }
  await coldStart(1);
  await coldStart(2);
}

/** Every answered request of the OUTPOST_WORKERS=2 runs has its event in the one queue, and the chain verifies. */
function auditCheck(db, answered) {
  const rows = Number(execFileSync(process.execPath, [join(ROOT, 'bin/outpost.mjs'), 'audit', 'query', 'SELECT count(*) FROM local_audit_queue;', '--db', db], { encoding: 'utf8' }).trim().split('\n').pop());
  const verify = spawnSync(process.execPath, [join(ROOT, 'bin/outpost.mjs'), 'audit', 'verify', '--db', db], { encoding: 'utf8' });
  // A request cut off when a run ends may be audited without being counted as answered: events >= answered.
  const ok = rows >= answered && verify.status === 0;
  if (!ok) process.exitCode = 1;
  return `OUTPOST_WORKERS=2 audit: ${answered} answered requests, ${rows} events in the one queue, chain ${verify.status === 0 ? 'verifies' : `DOES NOT verify: ${verify.stdout}${verify.stderr}`}${ok ? '' : ' (FAILED)'}`;
}

/** Spawn of `outpost start` (node launcher + workerd) to the first 200 on /readyz, median of 5. */
async function coldStart(workers) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const port = await freePort();
    const state = mkdtempSync(join(tmpdir(), 'outpost-cold-'));
    const started = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'bin/outpost.mjs'), 'start'], {
      env: { ...process.env, OUTPOST_WORKERS: String(workers), PORT: String(port), OUTPOST_AIRGAP: 'true', OUTPOST_STATE_DIR: state, AIRGAP_POLICY_PATH: join(state, 'policies'), AUDIT_QUEUE_DB_PATH: join(state, 'audit', 'audit_queue.db'), OUTPOST_LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    await waitFor(`http://127.0.0.1:${port}/readyz`);
    times.push(performance.now() - started);
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
  }
  console.log(`\nCold start, OUTPOST_WORKERS=${workers} (spawn of outpost start to first 200 on /readyz${workers > 1 ? ', which answers 200 only once every process is ready' : ''}, node launcher included): median ${median(times).toFixed(0)} ms of ${times.map((t) => t.toFixed(0)).join(', ')}`);
}

await main();
