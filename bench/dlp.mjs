// DLP Tier 1+2 throughput: scanText on mixed prose/code/logs (bench/mixed-text.mjs, not the
// project's corpus), on the labeled test corpus, and on the held-out evaluation's public and
// generated corpora (bench/dlp-eval: text this project's detectors were not written against),
// median MB/s of several runs by wall clock and by the process's CPU time (the figure that holds on
// a shared machine), plus the median time to scan one 4 KB prompt. With --baseline <git rev>, the
// same measurements for worker/dlp at that revision, in the same process, for a before/after comparison.
// With --by-detector, also the CPU time per MB each detector adds on its own (that detector alone,
// minus the engine with none: normalisation, the candidate pass, keyword lists, base64), per corpus.
//   node bench/dlp.mjs [--baseline 1deb4ce] [--by-detector]
import { generatedCorpus, publicCorpus } from './dlp-eval/corpora.mjs';
import { baselineRevision, beforeAndNow, loadFrom } from './source-tree.mjs';
import { mixedText } from './mixed-text.mjs';

const baselineRev = baselineRevision();
const byDetector = process.argv.includes('--by-detector');

/** Bundles worker/dlp (and the corpus helpers) found under `tree` for Node. */
function load(tree) {
  return loadFrom(tree, (at) => [`export * from ${at('worker/dlp/index.ts')};`, `export { generateCorpus } from ${at('test/dlp/corpus.ts')};`, `export { settingsWith } from ${at('test/dlp/fixtures.ts')};`]);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Milliseconds of CPU time this process has used (user and system). */
function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function throughput(dlp, compiled, texts, runs = 7) {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  for (let i = 0; i < 2; i++) for (const t of texts) dlp.scanText(compiled, t); // warm up the JIT
  const rates = [];
  const cpuRates = [];
  let found = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const cpuStarted = cpuMs();
    found = 0;
    for (const t of texts) found += dlp.scanText(compiled, t).length;
    rates.push(bytes / 1e6 / ((performance.now() - started) / 1000));
    cpuRates.push(bytes / 1e6 / ((cpuMs() - cpuStarted) / 1000));
  }
  return { mbps: median(rates), min: Math.min(...rates), max: Math.max(...rates), cpu: median(cpuRates), bytes, found };
}

/** Least CPU milliseconds of `runs` passes of scanText over `texts`. */
function cpuOfPasses(dlp, compiled, texts, runs) {
  for (const t of texts) dlp.scanText(compiled, t);
  let least = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = cpuMs();
    for (const t of texts) dlp.scanText(compiled, t);
    least = Math.min(least, cpuMs() - started);
  }
  return least;
}

/** The engine alone and the CPU ms per MB each detector adds, the costliest first. */
function detectorCosts(label, dlp, compiled, name, texts) {
  const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
  const engine = cpuOfPasses(dlp, { ...compiled, detectors: [] }, texts, 3);
  const costs = compiled.detectors.map((d) => [d.detector.id, (cpuOfPasses(dlp, { ...compiled, detectors: [d] }, texts, 3) - engine) / mb]);
  costs.sort((a, b) => b[1] - a[1]);
  const top = costs.slice(0, 12).map(([id, ms]) => `${id} ${ms.toFixed(1)}`).join(', ');
  console.log(`${label} ${name} by detector (CPU ms/MB): engine without detectors ${(engine / mb).toFixed(1)}; ${top}`);
}

const rateLine = (r) => `median ${r.mbps.toFixed(1)} MB/s (min ${r.min.toFixed(1)}, max ${r.max.toFixed(1)}); ${r.cpu.toFixed(1)} MB/s of CPU time`;

// The evaluation's corpora, read once for both trees.
const evalCorpora = { public: publicCorpus().map((d) => d.text), generated: generatedCorpus({ count: 3000 }).map((d) => d.text) };

async function measure(label, tree) {
  const dlp = await load(tree);
  const compiled = dlp.compileDlp(dlp.settingsWith({ bundles: { SECRETS: {}, CLASSIFICATION: {}, PCI: {}, HIPAA: {}, GDPR: {} } }));
  // Mixed text in 16 KB messages (a long prompt or a file pasted into one).
  const mixed = mixedText(4 << 20);
  const messages = [];
  for (let i = 0; i < mixed.length; i += 16384) messages.push(mixed.slice(i, i + 16384));
  const m = throughput(dlp, compiled, messages);
  console.log(`${label} mixed text: ${(m.bytes / 1e6).toFixed(2)} MB in ${messages.length} messages, ${m.found} findings; ${rateLine(m)}`);
  const corpus = dlp.generateCorpus(20260513, 2000).map((d) => d.text);
  const c = throughput(dlp, compiled, corpus);
  console.log(`${label} project corpus: ${corpus.length} documents, ${(c.bytes / 1e6).toFixed(2)} MB, ${c.found} findings; ${rateLine(c)}`);
  for (const [name, texts] of Object.entries(evalCorpora)) {
    const e = throughput(dlp, compiled, texts, 5);
    console.log(`${label} dlp-eval ${name} corpus: ${texts.length} documents, ${(e.bytes / 1e6).toFixed(2)} MB, ${e.found} findings; ${rateLine(e)}`);
  }
  if (byDetector) {
    detectorCosts(label, dlp, compiled, 'mixed text', messages.slice(0, 128));
    for (const [name, texts] of Object.entries(evalCorpora)) detectorCosts(label, dlp, compiled, `dlp-eval ${name}`, texts);
  }
  const prompt = mixed.slice(0, 4096);
  const times = [];
  for (let i = 0; i < 2000; i++) {
    const started = performance.now();
    dlp.scanText(compiled, prompt);
    times.push(performance.now() - started);
  }
  console.log(`${label} 4 KB mixed prompt: median ${(median(times) * 1000).toFixed(1)} us per scan`);
}

await beforeAndNow(baselineRev, measure);
