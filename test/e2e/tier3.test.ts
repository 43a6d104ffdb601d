/**
 * Tier 3 inside real workerd (and Deno): onnxruntime-web on the precompiled wasm module, the
 * default model from assets/model, a policy whose risk tier always runs Tier 3 and blocks;
 * a broken model disables Tier 3 only.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTier3Classifier } from '../../worker/classifier/index.js';
import { ROOT, auditEvents, startGateway, useMockUpstream, stateWithBundle } from './harness.js';

const SENSITIVE = 'Between us: my manager has been struggling with severe depression and asked me to cover their shifts while they go through counselling twice a week.';
const BENIGN = 'Write a Python function that parses a CSV file and returns the rows as dictionaries.';

const upstream = useMockUpstream();

function policyDir(action: 'block' | 'flag'): string {
  const dir = stateWithBundle('outpost-t3-', {
    schema_version: 1,
    version: `tier3-${action}`,
    created_at: '2026-11-24T00:00:00Z',
    models: [{ name: '*', risk_tier: 'strict' }],
    risk_tiers: { strict: { dlp: { tier3: { mode: 'always', action } } } },
    dlp: { bundles: { CLASSIFICATION: { action: 'block' } } },
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
    } finally {
      await g.stop();
    }
  });
});

// Without --export: the older package (model.json); with it, a Hugging Face export folder as it is
// (config.json, logits, attention_mask and, BERT style, token_type_ids).
describe.each([[], ['--export', 'bert'], ['--export', 'roberta']])('a transformer model (tokenizer.json, token classification) inside workerd, flags %j', (...flags: string[]) => {
  it('tags the same spans as the worker code gives in Node', async () => {
    const state = policyDir('flag');
    const models = join(state, 'models');
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-tiny-transformer.mjs'), models, ...flags], { stdio: 'ignore' });
    const text = 'Alice visited London yesterday with Bob and Carol.';
    const { classifier } = await createTier3Classifier(
      { enabled: true, modelDir: models },
      { volumes: { read: async (p) => new Uint8Array(readFileSync(p)) }, log: { debug() {}, info() {}, warn() {}, error() {} }, gatewayVersion: 'test', wasm: async () => ({ bytes: new Uint8Array(readFileSync(join(ROOT, 'node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm'))) }) },
    );
    const expected = (await classifier!.classify(text)).spans.map((s) => ({ type: s.type, start: s.start, end: s.end }));
    expect(expected.length).toBeGreaterThan(0);
    const g = await startGateway({ OUTPOST_STATE_DIR: state, OUTPOST_UPSTREAM_URL: upstream.url, DLP_DEBERTA_ENABLED: 'true', AIRGAP_MODEL_PATH: models });
    try {
      expect(g.output()).toMatch(/INFO DeBERTa Tier3 scanner loaded: model\.onnx \(label_map=\{0: 'O', 1: 'B-PERSON'/);
      const id = `t3-transformer-${flags.join('') || 'package'}`;
      expect((await chat(g.url, text, id)).status).toBe(200);
      const event = auditEvents(join(state, 'audit', 'audit_queue.db')).find((e) => e.request_id === id)!;
      const found = event.findings.filter((f) => f.tier === 3).map((f) => ({ type: (f as { type: string }).type, start: (f as unknown as { start: number }).start, end: (f as unknown as { end: number }).end }));
      // A Tier 1 finding wins an overlapping span (Tier 1 names like "Bob" may cover a Tier 3 span).
      const span = (f: unknown) => f as { tier: number; start: number; end: number };
      const tier1or2 = event.findings.filter((f) => span(f).tier !== 3).map(span);
      expect(found).toEqual(expected.filter((s) => !tier1or2.some((f) => f.start < s.end && s.start < f.end)));
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
