/**
 * The transformer path: a tiny transformer-shaped token classifier and its WordPiece
 * tokenizer.json, built by scripts/build-tiny-transformer.mjs, run through the worker's code
 * (tokenizer, windows, onnxruntime-web, BIO decoding) and checked against an independent
 * reference (helpers.ts: the Rust tokenizer, onnxruntime-node, windows and BIO decoding of its own).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bioSpans, createTier3Classifier, parseModelPackage } from '../../worker/classifier/index.js';
import type { Tier3Classifier } from '../../worker/dlp/settings.js';
import { WASM, buildModel, disk, quietLog, reference, referenceSpans } from './helpers.js';

let dir: string;
let classifier: Tier3Classifier;

beforeAll(async () => {
  dir = buildModel();
  const loaded = await createTier3Classifier({ enabled: true, modelDir: dir }, { volumes: disk, log: quietLog, gatewayVersion: '0.1.0', wasm: WASM });
  expect(loaded.status.state).toBe('active');
  classifier = loaded.classifier!;
});

describe('tiny transformer package (model.json, input_ids + position_ids) through the worker path', () => {
  for (const [name, text] of [
    ['one window', 'Alice visited London yesterday with Bob and Carol.'],
    ['several windows of model.json max_length 32, stride 24', 'Alice met Bob in Paris. '.repeat(12)],
  ] as const) {
    it(`gives the same spans as the independent reference: ${name}`, async () => {
      const pkg = parseModelPackage(readFileSync(join(dir, 'model.json'), 'utf8'));
      const ref = await reference(dir, text, { maxLength: pkg.maxLength, stride: pkg.stride });
      const { tags, spans: expected } = referenceSpans(ref.rows, ref.offsets, pkg.labels, 0);
      const result = await classifier.classify(text);
      expect(result.spans.map((s) => [s.type, s.start, s.end])).toEqual(expected.map((s) => [s.type, s.start, s.end]));
      result.spans.forEach((s, i) => expect(s.score).toBeCloseTo(expected[i]!.score, 5));
      expect(tags.some((t) => t.label !== 'O')).toBe(true); // the check is not vacuous
      expect(expected.length).toBeGreaterThan(0);
    });
  }
});

describe('BIO decoding', () => {
  it('turns tags into typed spans', () => {
    const offsets = [[0, 5], [6, 11], [12, 14], [15, 21], [22, 25], [26, 30]] as const;
    const tags = [
      { label: 'B-PERSON', score: 0.9 },
      { label: 'I-PERSON', score: 0.7 },
      { label: 'O', score: 0.99 },
      { label: 'I-LOCATION', score: 0.8 },
      { label: 'B-LOCATION', score: 0.6 },
      { label: 'I-PERSON', score: 0.5 },
    ];
    expect(bioSpans(tags, offsets)).toEqual([
      { type: 'PERSON', start: 0, end: 11, score: 0.8 },
      { type: 'LOCATION', start: 15, end: 21, score: 0.8 },
      { type: 'LOCATION', start: 22, end: 25, score: 0.6 },
      { type: 'PERSON', start: 26, end: 30, score: 0.5 },
    ]);
  });
});
