/**
 * The fourth held-out generator (bench/dlp-eval/heldout4) is deterministic for a seed and its
 * labels are exact: each label's text passes its own type's check (Luhn for cards, ISO 7064
 * mod-97 for IBANs, SSA rules for SSNs, a real calendar date in the birth-year range for birth
 * dates, names made of the generator's own name tokens, vendor key shapes), which a label whose
 * offsets slipped by one character would fail.
 */
import { describe, expect, it } from 'vitest';
import { KINDS, generateHeldout4 } from '../../bench/dlp-eval/heldout4/index.mjs';
import { NATIVE, TRADITIONS } from '../../bench/dlp-eval/heldout4/names.mjs';

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

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const monthOf = (word: string) => MONTHS.findIndex((m) => m.startsWith(word.toLowerCase())) + 1;

/** Reads a birth date written in `form` back into year, month and day; null when it does not parse. */
function readDate(text: string, form: string): [number, number, number] | null {
  const n = (s: string | undefined) => Number(s);
  let m: RegExpExecArray | null;
  switch (form) {
    case 'iso': m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(text); return m ? [n(m[1]), n(m[2]), n(m[3])] : null;
    case 'iso-slash': m = /^(\d{4})\/(\d\d)\/(\d\d)$/.exec(text); return m ? [n(m[1]), n(m[2]), n(m[3])] : null;
    case 'compact': m = /^(\d{4})(\d\d)(\d\d)$/.exec(text); return m ? [n(m[1]), n(m[2]), n(m[3])] : null;
    case 'us-slash': m = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(text); return m ? [n(m[3]), n(m[1]), n(m[2])] : null;
    case 'us-dash': m = /^(\d\d)-(\d\d)-(\d{4})$/.exec(text); return m ? [n(m[3]), n(m[1]), n(m[2])] : null;
    case 'us-slash-unpadded': m = /^([1-9]|1[0-2])\/([1-9]|[12]\d|3[01])\/(\d{4})$/.exec(text); return m ? [n(m[3]), n(m[1]), n(m[2])] : null;
    case 'us-slash-2digit': m = /^([1-9]|1[0-2])\/([1-9]|[12]\d|3[01])\/(\d\d)$/.exec(text); return m ? [1900 + n(m[3]) + (n(m[3]) < 10 ? 100 : 0), n(m[1]), n(m[2])] : null;
    case 'eu-dot': m = /^(\d\d)\.(\d\d)\.(\d{4})$/.exec(text); return m ? [n(m[3]), n(m[2]), n(m[1])] : null;
    case 'eu-slash': m = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(text); return m ? [n(m[3]), n(m[2]), n(m[1])] : null;
    case 'long': case 'short-month': case 'long-ordinal': m = /^([A-Z][a-z]+) (\d{1,2})(?:st|nd|rd|th)?, (\d{4})$/.exec(text); return m ? [n(m[3]), monthOf(m[1]!), n(m[2])] : null;
    case 'day-month-year': m = /^(\d{1,2}) ([A-Z][a-z]+) (\d{4})$/.exec(text); return m ? [n(m[3]), monthOf(m[2]!), n(m[1])] : null;
    case 'dd-mon-yyyy': m = /^(\d\d)-([A-Z][a-z]{2})-(\d{4})$/.exec(text); return m ? [n(m[3]), monthOf(m[2]!), n(m[1])] : null;
    case 'dd-MON-yy': m = /^(\d\d)-([A-Z]{3})-(\d\d)$/.exec(text); return m ? [1900 + n(m[3]) + (n(m[3]) < 10 ? 100 : 0), monthOf(m[2]!), n(m[1])] : null;
    default: return null;
  }
}

