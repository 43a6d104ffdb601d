// Streamed-response DLP throughput: the stream inspector (protocol codec + hold-back window) over
// an OpenAI SSE stream and an Ollama NDJSON stream of mixed text (bench/mixed-text.mjs), cut into
// token-sized deltas and pushed in 1 KB chunks. Median MB/s of upstream bytes over several runs.
// With --baseline <git rev>, the same measurement for that revision, in the same process.
//   node bench/dlp-stream.mjs [--baseline 6350aa9]
import { baselineRevision, beforeAndNow, loadFrom } from './source-tree.mjs';
import { mixedText } from './mixed-text.mjs';

const baselineRev = baselineRevision();

/** Bundles the stream inspector, its inputs and the protocol module found under `tree` for Node. */
function load(tree) {
  return loadFrom(tree, (at) => [
    `export { DlpStreamInspector, compileDlp, Redactor } from ${at('worker/dlp/index.ts')};`,
    `export { FindingHasher } from ${at('worker/dlp/findings.ts')};`,
    `export * as protocol from ${at('worker/protocol/index.ts')};`,
    `export { settingsWith } from ${at('test/dlp/fixtures.ts')};`,
  ]);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const encoder = new TextEncoder();

/** The text cut into deltas of 1-6 words, as a model streams it. */
function deltas(text) {
  const words = text.split(/(?<= )/);
  const out = [];
  for (let i = 0; i < words.length; i += 1 + (i % 6)) out.push(words.slice(i, i + 1 + (i % 6)).join(''));
  return out;
}

const streams = {
  sse: (parts) =>
    parts.map((d) => `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content: d }, finish_reason: null }] })}\n\n`).join('') +
    `data: ${JSON.stringify({ id: 'c', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`,
  ndjson: (parts) => parts.map((d) => `${JSON.stringify({ model: 'm', message: { role: 'assistant', content: d }, done: false })}\n`).join('') + `${JSON.stringify({ model: 'm', done: true })}\n`,
};

/** A new inspector for `framing`, whichever constructor the revision has. */
function inspectorFor(mod, compiled, framing) {
  const common = { compiled, redactor: new mod.Redactor(false), hasher: new mod.FindingHasher('bench-salt'), scan: true };
  const protocol = mod.protocol.PROTOCOLS?.find((p) => p.framing === framing);
  return new mod.DlpStreamInspector(protocol ? { ...common, codec: protocol.streamCodec() } : { ...common, framing });
}

async function measure(label, tree) {
  const mod = await load(tree);
  // Redact, never block: a block would end the stream, and the point is the whole stream's cost.
  const compiled = mod.compileDlp(mod.settingsWith({ bundles: {} }));
  const parts = deltas(mixedText(256 * 1024));
  for (const framing of ['sse', 'ndjson']) {
    const bytes = encoder.encode(streams[framing](parts));
    const rates = [];
    for (let run = 0; run < 7; run++) {
      const inspector = inspectorFor(mod, compiled, framing);
      const started = performance.now();
      for (let i = 0; i < bytes.byteLength; i += 1024) await inspector.push(bytes.subarray(i, i + 1024));
      await inspector.finish();
      const ms = performance.now() - started;
      if (run >= 2) rates.push(bytes.byteLength / 1e6 / (ms / 1000)); // two warm-up runs
    }
    console.log(`${label} ${framing}: ${(bytes.byteLength / 1e6).toFixed(2)} MB stream, median ${median(rates).toFixed(2)} MB/s (min ${Math.min(...rates).toFixed(2)}, max ${Math.max(...rates).toFixed(2)})`);
  }
}

await beforeAndNow(baselineRev, measure);
