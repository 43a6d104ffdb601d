/**
 * The third held-out generator (bench/dlp-eval/heldout3) is deterministic for a seed and its
 * labels are exact: each label's text passes its own type's check (Luhn for cards, ISO 7064
 * mod-97 for IBANs, SSA rules for SSNs, a real calendar date in the birth-year range, names made
 * of the generator's own name tokens), which an offset that slipped by one character would fail.
 */
import { describe, expect, it } from 'vitest';
import { KINDS, generateHeldout3 } from '../../bench/dlp-eval/heldout3/index.mjs';
import { NATIVE, TRADITIONS } from '../../bench/dlp-eval/heldout3/names.mjs';

const luhnOk = (digits: string) => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum % 10 === 0;
};

const ibanOk = (value: string) => {
  const s = value.replace(/ /g, '');
  const moved = s.slice(4) + s.slice(0, 4);
  let r = 0;
  for (const ch of moved) for (const c of /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch) r = (r * 10 + Number(c)) % 97;
  return r === 1;
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec', 'januar', 'februar', 'märz', 'mai', 'juni', 'juli', 'oktober', 'dezember',
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre',
  'janvier', 'février', 'mars', 'avril', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** A birth date's text names a year 1938–2007 (or two digits), a day 1–28 and a month. */
function birthDateOk(text: string, form: string) {
  if (form === 'compact') return /^(19[3-9]\d|200[0-7])(0[1-9]|1[0-2])(0[1-9]|1\d|2[0-8])$/.test(text);
  if (form === 'us-slash-short') return /^([1-9]|1[0-2])\/([1-9]|1\d|2[0-8])\/\d\d$/.test(text);
  const year = /(?:^|\D)(19[3-9]\d|200[0-7])(?:\D|$)/.exec(text);
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const monthWordsOk = words.every((w) => ['de', 'of', 'st', 'nd', 'rd', 'th'].includes(w) || MONTHS.some((m) => w.startsWith(m.slice(0, 3))));
  return year !== null && monthWordsOk && /^\d|^[A-Z][a-z]{2}/.test(text);
}

/** Case-folds as capitals forms do (the Turkish dotless ı capitalises to I and comes back as i). */
const fold = (w: string) => w.toLocaleLowerCase('en').replace(/ı/g, 'i');

const TOKENS = new Set([
  // Surnames with particles also appear joined, as airline records write them (DASILVA/GUSTAVO).
  ...Object.values(TRADITIONS).flatMap((t) => [...t.given, ...t.surnames.flatMap((s) => [...s.split('_'), s.replace(/_/g, '')])]),
  ...Object.values(NATIVE).flatMap((n) => [...n.given, ...n.surnames]),
].map((t) => fold(t)));

/** Every word of a PERSON label is a name token of the pools (an initial "J." is allowed). */
function nameOk(text: string, form: string) {
  if (form.startsWith('native:')) { const lower = fold(text); return [...TOKENS].some((t) => lower.startsWith(t)) && [...TOKENS].some((t) => lower.endsWith(t)); }
  return text.split(/[ ,^/.]+/).filter(Boolean).every((w) => TOKENS.has(fold(w)) || /^[A-Z]$/.test(w));
}

const CHECKS: Record<string, (text: string, form: string) => boolean> = {
  CREDIT_CARD: (t) => /^\d[\d -]+\d$/.test(t) && luhnOk(t.replace(/\D/g, '')),
  IBAN: (t) => /^[A-Z]{2}\d\d[A-Z0-9 ]+$/.test(t) && ibanOk(t),
  US_SSN: (t) => { const m = /^(\d{3})[- ]?(\d{2})[- ]?(\d{4})$/.exec(t); return !!m && m[1] !== '000' && m[1] !== '666' && m[1]![0] !== '9' && m[2] !== '00' && m[3] !== '0000'; },
  DATE_OF_BIRTH: birthDateOk,
  PERSON: nameOk,
  EMAIL: (t) => /^[A-Za-z0-9._+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(t),
  PHONE: (t) => /^[+(\d][\d ().-]*\d$/.test(t) && t.replace(/\D/g, '').length >= 9 && t.replace(/\D/g, '').length <= 13,
  IP_ADDRESS: (t) => /^(\d{1,3}\.){3}\d{1,3}$/.test(t) || /^[0-9a-f:]+$/.test(t),
  JWT: (t) => { const [h] = t.split('.'); return JSON.parse(Buffer.from(h!, 'base64url').toString()).typ === 'JWT'; },
  PRIVATE_KEY: (t) => /^-----BEGIN [A-Z ]+-----\n[\s\S]+\n-----END [A-Z ]+-----$/.test(t),
  URL_PASSWORD: (t) => !/[\s@/:]/.test(t),
  GITHUB_TOKEN: (t) => /^(gh[posu]_[A-Za-z0-9]{36}|github_pat_\w{82})$/.test(t),
  AWS_ACCESS_KEY: (t) => /^(AKIA|ASIA)[A-Z2-7]{16}$/.test(t),
};

describe('dlp-eval third held-out generator', () => {
  const docs = generateHeldout3({ seed: 3307, count: 500 });

  it('gives the same documents for the same seed, and others for another seed', () => {
    expect(generateHeldout3({ seed: 3307, count: 500 })).toEqual(docs);
    expect(generateHeldout3({ seed: 3308, count: 500 }).map((d) => d.text)).not.toEqual(docs.map((d) => d.text));
    // A document does not depend on how many come after it.
    expect(generateHeldout3({ seed: 3307, count: 50 })).toEqual(docs.slice(0, 50));
  });

  it('places labels inside the text, trimmed, and never overlapping one another', () => {
    for (const d of docs) {
      const marks = [...d.spans, ...d.negatives].sort((a, b) => a.start - b.start);
      for (const m of marks) expect(m.start >= 0 && m.start < m.end && m.end <= d.text.length, d.id).toBe(true);
      for (let i = 1; i < marks.length; i++) expect(marks[i]!.start, d.id).toBeGreaterThanOrEqual(marks[i - 1]!.end);
      for (const m of marks) expect(d.text.slice(m.start, m.end), d.id).toBe(d.text.slice(m.start, m.end).trim());
    }
  });

  it('gives each label text that passes its own type\'s check (offsets are exact)', () => {
    let checked = 0;
    for (const d of docs) {
      for (const s of d.spans) {
        const check = CHECKS[s.type];
        if (!check) continue;
        const text = d.text.slice(s.start, s.end);
        expect(check(text, s.form ?? ''), `${d.id} ${s.type} ${s.form} ${JSON.stringify(text)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(4000);
  });

  it('labels hard negatives that would fail those checks where they imitate them', () => {
    for (const d of docs) {
      for (const n of d.negatives) {
        const text = d.text.slice(n.start, n.end);
        if (n.kind === 'luhn_invalid_card') expect(luhnOk(text.replace(/\D/g, '')), `${d.id} ${text}`).toBe(false);
        if (n.kind === 'uuid') expect(text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        if (n.kind === 'ordinary_date') expect(text, `${d.id} ${text}`).toMatch(/20(19|2[0-6])|\/(19|2[0-6])$/);
      }
    }
  });

  it('says how every value is written and covers every kind, the reported types and the named hard negatives', () => {
    for (const d of docs) for (const s of d.spans) expect(s.form, `${d.id} ${s.type}`).toBeTruthy();
    expect(new Set(docs.map((d) => d.source))).toEqual(new Set(KINDS.map(([, kind]) => `heldout3:${kind}`)));
    const types = new Set(docs.flatMap((d) => d.spans.map((s) => s.type)));
    for (const t of ['PERSON', 'DATE_OF_BIRTH', 'PHONE', 'DRIVER_LICENSE', 'US_SSN', 'URL_PASSWORD', 'GENERIC_SECRET', 'EMAIL', 'CREDIT_CARD', 'IBAN', 'IP_ADDRESS', 'US_PASSPORT', 'JWT', 'PRIVATE_KEY', 'AWS_ACCESS_KEY', 'AWS_SECRET_KEY', 'GITHUB_TOKEN', 'GITLAB_TOKEN', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'SLACK_TOKEN', 'STRIPE_KEY', 'GOOGLE_API_KEY', 'NPM_TOKEN']) expect(types).toContain(t);
    const kinds = new Set(docs.flatMap((d) => d.negatives.map((n) => n.kind)));
    for (const k of ['order_id', 'uuid', 'git_sha', 'timestamp', 'version', 'tracking_number', 'luhn_invalid_card', 'invoice_number', 'company_name', 'place', 'product', 'placeholder', 'ordinary_date']) expect(kinds).toContain(k);
    const personForms = new Set(docs.flatMap((d) => d.spans.filter((s) => s.type === 'PERSON').map((s) => s.form)));
    for (const f of ['full', 'given', 'title-surname', 'surname-reported', 'last-first', 'caps', 'lowercase', 'handle', 'airline', 'full-particle', 'hl7', 'json-given']) expect(personForms).toContain(f);
  });
});
