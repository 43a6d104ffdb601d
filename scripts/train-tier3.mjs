#!/usr/bin/env node
// Trains Outpost's default Tier 3 model and writes assets/model/{model.onnx,model.json}:
// a logistic regression over hashed word and word-pair features (worker/classifier/features.ts,
// the same code the worker runs), exported to ONNX (MatMul, Add, Softmax) with onnx-proto.
// Deterministic from the seed: the same inputs give byte-identical files.
//
//   node scripts/train-tier3.mjs [--seed 20261124] [--out assets/model] [--heldout test/classifier/heldout.jsonl]
//
// The held-out split (templates never used for training) goes to test/classifier/heldout.jsonl.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generateCorpus, rng } from './tier3/corpus.mjs';
import { linearClassifierModel } from './tier3/onnx-model.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const SEED = Number(arg('seed', 20261124));
const OUT = resolve(ROOT, arg('out', 'assets/model'));
const HELDOUT = resolve(ROOT, arg('heldout', 'test/classifier/heldout.jsonl'));
const DIMENSIONS = 4096;
const LABELS = ['sensitive', 'clean'];
const EPOCHS = Number(arg('epochs', 12));
const L2 = Number(arg('l2', 1e-5));

async function loadFeatures() {
  const out = await build({ entryPoints: [join(ROOT, 'worker/classifier/features.ts')], bundle: true, format: 'esm', write: false, platform: 'neutral' });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

const { tokens, featurise } = await loadFeatures();
const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

const train = generateCorpus(SEED, 4000, 'train');
const heldout = generateCorpus(SEED + 1, 600, 'test');

const vectorise = (doc) => featurise(tokens(doc.text), new Float32Array(DIMENSIONS));
const X = train.map(vectorise);
const y = train.map((d) => (d.label === 'sensitive' ? 1 : 0));

// Logistic regression on the sensitive logit; the clean logit is its negation / 2 split so
// that softmax([z/2, -z/2]) = sigmoid(z) for the sensitive class.
const w = new Float64Array(DIMENSIONS);
let b = 0;
const r = rng(SEED);
const order = X.map((_, i) => i);
for (let epoch = 0; epoch < EPOCHS; epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const lr = 0.5 / (1 + epoch);
  for (const i of order) {
    const x = X[i];
    let z = b;
    for (let k = 0; k < DIMENSIONS; k++) if (x[k] !== 0) z += w[k] * x[k];
    const p = 1 / (1 + Math.exp(-z));
    const g = p - y[i];
    for (let k = 0; k < DIMENSIONS; k++) if (x[k] !== 0) w[k] -= lr * (g * x[k] + L2 * w[k]);
    b -= lr * g;
  }
}

const score = (x) => {
  let z = b;
  for (let k = 0; k < DIMENSIONS; k++) if (x[k] !== 0) z += w[k] * x[k];
  return 1 / (1 + Math.exp(-z));
};
const THRESHOLD = Number(arg('threshold', 0.7));
function metrics(docs) {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const d of docs) {
    const predicted = score(vectorise(d)) >= THRESHOLD;
    const actual = d.label === 'sensitive';
    if (predicted && actual) tp++;
    else if (predicted) fp++;
    else if (actual) fn++;
    else tn++;
  }
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  return { accuracy: (tp + tn) / docs.length, precision, recall, f1: (2 * precision * recall) / (precision + recall || 1) };
}
const trainMetrics = metrics(train);
const heldoutMetrics = metrics(heldout);

// ONNX weights [F, 2]: column 0 = sensitive (+z/2), column 1 = clean (-z/2).
const weights = new Float32Array(DIMENSIONS * 2);
for (let k = 0; k < DIMENSIONS; k++) {
  weights[k * 2] = w[k] / 2;
  weights[k * 2 + 1] = -w[k] / 2;
}
const modelBytes = linearClassifierModel({
  weights,
  bias: [b / 2, -b / 2],
  features: DIMENSIONS,
  classes: 2,
  producerVersion: version,
  docString: `Outpost default Tier 3 model: hashed unigram+bigram logistic regression, seed ${SEED}`,
});

mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'model.onnx'), modelBytes);
const manifest = {
  name: 'outpost-default-tier3',
  version: `${version}+seed${SEED}`,
  gateway_version: version,
  task: 'sequence-classification',
  input: 'features',
  features: { kind: 'hashed-ngrams', dimensions: DIMENSIONS, ngrams: [1, 2] },
  labels: LABELS,
  positive_label: 'sensitive',
  threshold: THRESHOLD,
  max_length: 64,
  stride: 48,
  training: { seed: SEED, documents: train.length, epochs: EPOCHS, l2: L2, train: trainMetrics, heldout: heldoutMetrics },
};
writeFileSync(join(OUT, 'model.json'), `${JSON.stringify(manifest, null, 2)}\n`);
mkdirSync(dirname(HELDOUT), { recursive: true });
writeFileSync(HELDOUT, heldout.map((d) => JSON.stringify(d)).join('\n') + '\n');
const fmt = (m) => `accuracy ${m.accuracy.toFixed(3)} precision ${m.precision.toFixed(3)} recall ${m.recall.toFixed(3)} F1 ${m.f1.toFixed(3)}`;
console.log(`model.onnx ${(modelBytes.byteLength / 1024).toFixed(0)} KiB, ${DIMENSIONS} features, threshold ${THRESHOLD}`);
console.log(`train   (${train.length}): ${fmt(trainMetrics)}`);
console.log(`heldout (${heldout.length}, unseen templates): ${fmt(heldoutMetrics)}`);
