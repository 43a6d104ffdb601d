// Where a gateway's CPU time goes, by pipeline stage, from a V8 CPU profile taken over workerd's
// inspector (`workerd serve --inspector-addr`): inside the isolate the clocks stand still during
// CPU work, so the samples are taken from outside it. Each sample's stack is read from the leaf up
// until a frame's original source file (through the bundle's source map) or pipeline function
// names a stage; native frames (JSON.parse, crypto.subtle, TextDecoder) count for the JavaScript
// that called them.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { workerBundleOptions } from '../scripts/worker-bundle-options.mjs';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '..');
const { SourceMapConsumer } = require('source-map-js');

/** The stages of worker/pipeline/index.ts, in order, then what is no stage's own. */
export const STAGES = ['parse', 'identify', 'authorize', 'inspect', 'forward', 'inspect response', 'record', 'response write', 'pipeline', 'routing', 'garbage collection', 'runtime (native)'];

// Source files that decide a stage on their own. Files missing here (DLP scanning, hashing,
// findings, protocol helpers) are shared by several stages: the frame above them decides.
const FILE_STAGES = [
  [/worker\/audit\//, 'record'],
  [/worker\/pipeline\/record\.ts$/, 'record'],
  [/worker\/dlp\/(inspect-response|stream|hold-back)\.ts$/, 'inspect response'],
  [/worker\/protocol\/logprobs\.ts$/, 'inspect response'],
  [/worker\/dlp\/(inspect-request|across|tier3)\.ts$/, 'inspect'],
  [/worker\/knowledge\//, 'inspect'],
  [/worker\/(pipeline\/body|protocol\/body|policy\/json)\.ts$/, 'parse'],
  [/worker\/policy\/auth\//, 'identify'],
  [/worker\/(policy\/authorize\.ts$|geoip\/)/, 'authorize'],
  [/worker\/proxy\/(forward|egress|targets)\.ts$/, 'forward'],
  [/worker\/proxy\/stream\.ts$/, 'response write'],
];

// Functions of worker/pipeline/index.ts (and the policy snapshot's identify) that name a stage.
const FUNCTION_STAGES = {
  parseCall: 'parse',
  authorizeCall: 'authorize',
  inspectRequest: 'inspect',
  forwardCall: 'forward',
  relayStreamed: 'response write',
  answerWhole: 'response write',
  baseHeaders: 'response write',
  refuseCall: 'record',
  handleModelCall: 'pipeline',
};

/**
 * Reads a bundle's source map once; `locate(line, column)` gives the original file of a position.
 * @example
 * const locate = sourceLocator('/tmp/x/worker.js.map'); locate(120, 4); // 'worker/dlp/scan.ts'
 */
export function sourceLocator(mapPath) {
  const consumer = new SourceMapConsumer(JSON.parse(readFileSync(mapPath, 'utf8')));
  const cache = new Map();
  return (line, column) => {
    const key = `${line}:${column}`;
    if (!cache.has(key)) {
      const source = consumer.originalPositionFor({ line: line + 1, column }).source ?? '';
      const at = source.search(/(worker|node_modules)\//);
      cache.set(key, at >= 0 ? source.slice(at) : source);
    }
    return cache.get(key);
  };
}

/** The stage one frame names, or null when the frame above must decide. */
function frameStage(file, functionName) {
  const name = functionName.replace(/\d+$/, '');
  if (file.endsWith('worker/pipeline/index.ts')) return FUNCTION_STAGES[name] ?? null;
  if (file.endsWith('worker/policy/snapshot.ts') && /identify/i.test(name)) return 'identify';
  for (const [pattern, stage] of FILE_STAGES) if (pattern.test(file)) return stage;
  if (/^worker\/(app|index)\.ts$|node_modules\/hono\//.test(file)) return 'routing';
  return null;
}

/**
 * Microseconds of CPU by stage in one profile (idle time left out).
 * @example
 * const byStage = stageTimes(profile, sourceLocator(map)); byStage.get('parse'); // 12345
 */
export function stageTimes(profile, locate) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stageOf = new Map();
  const resolve = (id) => {
    if (stageOf.has(id)) return stageOf.get(id);
    const node = byId.get(id);
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    let stage = null;
    if (functionName === '(garbage collector)') stage = 'garbage collection';
    else if (functionName === '(program)') stage = 'runtime (native)';
    else if (functionName === '(idle)') stage = 'idle';
    else if (url && lineNumber >= 0) stage = frameStage(locate(lineNumber, columnNumber), functionName);
    if (stage === null) stage = parent.has(id) ? resolve(parent.get(id)) : 'runtime (native)';
    stageOf.set(id, stage);
    return stage;
  };
  const totals = new Map();
  profile.samples.forEach((id, i) => {
    const stage = resolve(id);
    if (stage === 'idle') return;
    const dt = profile.timeDeltas[i + 1] ?? 0;
    totals.set(stage, (totals.get(stage) ?? 0) + dt);
  });
  return totals;
}

/**
 * A CPU profile of whatever `work()` makes the worker do, over its inspector websocket
 * (Node 20: run with --experimental-websocket).
 * @example
 * const profile = await cpuProfile('ws://127.0.0.1:9229/outpost', () => drive(200));
 */
export async function cpuProfile(wsUrl, work, samplingIntervalUs = 200) {
  const ws = new WebSocket(wsUrl);
  await new Promise((res, rej) => {
    ws.onopen = res;
    ws.onerror = () => rej(new Error(`inspector not reachable at ${wsUrl}`));
  });
  let next = 1;
  const pending = new Map();
  ws.onmessage = (m) => {
    const msg = JSON.parse(m.data);
    if (msg.id && pending.has(msg.id)) {
      pending.get(msg.id)(msg);
      pending.delete(msg.id);
    }
  };
  const send = (method, params = {}) =>
    new Promise((res, rej) => {
      const id = next++;
      pending.set(id, (msg) => (msg.error ? rej(new Error(`${method}: ${msg.error.message}`)) : res(msg.result)));
      ws.send(JSON.stringify({ id, method, params }));
    });
  try {
    await send('Profiler.enable');
    await send('Profiler.setSamplingInterval', { interval: samplingIntervalUs });
    await send('Profiler.start');
    const result = await work();
    const { profile } = await send('Profiler.stop');
    await send('Profiler.disable');
    return { profile, result };
  } finally {
    ws.close();
  }
}

/**
 * The `n` frames with the most self time (file:line function), for finding what a stage spends on.
 * @example
 * topFrames(profile, locate, 20); // [['worker/dlp/scan.ts scanText', 812], ...]
 */
export function topFrames(profile, locate, n) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber, columnNumber } = byId.get(id).callFrame;
    if (functionName === '(idle)') return;
    const key = `${url && lineNumber >= 0 ? locate(lineNumber, columnNumber) : '(native)'} ${functionName || '(anonymous)'}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, n);
}

/**
 * The worker bundled as scripts/build.mjs does, but readable, with a source map beside it
 * (worker.js.map): the profiles' frames are located through it.
 * @example
 * const workerPath = await buildProfiled('/work/main', '/tmp/profiled');
 */
export async function buildProfiled(tree, outDir) {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'worker.js');
  await build({ ...workerBundleOptions(tree, ROOT), outfile, sourcemap: 'external', logLevel: 'error' });
  return outfile;
}
