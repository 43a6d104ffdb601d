// Where a request's time goes in the gateway, stage by stage (issue 15), on a chat body with
// personal data and on one without, beside the bare workerd relay (bench/passthrough-worker.js)
// and the mock model server itself.
//
// Two measurements, both from outside the isolate (inside it the clocks stand still during CPU
// work):
//  1. CPU per request of each server process, read from /proc/<pid>/stat around a run of
//     sequential requests on one keep-alive connection (workerd's own HTTP and I/O work included),
//     and the client's p50 latency, in interleaved rounds;
//  2. a V8 CPU profile over workerd's inspector (--inspector-addr), sampled every 200 us and
//     attributed to pipeline stages through the bundle's source map (bench/stage-profile.mjs).
//     Native calls count for the JavaScript that made them (fetch for forward, the Durable
//     Object's SQLite for record); "(program)" is workerd's own work on the isolate's thread that
//     no JavaScript frame owns (HTTP, streams, the event loop): "runtime (native)" below. Sample
//     times are wall-clock while the thread is busy (a descheduled thread on a loaded host still
//     collects samples), so the table shares out the process's CPU from /proc by each stage's
//     share of the samples. Its totals include the profiler's own cost (higher than in (1));
//     read it for shares, and (1) for totals.
//
// The gateway runs unminified with a source map (built here, same esbuild options otherwise) and
// the built-in baseline policy with its audit queue, as `outpost start` renders it. With
// --baseline DIR (a checkout of another commit, e.g. `git worktree add /tmp/base c61992e`), that
// tree's worker is built the same way and measured in the same rounds, so before and after share
// the machine's load.
//
//   node --experimental-websocket bench/stages.mjs [--requests 300] [--rounds 5] [--baseline DIR] [--mode stream|non-stream] [--no-profile]
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BODY_KINDS, chatBody } from './bodies.mjs';
import { floorConfig, freePort, median, waitFor } from './harness.mjs';
import { STAGES, buildProfiled, cpuProfile, sourceLocator, stageTimes, topFrames } from './stage-profile.mjs';