/** A birth date's text reads back as a real calendar date in 1940–2006. */
function birthDateOk(text: string, form: string) {
  const ymd = readDate(text, form);
  if (!ymd) return false;
  const [y, mo, d] = ymd;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1940 && y <= 2006 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

// Capitals forms fold the Turkish dotless ı to I, which lowercases back to i.
const fold = (w: string) => w.toLocaleLowerCase('en').replace(/ı/g, 'i');
const TOKENS = new Set([
  ...Object.values(TRADITIONS).flatMap((t) => [...t.given, ...t.surnames].flatMap((n) => n.split(' '))),
].map(fold));
const NATIVE_NAMES = Object.values(NATIVE).flatMap((n) => n.surnames.flatMap((s) => n.given.flatMap((g) => [`${s}${n.gap}${g}`, `${g}${n.gap}${s}`])));

const HANDLES = new Set(Object.values(TRADITIONS).flatMap((t) => t.given.map((g) => g.toLowerCase().normalize('NFD').replace(/[^a-z]/g, ''))));

/** Every word of a PERSON label is a name token of the pools (an initial "J." is allowed). */
function nameOk(text: string, form: string) {
  if (form.startsWith('native:')) return NATIVE_NAMES.includes(text);
  if (form === 'chat-speaker' || form === 'mention') return HANDLES.has(text);
  return text.split(/[ ,]+/).filter(Boolean).every((w) => TOKENS.has(fold(w)) || /^\p{Lu}\.$/u.test(w) || (form === 'suffix' && ['Jr.', 'Sr.', 'II', 'III'].includes(w)));
}

const SSN_OK = /^(?!000|666|9)\d{3}([- ]?)(?!00)\d\d\1(?!0000)\d{4}$/;

const CHECKS: Record<string, (text: string, form: string) => boolean> = {
  CREDIT_CARD: (t) => /^\d[\d -]+\d$/.test(t) && luhnOk(t.replace(/\D/g, '')),
  IBAN: (t) => /^[A-Z]{2}\d\d[A-Z0-9 ]+$/.test(t) && ibanOk(t),
  US_SSN: (t) => SSN_OK.test(t),
  DATE_OF_BIRTH: birthDateOk,
  PERSON: nameOk,
  EMAIL: (t) => /^[a-z0-9._+-]+@[a-z0-9.-]+\.[a-z]{2,}$/.test(t),
  PHONE: (t, form) => /^[+(\d][\d ().-]*\d$/.test(t) && t.replace(/\D/g, '').length >= (form.startsWith('us:') ? 10 : 8) && t.replace(/\D/g, '').length <= (form.startsWith('international-00') ? 17 : 15) && (!form.startsWith('international-00') || t.startsWith('00')),
  IP_ADDRESS: (t, form) => (form === 'v4' ? /^(\d{1,3}\.){3}\d{1,3}$/.test(t) && t.split('.').every((o) => Number(o) < 256) : /^[0-9a-f:]+$/.test(t) && t.includes(':')),
  JWT: (t) => { const [h] = t.split('.'); return JSON.parse(Buffer.from(h!, 'base64url').toString()).typ === 'JWT'; },
  PRIVATE_KEY: (t) => /^-----BEGIN ([A-Z ]+)-----\n[A-Za-z0-9+/\n]+\n-----END \1-----$/.test(t),
  URL_PASSWORD: (t) => t.length >= 8 && !/[\s@/:]/.test(t),
  GITHUB_TOKEN: (t) => /^(gh[posu]_[A-Za-z0-9]{36}|github_pat_\w{82})$/.test(t),
  GITLAB_TOKEN: (t) => /^glpat-[\w-]{20}$/.test(t),
  AWS_ACCESS_KEY: (t) => /^(AKIA|ASIA)[A-Z2-7]{16}$/.test(t),
  AWS_SECRET_KEY: (t) => /^[A-Za-z0-9+/]{40}$/.test(t),
  GOOGLE_API_KEY: (t) => /^AIza[\w-]{35}$/.test(t),
  NPM_TOKEN: (t) => /^npm_[A-Za-z0-9]{36}$/.test(t),
  SLACK_TOKEN: (t) => /^xox[bpa]-\d{11}-\d{12}-[A-Za-z0-9]{24}$/.test(t),
  STRIPE_KEY: (t) => /^(sk|rk)_(live|test)_[A-Za-z0-9]{24,99}$/.test(t),
  ANTHROPIC_API_KEY: (t) => /^sk-ant-api03-[\w-]{93}AA$/.test(t),
  OPENAI_API_KEY: (t) => /^sk-(proj-)?[\w-]+T3BlbkFJ[\w-]+$/.test(t),
  US_PASSPORT: (t) => /^([1-9]\d{8}|[ACEZ]\d{8})$/.test(t),
  DRIVER_LICENSE: (t, form) => /^[A-Z0-9][A-Z0-9 -]{6,20}[A-Z0-9]$/.test(t) && (/\d/.test(t) || form === 'WA') && /^[A-Z]{2}$/.test(form),
  GENERIC_SECRET: (t) => t.length >= 8 && !/\s/.test(t),
};

describe('dlp-eval fourth held-out generator', () => {
  const docs = generateHeldout4({ seed: 4409, count: 600 });

  it('gives the same documents for the same seed, and others for another seed', () => {
    expect(generateHeldout4({ seed: 4409, count: 600 })).toEqual(docs);
    expect(generateHeldout4({ seed: 4410, count: 600 }).map((d) => d.text)).not.toEqual(docs.map((d) => d.text));
    // A document does not depend on how many come after it.
    expect(generateHeldout4({ seed: 4409, count: 40 })).toEqual(docs.slice(0, 40));
  });

  it('places labels inside the text, trimmed, and never overlapping one another', () => {
    for (const d of docs) {
      const marks = [...d.spans, ...d.negatives, ...d.ignore].sort((a, b) => a.start - b.start);
      for (const m of marks) expect(m.start >= 0 && m.start < m.end && m.end <= d.text.length, d.id).toBe(true);
      for (let i = 1; i < marks.length; i++) expect(marks[i]!.start, d.id).toBeGreaterThanOrEqual(marks[i - 1]!.end);
      for (const m of marks) expect(d.text.slice(m.start, m.end), d.id).toBe(d.text.slice(m.start, m.end).trim());
    }
  });

  it("gives each label text that passes its own type's check (offsets are exact)", () => {
    let checked = 0;
    for (const d of docs) {
      for (const s of d.spans) {
        const check = CHECKS[s.type];
        expect(check, s.type).toBeTruthy();
        const text = d.text.slice(s.start, s.end);
        expect(check!(text, s.form), `${d.id} ${s.type} ${s.form} ${JSON.stringify(text)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(4000);
  });

  it('labels hard negatives that fail those checks where they imitate them', () => {
    for (const d of docs) {
      for (const n of d.negatives) {
        const text = d.text.slice(n.start, n.end);
        if (n.kind === 'luhn_invalid_card') expect(luhnOk(text.replace(/\D/g, '')), `${d.id} ${text}`).toBe(false);
        if (n.kind === 'uuid') expect(text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        if (n.kind === 'loopback_or_any') expect(['127.0.0.1', '0.0.0.0', 'localhost', '::1']).toContain(text);
        if (n.kind === 'claim_number_ssn_shape') expect(SSN_OK.test(text), `${d.id} ${text}`).toBe(false);
        if (n.kind === 'ordinary_date') expect(text, `${d.id} ${text}`).toMatch(/20(1[89]|2\d)|[-/](1[89]|2\d)$/);
      }
    }
  });

  it('says how every value is written and covers every kind, the reported types and the named hard negatives', () => {
    for (const d of docs) for (const s of d.spans) expect(s.form, `${d.id} ${s.type}`).toBeTruthy();
    // Ignore regions hold only private-range addresses.
    for (const d of docs) for (const z of d.ignore) expect(d.text.slice(z.start, z.end)).toMatch(/^(10|192\.168|172\.(1[6-9]|2\d|3[01]))\.\d+\.\d+(\.\d+)?$/);
    expect(new Set(docs.map((d) => d.source))).toEqual(new Set(KINDS.map(([, kind]) => `heldout4:${kind}`)));
    const types = new Set(docs.flatMap((d) => d.spans.map((s) => s.type)));
    for (const t of ['PERSON', 'DATE_OF_BIRTH', 'PHONE', 'DRIVER_LICENSE', 'US_SSN', 'URL_PASSWORD', 'GENERIC_SECRET', 'EMAIL', 'CREDIT_CARD', 'IBAN', 'IP_ADDRESS', 'US_PASSPORT', 'JWT', 'PRIVATE_KEY', 'AWS_ACCESS_KEY', 'AWS_SECRET_KEY', 'GITHUB_TOKEN', 'GITLAB_TOKEN', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'SLACK_TOKEN', 'STRIPE_KEY', 'GOOGLE_API_KEY', 'NPM_TOKEN']) expect(types).toContain(t);
    const kinds = new Set(docs.flatMap((d) => d.negatives.map((n) => n.kind)));
    for (const k of ['order_id', 'uuid', 'git_sha', 'timestamp', 'version', 'tracking_number', 'luhn_invalid_card', 'invoice_number', 'company_name', 'place', 'product', 'placeholder', 'ordinary_date', 'sha256', 'common_word_name', 'street_named_for_person', 'claim_number_ssn_shape', 'ssh_public_key', 'masked_ssn', 'masked_card', 'loopback_or_any']) expect(kinds).toContain(k);
    const forms = new Set(docs.flatMap((d) => d.spans.map((s) => `${s.type} ${s.form.split(':')[0]}`)));
    for (const f of ['full', 'given', 'title-surname', 'surname-reported', 'last-first', 'caps', 'lowercase', 'full-particle', 'native', 'middle-initial', 'suffix', 'surname-field', 'chat-speaker', 'mention', 'initial-surname', 'caps-last-first']) expect(forms).toContain(`PERSON ${f}`);
    for (const f of ['us', 'national', 'international', 'international-00']) expect(forms).toContain(`PHONE ${f}`);
    for (const f of ['bare', 'dashes']) expect(forms).toContain(`US_SSN ${f}`);
    for (const f of ['WA', 'NY', 'FL']) expect(forms).toContain(`DRIVER_LICENSE ${f}`);
    for (const f of ['redis-empty-user', 'smtp']) expect([...forms].some((x) => x.startsWith(`URL_PASSWORD ${f}`))).toBe(true);
    for (const f of ['django', 'sendgrid', 'vault', 'assignment', 'k8s-base64', 'basic-auth', 'cli-flag', 'xml-element']) expect(forms).toContain(`GENERIC_SECRET ${f}`);
  });
});
