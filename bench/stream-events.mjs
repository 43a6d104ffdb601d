// CPU per SSE event of the streamed-response inspector alone (protocol codec + hold-back window),
// in Node, on the exact stream the mock model server sends (test/mock/upstream.mjs, ~90 events
// of a few words each), pushed one event per chunk as it arrives over loopback, and all in one
// chunk (a burst). The gateway's per-event cost inside workerd (bench/stages.mjs) adds the
// runtime's stream machinery on top; this isolates what the JavaScript does per event.
// With --baseline <git rev>, the same for that revision, in the same process, interleaved.
//   node bench/stream-events.mjs [--baseline f3bbde9] [--runs 15]
import { baselineRevision, loadFrom, root } from './source-tree.mjs';
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMockUpstream } from '../test/mock/upstream.mjs';

const baselineRev = baselineRevision();
const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1] || 15);
const STREAMS_PER_RUN = 50;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The mock's streamed answer to a chat request, as the list of chunks it writes. */
async function mockStream() {
  const mock = createMockUpstream();
  await new Promise((r) => mock.server.listen(0, '127.0.0.1', r));
  const { port } = mock.server.address();
  const res = await fetch(`http://127.0.0.1:${port}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'mock-llama', stream: true, messages: [{ role: 'user', content: 'hi' }] }) });
  const text = await res.text();
  mock.server.close();
  return text.split(/(?<=\n\n)/);
}

async function load(tree) {
  return loadFrom(tree, (at) => [
    `export { DlpStreamInspector, compileDlp, Redactor } from ${at('worker/dlp/index.ts')};`,
    `export { FindingHasher } from ${at('worker/dlp/findings.ts')};`,
    `export * as protocol from ${at('worker/protocol/index.ts')};`,
    `export { settingsWith } from ${at('test/dlp/fixtures.ts')};`,
  ]);
}

/** CPU microseconds (process.cpuUsage) per event for STREAMS_PER_RUN streams pushed as `chunks`. */
async function run(mod, compiled, chunks, events) {
  const before = process.cpuUsage();
  for (let s = 0; s < STREAMS_PER_RUN; s++) {
    const inspector = new mod.DlpStreamInspector({ compiled, redactor: new mod.Redactor(false), hasher: new mod.FindingHasher('bench-salt'), scan: true, codec: mod.protocol.OPENAI.streamCodec() });
    for (const c of chunks) await inspector.push(c);
    await inspector.finish();
  }
  const used = process.cpuUsage(before);
  return (used.user + used.system) / (STREAMS_PER_RUN * events);
}

const encoder = new TextEncoder();
const events = await mockStream();
const perEvent = events.map((e) => encoder.encode(e));
const burst = [encoder.encode(events.join(''))];
const trees = [['now', root]];
let baseTree;
if (baselineRev) {
  baseTree = mkdtempSync(join(tmpdir(), 'outpost-bench-baseline-'));
  execSync(`git -C ${JSON.stringify(root)} archive ${baselineRev} worker test/dlp | tar -x -C ${JSON.stringify(baseTree)}`);
  symlinkSync(join(root, 'node_modules'), join(baseTree, 'node_modules'));
  trees.unshift([`before (${baselineRev})`, baseTree]);
}
const loaded = [];
for (const [label, tree] of trees) {
  const mod = await load(tree);
  // The built-in baseline policy's DLP: tier 1 and the SECRETS and CLASSIFICATION bundles.
  const compiled = mod.compileDlp(mod.settingsWith({ tier1: { enabled: true, action: 'flag' }, bundles: { SECRETS: { action: 'block' }, CLASSIFICATION: { action: 'block' } } }));
  loaded.push({ label, mod, compiled, times: { perEvent: [], burst: [] } });
}
for (let r = 0; r < RUNS; r++) {
  for (const l of loaded) {
    l.times.perEvent.push(await run(l.mod, l.compiled, perEvent, events.length));
    l.times.burst.push(await run(l.mod, l.compiled, burst, events.length));
  }
}
console.log(`${events.length} events per stream, ${STREAMS_PER_RUN} streams per run, median of ${RUNS} interleaved runs (first two dropped as warm-up)`);
for (const l of loaded) {
  const m = (xs) => median(xs.slice(2)).toFixed(2);
  console.log(`${l.label}: ${m(l.times.perEvent)} us CPU per event (one event per chunk), ${m(l.times.burst)} us (whole stream in one chunk)`);
}
if (baseTree) rmSync(baseTree, { recursive: true, force: true });
