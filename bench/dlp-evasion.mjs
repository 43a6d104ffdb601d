// DLP evasion: the same sensitive value written the ways an attacker (or a careless copy-paste)
// writes it, scanned by `outpost scan --jsonl` (the gateway's Tier 1 and 2 detectors, every
// compliance bundle on). Reports, per value type and per way of writing, the share found (a
// finding overlapping the value), and the share of look-alike harmless strings flagged.
//
// The values and the ways of writing them live here, apart from the detectors: this is an
// attacker's list, written from the threat model (other characters, other separators,
// other framing), not from the detector code.
//
//   node bench/dlp-evasion.mjs [--json out.json]
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const jsonOut = process.argv.includes('--json') ? process.argv[process.argv.indexOf('--json') + 1] : null;

// ---- value pools (deterministic) ----
let seed = 20261129;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const digits = (n) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');

function luhnComplete(prefix, length) {
  const body = prefix + digits(length - prefix.length - 1);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d *= 2;
    if (d > 9) d -= 9;
    sum += d;
  }
  return body + ((10 - (sum % 10)) % 10);
}
const cards = () => [luhnComplete('4', 16), luhnComplete('51', 16), luhnComplete('37', 15), luhnComplete('6011', 16)];
function ssn() {
  let area;
  do area = 1 + Math.floor(rand() * 898);
  while (area === 666);
  return `${String(area).padStart(3, '0')}${String(1 + Math.floor(rand() * 98)).padStart(2, '0')}${String(1 + Math.floor(rand() * 9998)).padStart(4, '0')}`;
}
function iban(country, length) {
  const bban = digits(length - 4);
  const numeric = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const ch of numeric) rem = (rem * 10 + Number(ch)) % 97;
  return `${country}${String(98 - rem).padStart(2, '0')}${bban}`;
}
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const randomOf = (alphabet, n) => Array.from({ length: n }, () => pick(alphabet)).join('');
const FIRST = ['maria', 'kwame', 'li', 'sofia', 'oleksandr', 'aisha', 'tomas', 'priya'];
const LAST = ['okafor', 'nguyen', 'schmidt', 'haddad', 'kowalski', 'tanaka', 'silva', 'brennan'];

const VALUES = {
  CREDIT_CARD: () => pick(cards()),
  US_SSN: ssn,
  IBAN: () => pick([iban('DE', 22), iban('GB', 22).replace(/^GB(\d\d)(\d{4})/, 'GB$1NWBK'), iban('FR', 27)]),
  EMAIL: () => `${pick(FIRST)}.${pick(LAST)}@${pick(['acme-corp.com', 'example.org', 'mail.gov.uk', 'health.example.net'])}`,
  AWS_ACCESS_KEY: () => `AKIA${randomOf(B32, 16)}`,
  GITHUB_TOKEN: () => `ghp_${randomOf(ALNUM, 36)}`,
};
// IBAN with letters in the BBAN must still pass mod-97: recompute for the GB variant.
VALUES.IBAN = () => pick([iban('DE', 22), iban('FR', 27), iban('NL', 18)]);

