// Tier 3 accuracy on text the default model was not trained from: the held-out prose set
// (prose.mjs: 200 sensitive documents without identifiers, 200 benign look-alikes, written apart
// from the training templates) and ordinary traffic (ordinary.mjs: code, docs, chats, logs) for
// the false-alarm rate. Runs the worker's own classifier code (worker/classifier, bundled here)
// on onnxruntime-web, as the gateway does; test/classifier proves that this matches workerd.
//
//   node bench/tier3-eval/score.mjs [--model assets/model] [--json out.json] [--misses] [--no-sweep]
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { proseDocuments } from './prose.mjs';
import { ordinaryDocuments } from './ordinary.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const MODEL_DIR = resolve(ROOT, arg('model', 'assets/model'));

async function loadClassifierModule() {
  const out = await build({ entryPoints: [join(ROOT, 'worker/classifier/index.ts')], bundle: true, format: 'esm', write: false, platform: 'node', logLevel: 'silent' });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

const { createTier3Classifier } = await loadClassifierModule();
const quiet = { debug() {}, info() {}, warn() {}, error: (m) => console.error(m) };
const disk = { read: async (p) => { try { return new Uint8Array(readFileSync(p)); } catch { return null; } } };
const wasm = async () => ({ bytes: new Uint8Array(readFileSync(join(ROOT, 'node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm'))) });
const { classifier, status } = await createTier3Classifier({ enabled: true, modelDir: MODEL_DIR }, { volumes: disk, log: quiet, gatewayVersion: 'bench', wasm });
if (!classifier) throw new Error(`Tier 3 did not load: ${status.reason}`);
const threshold = classifier.threshold;
const scores = new Map();
const flagged = async (text) => {
  const score = (await classifier.classify(text)).score;
  scores.set(text, score);
  return score >= threshold;
};

const prose = proseDocuments();
const byTopic = new Map();
let tp = 0, fp = 0, fn = 0, tn = 0;
const misses = [];
for (const d of prose) {
  const hit = await flagged(d.text);
  const t = byTopic.get(d.topic) ?? { sensitive: 0, caught: 0, benign: 0, alarms: 0 };
  if (d.label === 'sensitive') {
    t.sensitive++;
    if (hit) {
      tp++;
      t.caught++;
    } else {
      fn++;
      misses.push(`FN ${d.topic}: ${d.text}`);
    }
  } else {
    t.benign++;
    if (hit) {
      fp++;
      t.alarms++;
      misses.push(`FP ${d.topic}: ${d.text}`);
    } else tn++;
  }
  byTopic.set(d.topic, t);
}
const precision = tp / (tp + fp || 1);
const recall = tp / (tp + fn || 1);
const f1 = (2 * precision * recall) / (precision + recall || 1);

const ordinary = ordinaryDocuments(ROOT, Number(arg('per-source', 400)));
const bySource = new Map();
const alarms = [];
for (const d of ordinary) {
  const hit = await flagged(d.text);
  const s = bySource.get(d.source) ?? { documents: 0, alarms: 0 };
  s.documents++;
  if (hit) {
    s.alarms++;
    alarms.push(`FA ${d.source} ${d.origin}: ${d.text.slice(0, 160).replace(/\s+/g, ' ')}`);
  }
  bySource.set(d.source, s);
}
// The same sensitive documents inside about 1.4 KB of other text (benign look-alikes, or
// documentation): a prompt that carries one private passage among pasted material.
const benignTexts = prose.filter((d) => d.label === 'benign').map((d) => d.text);
const docTexts = ordinary.filter((d) => d.source === 'docs').map((d) => d.text);
const embedded = { prose: 0, docs: 0, n: 0 };
for (const [i, d] of prose.filter((d) => d.label === 'sensitive').entries()) {
  const around = benignTexts.slice(i % 150, (i % 150) + 8).join(' ');
  if (await flagged(`${around.slice(0, 700)} ${d.text} ${around.slice(700, 1400)}`)) embedded.prose++;
  if (await flagged(`${docTexts[i % docTexts.length].slice(0, 700)}\n\n${d.text}\n\n${docTexts[(i + 7) % docTexts.length].slice(0, 700)}`)) embedded.docs++;
  embedded.n++;
}
const totalAlarms = [...bySource.values()].reduce((n, s) => n + s.alarms, 0);
const falseAlarmRate = totalAlarms / ordinary.length;

// Inference time in Node (the in-workerd cost is bench/tier3.mjs's): 2 KB of prose, repeated.
const text2k = prose.filter((d) => d.label === 'benign').map((d) => d.text).join(' ').slice(0, 2048);
for (let i = 0; i < 50; i++) await classifier.classify(text2k);
// CPU time, not wall time: on a shared machine the wall clock mostly measures the neighbours.
const started = process.cpuUsage();
const rounds = 400;
for (let i = 0; i < rounds; i++) await classifier.classify(text2k);
const spent = process.cpuUsage(started);
const nodeMs = (spent.user + spent.system) / 1000 / rounds;

const pct = (x) => `${(100 * x).toFixed(2)} %`;
console.log(`\nTier 3 default model (${status.model.version}, threshold ${threshold}) on text it was not trained from\n`);
console.log('| held-out prose (bench/tier3-eval/prose.mjs) | value |');
console.log('|---|---|');
console.log(`| documents (sensitive / benign) | ${tp + fn} / ${fp + tn} |`);
console.log(`| precision | ${precision.toFixed(3)} |`);
console.log(`| recall | ${recall.toFixed(3)} |`);
console.log(`| F1 | ${f1.toFixed(3)} |`);
console.log(`| recall, the sensitive documents inside ~1.4 KB of benign prose | ${(embedded.prose / embedded.n).toFixed(3)} |`);
console.log(`| recall, the sensitive documents inside ~1.4 KB of documentation | ${(embedded.docs / embedded.n).toFixed(3)} |`);
console.log('\n| topic | recall | false alarms on look-alikes |');
console.log('|---|---|---|');
for (const [topic, t] of [...byTopic].sort()) console.log(`| ${topic} | ${t.caught}/${t.sensitive} | ${t.alarms}/${t.benign} |`);
console.log('\n| ordinary traffic (bench/tier3-eval/ordinary.mjs) | flagged | rate |');
console.log('|---|---|---|');
for (const [source, s] of bySource) console.log(`| ${source} | ${s.alarms}/${s.documents} | ${pct(s.alarms / s.documents)} |`);
console.log(`| all | ${totalAlarms}/${ordinary.length} | ${pct(falseAlarmRate)} |`);
console.log(`\nclassify() in Node, 2 KB of prose: ${nodeMs.toFixed(3)} ms CPU (inside workerd: bench/tier3.mjs)`);
if (!process.argv.includes('--no-sweep')) {
  // The same documents at other thresholds: how much recall a stricter or looser cut would buy.
  console.log('\n| threshold | precision | recall | false alarms |\n|---|---|---|---|');
  for (const t of [0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9]) {
    let tp = 0, fp = 0, fn = 0;
    for (const d of prose) {
      const hit = scores.get(d.text) >= t;
      if (d.label === 'sensitive' && hit) tp++;
      else if (d.label === 'sensitive') fn++;
      else if (hit) fp++;
    }
    const fa = ordinary.filter((d) => scores.get(d.text) >= t).length;
    console.log(`| ${t} | ${(tp / (tp + fp || 1)).toFixed(3)} | ${(tp / (tp + fn)).toFixed(3)} | ${pct(fa / ordinary.length)} |`);
  }
}
if (process.argv.includes('--misses')) console.log(`\n${[...misses, ...alarms].join('\n')}`);
const jsonOut = arg('json', null);
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ model: status.model.version, threshold, precision, recall, f1, falseAlarmRate, embeddedRecall: { prose: embedded.prose / embedded.n, docs: embedded.docs / embedded.n }, topics: Object.fromEntries(byTopic), sources: Object.fromEntries(bySource), nodeMs }, null, 2)}\n`);
