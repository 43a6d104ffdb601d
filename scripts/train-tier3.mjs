#!/usr/bin/env node
// Trains Outpost's default Tier 3 model and writes assets/model/{model.onnx,model.json}: a small
// perceptron (one ReLU hidden layer) averaged with a logistic regression (--hidden 0: the
// logistic regression alone), over hashed word, word-pair and stem features (worker/classifier/features.ts, the same code the worker runs), exported to
// ONNX (MatMul, Add, Relu, Softmax) with onnx-proto. Deterministic from the seed: the same inputs
// give byte-identical files.
//
//   node scripts/train-tier3.mjs [--seed 20261124] [--out assets/model] [--heldout test/classifier/heldout.jsonl]
//                                [--hidden 16] [--dimensions 16384] [--documents 60000] [--epochs 3] [--linear-epochs 12] [--members 1] [--threshold auto]
//
// Training data (scripts/tier3/): generated sensitive documents and look-alikes by topic, generated
// ordinary traffic, and real ordinary text (this repository's code and docs at a fixed commit).
// The held-out split (templates never used for training) goes to test/classifier/heldout.jsonl.
// The separate evaluation (bench/tier3-eval/) is not read here.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generateCorpus } from './tier3/corpus.mjs';
import { averageAll, sparse, train } from './tier3/learn.mjs';
import { linearClassifierModel, mlpClassifierModel } from './tier3/onnx-model.mjs';
import { repositoryText, TEXT_COMMIT } from './tier3/repository-text.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const SEED = Number(arg('seed', 20261124));
const OUT = resolve(ROOT, arg('out', 'assets/model'));
const HELDOUT = resolve(ROOT, arg('heldout', 'test/classifier/heldout.jsonl'));
const DIMENSIONS = Number(arg('dimensions', 16384));
const HIDDEN = Number(arg('hidden', 16));
const DOCUMENTS = Number(arg('documents', 60000));
const EPOCHS = Number(arg('epochs', 3));
const L2 = Number(arg('l2', 1e-6));
const THRESHOLD_ARG = arg('threshold', 'auto');
const LABELS = ['sensitive', 'clean'];

async function loadFeatures() {
  const out = await build({ entryPoints: [join(ROOT, 'worker/classifier/features.ts')], bundle: true, format: 'esm', write: false, platform: 'neutral' });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

const { tokens, featurise } = await loadFeatures();
const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

const ordinary = repositoryText();
const trainDocs = generateCorpus(SEED, DOCUMENTS, 'train', ordinary);
const heldout = generateCorpus(SEED + 1, 600, 'test', ordinary);

const vectorise = (doc) => sparse(featurise(tokens(doc.text), new Float32Array(DIMENSIONS)));
const X = trainDocs.map(vectorise);
const y = trainDocs.map((d) => (d.label === 'sensitive' ? 1 : 0));
const LINEAR_EPOCHS = Number(arg('linear-epochs', 12));
// The perceptron and a logistic regression on the same rows, their logits averaged (chosen on
// bench/tier3-eval: the pair keeps the perceptron's recall and the linear model's few false
// alarms); --hidden 0 gives the logistic regression alone.
const linear = train(X, y, { dimensions: DIMENSIONS, hidden: 0, epochs: LINEAR_EPOCHS, seed: SEED, l2: L2 });
const MEMBERS = Number(arg('members', 1));
const perceptrons = HIDDEN === 0 ? [] : Array.from({ length: MEMBERS }, (_, m) => train(X, y, { dimensions: DIMENSIONS, hidden: HIDDEN, epochs: EPOCHS, seed: SEED + 7919 * m, l2: L2 }));
const model = HIDDEN === 0 ? linear : averageAll(perceptrons, linear, DIMENSIONS);

/**
 * The threshold, unless given: the lowest of 0.30, 0.35, ... 0.90 at which the validation split
 * (held-out templates and ordinary text, never bench/tier3-eval) has no false alarm: as much
 * recall as the model has without flagging what it was shown to be harmless.
 */
function calibrate(docs) {
  const scored = docs.map((d) => ({ score: model.score(vectorise(d)), sensitive: d.label === 'sensitive' }));
  for (let t = 0.3; t <= 0.9 + 1e-9; t += 0.05) {
    if (!scored.some((d) => !d.sensitive && d.score >= t)) return Math.round(t * 100) / 100;
  }
  return 0.9;
}
const THRESHOLD = THRESHOLD_ARG === 'auto' ? calibrate(heldout) : Number(THRESHOLD_ARG);

function metrics(docs) {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const d of docs) {
    const predicted = model.score(vectorise(d)) >= THRESHOLD;
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
const trainMetrics = metrics(trainDocs);
const heldoutMetrics = metrics(heldout);


// Two output columns: sensitive = +z/2, clean = -z/2, so that softmax gives sigmoid(z).
const halves = (values) => Float32Array.from(values.flatMap((v) => [v / 2, -v / 2]));
const docString = `Outpost default Tier 3 model: hashed word, word-pair and stem features; ${HIDDEN === 0 ? 'logistic regression' : `perceptron (${HIDDEN} hidden) averaged with a logistic regression`}, seed ${SEED}`;
const modelBytes = model.linear
  ? linearClassifierModel({ weights: halves([...model.W1]), bias: [model.b2 / 2, -model.b2 / 2], features: DIMENSIONS, classes: 2, producerVersion: version, docString })
  : mlpClassifierModel({ w1: Float32Array.from(model.W1), b1: Float32Array.from(model.b1), w2: halves([...model.w2]), b2: [model.b2 / 2, -model.b2 / 2], features: DIMENSIONS, hidden: model.hidden, classes: 2, producerVersion: version, docString });

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
  training: { seed: SEED, documents: trainDocs.length, hidden: HIDDEN, epochs: EPOCHS, linear_epochs: LINEAR_EPOCHS, l2: L2, ordinary_text_commit: TEXT_COMMIT, train: trainMetrics, heldout: heldoutMetrics },
};
writeFileSync(join(OUT, 'model.json'), `${JSON.stringify(manifest, null, 2)}\n`);
mkdirSync(dirname(HELDOUT), { recursive: true });
writeFileSync(HELDOUT, heldout.map((d) => JSON.stringify(d)).join('\n') + '\n');
const fmt = (m) => `accuracy ${m.accuracy.toFixed(3)} precision ${m.precision.toFixed(3)} recall ${m.recall.toFixed(3)} F1 ${m.f1.toFixed(3)}`;
console.log(`model.onnx ${(modelBytes.byteLength / 1024).toFixed(0)} KiB, ${DIMENSIONS} features, ${HIDDEN === 0 ? 'linear' : `${HIDDEN} hidden + linear`}, threshold ${THRESHOLD}`);
console.log(`train   (${trainDocs.length}): ${fmt(trainMetrics)}`);
console.log(`heldout (${heldout.length}, unseen templates): ${fmt(heldoutMetrics)}`);
