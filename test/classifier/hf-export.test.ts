/**
 * Hugging Face export folders read as they are: tiny models with the exact export signature
 * (BERT style: input_ids, attention_mask, token_type_ids; RoBERTa style: no token_type_ids;
 * output `logits`), config.json and special_tokens_map.json and no model.json, built by
 * scripts/build-tiny-transformer.mjs --export. The worker's labels and spans are compared with
 * an independent reference (fp32 model.onnx and the int8 model_quantized.onnx beside it): the tokenizer library's own encoding through onnxruntime-node, with
 * the softmax done here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ortNode from 'onnxruntime-node';
import { Tokenizer } from '@huggingface/tokenizers';
import { createTier3Classifier, packageFromHfConfig } from '../../worker/classifier/index.js';
import { ROOT, WASM, disk, quietLog, referenceSpans } from './helpers.js';

const TEXT = 'Alice visited London yesterday with Bob and Carol.';
const STYLES = ['bert', 'roberta'] as const;
const dirs: Record<string, string> = {};

beforeAll(() => {
  for (const style of STYLES) {
    for (const task of ['token', 'sequence']) {
      const dir = mkdtempSync(join(tmpdir(), `outpost-hf-${style}-${task}-`));
      execFileSync(process.execPath, [join(ROOT, 'scripts/build-tiny-transformer.mjs'), dir, '--export', style, '--task', task], { stdio: 'ignore' });
      dirs[`${style}-${task}`] = dir;
    }
  }
});

const softmax = (row: Float32Array) => {
  const max = Math.max(...row);
  const e = Array.from(row, (v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
};

/** The reference: the tokenizer's encoding with special tokens, every input the graph declares fed by hand. */
async function reference(dir: string, text: string, file = 'model.onnx') {
  const tokenizer = new Tokenizer(JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8')), JSON.parse(readFileSync(join(dir, 'tokenizer_config.json'), 'utf8')));
  const { ids, tokens } = tokenizer.encode(text) as unknown as { ids: number[]; tokens: string[] };
  const session = await ortNode.InferenceSession.create(join(dir, file));
  const n = ids.length;
  const feeds: Record<string, ortNode.Tensor> = { input_ids: new ortNode.Tensor('int64', BigInt64Array.from(ids, (v) => BigInt(v)), [1, n]), attention_mask: new ortNode.Tensor('int64', new BigInt64Array(n).fill(1n), [1, n]) };
  if (session.inputNames.includes('token_type_ids')) feeds.token_type_ids = new ortNode.Tensor('int64', new BigInt64Array(n), [1, n]);
  const out = await session.run(feeds);
  const logits = out.logits!;
  const width = logits.dims[logits.dims.length - 1]!;
  const data = logits.data as Float32Array;
  const rows = Array.from({ length: data.length / width }, (_, i) => softmax(data.subarray(i * width, (i + 1) * width)));
  return { tokens, rows, inputNames: session.inputNames };
}

describe('Hugging Face export folders, loaded with no file added', () => {
  for (const [style, file] of STYLES.flatMap((s) => [[s, 'model.onnx'], [s, 'model_quantized.onnx']] as const)) {
    it(`${style} token classification, ${file}: same spans as onnxruntime-node`, async () => {
      const dir = dirs[`${style}-token`]!;
      const pkg = packageFromHfConfig(readFileSync(join(dir, 'config.json'), 'utf8'));
      expect(pkg.task).toBe('token-classification');
      const loaded = await createTier3Classifier({ enabled: true, modelDir: dir, modelPath: join(dir, file) }, { volumes: disk, log: quietLog, gatewayVersion: '0.1.0', wasm: WASM });
      expect(loaded.status.state).toBe('active');
      expect(loaded.status.model?.path).toBe(join(dir, file));
      const { tokens, rows, inputNames } = await reference(dir, TEXT, file);
      expect(inputNames.includes('token_type_ids')).toBe(style === 'bert');
      const expected = referenceSpans(rows, tokens, TEXT, pkg).spans;
      expect(expected.length).toBeGreaterThan(0); // not vacuous
      const result = await loaded.classifier!.classify(TEXT);
      expect(result.spans.map((s) => [s.type, s.start, s.end])).toEqual(expected.map((s) => [s.type, s.start, s.end]));
      result.spans.forEach((s, i) => expect(s.score).toBeCloseTo(expected[i]!.score, 5));
    });

  }
  for (const style of STYLES) {
    it(`${style} sequence classification: same score as onnxruntime-node, label from config.json`, async () => {
      const dir = dirs[`${style}-sequence`]!;
      const loaded = await createTier3Classifier({ enabled: true, modelDir: dir }, { volumes: disk, log: quietLog, gatewayVersion: '0.1.0', wasm: WASM });
      expect(loaded.status.state).toBe('active');
      expect(loaded.status.model?.labels).toEqual(['clean', 'sensitive']);
      const { rows } = await reference(dir, TEXT);
      expect(rows).toHaveLength(1);
      const result = await loaded.classifier!.classify(TEXT);
      expect(result.score).toBeCloseTo(rows[0]![1]!, 5);
      expect(result.label).toBe(rows[0]![1]! >= 0.5 ? 'sensitive' : 'clean');
    });
  }

  it('a folder whose config.json has no id2label disables Tier 3 with one error line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outpost-hf-bad-'));
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-tiny-transformer.mjs'), dir, '--export', 'bert', '--task', 'sequence'], { stdio: 'ignore' });
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ architectures: ['BertForSequenceClassification'] }));
    const errors: string[] = [];
    const loaded = await createTier3Classifier({ enabled: true, modelDir: dir }, { volumes: disk, log: { ...quietLog, error: (m: string) => errors.push(m) }, gatewayVersion: '0.1.0', wasm: WASM });
    expect(loaded.classifier).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Tier3 scanner disabled: .*id2label/);
  });
});
