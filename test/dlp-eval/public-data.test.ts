/**
 * The public labelled data (bench/dlp-eval/data/*.jsonl) is well-formed: offsets inside the text,
 * types the gateway reports, ignore and negative regions inside the text, and no two labels of one
 * record overlapping. What the detectors score on it depends on that.
 */
import { describe, expect, it } from 'vitest';
import { publicCorpus } from '../../bench/dlp-eval/corpora.mjs';

// The types the gateway reports (GOOGLE_OAUTH_TOKEN included: it is in the credential scope).
const TYPES = new Set(['ANTHROPIC_API_KEY', 'AWS_ACCESS_KEY', 'AWS_SECRET_KEY', 'CREDIT_CARD', 'DATE_OF_BIRTH', 'DRIVER_LICENSE', 'EMAIL', 'GENERIC_SECRET', 'GITHUB_TOKEN', 'GITLAB_TOKEN', 'GOOGLE_API_KEY', 'GOOGLE_OAUTH_TOKEN', 'IBAN', 'IP_ADDRESS', 'JWT', 'NPM_TOKEN', 'OPENAI_API_KEY', 'PERSON', 'PHONE', 'PRIVATE_KEY', 'SLACK_TOKEN', 'STRIPE_KEY', 'URL_PASSWORD', 'US_PASSPORT', 'US_SSN']);


describe('dlp-eval public data', () => {
  const docs = publicCorpus();

  it('has unique ids and labels inside the text, of known types, without overlapping spans', () => {
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
    for (const d of docs) {
      for (const r of [...d.spans, ...(d.negatives ?? []), ...(d.ignore ?? [])]) expect(r.start >= 0 && r.start < r.end && r.end <= d.text.length, d.id).toBe(true);
      for (const s of d.spans) expect(TYPES.has(s.type), `${d.id} ${s.type}`).toBe(true);
      const spans = [...d.spans].sort((a, b) => a.start - b.start);
      for (let i = 1; i < spans.length; i++) expect(spans[i]!.start, d.id).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    }
  });

  it('takes secretlint credentials and Recognizers-Text phones by their reported text', () => {
    const secretlint = docs.filter((d) => d.id.startsWith('secretlint/'));
    const phones = docs.filter((d) => d.id.startsWith('recognizers-text/') && d.scope?.includes('PHONE'));
    expect(secretlint.flatMap((d) => d.spans).length).toBeGreaterThan(50);
    expect(phones.flatMap((d) => d.spans).length).toBeGreaterThan(300);
    for (const d of phones) {
      for (const s of d.spans) {
        const value = d.text.slice(s.start, s.end);
        expect(value, d.id).toMatch(/^[+(（\p{Nd}][\s\S]*[\p{Nd})）]$/u);
        expect(value.replace(/\P{Nd}/gu, '').length, d.id).toBeGreaterThanOrEqual(6);
      }
    }
    for (const d of secretlint) for (const s of d.spans) expect(d.text.slice(s.start, s.end), d.id).not.toMatch(/\s$/);
  });
});
