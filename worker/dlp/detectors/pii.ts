/**
 * Tier 1 personal data detectors. Structured identifiers are validated (checksums, numbering
 * rules, issuer tables); weakly structured ones (dates of birth, passport and licence numbers,
 * names) count only next to words that say what they are.
 */
import type { Candidate, Detector } from '../detector.js';
import {
  CARD_ISSUERS_NEEDING_CONTEXT,
  cardIssuer,
  cardNumberValid,
  digitsOf,
  ibanEnd,
  ibanValid,
  ipv4Valid,
  ipv6Valid,
  nonIdentifyingAddress,
  ssnValid,
} from '../validators.js';
import { labelReaches, lastWordEnd } from './context/labels.js';
import { textBefore } from './context/nearby.js';
import { PASSPORT_MRZ_DETECTOR } from './passport-mrz.js';

/** Words before a number that make it an identifier of something else, not a phone or card. */
const NOT_PERSONAL_NUMBER = ['order', 'tracking', 'invoice', 'ticket', 'ref', 'sku', 'serial', 'build', 'case #', 'po #', 'part', 'isbn', 'version'];

const SSN_LABEL = /(?:^|[^a-z])(?:ssn|ss#|ss no|soc\.? sec\.?|social security|social sec|taxpayer)(?![a-z])/g;
const OTHER_ID_LABEL = /(?:^|[^a-z])(?:order|tracking|invoice|ticket|ref|sku|serial|build|case|po|part|isbn|version)(?![a-z])/g;

/**
 * A formatted SSN: issuance rules, and the nearest label before it is not another identifier's
 * ("Account ref 1649437260\nSSN: 685-35-9522" is an SSN); mixed separators (536-22 1234) only
 * with an SSN label.
 */
function ssnCandidate({ value, text, start }: Candidate): boolean {
  if (!ssnValid(value)) return false;
  const before = textBefore(text, start, 48);
  const label = lastWordEnd(before, SSN_LABEL);
  const other = lastWordEnd(before.slice(-24), OTHER_ID_LABEL);
  if (other !== -1 && other + Math.max(0, before.length - 24) > label) return false;
  return label !== -1 || value[3] === value[6];
}

const CARD_WORD = /(?:^|[^a-z])(?:card|cards|cc|visa|mastercard|maestro|amex|jcb|credit|debit|pan|kreditkarte|carte|tarjeta)(?![a-z])/;

/**
 * A card number (issuer, length, Luhn, grouping); 12-15 digit Maestro, 13-digit Visa and 15-digit
 * JCB numbers only with a card word shortly before, as ids of those lengths pass Luhn one time in ten.
 */
function cardCandidate({ value, text, start }: Candidate): boolean | number {
  const verdict = cardNumberValid(value);
  if (verdict === false) return false;
  const issuer = cardIssuer(digitsOf(value));
  if (issuer !== null && CARD_ISSUERS_NEEDING_CONTEXT.has(issuer) && !CARD_WORD.test(textBefore(text, start, 40))) return false;
  return verdict;
}

/**
 * Passport words, whole words: English (and PPT, the travel-industry abbreviation in bookings and
 * passenger lists), German, Spanish, French, Italian, Portuguese and Dutch.
 */
const PASSPORT_WORDS = ['passport', 'passports', 'ppt', 'reisepass', 'reisepassnummer', 'pasaporte', 'passeport', 'passaporto', 'passaporte', 'paspoort'];
// Not after a dot: "slides.ppt" is a file name.
const PASSPORT_LABEL = new RegExp(String.raw`(?:^|[^a-z.])(?:${PASSPORT_WORDS.join('|')})(?![a-z])`, 'g');

/**
 * A passport number whose passport label reaches it (same line, or the line after the label),
 * with no other number between them ("Passport No.: 530912874", "PPT C03005988", "Reisepass Nr. …").
 */
function passportCandidate({ text, start }: Candidate): boolean {
  const before = textBefore(text, start, 40);
  const label = lastWordEnd(before, PASSPORT_LABEL);
  if (label === -1) return false;
  const between = before.slice(label);
  if (!labelReaches(between) || /\d{3}/.test(between)) return false;
  // The label names the value right after it ("Passport No.:", "PPT", "Reisepass Nr."), not one a few words on ("PPT deck v2, order …").
  OTHER_ID_LABEL.lastIndex = 0;
  return !OTHER_ID_LABEL.test(between) && between.split(/[\s,;:#.]+/).filter((w) => /[a-z]/.test(w)).length <= 3;
}

/** File extensions that follow an `@2x`-style suffix and would otherwise read as a top-level domain. */
const FILE_EXTENSION_TLDS = /\.(?:png|jpe?g|gif|svg|webp|js|ts|css|json|html?|md|txt|py|go|rs)$/i;

export const PII_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.email',
    anchor: { literals: ['@'], window: [-64, -1], first: 'A-Za-z0-9', notAfter: 'A-Za-z0-9_' },
    type: 'EMAIL',
    description: 'Email addresses (RFC 5322 common subset); image @2x names, package@version and git@host remotes excluded',
    pattern: /\b[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}\b/g,
    keywords: ['@'],
    // A ':' or '/' before it makes it the user:password@host part of a URL, unless it is mailto:.
    validator: ({ value, text, start, end }) =>
      !FILE_EXTENSION_TLDS.test(value) &&
      !/^git@/.test(value) &&
      text[end] !== '@' &&
      (!/[:/]/.test(text[start - 1] ?? '') || text.slice(start - 7, start).toLowerCase() === 'mailto:'),
    score: 0.95,
    examples: ['jane.doe@acme-corp.com'],
  },
  {
    id: 'tier1.email_obfuscated',
    anchor: { literals: ['[at]', '(at)', '{at}'], window: [-65, -1], first: 'A-Za-z0-9', notAfter: 'A-Za-z0-9._%+-' },
    type: 'EMAIL',
    description: 'Email addresses written to dodge filters: jane [at] acme [dot] com, jane(at)acme(dot)com',
    pattern:
      /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}\s?(?:\[at\]|\(at\)|\{at\})\s?(?:[A-Za-z0-9-]{1,63}\s?(?:\[dot\]|\(dot\)|\{dot\}|\.)\s?){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-])/gi,
    keywords: ['[at]', '(at)', '{at}'],
    keywordsCaseInsensitive: true,
    score: 0.9,
    examples: ['jane [at] acme [dot] com'],
  },
  {
    id: 'tier1.us_ssn',
    anchor: { runs: ['digits'], notAfter: './-', digitRun: [3, 3], afterDigits: '-. \\n' },
    type: 'US_SSN',
    description: 'US Social Security numbers; area 000/666/9xx, group 00 and serial 0000 refused',
    pattern: /(?<![\d./-])\d{3}[-. \n]\d{2}[-. \n]\d{4}(?![\d/-]|\.\d)/g,
    validator: ssnCandidate,
    context: ['ssn', 'social security', 'social sec', 'ss#', 'taxpayer'],
    score: 0.85,
    contextBoost: 0.1,
    examples: ['536-22-8712'],
  },
  {
    id: 'tier1.credit_card',
    anchor: { runs: ['digits'], notAfter: '.-', digitRun: [1, 19], digitChain: { min: 12, separators: ' \\n./-', gap: 1 } },
    type: 'CREDIT_CARD',
    description: 'Payment card numbers: issuer prefix and length (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay) and Luhn',
    // Any one separator between digits (space, dot, slash, dash; NBSP and line breaks are spaces
    // after normalisation), any grouping: the issuer table and Luhn decide.
    pattern: /(?<![\d.-]|\d\/)\d(?:[ \n./-]?\d){11,18}(?![\d/-]|\.\d)/g,
    validator: cardCandidate,
    context: ['card', 'visa', 'mastercard', 'amex', 'credit', 'debit', 'cc', 'pan'],
    antiContext: NOT_PERSONAL_NUMBER,
    score: 0.9,
    contextBoost: 0.08,
    examples: ['4111 1111 1111 1111'],
  },
  {
    id: 'tier1.iban',
    anchor: { runs: ['capitals'], first: 'A-Z', second: 'A-Z', third: '0-9' },
    type: 'IBAN',
    description: 'International bank account numbers: country length table and ISO 7064 mod-97',
    // Any grouping and separator; the country's length decides where it ends, mod-97 whether it is one.
    pattern: /\b[A-Z]{2}\d{2}(?:[ \n./-]?[A-Z0-9]){11,30}/g,
    resolveEnd: ibanEnd,
    validator: ({ value }) => ibanValid(value),
    score: 0.95,
    examples: ['DE89 3704 0044 0532 0130 00'],
  },
  {
    id: 'tier1.iban.lowercase',
    type: 'IBAN',
    description: 'IBANs typed in lower case (gb42nawi04454264788619), next to the word IBAN: country length and mod-97 as above',
    pattern: /(?<![a-z0-9])[a-z]{2}\d{2}(?: ?[a-z0-9]){11,30}(?![a-z0-9])/g,
    keywords: ['iban'],
    keywordsCaseInsensitive: true,
    context: ['iban'],
    contextRequired: true,
    contextWindow: 32,
    validator: ({ value }) => ibanValid(value.toUpperCase()),
    score: 0.9,
    examples: ['my iban is gb42nawi04454264788619'],
  },
  {
    id: 'tier1.ipv4',
    anchor: { runs: ['digits'], notAfter: 'A-Za-z0-9_.', digitRun: [1, 3], afterDigits: '.' },
    type: 'IP_ADDRESS',
    description: 'IPv4 addresses (octets 0-255, no leading zeros); version-like contexts excluded',
    pattern: /(?<![\w.])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?:\/\d{1,2}(?![\d.]))?(?![\w]|\.\d)/g,
    validator: ({ value }) => ipv4Valid(value) && !nonIdentifyingAddress(value),
    antiContext: ['version', 'v.', 'ver ', 'release', 'oid', 'build'],
    context: ['ip', 'address', 'host', 'client', 'from', 'src', 'dst'],
    contextWindow: 24,
    score: 0.85,
    contextBoost: 0.1,
    examples: ['203.0.113.42'],
  },
  {
    id: 'tier1.ipv6',
    anchor: { literals: [':'], window: [-4, 0], first: '0-9A-Fa-f:', notAfter: 'A-Za-z0-9_:.' },
    type: 'IP_ADDRESS',
    description: 'IPv6 addresses (full and compressed forms)',
    // An IPv4 tail (::ffff:192.0.2.1) and a /prefix belong to the address; text running on into
    // more dotted numbers (::ffff:256.0.0.1.5) is not one.
    pattern: /(?<![\w:.])(?:[0-9A-Fa-f]{1,4}:|:)(?::|[0-9A-Fa-f]{1,4}:){1,7}(?:\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}|[0-9A-Fa-f]{1,4}|:)?(?:\/\d{1,3})?(?![\w:]|\.\d)/g,
    keywords: [':'],
    validator: ({ value }) => ipv6Valid(value) && !nonIdentifyingAddress(value),
    score: 0.85,
    examples: ['2001:db8:85a3::8a2e:370:7334'],
  },
  {
    id: 'tier1.us_passport',
    anchor: [{ runs: ['digits'], notAfter: 'A-Za-z0-9_', digitRun: [9, 9] }, { runs: ['capitals'], first: 'A-Z', second: '0-9', notAfter: 'A-Za-z0-9_' }],
    type: 'US_PASSPORT',
    description: 'US passport numbers (9 digits, or a letter and 8 digits) next to a passport word (passport, PPT, Reisepass, pasaporte, passeport)',
    pattern: /\b(?:[A-Z]\d{8}|\d{9})\b/g,
    keywords: PASSPORT_WORDS,
    keywordsCaseInsensitive: true,
    validator: passportCandidate,
    context: PASSPORT_WORDS,
    contextRequired: true,
    contextWindow: 40,
    score: 0.9,
    examples: ['Passport No: 530912874'],
  },
  PASSPORT_MRZ_DETECTOR,
];
