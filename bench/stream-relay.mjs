// The stream path alone inside workerd (issue 15): proxy/stream.ts's relay with the DLP stream
// inspector (codec + hold-back window, the built-in baseline policy's DLP settings), without the
// rest of the gateway (request parse, policy, request DLP, audit), so that its per-event cost is
// not lost in the per-request costs' noise. Beside it, the bare workerd relay
// (bench/passthrough-worker.js) and, with --baseline DIR, the same relay built from another tree,
// measured in the same interleaved rounds. The upstream is the mock model server's stream
// (test/mock/upstream.mjs: ~90 events, one per network chunk).
//
// Reports per target: CPU per SSE event of the workerd process (/proc utime + stime around a run
// of sequential streams on one keep-alive connection), and the p50 time to the last byte added
// over the mock's own; medians of the rounds.
//   node bench/stream-relay.mjs [--baseline DIR] [--streams 100] [--rounds 7] [--raw (also the relay without the inspector)] [--profile N]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { floorConfig, freePort, median } from './harness.mjs';
import { cpuProfile, sourceLocator, topFrames } from './stage-profile.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const argOf = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const STREAMS = Number(argOf('streams') ?? 100);
const ROUNDS = Number(argOf('rounds') ?? 7);
const BASELINE = argOf('baseline');
// --profile N: also the N frames with the most self time in a V8 profile of this tree's relay (us per event).
const PROFILE = Number(argOf('profile') ?? 0);
const CLK_TCK = 100;
const BODY = JSON.stringify({ model: 'mock-llama', stream: true, messages: [{ role: 'user', content: 'Summarise the notes.' }] });

const work = mkdtempSync(join(tmpdir(), 'outpost-stream-relay-'));

