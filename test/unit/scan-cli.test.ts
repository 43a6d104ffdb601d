/**
 * `outpost scan` as operators run it (the built CLI): files, stdin, --jsonl with offsets checked
 * against the labeled corpus, bad lines reported by number, never a value in the output.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateCorpus } from '../dlp/corpus.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const outpost = (args: string[], input?: string) => spawnSync(process.execPath, [join(ROOT, 'bin', 'outpost.mjs'), 'scan', ...args], { input, encoding: 'utf8' });

describe('outpost scan', () => {
  const docs = generateCorpus(4242, 60);

  it('--jsonl: one output line per input line, offsets equal to the labeled spans', () => {
    const input = docs.map((d, i) => JSON.stringify({ id: i, text: d.text })).join('\n');
    const r = outpost(['--jsonl'], input);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: number; findings: Array<{ start: number; end: number; type: string; rule: string; tier: number; score: number }> });
    expect(lines.map((l) => l.id)).toEqual(docs.map((_, i) => i));
    let expected = 0;
    let matched = 0;
    docs.forEach((doc, i) => {
      for (const span of doc.labels) {
        expected++;
        if (lines[i]!.findings.some((f) => f.type === span.type && f.start === span.start && f.end === span.end)) matched++;
      }
      for (const f of lines[i]!.findings) expect(Object.keys(f).sort()).toEqual(['end', 'rule', 'score', 'start', 'tier', 'type']);
    });
    expect(expected).toBeGreaterThan(20);
    expect(matched / expected).toBeGreaterThanOrEqual(0.95);
  });

  it('plain text from files and stdin: line:col, type, rule, offsets; never the value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'outpost-scan-'));
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'first line\ncard 4111 1111 1111 1111 here\n');
    const r = outpost([file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${file}:2:6  CREDIT_CARD  tier1.credit_card  tier 1`);
    expect(r.stdout).toContain('[16, 35)');
    expect(r.stdout).not.toContain('4111');
    const clean = outpost([], 'nothing sensitive in this line\n');
    expect(clean.status).toBe(0);
    expect(clean.stdout).toBe('');
  });

  it('bad JSONL lines are reported with their number, the rest is scanned, exit 2', () => {
    const r = outpost(['--jsonl'], '{"id":"a","text":"mail bob@example.com"}\nnot json\n{"id":"c"}\n');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('ERROR stdin:2: not a JSON object');
    expect(r.stderr).toContain('ERROR stdin:3: expected {"id": ..., "text": "..."}');
    expect(JSON.parse(r.stdout.trim())).toMatchObject({ id: 'a', findings: [{ type: 'EMAIL' }] });
  });

  it('--bundles limits what runs; unknown names are a usage error', () => {
    expect(outpost(['--bundles', 'CLASSIFICATION', '--jsonl'], '{"id":1,"text":"TOP SECRET//NOFORN"}').stdout).toContain('CLASSIFICATION_MARKING');
    const bad = outpost(['--bundles', 'NOPE'], 'x');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown bundle NOPE');
  });
});
