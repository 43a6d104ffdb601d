/**
 * Tier 3 inside real workerd (and Deno): the default model from assets/model (run by the
 * JavaScript engine, worker/classifier/hashed-mlp.ts, its score checked against onnxruntime-node),
 * transformers on onnxruntime-web's precompiled wasm module, a policy whose risk tier always runs
 * Tier 3 and blocks; a broken model disables Tier 3 only.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ortNode from 'onnxruntime-node';
import { featurise, packageFromHfConfig, parseModelPackage, tokens, windows } from '../../worker/classifier/index.js';
import { resolveOverlaps, type Match } from '../../worker/dlp/scan.js';
import { exportWindow, reference, referenceSpans } from '../classifier/helpers.js';
import { ROOT, auditEvents, startGateway, useMockUpstream, stateWithBundle } from './harness.js';

const SENSITIVE = 'Between us: my manager has been struggling with severe depression and asked me to cover their shifts while they go through counselling twice a week.';
const BENIGN = 'Write a Python function that parses a CSV file and returns the rows as dictionaries.';

const upstream = useMockUpstream();

function policyDir(action: 'block' | 'flag', tier1 = true): string {
  const dir = stateWithBundle('outpost-t3-', {
    schema_version: 1,
    version: `tier3-${action}`,
    created_at: '2026-11-24T00:00:00Z',
    models: [{ name: '*', risk_tier: 'strict' }],
    // A generous budget where Tier 1 is off (the span tests): on a loaded machine the first call
    // may pass the default 100 ms, and a budget finding would stand in for the spans.
    risk_tiers: { strict: { dlp: { tier3: { mode: 'always', action, ...(tier1 ? {} : { budget_ms: 60000 }) } } } },
    dlp: { bundles: { CLASSIFICATION: { action: 'block' } }, ...(tier1 ? {} : { tier1: { enabled: false } }) },
    auth: { mode: 'none' },
  });
  return dir;
}

const chat = (base: string, text: string, id: string) =>
  fetch(`${base}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': id }, body: JSON.stringify({ model: 'mock-llama', messages: [{ role: 'user', content: text }] }) });

describe.each(['workerd', 'deno'] as const)('Tier 3 on %s', (runtime) => {
  it('loads the default model and blocks sensitive prose that no pattern catches', async () => {
    const state = policyDir('block');
    const g = await startGateway({ OUTPOST_STATE_DIR: state, OUTPOST_UPSTREAM_URL: upstream.url, DLP_DEBERTA_ENABLED: 'true', AIRGAP_MODEL_PATH: join(ROOT, 'assets', 'model') }, { runtime });
    try {
      // The threshold is the shipped model's own (assets/model/model.json).
      const { threshold } = JSON.parse(readFileSync(join(ROOT, 'assets', 'model', 'model.json'), 'utf8')) as { threshold: number };
      expect(g.output()).toContain(`INFO DeBERTa Tier3 scanner loaded: model.onnx (label_map={0: 'sensitive', 1: 'clean'}, threshold=${threshold}, model_version=`);
      const blocked = await chat(g.url, SENSITIVE, `t3-block-${runtime}`);
      expect(blocked.status).toBe(403);
      const body = (await blocked.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('dlp_blocked');
      expect(body.error.message).toContain('SENSITIVE_TEXT');
      expect(body.error.message).not.toContain('depression');
      expect((await chat(g.url, BENIGN, `t3-pass-${runtime}`)).status).toBe(200);
      const ready = (await (await fetch(`${g.url}/readyz`)).json()) as { subsystems: Record<string, { state: string }> };
      expect(ready.subsystems.tier3!.state).toBe('active');
      const events = auditEvents(join(state, 'audit', 'audit_queue.db'));
      const event = events.find((e) => e.request_id === `t3-block-${runtime}`)!;
      expect(event.findings).toContainEqual(expect.objectContaining({ tier: 3, type: 'SENSITIVE_TEXT' }));
      // The score the gateway computed equals onnxruntime-node's on the same windows (the audit keeps three decimals).
      const pkg = parseModelPackage(readFileSync(join(ROOT, 'assets', 'model', 'model.json'), 'utf8'));
      const session = await ortNode.InferenceSession.create(join(ROOT, 'assets', 'model', 'model.onnx'));
      let expected = 0;
      for (const part of windows(tokens(SENSITIVE), pkg.maxLength, pkg.stride)) {
        const out = await session.run({ features: new ortNode.Tensor('float32', featurise(part, new Float32Array(pkg.dimensions)), [1, pkg.dimensions]) });
        expected = Math.max(expected, (out.probabilities!.data as Float32Array)[pkg.positiveIndex]!);
      }
      const finding = (event.findings as unknown as Array<{ tier: number; score: number }>).find((f) => f.tier === 3)!;
      expect(finding.score).toBeCloseTo(expected, 3);
    } finally {
      await g.stop();
    }
  });
});

// Without --export: the older package (model.json); with it, a Hugging Face export folder as it is
// (config.json, logits, attention_mask and, BERT and DeBERTa style, token_type_ids), each with its
// own kind of tokenizer.json. The spans audited inside workerd are compared with the independent
// reference of test/classifier/helpers.ts (Rust tokenizer, onnxruntime-node).
describe.each([[], ['--export', 'bert'], ['--export', 'roberta'], ['--export', 'deberta']])('a transformer model (tokenizer.json, token classification) inside workerd, flags %j', (...flags: string[]) => {
  it('tags the same spans as the independent reference', async () => {
    // Tier 1 off: its names would take some of the spans (one finding per overlapping span), and
    // which ones depends on matches the audit does not keep.
    const state = policyDir('flag', false);
    const models = join(state, 'models');
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-tiny-transformer.mjs'), models, ...flags, '--no-quantized'], { stdio: 'ignore' });
    const text = 'José Müller flew to 東京 with Zoë and Alice, the doctor; Bob visited London.';
    const manifest = flags.length ? packageFromHfConfig(readFileSync(join(models, 'config.json'), 'utf8')) : parseModelPackage(readFileSync(join(models, 'model.json'), 'utf8'));
    const ref = await reference(models, text, flags.length ? exportWindow(models) : { maxLength: manifest.maxLength, stride: manifest.stride });
    const expected = referenceSpans(ref.rows, ref.offsets, manifest.labels, manifest.threshold).spans;
    expect(expected.length).toBeGreaterThan(0);
    const g = await startGateway({ OUTPOST_STATE_DIR: state, OUTPOST_UPSTREAM_URL: upstream.url, DLP_DEBERTA_ENABLED: 'true', AIRGAP_MODEL_PATH: models });
    try {
      expect(g.output()).toMatch(/INFO DeBERTa Tier3 scanner loaded: model\.onnx \(label_map=\{0: 'O', 1: 'B-PERSON'/);
      const id = `t3-transformer-${flags.join('') || 'package'}`;
      expect((await chat(g.url, text, id)).status).toBe(200);
      const event = auditEvents(join(state, 'audit', 'audit_queue.db')).find((e) => e.request_id === id)!;
      type Span = { tier: number; type: string; start: number; end: number; score: number };
      const spans = event.findings as unknown as Span[];
      expect(spans.map((f) => f.tier)).toEqual(spans.map(() => 3));
      const found = spans.map(({ type, start, end }) => ({ type, start, end }));
      // The pipeline keeps one finding per overlapping span (resolveOverlaps): byte-level pieces of
      // one character may carry two spans over it.
      const kept = resolveOverlaps(expected.map((s): Match => ({ ...s, tier: 3, rule: 't3', action: 'flag' }))).map(({ type, start, end }) => ({ type, start, end }));
      expect(kept.length).toBeGreaterThan(0);
      expect(found).toEqual(kept);
    } finally {
      await g.stop();
    }
  });
});

// Sequence classification exports inside workerd, fp32 and the int8 graph alone (DEBERTA_MODEL_PATH):
// the SENSITIVE_TEXT finding's score is the reference's probability of the sensitive label. The
// policy threshold is set low so that a finding exists whatever the random weights give.
describe.each([
  ['deberta', 'model.onnx'],
  ['roberta', 'model_quantized.onnx'],
] as const)('a %s sequence-classification export inside workerd, %s', (style, file) => {
  it('scores the text as the independent reference does', async () => {
    const state = stateWithBundle('outpost-t3-seq-', {
      schema_version: 1,
      version: `tier3-seq-${style}`,
      created_at: '2026-11-29T00:00:00Z',
      models: [{ name: '*', risk_tier: 'strict' }],
      risk_tiers: { strict: { dlp: { tier1: { enabled: false }, tier3: { mode: 'always', action: 'flag', threshold: 0.001, budget_ms: 60000 } } } },
      auth: { mode: 'none' },
    });
    const models = join(state, 'models');
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-tiny-transformer.mjs'), models, '--export', style, '--task', 'sequence'], { stdio: 'ignore' });
    const text = 'José Müller flew to 東京 with Zoë and Alice, the doctor; Bob visited London.';
    const ref = await reference(models, text, { file, ...exportWindow(models) });
    const g = await startGateway({ OUTPOST_STATE_DIR: state, OUTPOST_UPSTREAM_URL: upstream.url, DLP_DEBERTA_ENABLED: 'true', AIRGAP_MODEL_PATH: join(state, 'elsewhere'), DEBERTA_MODEL_PATH: join(models, file) });
    try {
      expect(g.output()).toMatch(new RegExp(`INFO DeBERTa Tier3 scanner loaded: ${file.replace('.', '\\.')} \\(label_map=\\{0: 'clean', 1: 'sensitive'\\}`));
      const id = `t3-seq-${style}`;
      expect((await chat(g.url, text, id)).status).toBe(200);
      const event = auditEvents(join(state, 'audit', 'audit_queue.db')).find((e) => e.request_id === id)!;
      const findings = event.findings as unknown as Array<{ tier: number; type: string; start: number; end: number; score: number }>;
      expect(findings.map((f) => [f.tier, f.type, f.start, f.end])).toEqual([[3, 'SENSITIVE_TEXT', 0, text.length]]);
      // The audit keeps scores to three decimals.
      expect(findings[0]!.score).toBeCloseTo(ref.best![1]!, 3);
    } finally {
      await g.stop();
    }
  });
});

describe('a broken model', () => {
  it('disables Tier 3 only: one error, the gateway serves with Tiers 1 and 2', async () => {
    const state = policyDir('block');
    const models = join(state, 'models');
    mkdirSync(models);
    writeFileSync(join(models, 'model.onnx'), 'this is not an onnx model');
    writeFileSync(join(models, 'model.json'), '{"version":"x","task":"sequence-classification","input":"features","features":{"kind":"hashed-ngrams","dimensions":4096},"labels":["sensitive","clean"],"threshold":0.7}');
    const g = await startGateway({ OUTPOST_STATE_DIR: state, OUTPOST_UPSTREAM_URL: upstream.url, DLP_DEBERTA_ENABLED: 'true', AIRGAP_MODEL_PATH: models });
    try {
      expect(g.output()).toMatch(/ERROR DeBERTa Tier3 scanner disabled: .*model\.onnx/);
      expect((await chat(g.url, SENSITIVE, 't3-broken')).status).toBe(200);
      const blocked = await chat(g.url, 'TOP SECRET//NOFORN memo for the duty officer', 't3-broken-t2');
      expect(blocked.status).toBe(403);
      const ready = (await (await fetch(`${g.url}/readyz`)).json()) as { status: string; subsystems: Record<string, { state: string }> };
      expect(ready.status).toBe('ready');
      expect(ready.subsystems.tier3!.state).toBe('disabled');
    } finally {
      await g.stop();
    }
  });
});
