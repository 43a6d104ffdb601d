/**
 * The transformer path: a tiny transformer-shaped token classifier and its WordPiece
 * tokenizer.json, built by scripts/build-tiny-transformer.mjs, run through the worker's code
 * (tokenizer, windows, onnxruntime-web, BIO decoding) and checked against an independent
 * reference: the tokenizer library's own encoding run through onnxruntime-node.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ortNode from 'onnxruntime-node';
import { Tokenizer } from '@huggingface/tokenizers';
import { bioSpans, createTier3Classifier, parseModelPackage } from '../../worker/classifier/index.js';
import type { Tier3Classifier } from '../../worker/dlp/settings.js';
import { ROOT, WASM, disk, quietLog, referenceSpans } from './helpers.js';


let dir: string;
let classifier: Tier3Classifier;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'outpost-tiny-transformer-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-tiny-transformer.mjs'), dir], { stdio: 'ignore' });
  const loaded = await createTier3Classifier({ enabled: true, modelDir: dir }, { volumes: disk, log: quietLog, gatewayVersion: '0.1.0', wasm: WASM });
  expect(loaded.status.state).toBe('active');
  classifier = loaded.classifier!;
});

/** The reference: the tokenizer library's encoding with special tokens, through onnxruntime-node. */
async function reference(text: string) {
  const tokenizer = new Tokenizer(JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8')), JSON.parse(readFileSync(join(dir, 'tokenizer_config.json'), 'utf8')));
  const { ids, tokens } = tokenizer.encode(text) as unknown as { ids: number[]; tokens: string[] };
  const session = await ortNode.InferenceSession.create(join(dir, 'model.onnx'));
  const n = ids.length;
  const out = await session.run({
    input_ids: new ortNode.Tensor('int64', BigInt64Array.from(ids, (v) => BigInt(v)), [1, n]),
    position_ids: new ortNode.Tensor('int64', BigInt64Array.from({ length: n }, (_, i) => BigInt(i)), [1, n]),
  });
  const data = out.probabilities!.data as Float32Array;
  const labels = data.length / n;
  return { tokens, rows: Array.from({ length: n }, (_, i) => data.subarray(i * labels, (i + 1) * labels)) };
}

describe('tiny transformer through the worker path', () => {
  it('gives the same spans as the independent onnxruntime-node reference', async () => {
    const pkg = parseModelPackage(readFileSync(join(dir, 'model.json'), 'utf8'));
    const text = 'Alice visited London yesterday with Bob and Carol.';
    const { tokens, rows } = await reference(text);
    const { tags, spans: expected } = referenceSpans(rows, tokens, text, pkg);
    const result = await classifier.classify(text);
    expect(result.spans.map((s) => [s.type, s.start, s.end])).toEqual(expected.map((s) => [s.type, s.start, s.end]));
    result.spans.forEach((s, i) => expect(s.score).toBeCloseTo(expected[i]!.score, 5));
    expect(tags.some((t) => t.label !== 'O')).toBe(true); // the check is not vacuous
  });

  it('reads texts longer than one window, with every span inside the text', async () => {
    const text = 'Alice met Bob in Paris. '.repeat(40);
    const result = await classifier.classify(text);
    for (const s of result.spans) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(text.length);
      expect(s.end).toBeGreaterThan(s.start);
    }
  });
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