if (typeof WebSocket === 'undefined') {
  // Node 20 has WebSocket behind a flag; Node 22 and later have it anyway.
  const r = spawnSync(process.execPath, ['--experimental-websocket', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const ROOT = resolve(import.meta.dirname, '..');
const argOf = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const REQUESTS = Number(argOf('requests') ?? 300);
const STREAM_REQUESTS = Math.max(10, Math.round(REQUESTS / 6));
const ROUNDS = Number(argOf('rounds') ?? 5);
const BASELINE = argOf('baseline');
// --top N: also the N frames with the most self time in each profile.
const TOP = Number(argOf('top') ?? 0);
// --save-profiles DIR: write each profile as a .cpuprofile (Chrome DevTools opens it) with the bundle's map beside.
const SAVE = argOf('save-profiles');
// --only-profile: skip the timed rounds.
const ONLY_PROFILE = process.argv.includes('--only-profile');
// --no-profile: skip the V8 profiles (timed rounds only).
const NO_PROFILE = process.argv.includes('--no-profile');
// --mode stream|non-stream: only that mode (both by default).
const MODES = argOf('mode') ? [argOf('mode') === 'stream'] : [false, true];
const CLK_TCK = 100; // Linux USER_HZ

/** Temporary folders (builds, state, configs), removed when the benchmark exits. */
const temporary = [];
const tempDir = (prefix) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
};


/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/** `count` requests one after another on one keep-alive connection; latencies in ms, SSE events seen. */
async function drive(port, body, count) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies = [];
  let events = 0;
  try {
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      const text = await new Promise((res, rej) => {
        const req = http.request({ host: '127.0.0.1', port, path: '/v1/chat/completions', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (resp) => {
          const chunks = [];
          resp.on('data', (c) => chunks.push(c));
          resp.on('end', () => (resp.statusCode === 200 ? res(Buffer.concat(chunks).toString()) : rej(new Error(`status ${resp.statusCode}: ${Buffer.concat(chunks)}`))));
          resp.on('error', rej);
        });
        req.on('error', rej);
        req.end(body);
      });
      latencies.push(performance.now() - started);
      events += text.split('\n\n').length - 1;
    }
  } finally {
    agent.destroy();
  }
  return { latencies, events };
}

/** Runs `count` requests against a target and reads its process's CPU around them. */
async function measured(target, body, count) {
  const before = cpuSeconds(target.pid);
  const { latencies, events } = await drive(target.port, body, count);
  const cpuMs = ((cpuSeconds(target.pid) - before) * 1000) / count;
  return { p50: median(latencies), cpuMs, events: events / count };
}

/**
 * The built-in baseline bundle with every DLP tier and the response scan off: a real policy
 * option, so the same build without DLP is a differential measurement of what DLP costs.
 */
function dlpOffBundle() {
  const baseline = JSON.parse(readFileSync(join(ROOT, 'assets/policy/policy_bundle.baseline.json'), 'utf8'));
  return { ...baseline, version: 'bench-dlp-off', dlp: { tier1: { enabled: false }, bundles: {}, tier3: { mode: 'off' }, scan_response: false, on_error: 'block' } };
}

async function startOutpost(name, workerPath, mockPort, bundle) {
  const port = await freePort();
  const inspectorPort = await freePort();
  const state = tempDir('outpost-stages-');
  mkdirSync(join(state, 'policies'), { recursive: true });
  mkdirSync(join(state, 'audit'), { recursive: true });
  if (bundle) writeFileSync(join(state, 'policies', 'policy_bundle.json'), JSON.stringify(bundle));
  const env = { ...process.env, HOST: '127.0.0.1', PORT: String(port), OUTPOST_AIRGAP: 'true', OUTPOST_UPSTREAM_URL: `http://127.0.0.1:${mockPort}`, OUTPOST_STATE_DIR: state, AIRGAP_POLICY_PATH: join(state, 'policies'), AUDIT_QUEUE_DB_PATH: join(state, 'audit', 'audit_queue.db'), OUTPOST_LOG_LEVEL: 'warn' };
  const rendered = execFileSync(process.execPath, [join(ROOT, 'bin/outpost.mjs'), 'config'], { env, encoding: 'utf8' });
  const shipped = `embed ${JSON.stringify(join(ROOT, 'dist/worker.js'))}`;
  if (!rendered.includes(shipped)) throw new Error('outpost config does not embed dist/worker.js as expected');
  const config = join(state, 'outpost.capnp');
  writeFileSync(config, rendered.replace(shipped, `embed ${JSON.stringify(workerPath)}`));
  const child = spawn(join(ROOT, 'node_modules/workerd/bin/workerd'), ['serve', config, '--import-path=/', `--inspector-addr=127.0.0.1:${inspectorPort}`], { env, stdio: 'ignore' });
  await waitFor(`http://127.0.0.1:${port}/readyz`);
  const ready = await (await fetch(`http://127.0.0.1:${port}/readyz`)).json();
  if (bundle && ready.policy?.version !== bundle.version) throw new Error(`${name}: the gateway enforces ${ready.policy?.version}, not ${bundle.version}`);
  return { name, port, pid: child.pid, child, workerPath, inspector: `ws://127.0.0.1:${inspectorPort}/outpost`, map: `${workerPath}.map` };
}

async function startFloor(mockPort) {
  const port = await freePort();
  const file = floorConfig(tempDir('outpost-floor-'), mockPort, port);
  const child = spawn(join(ROOT, 'node_modules/workerd/bin/workerd'), ['serve', file, '--import-path=/'], { stdio: 'ignore' });
  for (let i = 0; i < 500; i++) {
    try {
      await drive(port, chatBody('plain', false), 1);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  return { name: 'bare workerd relay', port, pid: child.pid, child };
}

const fmt = (x, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : '—');

async function main() {
  const mockPort = await freePort();
  const mock = spawn(process.execPath, [join(ROOT, 'test/mock/upstream.mjs'), String(mockPort)], { stdio: 'ignore' });
  const children = [mock];
  process.on('exit', () => {
    children.forEach((c) => c.kill('SIGTERM'));
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  });
  await waitFor(`http://127.0.0.1:${mockPort}/v1/models`);
  const work = tempDir('outpost-stages-build-');
  const variants = [['Outpost', ROOT]];
  if (BASELINE) variants.push(['Outpost baseline', resolve(BASELINE)]);
  const gateways = [];
  for (const [name, tree] of variants) {
    const g = await startOutpost(name, await buildProfiled(tree, join(work, String(gateways.length))), mockPort);
    children.push(g.child);
    gateways.push(g);
  }
  // The same build with DLP off in the policy: CPU with DLP minus CPU without is what DLP costs.
  const dlpOff = await startOutpost('Outpost, DLP off', gateways[0].workerPath, mockPort, dlpOffBundle());
  children.push(dlpOff.child);
  const floor = await startFloor(mockPort);
  children.push(floor.child);
  const direct = { name: 'mock (direct)', port: mockPort, pid: mock.pid };
  const targets = [direct, floor, ...gateways, dlpOff];

  // Warm-up: JIT, caches, the audit queue's first writes.
  for (const t of targets) for (const kind of BODY_KINDS) for (const stream of [false, true]) await drive(t.port, chatBody(kind, stream), stream ? 20 : 100);

  // 1. CPU per request and p50, interleaved rounds.
  const runs = new Map();
  for (let round = 0; round < (ONLY_PROFILE ? 0 : ROUNDS); round++) {
    for (const kind of BODY_KINDS) {
      for (const stream of MODES) {
        for (const t of targets) {
          const key = `${t.name}|${kind}|${stream}`;
          if (!runs.has(key)) runs.set(key, []);
          runs.get(key).push(await measured(t, chatBody(kind, stream), stream ? STREAM_REQUESTS : REQUESTS));
        }
      }
    }
  }
  if (!ONLY_PROFILE) printRuns(runs, targets, direct);
  if (!NO_PROFILE) await printStages(gateways);
}

function printRuns(runs, targets, direct) {
  const med = (name, kind, stream, field) => median(runs.get(`${name}|${kind}|${stream}`).map((r) => r[field]));
  console.log(`\nPer request, sequential on one connection (${REQUESTS} non-stream / ${STREAM_REQUESTS} stream requests per run, median of ${ROUNDS} interleaved rounds; CPU of the server process from /proc)\n`);
  console.log('| body | mode | server | p50 | added p50 vs mock | CPU per request | CPU per SSE event |');
  console.log('|---|---|---|---|---|---|---|');
  for (const kind of BODY_KINDS) {
    for (const stream of MODES) {
      for (const t of targets) {
        const p50 = med(t.name, kind, stream, 'p50');
        const cpu = med(t.name, kind, stream, 'cpuMs');
        // Per upstream event (the mock's): Outpost sends fewer when it drops events whose text is all held.
        const events = med(direct.name, kind, stream, 'events');
        const added = t === direct ? NaN : p50 - med(direct.name, kind, stream, 'p50');
        console.log(`| ${kind} | ${stream ? 'stream' : 'non-stream'} | ${t.name} | ${fmt(p50)} ms | ${fmt(added)} ms | ${fmt(cpu)} ms | ${stream ? `${fmt((cpu * 1000) / events, 1)} us (${events.toFixed(0)} events)` : ''} |`);
      }
    }
  }
  // Differential: the same build with and without DLP, and each without the bare relay's cost.
  console.log('\nDifferential CPU per request (medians above): DLP = Outpost minus Outpost with DLP off; the rest of Outpost = Outpost with DLP off minus the bare relay\n');
  console.log('| body | mode | DLP | rest of Outpost (parse, policy, audit record, headers) | bare relay |');
  console.log('|---|---|---|---|---|');
  for (const kind of BODY_KINDS) {
    for (const stream of MODES) {
      const cpu = (name) => med(name, kind, stream, 'cpuMs');
      console.log(`| ${kind} | ${stream ? 'stream' : 'non-stream'} | ${fmt(cpu('Outpost') - cpu('Outpost, DLP off'))} ms | ${fmt(cpu('Outpost, DLP off') - cpu('bare workerd relay'))} ms | ${fmt(cpu('bare workerd relay'))} ms |`);
    }
  }
}

/** 2. The isolate's CPU by stage, from V8 profiles. */
async function printStages(gateways) {
  for (const stream of MODES) {
    const count = stream ? STREAM_REQUESTS * 2 : REQUESTS * 2;
    const columns = [];
    for (const g of gateways) {
      const locate = sourceLocator(g.map);
      for (const kind of BODY_KINDS) {
        const cpuBefore = cpuSeconds(g.pid);
        const { profile, result } = await cpuProfile(g.inspector, () => drive(g.port, chatBody(kind, stream), count));
        const cpuUs = (cpuSeconds(g.pid) - cpuBefore) * 1e6;
        if (SAVE) writeFileSync(join(SAVE, `${g.name.replace(/\W+/g, '-')}-${kind}-${stream ? 'stream' : 'whole'}.cpuprofile`), JSON.stringify(profile));
        columns.push({ label: `${g.name}, ${kind}`, times: stageTimes(profile, locate), events: result.events, cpuUs });
        if (TOP) console.log(`\nTop frames, ${g.name}, ${kind}, ${stream ? 'stream' : 'non-stream'} (us per request):\n${topFrames(profile, locate, TOP).map(([k, us]) => `  ${fmt(us / count, 1)}  ${k}`).join('\n')}`);
      }
    }
    console.log(
      `\nCPU by stage, ${stream ? 'stream' : 'non-stream'}: the process's CPU (/proc) over ${count} sequential requests, shared out by the stages' shares of the V8 profile's non-idle samples; microseconds per request${stream ? ', per SSE event the client received in brackets' : ''}\n`,
    );
    console.log(`| stage | ${columns.map((c) => c.label).join(' | ')} |`);
    console.log(`|---|${columns.map(() => '---').join('|')}|`);
    for (const stage of [...STAGES, 'total']) {
      const cells = columns.map((c) => {
        const sampled = [...c.times.values()].reduce((a, b) => a + b, 0);
        const share = stage === 'total' ? 1 : (c.times.get(stage) ?? 0) / sampled;
        const perRequest = (share * c.cpuUs) / count;
        return stream ? `${fmt(perRequest, 0)} (${fmt(perRequest / (c.events / count), 1)})` : fmt(perRequest, 0);
      });
      console.log(`| ${stage} | ${cells.join(' | ')} |`);
    }
  }
}

await main();
process.exit(0);