// ---- ways of writing a value ----
const group = (v, sizes, sep) => {
  const out = [];
  let i = 0;
  for (const n of sizes) {
    if (i >= v.length) break;
    out.push(v.slice(i, i + n));
    i += n;
  }
  if (i < v.length) out.push(v.slice(i));
  return out.join(sep);
};
const fours = (v, sep) => group(v, Array(10).fill(4), sep);
const mapDigits = (v, zero) => v.replace(/[0-9]/g, (d) => String.fromCodePoint(zero + Number(d)));
const every = (v, n, ch) => v.replace(new RegExp(`(.{${n}})(?=.)`, 'gu'), `$1${ch}`);
const HOMOGLYPH = { A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у' };
const homoglyphs = (v) => v.replace(/[ABCEHKMOPTXaceopxy]/g, (c) => (rand() < 0.5 ? HOMOGLYPH[c] : c));
const ssnShape = (v, a, b) => `${v.slice(0, 3)}${a}${v.slice(3, 5)}${b}${v.slice(5)}`;

/** [name, applies to types (null: all), transform] */
const WAYS = [
  ['as is', null, (v) => v],
  ['groups of 4, spaces', ['CREDIT_CARD', 'IBAN'], (v) => fours(v, ' ')],
  ['groups of 4, dashes', ['CREDIT_CARD'], (v) => fours(v, '-')],
  ['groups of 4, dots', ['CREDIT_CARD', 'IBAN'], (v) => fours(v, '.')],
  ['groups of 4, slashes', ['CREDIT_CARD'], (v) => fours(v, '/')],
  ['groups of 4, newlines', ['CREDIT_CARD', 'IBAN'], (v) => fours(v, '\n')],
  ['groups of 4, NBSP', ['CREDIT_CARD', 'IBAN'], (v) => fours(v, '\u00a0')],
  ['groups of 4, thin space', ['CREDIT_CARD'], (v) => fours(v, '\u2009')],
  ['odd grouping 3-5-4-4', ['CREDIT_CARD'], (v) => group(v, [3, 5, 4, 4], ' ')],
  ['pairs', ['CREDIT_CARD'], (v) => group(v, Array(10).fill(2), ' ')],
  ['SSN dashes', ['US_SSN'], (v) => ssnShape(v, '-', '-')],
  ['SSN dots', ['US_SSN'], (v) => ssnShape(v, '.', '.')],
  ['SSN mixed dash and space', ['US_SSN'], (v) => ssnShape(v, '-', ' ')],
  ['SSN spaces', ['US_SSN'], (v) => ssnShape(v, ' ', ' ')],
  ['full-width digits', ['CREDIT_CARD', 'US_SSN', 'IBAN'], (v) => mapDigits(v, 0xff10)],
  ['mathematical bold digits', ['CREDIT_CARD', 'US_SSN'], (v) => mapDigits(v, 0x1d7ce)],
  ['Arabic-Indic digits', ['CREDIT_CARD', 'US_SSN'], (v) => mapDigits(v, 0x0660)],
  ['Devanagari digits', ['CREDIT_CARD'], (v) => mapDigits(v, 0x0966)],
  ['zero-width space every 3', null, (v) => every(v, 3, '\u200b')],
  ['zero-width joiner every 4', null, (v) => every(v, 4, '\u200d')],
  ['word joiner every 5', null, (v) => every(v, 5, '\u2060')],
  ['soft hyphen every 4', null, (v) => every(v, 4, '\u00ad')],
  ['BOM inside', null, (v) => `${v.slice(0, 6)}\ufeff${v.slice(6)}`],
  ['Cyrillic look-alikes', ['AWS_ACCESS_KEY', 'GITHUB_TOKEN', 'EMAIL', 'IBAN'], homoglyphs],
  ['lower-cased', ['AWS_ACCESS_KEY', 'IBAN'], (v) => v.toLowerCase()],
  ['split by a newline', ['AWS_ACCESS_KEY', 'GITHUB_TOKEN'], (v) => `${v.slice(0, 10)}\n${v.slice(10)}`],
  ['split by a space', ['AWS_ACCESS_KEY', 'GITHUB_TOKEN'], (v) => `${v.slice(0, 12)} ${v.slice(12)}`],
  ['email [at] [dot]', ['EMAIL'], (v) => v.replace('@', ' [at] ').replace(/\.(?=[^.]*$)/, ' [dot] ')],
  ['email (at) (dot)', ['EMAIL'], (v) => v.replace('@', '(at)').replaceAll('.', '(dot)')],
  ['email " at " " dot "', ['EMAIL'], (v) => v.replace('@', ' at ').replace(/\.(?=[^.]*$)/, ' dot ')],
  ['email {at}', ['EMAIL'], (v) => v.replace('@', '{at}')],
  ['full-width @', ['EMAIL'], (v) => v.replace('@', '\uff20')],
  ['glued to a label', null, (v) => `ref#${v};`],
  ['inside markdown code', null, (v) => `\`${v}\``],
  ['inside a JSON string', null, (v) => JSON.stringify({ value: v })],
  ['base64 of a sentence', null, (v) => Buffer.from(`here it is: ${v}`).toString('base64')],
];

const SENTENCES = {
  CREDIT_CARD: ['Please charge my card {v} for the renewal.', 'My preferred card is {v}.', 'For the refund use {v}, thanks.', 'Department card on file: {v}'],
  US_SSN: ['Her SSN is {v} per the onboarding form.', 'social security number {v}', 'Taxpayer id {v} was entered twice.'],
  IBAN: ['Wire the deposit to IBAN {v} by Friday.', 'Account: {v}'],
  EMAIL: ['Reach the patient at {v} after discharge.', 'cc {v} on the thread'],
  AWS_ACCESS_KEY: ['export AWS_ACCESS_KEY_ID={v}', 'the deploy key is {v} do not share'],
  GITHUB_TOKEN: ['token: {v}', 'use {v} for the CI push'],
};

// Harmless strings shaped like the values (should not be flagged).
const NEGATIVES = [
  'Order 4111-1111-1111-1112 shipped (tracking 1Z999AA10123456784).',
  'Build 2026.11.28.1042 passed; version 1.2.3.4 is next.',
  'Request id 3f2b8c1e-9d4a-4e5b-8f6a-1c2d3e4f5a6b returned 200.',
  'Meeting at 10:30 on 2026-11-28 in room 4.12.',
  'The invoice total was 1 234 567.89 EUR for 12 units.',
  'Call the main line during office hours; ext. 4411.',
  'ISBN 978-3-16-148410-0 is on the reading list.',
  'Part number 0042-7731-5520 replaced the old bracket.',
  'sha256 9f86d081884c7d659a2feaea0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0',
  'Invoice INV-2026-000123 and PO 4500012345 match.',
];

// ---- build the corpus ----
const docs = [];
const labels = new Map();
for (const [type, make] of Object.entries(VALUES)) {
  for (const [way, types, transform] of WAYS) {
    if (types && !types.includes(type)) continue;
    for (let i = 0; i < 6; i++) {
      const value = make();
      const written = transform(value);
      const sentence = pick(SENTENCES[type]);
      const start = sentence.indexOf('{v}');
      const text = sentence.replace('{v}', written);
      const id = `${type}|${way}|${i}`;
      docs.push({ id, text });
      labels.set(id, { type, way, start, end: start + written.length });
    }
  }
}
NEGATIVES.forEach((text, i) => docs.push({ id: `NEG|${i}`, text }));

// ---- scan with the gateway's own CLI ----
const input = docs.map((d) => JSON.stringify(d)).join('\n');
let out;
try {
  out = execFileSync(process.execPath, [join(ROOT, 'bin', 'outpost.mjs'), 'scan', '--jsonl'], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
} catch (e) {
  out = e.stdout; // exit 1 means "findings"
}
const results = new Map();
for (const line of out.trim().split('\n')) {
  const r = JSON.parse(line);
  results.set(r.id, r.findings ?? []);
}

const byWay = new Map();
const byType = new Map();
let negFlagged = 0;
for (const d of docs) {
  const findings = results.get(d.id) ?? [];
  if (d.id.startsWith('NEG|')) {
    if (findings.length) negFlagged++;
    continue;
  }
  const { type, way, start, end } = labels.get(d.id);
  const found = findings.some((f) => f.start < end && f.end > start);
  for (const [map, key] of [[byWay, way], [byType, type]]) {
    const row = map.get(key) ?? { found: 0, total: 0 };
    row.total++;
    if (found) row.found++;
    map.set(key, row);
  }
}
const pct = (r) => `${((100 * r.found) / r.total).toFixed(0)} %`;
const all = [...byType.values()].reduce((a, r) => ({ found: a.found + r.found, total: a.total + r.total }), { found: 0, total: 0 });
console.log(`\nDLP evasion (outpost scan --jsonl, every bundle on): ${all.found}/${all.total} written-differently values found (${pct(all)}); harmless look-alikes flagged: ${negFlagged}/${NEGATIVES.length}\n`);
console.log('| value type | found |\n|---|---|');
for (const [k, r] of byType) console.log(`| ${k} | ${pct(r)} (${r.found}/${r.total}) |`);
console.log('\n| way of writing | found |\n|---|---|');
for (const [k, r] of byWay) console.log(`| ${k} | ${pct(r)} (${r.found}/${r.total}) |`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ overall: all, negatives: { flagged: negFlagged, total: NEGATIVES.length }, byType: Object.fromEntries(byType), byWay: Object.fromEntries(byWay) }, null, 2));
