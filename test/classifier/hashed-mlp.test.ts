/**
 * The JavaScript engine for hashed-feature models (worker/classifier/hashed-mlp.ts) against
 * onnxruntime on the same model files: the same scores on real prose, the same features from the
 * sparse and the dense featuriser, and graphs it does not know left to onnxruntime.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ortNode from 'onnxruntime-node';
import { createTier3Classifier, featurise, hashedMlpFromOnnx, sparseFeatures, tokens, windows } from '../../worker/classifier/index.js';
import { ROOT, WASM, disk, quietLog } from './helpers.js';
// @ts-expect-error plain .mjs modules without declarations
import { proseDocuments } from '../../bench/tier3-eval/prose.mjs';
// @ts-expect-error plain .mjs modules without declarations
import { linearClassifierModel, mlpClassifierModel } from '../../scripts/tier3/onnx-model.mjs';

const MODEL_DIR = join(ROOT, 'assets', 'model');
const texts = (proseDocuments() as { text: string }[]).map((d) => d.text);

describe('hashed-feature models in JavaScript', () => {
  it('the shipped model is taken by the JavaScript engine', () => {
    const mlp = hashedMlpFromOnnx(new Uint8Array(readFileSync(join(MODEL_DIR, 'model.onnx'))), 'features', 'probabilities');
    const manifest = JSON.parse(readFileSync(join(MODEL_DIR, 'model.json'), 'utf8')) as { features: { dimensions: number }; labels: string[] };
    expect(mlp?.dimensions).toBe(manifest.features.dimensions);
    expect(mlp?.classes).toBe(manifest.labels.length);
  });

  it('scores every held-out prose document as onnxruntime-web does (to 1e-5)', async () => {
    const load = (engine: 'auto' | 'onnxruntime') => createTier3Classifier({ enabled: true, modelDir: MODEL_DIR }, { volumes: disk, log: quietLog, gatewayVersion: 't', wasm: WASM, engine });
    const js = (await load('auto')).classifier!;
    const ort = (await load('onnxruntime')).classifier!;
    const long = texts.slice(0, 12).join(' ');
    let compared = 0;
    for (const text of [...texts, long]) {
      const [a, b] = [await js.classify(text), await ort.classify(text)];
      expect(Math.abs(a.score - b.score)).toBeLessThan(1e-5);
      expect(a.label).toBe(b.label);
      compared++;
    }
    expect(compared).toBe(401);
  });

  it('matches onnxruntime-node on a linear graph and on a two-layer perceptron built here', async () => {
    const F = 64;
    const values = (n: number, k: number) => Array.from({ length: n }, (_, i) => Math.sin(i * k) / 2);
    const graphs = [
      linearClassifierModel({ weights: values(F * 3, 1.3), bias: [0.1, -0.2, 0.05], features: F, classes: 3, producerVersion: 't', docString: '' }),
      mlpClassifierModel({ w1: values(F * 5, 0.7), b1: values(5, 2.1), w2: values(5 * 2, 3.7), b2: [0.3, -0.3], features: F, hidden: 5, classes: 2, producerVersion: 't', docString: '' }),
    ];
    for (const bytes of graphs) {
      const mlp = hashedMlpFromOnnx(bytes, 'features', 'probabilities')!;
      expect(mlp).not.toBeNull();
      const session = await ortNode.InferenceSession.create(bytes);
      for (const text of texts.slice(0, 20)) {
        const dense = featurise(tokens(text), new Float32Array(F));
        const out = await session.run({ features: new ortNode.Tensor('float32', dense, [1, F]) });
        const expected = out.probabilities!.data as Float32Array;
        const got = mlp.run(sparseFeatures(tokens(text), F));
        expect(got.length).toBe(expected.length);
        got.forEach((v, k) => expect(Math.abs(v - expected[k]!)).toBeLessThan(1e-5));
      }
    }
  });

  it('sparse and dense features are the same numbers', () => {
    for (const text of texts.slice(0, 50)) {
      for (const part of windows(tokens(text), 64, 48)) {
        const dense = featurise(part, new Float32Array(4096));
        const row = sparseFeatures(part, 4096);
        const back = new Float32Array(4096);
        row.indices.forEach((k, n) => (back[k] = row.values[n]!));
        expect(back).toEqual(dense);
      }
    }
  });

  it('a graph with another op, or not ONNX at all, is left to onnxruntime (null)', () => {
    const bytes = linearClassifierModel({ weights: Array(8 * 2).fill(0.1), bias: [0, 0], features: 8, classes: 2, producerVersion: 't', docString: '' });
    expect(hashedMlpFromOnnx(bytes, 'features', 'probabilities')).not.toBeNull();
    // Renaming the Softmax op to Sigmoid (same length) makes a graph the engine does not know.
    const text = Buffer.from(bytes).toString('latin1');
    const changed = new Uint8Array(Buffer.from(text.replace('Softmax', 'Sigmoid'), 'latin1'));
    expect(hashedMlpFromOnnx(changed, 'features', 'probabilities')).toBeNull();
    expect(hashedMlpFromOnnx(bytes, 'input_ids', 'probabilities')).toBeNull();
    expect(hashedMlpFromOnnx(new TextEncoder().encode('not a model'), 'features', 'probabilities')).toBeNull();
  });
});
