/**
 * The default Tier 3 model on text it was not trained from (bench/tier3-eval: prose written apart
 * from the training templates, and public ordinary text), through the worker's own classifier
 * code. The bounds sit a little under the measured figures (docs/tier3.md) so that a retrained
 * model that loses recall or starts flagging ordinary traffic fails here.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createTier3Classifier } from '../../worker/classifier/index.js';
import { ROOT, WASM, disk, quietLog } from './helpers.js';
// @ts-expect-error plain .mjs modules without declarations
import { proseDocuments } from '../../bench/tier3-eval/prose.mjs';
// @ts-expect-error plain .mjs modules without declarations
import { ordinaryDocuments } from '../../bench/tier3-eval/ordinary.mjs';

type Doc = { text: string; label?: string; source?: string };

describe('the default model on the separate evaluation', () => {
  it('finds sensitive prose without identifiers (recall >= 0.90 at precision >= 0.95, the targets of issue 16)', async () => {
    const { classifier } = await createTier3Classifier({ enabled: true, modelDir: join(ROOT, 'assets', 'model') }, { volumes: disk, log: quietLog, gatewayVersion: 't', wasm: WASM });
    expect(classifier!.threshold).toBe(0.55);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const d of proseDocuments() as Doc[]) {
      const hit = (await classifier!.classify(d.text)).score >= classifier!.threshold;
      if (d.label === 'sensitive' && hit) tp++;
      else if (d.label === 'sensitive') fn++;
      else if (hit) fp++;
    }
    expect(tp + fn).toBe(200);
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.95);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.9);
  });

  it('rarely flags ordinary traffic: code, docs, chats, logs (<= 1 % overall, <= 3 % per source)', async () => {
    const { classifier } = await createTier3Classifier({ enabled: true, modelDir: join(ROOT, 'assets', 'model') }, { volumes: disk, log: quietLog, gatewayVersion: 't', wasm: WASM });
    const docs = ordinaryDocuments(ROOT, 400) as Doc[];
    const bySource = new Map<string, { n: number; flagged: number }>();
    for (const d of docs) {
      const s = bySource.get(d.source!) ?? { n: 0, flagged: 0 };
      s.n++;
      if ((await classifier!.classify(d.text)).score >= classifier!.threshold) s.flagged++;
      bySource.set(d.source!, s);
    }
    expect([...bySource.keys()].sort()).toEqual(['chat', 'code', 'docs', 'logs']);
    for (const s of bySource.values()) expect(s.n).toBeGreaterThanOrEqual(300);
    const flagged = [...bySource.values()].reduce((n, s) => n + s.flagged, 0);
    expect(flagged / docs.length).toBeLessThanOrEqual(0.01);
    for (const s of bySource.values()) expect(s.flagged / s.n).toBeLessThanOrEqual(0.03);
  });
});
