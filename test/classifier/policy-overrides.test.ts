/**
 * What model.json would add, from the policy bundle instead (dlp.tier3 / risk_tiers.<tier>.dlp.tier3):
 * `sensitive_labels` (sequence models: which labels make a text sensitive) and `entities` (token
 * models: which entity types are reported), validated by the bundle schema, merged per risk tier,
 * and applied by the Tier 3 stage to a real export folder's classifier.
 */
import { describe, expect, it } from 'vitest';
import { createTier3Classifier } from '../../worker/classifier/index.js';
import { compileDlp } from '../../worker/dlp/compile.js';
import { runTier3 } from '../../worker/dlp/tier3.js';
import { resolveDlpSettings } from '../../worker/policy/dlp-settings.js';
import { validateBundle } from '../../worker/policy/validate.js';
import type { PolicyBundle } from '../../worker/policy/bundle.js';
import type { Tier3Settings } from '../../worker/dlp/settings.js';
import { settingsWith } from '../dlp/fixtures.js';
import { WASM, buildModel, disk, quietLog } from './helpers.js';

const bundle = (tier3: Record<string, unknown>, tierTier3: Record<string, unknown> = {}) => ({
  schema_version: 1,
  version: 'tier3-overrides',
  created_at: '2026-11-29T00:00:00Z',
  models: [{ name: '*', risk_tier: 'strict' }],
  risk_tiers: { strict: { dlp: { tier3: tierTier3 } } },
  dlp: { tier3 },
  auth: { mode: 'none' },
});

describe('policy bundle: tier3 sensitive_labels and entities', () => {
  it('are accepted by the schema and merged per risk tier (the tier wins)', () => {
    const result = validateBundle(JSON.stringify(bundle({ sensitive_labels: ['phi', 'pii'], entities: ['PERSON'] }, { entities: ['LOCATION', 'PERSON'] })));
    expect(result.ok).toBe(true);
    const settings = resolveDlpSettings((result as { bundle: PolicyBundle }).bundle, 'strict');
    expect(settings.tier3.sensitive_labels).toEqual(['phi', 'pii']);
    expect(settings.tier3.entities).toEqual(['LOCATION', 'PERSON']);
  });

  for (const [what, tier3] of [
    ['a BIO tag instead of an entity type', { entities: ['B-PERSON'] }],
    ['an empty list', { sensitive_labels: [] }],
    ['a label that is not a string', { sensitive_labels: [1] }],
  ] as const) {
    it(`reject ${what}`, () => {
      const result = validateBundle(JSON.stringify(bundle(tier3)));
      expect(result.ok).toBe(false);
      expect(JSON.stringify((result as { problems: unknown }).problems)).toContain('tier3');
    });
  }
});

const tier3With = (extra: Partial<Tier3Settings>): Tier3Settings => ({ mode: 'always', action: 'flag', budget_ms: 60000, on_budget_exceeded: 'pass', ...extra });
const part = (text: string) => ({ path: ['messages', 0, 'content'], text });

describe('the Tier 3 stage applies them to an export folder', () => {
  it('entities: only the listed types of a token model are reported', async () => {
    const dir = buildModel('--export', 'bert', '--task', 'token', '--no-quantized');
    const { classifier } = await createTier3Classifier({ enabled: true, modelDir: dir }, { volumes: disk, log: quietLog, gatewayVersion: 't', wasm: WASM });
    const text = 'José Müller flew to 東京 with Zoë and Alice, the doctor; Bob visited London.';
    // The classifier reports every tagged span with its score; the model's threshold is the default.
    const spans = (await classifier!.classify(text)).spans.filter((s) => s.score >= classifier!.threshold);
    const types = new Set(spans.map((s) => s.type));
    expect([...types].sort()).toEqual(['LOCATION', 'PERSON']); // both kinds present, so the filter is seen
    const all = await runTier3(compileDlp(settingsWith({ tier3: tier3With({}) })), classifier!, [part(text)], [[]]);
    expect(all.matches[0]!.map((m) => m.type).sort()).toEqual(spans.map((s) => s.type).sort());
    // A tier's threshold below the model's admits the spans the model's own would drop.
    const everySpan = await runTier3(compileDlp(settingsWith({ tier3: tier3With({ threshold: 0.001 }) })), classifier!, [part(text)], [[]]);
    expect(everySpan.matches[0]!.length).toBeGreaterThan(all.matches[0]!.length);
    const onlyLocations = await runTier3(compileDlp(settingsWith({ tier3: tier3With({ entities: ['LOCATION'] }) })), classifier!, [part(text)], [[]]);
    expect(onlyLocations.matches[0]!.map((m) => [m.type, m.start, m.end])).toEqual(spans.filter((s) => s.type === 'LOCATION').map((s) => [s.type, s.start, s.end]));
  });

  it("threshold: a policy tier may set it below the model's own as well as above", async () => {
    const dir = buildModel('--export', 'roberta', '--task', 'sequence', '--no-quantized');
    const { classifier } = await createTier3Classifier({ enabled: true, modelDir: dir }, { volumes: disk, log: quietLog, gatewayVersion: 't', wasm: WASM });
    const texts = ['The board will announce the acquisition on Monday.', 'Lunch is at noon in the small room.', 'a', 'b', 'x y'];
    const results = await Promise.all(texts.map((t) => classifier!.classify(t)));
    // A text the model itself calls clean (its sensitive probability under its own threshold) ...
    const i = results.findIndex((r) => r.score < classifier!.threshold);
    expect(i).toBeGreaterThanOrEqual(0);
    const { score } = results[i]!;
    const judged = async (threshold: number) => (await runTier3(compileDlp(settingsWith({ tier3: tier3With({ threshold }) })), classifier!, [part(texts[i]!)], [[]])).matches[0]!;
    // ... is sensitive under a policy threshold below that probability, and not above it.
    expect(await judged(score - 0.001)).toMatchObject([{ type: 'SENSITIVE_TEXT', score, start: 0, end: texts[i]!.length }]);
    expect(await judged(Math.min(score + 0.001, 0.999))).toEqual([]);
  });

  it('sensitive_labels: the highest probability of the listed labels is the score', async () => {
    const dir = buildModel('--export', 'roberta', '--task', 'sequence', '--no-quantized');
    const { classifier } = await createTier3Classifier({ enabled: true, modelDir: dir }, { volumes: disk, log: quietLog, gatewayVersion: 't', wasm: WASM });
    const text = 'The board will announce the acquisition on Monday.';
    const result = await classifier!.classify(text);
    const { clean, sensitive } = result.labelScores!;
    expect(clean! + sensitive!).toBeCloseTo(1, 5);
    const low = Math.min(clean!, sensitive!) - 0.01;
    const withLabels = async (labels?: string[]) =>
      (await runTier3(compileDlp(settingsWith({ tier3: tier3With({ threshold: low, ...(labels ? { sensitive_labels: labels } : {}) }) })), classifier!, [part(text)], [[]])).matches[0]!;
    expect((await withLabels(['clean']))[0]).toMatchObject({ type: 'SENSITIVE_TEXT', score: clean, start: 0, end: text.length });
    expect((await withLabels(['clean', 'sensitive']))[0]!.score).toBe(Math.max(clean!, sensitive!));
    expect(await withLabels(['no-such-label'])).toEqual([]);
  });
});
