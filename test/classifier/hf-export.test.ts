/**
 * Hugging Face export folders read as they are, one per architecture an operator brings:
 * BERT (WordPiece; input_ids, attention_mask, token_type_ids), RoBERTa (byte-level BPE; no
 * token_type_ids; positions after the padding offset) and DeBERTa-v2/v3 (Unigram with Metaspace;
 * token_type_ids), each for token and sequence classification, fp32 model.onnx and the int8
 * model_quantized.onnx beside it, built by scripts/build-tiny-transformer.mjs. The worker's
 * labels, scores and spans are compared with the independent reference in helpers.ts (the Rust
 * tokenizer, onnxruntime-node, windows and BIO decoding written apart from the worker).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTier3Classifier, packageFromHfConfig } from '../../worker/classifier/index.js';
import { WASM, buildModel, disk, exportWindow, quietLog, reference, referenceSpans } from './helpers.js';

const STYLES = ['bert', 'roberta', 'deberta'] as const;
const FILES = ['model.onnx', 'model_quantized.onnx'] as const;
const SHORT = 'Alice visited London yesterday with Bob and Carol.';
const UNICODE = 'José Müller flew to 東京 with Zoë and Alice, the doctor.';
/** Long enough for several windows of 128 tokens. */
const LONG = 'Alice met Bob in Paris. Carol flew to 東京 with José Müller yesterday. '.repeat(30);

const load = async (dir: string, file: string) => {
  const loaded = await createTier3Classifier({ enabled: true, modelDir: dir, modelPath: join(dir, file) }, { volumes: disk, log: quietLog, gatewayVersion: '0.1.0', wasm: WASM });
  expect(loaded.status.state).toBe('active');
  expect(loaded.status.model?.path).toBe(join(dir, file));
  return loaded.classifier!;
};
const pkgOf = (dir: string) => packageFromHfConfig(readFileSync(join(dir, 'config.json'), 'utf8'));

describe.each(STYLES)('%s export, token classification', (style) => {
  const dir = buildModel('--export', style, '--task', 'token');

  it('reads as token classification from config.json, windows from the positions and the tokenizer files', () => {
    const pkg = pkgOf(dir);
    expect(pkg.task).toBe('token-classification');
    expect(pkg.maxLength).toBe(128); // RoBERTa: 130 positions less its padding offset
    // BERT's tokenizer.json truncates at 96 (as sentence-transformers ship it); the others name 128 or nothing.
    expect(exportWindow(dir).maxLength).toBe(style === 'bert' ? 96 : 128);
    expect(pkg.labels).toEqual(['O', 'B-PERSON', 'I-PERSON', 'B-LOCATION', 'I-LOCATION']);
  });

  for (const file of FILES) {
    for (const [name, text] of [['short', SHORT], ['unicode', UNICODE], ['long', LONG]] as const) {
      it(`${file}, ${name} text: the same spans as the reference`, async () => {
        const pkg = pkgOf(dir);
        const classifier = await load(dir, file);
        const ref = await reference(dir, text, { file, ...exportWindow(dir) });
        if (name === 'long') expect(ref.windows).toBeGreaterThan(3);
        const { tags, spans: expected } = referenceSpans(ref.rows, ref.offsets, pkg.labels, 0);
        expect(tags.some((t) => t.label !== 'O')).toBe(true); // not vacuous
        expect(expected.length).toBeGreaterThan(0);
        const result = await classifier.classify(text);
        expect(result.spans.map((s) => [s.type, s.start, s.end])).toEqual(expected.map((s) => [s.type, s.start, s.end]));
        result.spans.forEach((s, i) => expect(s.score).toBeCloseTo(expected[i]!.score, 5));
        for (const s of result.spans) expect(text.slice(s.start, s.end).trim()).toBe(text.slice(s.start, s.end));
      });
    }
  }
});

