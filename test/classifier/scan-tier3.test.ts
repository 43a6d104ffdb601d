/**
 * `outpost scan --jsonl` reports Tier 3 (the built CLI, as operators run it): a classification
 * per document from the default model, typed spans from a token-classification export, the
 * same as the worker's classifier gives in-process; `--no-tier3` leaves both out.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTier3Classifier } from '../../worker/classifier/index.js';
import { ROOT, WASM, disk, quietLog } from './helpers.js';

const outpost = (args: string[], input: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(ROOT, 'bin', 'outpost.mjs'), 'scan', ...args], { input, encoding: 'utf8', env: { ...process.env, DLP_DEBERTA_ENABLED: '', AIRGAP_MODEL_PATH: '', DEBERTA_MODEL_PATH: '', ...env } });
const SENSITIVE = 'Between us: my manager has been struggling with severe depression and asked me to cover their shifts while they go through counselling twice a week.';
const BENIGN = 'Write a Python function that parses a CSV file and returns the rows as dictionaries.';

describe('outpost scan --jsonl with Tier 3', () => {
  it('gives each document the default model\'s label and score, as the worker classifier does', async () => {
    const { classifier } = await createTier3Classifier({ enabled: true, modelDir: join(ROOT, 'assets', 'model') }, { volumes: disk, log: quietLog, gatewayVersion: 't', wasm: WASM });
    const r = outpost(['--jsonl'], [SENSITIVE, BENIGN].map((text, id) => JSON.stringify({ id, text })).join('\n'));
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { classification?: { label: string; score: number } });
    for (const [i, text] of [SENSITIVE, BENIGN].entries()) {
      const expected = await classifier!.classify(text);
      expect(lines[i]!.classification).toEqual({ label: expected.label, score: Number(expected.score.toFixed(3)) });
    }
    expect(lines.map((l) => l.classification!.label)).toEqual(['sensitive', 'clean']);
    expect(r.status).toBe(1);
  });

  it('reports the spans of a token-classification export as tier 3 findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outpost-scan-t3-'));
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-tiny-transformer.mjs'), dir, '--export', 'bert'], { stdio: 'ignore' });
    const text = 'Alice visited London yesterday with Bob and Carol.';
    const { classifier } = await createTier3Classifier({ enabled: true, modelDir: dir }, { volumes: disk, log: quietLog, gatewayVersion: 't', wasm: WASM });
    const expected = (await classifier!.classify(text)).spans.filter((s) => s.score >= classifier!.threshold).map((s) => [s.type, s.start, s.end]);
    expect(expected.length).toBeGreaterThan(0);
    const r = outpost(['--jsonl'], JSON.stringify({ id: 'x', text }), { AIRGAP_MODEL_PATH: dir });
    const line = JSON.parse(r.stdout.trim()) as { findings: Array<{ type: string; start: number; end: number; tier: number }> };
    expect(line.findings.filter((f) => f.tier === 3).map((f) => [f.type, f.start, f.end])).toEqual(expected);
  });

  it('--no-tier3 leaves the classification out', () => {
    const r = outpost(['--jsonl', '--no-tier3'], JSON.stringify({ id: 1, text: SENSITIVE }));
    expect(JSON.parse(r.stdout.trim())).toEqual({ id: 1, findings: [] });
    expect(r.status).toBe(0);
  });
});
