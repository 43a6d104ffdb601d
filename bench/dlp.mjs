// DLP Tier 1+2 throughput: scanText on mixed prose/code/logs (bench/mixed-text.mjs, not the
// project's corpus), on the labeled test corpus, and on the held-out evaluation's public and
// generated corpora (bench/dlp-eval: text this project's detectors were not written against),
// median MB/s of several runs by wall clock and by the process's CPU time (the figure that holds on
// a shared machine), plus the median time to scan one 4 KB prompt. With --baseline <git rev or
// directory>, the same measurements for worker/dlp at that revision (or in that checkout), in the
// same process and interleaved run by run with the working tree's, so that a change in the
// machine's load falls on both alike.
// With --by-detector, also the CPU time per MB each detector adds on its own (that detector alone,
// minus the engine with none: normalisation, the candidate pass, keyword lists, base64), per corpus.
//   node bench/dlp.mjs [--baseline 1deb4ce | --baseline /work/main] [--by-detector]
import { existsSync, statSync } from 'node:fs';
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

/**
 * Wall and CPU MB/s of scanText over `texts`, for each tree, the trees' passes interleaved (tree 1,
 * tree 2, tree 1, ...) so that both see the same machine; medians of `runs` passes.
 */
function throughput(subjects, texts, runs = 7) {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  for (const { dlp, compiled } of subjects) for (let i = 0; i < 2; i++) for (const t of texts) dlp.scanText(compiled, t); // warm up the JIT
  const results = subjects.map(() => ({ rates: [], cpuRates: [], found: 0 }));
  for (let run = 0; run < runs; run++) {
    subjects.forEach(({ dlp, compiled }, s) => {
      const started = performance.now();
      const cpuStarted = cpuMs();
      let found = 0;
      for (const t of texts) found += dlp.scanText(compiled, t).length;
      results[s].rates.push(bytes / 1e6 / ((performance.now() - started) / 1000));
      results[s].cpuRates.push(bytes / 1e6 / ((cpuMs() - cpuStarted) / 1000));
      results[s].found = found;
    });
  }
  return results.map(({ rates, cpuRates, found }) => ({ mbps: median(rates), min: Math.min(...rates), max: Math.max(...rates), cpu: median(cpuRates), bytes, found }));
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

/** The trees to compare: the baseline (a git revision or a directory), if any, then this one. */
async function loadSubjects() {
  const subjects = [];
  const add = async (label, tree) => {
    const dlp = await load(tree);
    const compiled = dlp.compileDlp(dlp.settingsWith({ bundles: { SECRETS: {}, CLASSIFICATION: {}, PCI: {}, HIPAA: {}, GDPR: {} } }));
    subjects.push({ label, dlp, compiled });
  };
  if (baselineRev && existsSync(baselineRev) && statSync(baselineRev).isDirectory()) {
    await add(`before (${baselineRev})`, baselineRev);
    await beforeAndNow(undefined, add);
  } else {
    await beforeAndNow(baselineRev, add);
  }
  return subjects;
}

function report(subjects, results, describe) {
  subjects.forEach(({ label }, s) => console.log(`${label} ${describe(results[s])}; ${rateLine(results[s])}`));
}

const subjects = await loadSubjects();
// Mixed text in 16 KB messages (a long prompt or a file pasted into one).
const mixed = mixedText(4 << 20);
const messages = [];
for (let i = 0; i < mixed.length; i += 16384) messages.push(mixed.slice(i, i + 16384));
report(subjects, throughput(subjects, messages), (m) => `mixed text: ${(m.bytes / 1e6).toFixed(2)} MB in ${messages.length} messages, ${m.found} findings`);
const corpus = subjects[0].dlp.generateCorpus(20260513, 2000).map((d) => d.text);
report(subjects, throughput(subjects, corpus), (c) => `project corpus: ${corpus.length} documents, ${(c.bytes / 1e6).toFixed(2)} MB, ${c.found} findings`);
for (const [name, texts] of Object.entries(evalCorpora)) {
  report(subjects, throughput(subjects, texts, 5), (e) => `dlp-eval ${name} corpus: ${texts.length} documents, ${(e.bytes / 1e6).toFixed(2)} MB, ${e.found} findings`);
}
if (byDetector) {
  for (const { label, dlp, compiled } of subjects) {
    detectorCosts(label, dlp, compiled, 'mixed text', messages.slice(0, 128));
    for (const [name, texts] of Object.entries(evalCorpora)) detectorCosts(label, dlp, compiled, `dlp-eval ${name}`, texts);
  }
}
const prompt = mixed.slice(0, 4096);
const times = subjects.map(() => []);
for (let i = 0; i < 2000; i++) {
  subjects.forEach(({ dlp, compiled }, s) => {
    const started = performance.now();
    dlp.scanText(compiled, prompt);
    times[s].push(performance.now() - started);
  });
}
subjects.forEach(({ label }, s) => console.log(`${label} 4 KB mixed prompt: median ${(median(times[s]) * 1000).toFixed(1)} us per scan`));
