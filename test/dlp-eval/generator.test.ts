/**
 * The evaluation generator (bench/dlp-eval/generator) is deterministic and its labels are exact:
 * what the scorer measures depends on both.
 */
import { describe, expect, it } from 'vitest';
import { generateDocuments } from '../../bench/dlp-eval/generator/index.mjs';

describe('dlp-eval generator', () => {
  const docs = generateDocuments({ seed: 14, count: 450 });

  it('gives the same documents for the same seed, and others for another seed', () => {
    expect(generateDocuments({ seed: 14, count: 450 })).toEqual(docs);
    expect(generateDocuments({ seed: 15, count: 450 }).map((d) => d.text)).not.toEqual(docs.map((d) => d.text));
  });

  it('labels spans inside the text, without overlaps between values and hard negatives', () => {
    for (const d of docs) {
      const marks = [...d.spans, ...d.negatives].sort((a, b) => a.start - b.start);
      for (const m of marks) expect(m.start >= 0 && m.start < m.end && m.end <= d.text.length).toBe(true);
      for (let i = 1; i < marks.length; i++) expect(marks[i]!.start).toBeGreaterThanOrEqual(marks[i - 1]!.end);
      for (const s of d.spans) expect(d.text.slice(s.start, s.end)).toBe(d.text.slice(s.start, s.end).trim());
    }
  });

  it('covers every document kind and the types the issue names', () => {
    expect(new Set(docs.map((d) => d.source))).toEqual(new Set(['ticket', 'email', 'chat', 'hr_note', 'csv', 'json', 'form', 'log', 'code'].map((k) => `generator:${k}`)));
    const types = new Set(docs.flatMap((d) => d.spans.map((s) => s.type)));
    for (const t of ['PERSON', 'DATE_OF_BIRTH', 'PHONE', 'DRIVER_LICENSE', 'US_SSN', 'URL_PASSWORD', 'GENERIC_SECRET', 'EMAIL', 'CREDIT_CARD', 'IBAN']) expect(types).toContain(t);
  });
});
