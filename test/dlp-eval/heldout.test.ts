/**
 * The held-out generator (bench/dlp-eval/heldout) is deterministic for a seed and its labels are
 * exact: every span is inside the text, trimmed, free of overlaps with other labels, and its text
 * is what its type says (checked by each type's own shape, independently of the detectors).
 */
import { describe, expect, it } from 'vitest';
import { KINDS, generateHeldout } from '../../bench/dlp-eval/heldout/index.mjs';

/** Loose shapes per type: enough to catch an offset that slipped by even one character. */
const SHAPES: Record<string, RegExp> = {
  EMAIL: /^[^\s@<>"]+@[a-z0-9.-]+\.[a-z]{2,}$/,
  PHONE: /^[+(\d][\d ()./-]*\d$/,
  US_SSN: /^\d{3}[- ]?\d{2}[- ]?\d{4}$/,
  CREDIT_CARD: /^\d[\d -]{13,22}\d$/,
  IBAN: /^[A-Z]{2}\d{2}[A-Z0-9 ]+[A-Z0-9]$/,
  DATE_OF_BIRTH: /^[0-9A-Za-z][0-9A-Za-z ,./-]*[0-9]$/,
  IP_ADDRESS: /^[0-9a-f.:]+$/,
  PERSON: /^\p{L}(?:[\p{L}\p{M} .,'/-]*[\p{L}\p{M}.])?$/u,
  PRIVATE_KEY: /^-----BEGIN [A-Z ]+-----\n[\s\S]+\n-----END [A-Z ]+-----$/,
  JWT: /^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/,
};

describe('dlp-eval held-out generator', () => {
  const docs = generateHeldout({ seed: 2611, count: 600 });

  it('gives the same documents for the same seed, and others for another seed', () => {
    expect(generateHeldout({ seed: 2611, count: 600 })).toEqual(docs);
    expect(generateHeldout({ seed: 2612, count: 600 }).map((d) => d.text)).not.toEqual(docs.map((d) => d.text));
  });

  it('labels spans inside the text, trimmed, without overlaps between values and hard negatives', () => {
    for (const d of docs) {
      const marks = [...d.spans, ...d.negatives].sort((a, b) => a.start - b.start);
      for (const m of marks) expect(m.start >= 0 && m.start < m.end && m.end <= d.text.length, d.id).toBe(true);
      for (let i = 1; i < marks.length; i++) expect(marks[i]!.start, d.id).toBeGreaterThanOrEqual(marks[i - 1]!.end);
      for (const s of [...d.spans, ...d.negatives]) expect(d.text.slice(s.start, s.end), d.id).toBe(d.text.slice(s.start, s.end).trim());
    }
  });

  it('gives every label text of its type\'s shape (offsets are exact)', () => {
    let checked = 0;
    for (const d of docs) {
      for (const s of d.spans) {
        const shape = SHAPES[s.type];
        if (!shape) continue;
        expect(d.text.slice(s.start, s.end), `${d.id} ${s.type}`).toMatch(shape);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3000);
  });

  it('says how each name, phone, birth date, SSN and licence is written (for recall by form)', () => {
    const formed = ['PERSON', 'PHONE', 'DATE_OF_BIRTH', 'US_SSN', 'DRIVER_LICENSE'];
    for (const d of docs) for (const s of d.spans) if (formed.includes(s.type)) expect(s.form, `${d.id} ${s.type}`).toBeTruthy();
    const personForms = new Set(docs.flatMap((d) => d.spans.filter((s) => s.type === 'PERSON').map((s) => s.form)));
    for (const f of ['full', 'lastFirst', 'upper', 'given', 'givenLower', 'titled', 'family', 'airline', 'native:full']) expect(personForms).toContain(f);
  });

  it('covers every document kind, the 24 reported types and the hard-negative kinds the issue names', () => {
    expect(new Set(docs.map((d) => d.source))).toEqual(new Set(KINDS.map(([, kind]) => `heldout:${kind}`)));
    const types = new Set(docs.flatMap((d) => d.spans.map((s) => s.type)));
    for (const t of ['PERSON', 'DATE_OF_BIRTH', 'PHONE', 'DRIVER_LICENSE', 'US_SSN', 'URL_PASSWORD', 'GENERIC_SECRET', 'EMAIL', 'CREDIT_CARD', 'IBAN', 'IP_ADDRESS', 'US_PASSPORT', 'JWT', 'PRIVATE_KEY', 'AWS_ACCESS_KEY', 'GITHUB_TOKEN', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'SLACK_TOKEN', 'STRIPE_KEY']) expect(types).toContain(t);
    const kinds = new Set(docs.flatMap((d) => d.negatives.map((n) => n.kind)));
    for (const k of ['order_id', 'uuid', 'git_sha', 'timestamp', 'version', 'tracking_number', 'luhn_invalid', 'invoice_number', 'organisation', 'place', 'product', 'placeholder', 'date']) expect(kinds).toContain(k);
  });
});