describe.each(STYLES)('%s export, sequence classification', (style) => {
  const dir = buildModel('--export', style, '--task', 'sequence');
  for (const file of FILES) {
    for (const [name, text] of [['short', SHORT], ['unicode', UNICODE], ['long', LONG]] as const) {
      it(`${file}, ${name} text: the same label scores as the reference, labels from config.json`, async () => {
        const pkg = pkgOf(dir);
        expect(pkg.labels).toEqual(['clean', 'sensitive']);
        const classifier = await load(dir, file);
        const ref = await reference(dir, text, { file, ...exportWindow(dir) });
        if (name === 'long') expect(ref.windows).toBeGreaterThan(3);
        const result = await classifier.classify(text);
        expect(result.score).toBeCloseTo(ref.best![1]!, 5);
        expect(result.labelScores!.clean).toBeCloseTo(ref.best![0]!, 5);
        expect(result.label).toBe(ref.best![1]! >= 0.5 ? 'sensitive' : 'clean');
      });
    }
  }
});

describe('a folder whose only graph is model_quantized.onnx', () => {
  it('loads the int8 graph from AIRGAP_MODEL_PATH alone', async () => {
    const dir = buildModel('--export', 'deberta', '--task', 'sequence');
    rmSync(join(dir, 'model.onnx'));
    const loaded = await createTier3Classifier({ enabled: true, modelDir: dir }, { volumes: disk, log: quietLog, gatewayVersion: '0.1.0', wasm: WASM });
    expect(loaded.status.model?.path).toBe(join(dir, 'model_quantized.onnx'));
    const ref = await reference(dir, SHORT, { file: 'model_quantized.onnx', ...exportWindow(dir) });
    expect((await loaded.classifier!.classify(SHORT)).score).toBeCloseTo(ref.best![1]!, 5);
  });
});

describe('folders that do not fit disable Tier 3 with one error line', () => {
  const disabled = async (dir: string) => {
    const errors: string[] = [];
    const loaded = await createTier3Classifier({ enabled: true, modelDir: dir }, { volumes: disk, log: { ...quietLog, error: (m: string) => errors.push(m) }, gatewayVersion: '0.1.0', wasm: WASM });
    expect(loaded.classifier).toBeNull();
    expect(loaded.status.state).toBe('disabled');
    expect(errors).toHaveLength(1);
    return errors[0]!;
  };

  it('config.json without id2label', async () => {
    const dir = buildModel('--export', 'bert', '--task', 'sequence', '--no-quantized');
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ architectures: ['BertForSequenceClassification'] }));
    expect(await disabled(dir)).toMatch(/Tier3 scanner disabled: .*id2label/);
  });

  it('id2label naming more labels than the graph outputs', async () => {
    const dir = buildModel('--export', 'roberta', '--task', 'sequence', '--no-quantized');
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...config, id2label: { 0: 'clean', 1: 'sensitive', 2: 'secret' } }));
    expect(await disabled(dir)).toMatch(/Tier3 scanner disabled: .*outputs 2 labels, its config\.json id2label names 3/);
  });

  it('a graph input the gateway cannot feed', async () => {
    const dir = buildModel('--export', 'bert', '--task', 'sequence', '--no-quantized');
    const bytes = readFileSync(join(dir, 'model.onnx'));
    // Rename the declared input token_type_ids (same length, so the protobuf stays valid).
    writeFileSync(join(dir, 'model.onnx'), Buffer.from(bytes.toString('latin1').replaceAll('token_type_ids', 'segment_ids_xx'), 'latin1'));
    expect(await disabled(dir)).toMatch(/Tier3 scanner disabled: .*cannot feed: segment_ids_xx/);
  });

  it('no tokenizer.json', async () => {
    const dir = buildModel('--export', 'deberta', '--task', 'sequence', '--no-quantized');
    rmSync(join(dir, 'tokenizer.json'));
    expect(await disabled(dir)).toMatch(/Tier3 scanner disabled: .*tokenizer\.json is missing/);
  });
});
