/**
 * Tier 3 in Node: the worker's own code path (features, windows, onnxruntime-web with the wasm
 * bytes) against the shipped default model, checked against an independent reference
 * (onnxruntime-node on the same feature rows) and against the held-out split, whose templates
 * the training never saw (scripts/train-tier3.mjs).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ortNode from 'onnxruntime-node';
import { createTier3Classifier, featurise, tokens, windows, parseModelPackage } from '../../worker/classifier/index.js';
import { ROOT, WASM } from './helpers.js';
import type { Volumes } from '../../worker/runtime/index.js';

const MODEL_DIR = join(ROOT, 'assets', 'model');

function files(map: Record<string, Uint8Array | string>): Pick<Volumes, 'read'> {
  return { read: async (path) => (path in map ? (typeof map[path] === 'string' ? new TextEncoder().encode(map[path] as string) : (map[path] as Uint8Array)) : null) };
}

function recordingLog() {
  const lines: string[] = [];
  const at = (level: string) => (m: string) => void lines.push(`${level} ${m}`);
  return { lines, log: { debug: at('DEBUG'), info: at('INFO'), warn: at('WARN'), error: at('ERROR') } };
}

const modelBytes = new Uint8Array(readFileSync(join(MODEL_DIR, 'model.onnx')));
const manifest = readFileSync(join(MODEL_DIR, 'model.json'), 'utf8');
const shipped = { [`${MODEL_DIR}/model.onnx`]: modelBytes, [`${MODEL_DIR}/model.json`]: manifest };

describe('model resolution (PRODUCT.md "Tier 3 model")', () => {
  it('DEBERTA_MODEL_PATH wins when set and present, and the load line names labels, threshold and versions', async () => {
    const { lines, log } = recordingLog();
    const { classifier, status } = await createTier3Classifier(
      { enabled: true, modelPath: '/custom/model.onnx', modelDir: MODEL_DIR },
      { volumes: files({ ...shipped, '/custom/model.onnx': modelBytes, '/custom/model.json': manifest }), log, gatewayVersion: '0.1.0', wasm: WASM },
    );
    expect(classifier).not.toBeNull();
    expect(status.model?.path).toBe('/custom/model.onnx');
    const { threshold, version } = JSON.parse(manifest) as { threshold: number; version: string };
    expect(lines).toContain(`INFO DeBERTa Tier3 scanner loaded: model.onnx (label_map={0: 'sensitive', 1: 'clean'}, threshold=${threshold}, model_version=${version}, gateway_version=0.1.0)`);
  });

  it('falls back to $AIRGAP_MODEL_PATH/model.onnx when DEBERTA_MODEL_PATH is missing', async () => {
    const { log } = recordingLog();
    const { status } = await createTier3Classifier({ enabled: true, modelPath: '/nowhere/model.onnx', modelDir: MODEL_DIR }, { volumes: files(shipped), log, gatewayVersion: '0.1.0', wasm: WASM });
    expect(status).toMatchObject({ state: 'active', model: { path: `${MODEL_DIR}/model.onnx` } });
  });

  it('neither: Tier 3 disabled with one error, Tiers 1 and 2 unaffected', async () => {
    const { lines, log } = recordingLog();
    const { classifier, status } = await createTier3Classifier({ enabled: true, modelDir: '/empty' }, { volumes: files({}), log, gatewayVersion: '0.1.0', wasm: WASM });
    expect(classifier).toBeNull();
    expect(status.state).toBe('disabled');
    expect(lines.filter((l) => l.startsWith('ERROR'))).toHaveLength(1);
    expect(lines[0]).toMatch(/Tier 1 and Tier 2 stay active/);
  });

  it('DLP_DEBERTA_ENABLED off: nothing is read', async () => {
    let reads = 0;
    const { classifier } = await createTier3Classifier({ enabled: false, modelDir: MODEL_DIR }, { volumes: { read: async () => (reads++, null) }, log: recordingLog().log, gatewayVersion: '0.1.0' });
    expect(classifier).toBeNull();
    expect(reads).toBe(0);
  });

  it.each([
    ['a corrupt model', { [`/m/model.onnx`]: new Uint8Array([1, 2, 3, 4, 5]), '/m/model.json': manifest }, /\/m\/model\.onnx/],
    ['neither model.json nor config.json', { '/m/model.onnx': modelBytes }, /neither \/m\/model\.json nor \/m\/config\.json is beside the model/],
    ['a model.json without a threshold', { '/m/model.onnx': modelBytes, '/m/model.json': JSON.stringify({ ...JSON.parse(manifest), threshold: 7 }) }, /"threshold" must be a number between 0 and 1/],
    ['a model of another input width', { '/m/model.onnx': modelBytes, '/m/model.json': JSON.stringify({ ...JSON.parse(manifest), features: { kind: 'hashed-ngrams', dimensions: 100 } }) }, /\/m\/model\.onnx/],
  ])('%s disables Tier 3 with one clear error, no crash', async (_name, volume, message) => {
    const { lines, log } = recordingLog();
    const { classifier } = await createTier3Classifier({ enabled: true, modelDir: '/m' }, { volumes: files(volume), log, gatewayVersion: '0.1.0', wasm: WASM });
    expect(classifier).toBeNull();
    const errors = lines.filter((l) => l.startsWith('ERROR'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });
});

describe('the default model', () => {
  const pkg = parseModelPackage(manifest);

  it('gives the same probabilities in the worker (onnxruntime-web) as an independent onnxruntime-node run', async () => {
    const { classifier } = await createTier3Classifier({ enabled: true, modelDir: MODEL_DIR }, { volumes: files(shipped), log: recordingLog().log, gatewayVersion: '0.1.0', wasm: WASM });
    const reference = await ortNode.InferenceSession.create(join(MODEL_DIR, 'model.onnx'));
    const texts = ['My colleague told me in confidence she has early-stage cancer and starts chemotherapy next week.', 'Write a public leaflet about how diabetes is diagnosed.', 'Thanks, see you tomorrow.'];
    for (const text of texts) {
      const features = featurise(tokens(text), new Float32Array(pkg.dimensions));
      const out = await reference.run({ features: new ortNode.Tensor('float32', features, [1, pkg.dimensions]) });
      const expected = (out.probabilities!.data as Float32Array)[pkg.positiveIndex]!;
      const result = await classifier!.classify(text);
      expect(result.score).toBeCloseTo(expected, 5);
    }
  });

  it('scores the held-out split (templates never used in training) with document F1 >= 0.95', async () => {
    const { classifier } = await createTier3Classifier({ enabled: true, modelDir: MODEL_DIR }, { volumes: files(shipped), log: recordingLog().log, gatewayVersion: '0.1.0', wasm: WASM });
    const docs = readFileSync(join(ROOT, 'test/classifier/heldout.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; label: string });
    expect(docs.length).toBeGreaterThanOrEqual(500);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const d of docs) {
      const predicted = (await classifier!.classify(d.text)).score >= pkg.threshold;
      const actual = d.label === 'sensitive';
      if (predicted && actual) tp++;
      else if (predicted) fp++;
      else if (actual) fn++;
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    expect((2 * precision * recall) / (precision + recall)).toBeGreaterThanOrEqual(0.95);
  });

  it('reads long texts in overlapping windows: one sensitive paragraph in pages of benign text is found', async () => {
    const { classifier } = await createTier3Classifier({ enabled: true, modelDir: MODEL_DIR }, { volumes: files(shipped), log: recordingLog().log, gatewayVersion: '0.1.0', wasm: WASM });
    const filler = 'The cafeteria menu changes on Monday and the vegetarian options are listed on the intranet page for everyone. '.repeat(40);
    const secret = 'Confidential: we are in final talks to acquire the robotics startup for about two billion dollars, with signing expected before the end of the year; nothing has been announced. ';
    const words = tokens(filler + secret + filler);
    expect(windows(words, pkg.maxLength, pkg.stride).length).toBeGreaterThan(3);
    expect((await classifier!.classify(filler + filler)).score).toBeLessThan(pkg.threshold);
    expect((await classifier!.classify(filler + secret + filler)).score).toBeGreaterThanOrEqual(pkg.threshold);
  });

  // Training reads 36,000 generated documents: minutes on a busy machine.
  it('is reproduced byte for byte by the training script from its seed', { timeout: 600_000 }, () => {
    const out = mkdtempSync(join(tmpdir(), 'outpost-train-'));
    execFileSync(process.execPath, [join(ROOT, 'scripts/train-tier3.mjs'), '--out', out, '--heldout', join(out, 'heldout.jsonl')], { stdio: 'ignore' });
    expect(readFileSync(join(out, 'model.onnx')).equals(Buffer.from(modelBytes))).toBe(true);
    expect(readFileSync(join(out, 'heldout.jsonl'), 'utf8')).toBe(readFileSync(join(ROOT, 'test/classifier/heldout.jsonl'), 'utf8'));
  });
});

describe('windows', () => {
  it('cover every word with the configured overlap', () => {
    const words = Array.from({ length: 1000 }, (_, i) => `w${i}`);
    const parts = windows(words, 256, 192);
    expect(parts[0]).toHaveLength(256);
    expect(parts.at(-1)!.at(-1)).toBe('w999');
    expect(parts[1]![0]).toBe('w192');
    expect(windows(['a', 'b'], 256, 192)).toEqual([['a', 'b']]);
  });
});