/** A worker that relays the upstream stream through `tree`'s relayStream and stream inspector. */
async function relayWorker(tree, name) {
  const entry = join(work, `${name}.mjs`);
  const at = (p) => JSON.stringify(join(tree, p));
  writeFileSync(
    entry,
    `import { relayStream } from ${at('worker/proxy/stream.ts')};
import { DlpStreamInspector, compileDlp, Redactor } from ${at('worker/dlp/index.ts')};
import { FindingHasher } from ${at('worker/dlp/findings.ts')};
import { OPENAI } from ${at('worker/protocol/index.ts')};
import { settingsWith } from ${at('test/dlp/fixtures.ts')};
// The built-in baseline policy's DLP: tier 1 (flag) and the SECRETS and CLASSIFICATION bundles (block).
const compiled = compileDlp(settingsWith({ tier1: { enabled: true, action: 'flag' }, bundles: { SECRETS: { action: 'block' }, CLASSIFICATION: { action: 'block' } } }));
export default {
  async fetch(request, env) {
    const body = await request.arrayBuffer();
    const upstream = await env.UPSTREAM.fetch('http://upstream/v1/chat/completions', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    // /raw: the relay alone, no inspector (the stream path with the response scan off).
    const inspector = new URL(request.url).pathname === '/raw' ? null : new DlpStreamInspector({ compiled, codec: OPENAI.streamCodec(), redactor: new Redactor(false), hasher: new FindingHasher('bench-salt'), scan: true });
    const relayed = relayStream(upstream.body, { protocol: OPENAI, idleTimeoutMs: 30000, maxBytes: 1 << 26, inspector, onFinish: async () => {} });
    return new Response(relayed, { headers: { 'content-type': 'text/event-stream' } });
  },
};
`,
  );
  const outfile = join(work, `${name}.js`);
  await build({ entryPoints: [entry], outfile, bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', conditions: ['workerd', 'worker', 'browser'], mainFields: ['module', 'main'], nodePaths: [join(ROOT, 'node_modules')], sourcemap: 'external', logLevel: 'error' });
  return outfile;
}

function serve(name, workerFile, mockPort, port) {
  const file = join(work, `${name}.capnp`);
  writeFileSync(
    file,
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = (modules = [(name = "worker.js", esModule = embed ${JSON.stringify(workerFile)})], compatibilityDate = "2026-11-01", bindings = [(name = "UPSTREAM", service = "upstream")])),
    (name = "upstream", external = (address = "127.0.0.1:${mockPort}", http = ())),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
`,
  );
  return file;
}

function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/** `count` streams one after another on one keep-alive connection: times to the last byte, events seen. */
async function drive(port, count, path = '/v1/chat/completions') {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times = [];
  let events = 0;
  try {
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      const text = await new Promise((res, rej) => {
        const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) } }, (resp) => {
          const chunks = [];
          resp.on('data', (c) => chunks.push(c));
          resp.on('end', () => (resp.statusCode === 200 ? res(Buffer.concat(chunks).toString()) : rej(new Error(`status ${resp.statusCode}`))));
          resp.on('error', rej);
        });
        req.on('error', rej);
        req.end(BODY);
      });
      times.push(performance.now() - started);
      if (!text.endsWith('data: [DONE]\n\n')) throw new Error(`port ${port}: the stream did not end with [DONE]`);
      events += text.split('\n\n').length - 1;
    }
  } finally {
    agent.destroy();
  }
  return { p50: median(times), events: events / count };
}

async function ready(port) {
  for (let i = 0; i < 500; i++) {
    try {
      return await drive(port, 1);
    } catch {
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  throw new Error(`nothing answers on ${port}`);
}

const children = [];
process.on('exit', () => {
  children.forEach((c) => c.kill('SIGTERM'));
  rmSync(work, { recursive: true, force: true });
});
const mockPort = await freePort();
const mock = spawn(process.execPath, [join(ROOT, 'test/mock/upstream.mjs'), String(mockPort)], { stdio: 'ignore' });
children.push(mock);
const workerd = join(ROOT, 'node_modules/workerd/bin/workerd');
const targets = [{ name: 'mock (direct)', port: mockPort, pid: mock.pid }];
const floorPort = await freePort();
const floor = spawn(workerd, ['serve', floorConfig(work, mockPort, floorPort), '--import-path=/'], { stdio: 'ignore' });
children.push(floor);
targets.push({ name: 'bare workerd relay', port: floorPort, pid: floor.pid });
const trees = [['relay + inspector (this tree)', ROOT]];
if (BASELINE) trees.push([`relay + inspector (${BASELINE})`, resolve(BASELINE)]);
for (const [i, [name, tree]] of trees.entries()) {
  const port = await freePort();
  const inspectorPort = await freePort();
  const workerFile = await relayWorker(tree, `t${i}`);
  const child = spawn(workerd, ['serve', serve(`t${i}`, workerFile, mockPort, port), '--import-path=/', `--inspector-addr=127.0.0.1:${inspectorPort}`], { stdio: 'ignore' });
  children.push(child);
  targets.push({ name, port, pid: child.pid, inspector: `ws://127.0.0.1:${inspectorPort}/main`, map: `${workerFile}.map` });
  if (process.argv.includes('--raw')) targets.push({ name: name.replace('relay + inspector', 'relay alone'), port, pid: child.pid, path: '/raw' });
}
for (const t of targets) {
  await ready(t.port);
  await drive(t.port, 30); // warm-up: JIT
}
const rounds = new Map(targets.map((t) => [t.name, []]));
for (let r = 0; r < ROUNDS; r++) {
  for (const t of targets) {
    const before = cpuSeconds(t.pid);
    const { p50, events } = await drive(t.port, STREAMS, t.path);
    rounds.get(t.name).push({ p50, cpuUs: ((cpuSeconds(t.pid) - before) * 1e6) / STREAMS, events });
  }
}
const med = (name, field) => median(rounds.get(name).map((r) => r[field]));
const directP50 = med('mock (direct)', 'p50');
console.log(`\nStream path inside workerd: ${STREAMS} sequential streams per run on one connection, median of ${ROUNDS} interleaved rounds\n`);
console.log('| server | time to last byte p50 | added vs mock | CPU per stream | CPU per upstream SSE event |');
console.log('|---|---|---|---|---|');
// Per upstream event (the mock's): Outpost may send fewer (an event whose text is all held is dropped).
const events = med('mock (direct)', 'events');
for (const t of targets) {
  const p50 = med(t.name, 'p50');
  const cpu = med(t.name, 'cpuUs');
  console.log(`| ${t.name} | ${p50.toFixed(2)} ms | ${t.port === mockPort ? '—' : `${(p50 - directP50).toFixed(2)} ms`} | ${(cpu / 1000).toFixed(2)} ms | ${(cpu / events).toFixed(1)} us (${events.toFixed(0)} events; ${med(t.name, 'events').toFixed(0)} sent) |`);
}
if (PROFILE) {
  if (typeof WebSocket === 'undefined') throw new Error('--profile needs Node 22 or --experimental-websocket');
  const t = targets.find((x) => x.inspector);
  const { profile, result } = await cpuProfile(t.inspector, () => drive(t.port, STREAMS));
  const perEvent = STREAMS * result.events;
  console.log(`\nTop self time, ${t.name} (us per SSE event, wall-clock samples while the isolate's thread is busy):`);
  for (const [frame, us] of topFrames(profile, sourceLocator(t.map), PROFILE)) console.log(`  ${(us / perEvent).toFixed(2)}  ${frame}`);
}
process.exit(0);
