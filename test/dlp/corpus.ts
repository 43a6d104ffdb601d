/**
 * A labeled corpus of the kinds of text people paste into chats (tickets, emails, code and
 * configs, logs, CSV, JSON, chat turns), generated deterministically from a seed. Every sensitive
 * value is a labeled span; hard negatives (UUIDs, hashes, git SHAs, order and tracking numbers,
 * versions, timestamps, Luhn-valid numbers without an issuer, placeholders, look-alike markings)
 * are recorded too, so their false-positive rate can be measured.
 */
import { ibanValid, luhnValid, phoneValid, ssnValid } from '../../worker/dlp/validators.js';

export interface Span {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

export interface CorpusDocument {
  readonly id: string;
  readonly kind: string;
  readonly text: string;
  readonly labels: readonly Span[];
  /** Hard negatives: spans that must not be reported. */
  readonly negatives: readonly Span[];
}

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Builder {
  text = '';
  labels: Span[] = [];
  negatives: Span[] = [];
  t(s: string): this {
    this.text += s;
    return this;
  }
  e(type: string, value: string): this {
    this.labels.push({ start: this.text.length, end: this.text.length + value.length, type });
    this.text += value;
    return this;
  }
  n(value: string): this {
    this.negatives.push({ start: this.text.length, end: this.text.length + value.length, type: 'NEGATIVE' });
    this.text += value;
    return this;
  }
}

const FIRST = ['James', 'Maria', 'Priya', 'Wei', 'Olusegun', 'Sofia', 'Liam', 'Aisha', 'Mateo', 'Hannah', 'Kenji', 'Fatima', 'Lucas', 'Elena', 'Noah', 'Chloe'];
const LAST = ['Smith', 'Gonzalez', 'Raman', 'Chen', 'Adeyemi', 'Rossi', 'Murphy', 'Khan', 'Silva', 'Becker', 'Tanaka', 'Haddad', 'Moreau', 'Novak', 'Walsh', 'Okafor'];
const DOMAINS = ['acme-corp.com', 'globex.io', 'initech.net', 'umbrella-health.org', 'example-bank.co.uk', 'stark.dev'];
const AREA = ['212', '415', '312', '617', '206', '303', '512', '646', '702', '919', '213', '404'];
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const HEXC = '0123456789abcdef';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function generateCorpus(seed = 20260513, documents = 400): CorpusDocument[] {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const chars = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
  const digits = (n: number) => chars('0123456789', n);
  const b64url = (s: string) => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const email = () => `${pick(FIRST).toLowerCase()}.${pick(LAST).toLowerCase()}${int(1, 99)}@${pick(DOMAINS)}`;
  const phone = (): string => {
    for (;;) {
      const p = r() < 0.6
        ? pick([`(${pick(AREA)}) ${int(201, 989)}-${digits(4)}`, `${pick(AREA)}-${int(201, 989)}-${digits(4)}`, `+1 ${pick(AREA)} ${int(201, 989)} ${digits(4)}`])
        : pick([`+44 20 7${int(100, 999)} ${digits(4)}`, `+49 30 ${digits(8)}`, `+33 1 ${int(40, 49)} ${digits(2)} ${digits(2)} ${digits(2)}`]);
      if (phoneValid(p)) return p;
    }
  };
  const ssn = (): string => {
    for (;;) {
      const s = `${String(int(1, 899)).padStart(3, '0')}-${String(int(1, 99)).padStart(2, '0')}-${String(int(1, 9999)).padStart(4, '0')}`;
      if (ssnValid(s)) return s;
    }
  };
  const withLuhn = (body: string): string => {
    for (let d = 0; d < 10; d++) if (luhnValid(body + d)) return body + d;
    return body + '0';
  };
  const card = (): string => {
    const [prefix, len] = pick([['4', 16], ['51', 16], ['55', 16], ['2221', 16], ['34', 15], ['37', 15], ['6011', 16], ['3530', 16]] as const);
    const number = withLuhn(prefix + digits(len - prefix.length - 1));
    const sep = pick(['', ' ', '-']);
    if (!sep) return number;
    return len === 15 ? [number.slice(0, 4), number.slice(4, 10), number.slice(10)].join(sep) : number.match(/.{4}/g)!.join(sep);
  };
  const iban = (): string => {
    const [cc, bban] = pick([['DE', () => digits(18)], ['GB', () => `NWBK${digits(14)}`], ['FR', () => digits(23)], ['NL', () => `ABNA${digits(10)}`]] as const);
    const body = bban();
    for (let check = 2; check < 99; check++) {
      const candidate = `${cc}${String(check).padStart(2, '0')}${body}`;
      if (ibanValid(candidate)) return r() < 0.5 ? candidate : candidate.match(/.{1,4}/g)!.join(' ');
    }
    return `${cc}00${body}`;
  };
  const ipv4 = () => `${pick([23, 45, 81, 103, 172, 185, 198, 203])}.${int(1, 254)}.${int(1, 254)}.${int(1, 254)}`;
  const ipv6 = () => `2001:db8:${chars(HEXC, 4)}:${chars(HEXC, 3)}::${chars(HEXC, 4)}`;
  const date = () => `${String(int(1, 12)).padStart(2, '0')}/${String(int(1, 28)).padStart(2, '0')}/${int(1940, 2005)}`;
  const jwt = () =>
    `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify({ sub: digits(8), name: person(), iat: 1715000000 + int(0, 99999) }))}.${chars(ALNUM + '-_', 43)}`;
  const pem = () => `-----BEGIN RSA PRIVATE KEY-----\n${Array.from({ length: 6 }, () => chars(B64, 64)).join('\n')}\n-----END RSA PRIVATE KEY-----`;
  const secretValue = () => chars(ALNUM, 12) + pick(['#', '!', '%']) + chars(ALNUM, 11);

  /** One sensitive item, as a labeled span with its context words in front. */
  const sensitive = (b: Builder): void => {
    switch (int(0, 26)) {
      case 0: b.t('Email: ').e('EMAIL', email()); break;
      case 1: b.t('you can reach me at ').e('EMAIL', email()).t(' or on '); b.e('PHONE', phone()); break;
      case 2: b.t('Phone: ').e('PHONE', phone()); break;
      case 3: b.t('SSN: ').e('US_SSN', ssn()); break;
      case 4: b.t('card number ').e('CREDIT_CARD', card()).t(' exp soon'); break;
      case 5: b.t('Please wire to IBAN ').e('IBAN', iban()); break;
      case 6: b.t('login from ').e('IP_ADDRESS', ipv4()).t(' failed'); break;
      case 7: b.t('client addr ').e('IP_ADDRESS', ipv6()); break;
      case 8: b.t('DOB: ').e('DATE_OF_BIRTH', date()); break;
      case 9: b.t('Passport number: ').e('US_PASSPORT', digits(1).replace('0', '5') + digits(8)); break;
      case 10: b.t("Driver's license: ").e('DRIVER_LICENSE', `${pick(['D', 'F', 'S', 'B'])}${digits(7)}`); break;
      case 11: b.t('Patient: ').e('PERSON', person()).t(', admitted'); break;
      case 12: b.t('Dear ').e('PERSON', person()).t(','); break;
      case 13: b.t('AWS_ACCESS_KEY_ID=').e('AWS_ACCESS_KEY', `AKIA${chars(UPPER32, 16)}`); break;
      case 14: b.t('aws_secret_access_key = ').e('AWS_SECRET_KEY', chars(B64, 40)); break;
      case 15: b.t('export GH_TOKEN=').e('GITHUB_TOKEN', `ghp_${chars(ALNUM, 36)}`); break;
      case 16: b.t('OPENAI_API_KEY=').e('OPENAI_API_KEY', `sk-proj-${chars(ALNUM + '_-', 20)}T3BlbkFJ${chars(ALNUM + '_-', 20)}`); break;
      case 17: b.t('key: ').e('ANTHROPIC_API_KEY', `sk-ant-api03-${chars(ALNUM + '_-', 93)}AA`); break;
      case 18: b.t('slack bot ').e('SLACK_TOKEN', `xoxb-${int(1, 9)}${digits(11)}-${int(1, 9)}${digits(12)}-${chars(ALNUM, 24)}`); break;
      case 19: b.t('stripe: ').e('STRIPE_KEY', `sk_live_${chars(ALNUM, 24)}`); break;
      case 20: b.t('maps key ').e('GOOGLE_API_KEY', `AIza${chars(ALNUM + '_-', 35)}`); break;
      case 21: b.t('//registry.npmjs.org/:_authToken=').e('NPM_TOKEN', `npm_${chars(ALNUM, 36)}`); break;
      case 22: b.t('CI uses ').e('GITLAB_TOKEN', `glpat-${chars(ALNUM + '_-', 20)}`); break;
      case 23: b.t('key file:\n').e('PRIVATE_KEY', pem()); break;
      case 24: b.t('Authorization header had ').e('JWT', jwt()); break;
      case 25: b.t('DATABASE_URL=postgres://app:').e('URL_PASSWORD', `${chars(ALNUM, 14)}`).t('@db.internal:5432/app'); break;
      default: b.t('DB_PASSWORD="').e('GENERIC_SECRET', secretValue()).t('"'); break;
    }
  };

  /** Banners and portion marks open a line, as they do in marked documents. */
  const marking = (b: Builder): void => {
    b.t('\n');
    switch (int(0, 4)) {
      case 0: b.e('CLASSIFICATION_MARKING', pick(['SECRET//NOFORN', 'TOP SECRET//SI//NOFORN', 'UNCLASSIFIED//FOUO', 'CONFIDENTIAL//REL TO USA, GBR'])).t('\n'); break;
      case 1: b.e('CLASSIFICATION_MARKING', pick(['(TS//SI)', '(S//NF)', '(U//FOUO)', '(C//REL TO USA, FVEY)'])).t(' The source reported movement near the border.\n'); break;
      case 2: b.t('This briefing is ').e('CLASSIFICATION_MARKING', 'TOP SECRET').t(' and must not leave the room.\n'); break;
      case 3: b.e('CLASSIFICATION_MARKING', 'CUI').t('\n'); break;
      default: b.t('Handling: ').e('CLASSIFICATION_MARKING', 'SECRET//REL TO USA, FVEY').t('\n'); break;
    }
  };

  const negative = (b: Builder): void => {
    const uuid = () => `${chars(HEXC, 8)}-${chars(HEXC, 4)}-4${chars(HEXC, 3)}-a${chars(HEXC, 3)}-${chars(HEXC, 12)}`;
    switch (int(0, 19)) {
      case 0: b.t('request_id=').n(uuid()); break;
      case 1: b.t('sha256: ').n(chars(HEXC, 64)); break;
      case 2: b.t('commit ').n(chars(HEXC, 40)).t(' merged'); break;
      case 3: b.t('Order #').n(`ORD-${int(2019, 2025)}-${digits(6)}`).t(' shipped'); break;
      case 4: b.t('tracking number ').n(`1Z${chars('ABCDEFGHJKLMNPRSTUVWXYZ0123456789', 16)}`); break;
      case 5: b.t('upgraded to ').n(`v${int(1, 9)}.${int(0, 30)}.${int(0, 99)}`).t(' today'); break;
      case 6: b.t('at ').n(`2024-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}T${String(int(0, 23)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}Z`); break;
      case 7: b.t('ts=').n(`17${digits(11)}`); break;
      case 8: b.t('ref ').n(withLuhn(pick(['1', '7', '8', '9']) + digits(14))); break;
      case 9: b.t('SLACK_BOT_TOKEN=').n('xoxb-your-token'); break;
      case 10: b.t('OPENAI_API_KEY=').n('sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'); break;
      case 11: b.t('e.g. ').n('AKIAIOSFODNN7EXAMPLE'); break;
      case 12: b.n('(C)').t(' 2024 Acme Corp. All rights reserved.'); break;
      case 13: b.t('list the user').n('(s)').t(' affected'); break;
      case 14: b.t('the ').n('top secret').t(' to good bread is time'); break;
      case 15: b.t('build version ').n(`${int(1, 4)}.${int(0, 9)}.${int(0, 9)}.${int(100, 999)}`); break;
      case 16: b.t('Order ').n(`${int(200, 899)}-${int(200, 899)}-${digits(4)}`).t(' was refunded'); break;
      case 17: b.t('max_tokens: ').n(String(int(256, 8192))); break;
      case 18: b.t('password: ').n('${DB_PASSWORD}'); break;
      default: b.t('the image ').n('logo@2x.png').t(' is blurry'); break;
    }
  };

  const fillers = [
    'Thanks for looking into this. ', 'The deploy went out at noon and nothing else changed. ', 'Can you summarize the thread below? ',
    'Steps to reproduce are attached. ', 'We saw the same error in staging. ', 'Please rewrite this more politely. ',
    'The quarterly numbers look fine overall. ', 'Let me know if anything is unclear. ', 'Here is the config we use in production: ',
    'The function returns early when the cache is warm. ',
  ];
  const kinds = ['ticket', 'email', 'config', 'log', 'csv', 'json', 'chat', 'classified'] as const;
  const docs: CorpusDocument[] = [];
  for (let d = 0; d < documents; d++) {
    const kind = kinds[d % kinds.length]!;
    const b = new Builder();
    const items = int(3, 8);
    for (let i = 0; i < items; i++) {
      b.t(pick(fillers));
      const roll = r();
      if (kind === 'classified' && roll < 0.5) marking(b);
      else if (roll < 0.55) sensitive(b);
      else negative(b);
      b.t(kind === 'csv' ? ',' : kind === 'log' ? '\n' : kind === 'json' ? '", "' : pick(['. ', '\n', ' ']));
    }
    docs.push({ id: `doc-${d}`, kind, text: b.text, labels: b.labels, negatives: b.negatives });
  }
  return docs;
}

/** Per-type precision/recall/F1, hard-negative rate and the share of sensitive characters left visible. */
export interface CorpusScore {
  readonly perType: Record<string, { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }>;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly negativesFlagged: number;
  readonly visibleFraction: number;
}

export function scoreCorpus(docs: readonly CorpusDocument[], predict: (text: string) => readonly Span[]): CorpusScore {
  const counts: Record<string, { tp: number; fp: number; fn: number }> = {};
  const bump = (type: string, key: 'tp' | 'fp' | 'fn') => ((counts[type] ??= { tp: 0, fp: 0, fn: 0 })[key] += 1);
  let negatives = 0;
  let negativesHit = 0;
  let sensitiveChars = 0;
  let visibleChars = 0;
  const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
  for (const doc of docs) {
    const predicted = predict(doc.text);
    for (const p of predicted) bump(p.type, doc.labels.some((l) => l.type === p.type && overlaps(l, p)) ? 'tp' : 'fp');
    for (const l of doc.labels) {
      if (!predicted.some((p) => p.type === l.type && overlaps(l, p))) bump(l.type, 'fn');
      sensitiveChars += l.end - l.start;
      for (let i = l.start; i < l.end; i++) if (!predicted.some((p) => p.start <= i && i < p.end)) visibleChars++;
    }
    for (const n of doc.negatives) {
      negatives++;
      if (predicted.some((p) => overlaps(p, n))) negativesHit++;
    }
  }
  const perType: CorpusScore['perType'] = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [type, c] of Object.entries(counts)) {
    const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
    const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
    perType[type] = { ...c, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  return {
    perType,
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall),
    negativesFlagged: negatives ? negativesHit / negatives : 0,
    visibleFraction: sensitiveChars ? visibleChars / sensitiveChars : 0,
  };
}
