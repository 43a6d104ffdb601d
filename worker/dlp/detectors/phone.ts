/**
 * PHONE: international numbers (+CC), every common US layout (dashes, dots, spaces, parentheses,
 * +1, bare ten digits next to a phone word), and national layouts with a trunk 0 (UK 07899 913263,
 * JP 090-8485-6811) or in groups next to a phone word (606 01 34 48). libphonenumber metadata
 * checks that a numbering plan could hold the number (isPossible: length and shape), not that the
 * number is assigned, since real and test data both carry well-formed unassigned numbers.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import type { Candidate, Detector } from '../detector.js';
import { digitsOf } from '../validators.js';
import { textBefore } from './context/nearby.js';
import { columnHeaderAt } from './context/table-columns.js';

/** Phone words (whole words) shortly before a number. */
const PHONE_WORD = /(?:^|[^a-z])(?:phone|phones|ph|tel|tele|telephone|call|called|calling|mobile|mob|cell|cellphone|fax|contact|whatsapp|sms|text|texted|reach|landline|direct|dial|ring|hotline|helpline|office|home|work|emergency|teléfono|telefon|telefono|téléphone|handy|portable|móvil|celular)(?:[^a-z]|$)/;
/** Words that make a number an identifier of something else. */
const OTHER_NUMBER_WORD = /(?:^|[^a-z])(?:order|tracking|invoice|ticket|ref|reference|sku|serial|build|case|po|part|isbn|version|account|acct|id|txn|transaction|confirmation|booking|policy|claim|member|routing|iban|card|ssn|zip|postcode|licen[cs]e|dl|passport|npi|mrn)(?:[^a-z]|$)/;
const PHONE_COLUMN = /(?:phone|tel|mobile|cell|fax|contact[ _]?number|msisdn)/;

/** Countries tried for a national number without +CC, most common in business text first. */
const NATIONAL_COUNTRIES: readonly CountryCode[] = [
  'GB', 'DE', 'FR', 'JP', 'IT', 'ES', 'NL', 'BE', 'CH', 'AT', 'SE', 'NO', 'DK', 'FI', 'PL', 'CZ', 'SK', 'PT', 'IE', 'AU', 'NZ',
  'IN', 'BR', 'MX', 'AR', 'ZA', 'NG', 'KE', 'KR', 'CN', 'SG', 'PH', 'TR', 'IL', 'GR', 'HU', 'RO', 'UA', 'VN', 'TH', 'ID', 'MY',
];

const verdicts = new Map<string, boolean>();

function cached(key: string, compute: () => boolean): boolean {
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    verdict = compute();
    if (verdicts.size >= 4096) verdicts.clear();
    verdicts.set(key, verdict);
  }
  return verdict;
}

/** A NANP number: area code and exchange both start with 2-9, and the area code is not N11. */
function nanpPossible(digits: string): boolean {
  const national = digits.length === 11 && digits[0] === '1' ? digits.slice(1) : digits;
  if (national.length !== 10 || national[0]! < '2' || national[3]! < '2') return false;
  return !(national[1] === '1' && national[2] === '1');
}

/** Whether some numbering plan (the +CC one, or one of the common countries) could hold it. */
function possibleNumber(value: string): boolean {
  return cached(value, () => {
    if (value.startsWith('+')) {
      const parsed = parsePhoneNumberFromString(value);
      if (!parsed) return false;
      if (parsed.countryCallingCode === '1') return nanpPossible(digitsOf(value));
      return parsed.isPossible();
    }
    return NATIONAL_COUNTRIES.some((country) => parsePhoneNumberFromString(value, country)?.isPossible() === true);
  });
}

/** Dates, times and versions shaped like grouped digits. */
const DATE_LIKE = /^(?:\d{1,2}[./ -]\d{1,2}[./ -](?:19|20)\d{2}|(?:19|20)\d{2}[./ -]\d{1,2}[./ -]\d{1,2})/;

interface Surroundings {
  readonly phoneWord: boolean;
  readonly otherWord: boolean;
}

function surroundings({ text, start, end }: Candidate): Surroundings {
  const before = textBefore(text, start, 32);
  const header = columnHeaderAt(text, start, end);
  if (header !== undefined) return { phoneWord: PHONE_COLUMN.test(header), otherWord: !PHONE_COLUMN.test(header) };
  const near = before.slice(-20);
  return { phoneWord: PHONE_WORD.test(before), otherWord: OTHER_NUMBER_WORD.test(near) && !PHONE_WORD.test(near) };
}

/** Scores a candidate: shape (digits), plan (libphonenumber), then the words around it. */
function phoneValidator(options: { readonly needsContext: boolean; readonly minDigits: number; readonly maxDigits: number; readonly nanpOnly?: boolean }) {
  return (candidate: Candidate): boolean | number => {
    const { value } = candidate;
    const digits = digitsOf(value);
    if (digits.length < options.minDigits || digits.length > options.maxDigits) return false;
    if (DATE_LIKE.test(value)) return false;
    if (/^(\d)\1+$/.test(digits)) return false;
    const where = surroundings(candidate);
    if (where.otherWord) return false;
    if (options.needsContext && !where.phoneWord) return false;
    const possible = options.nanpOnly ? nanpPossible(digits) : possibleNumber(value);
    if (!possible) return false;
    return where.phoneWord ? 0.95 : options.needsContext ? 0.9 : 0.8;
  };
}

const START = String.raw`(?<![\w+.\-/:#$€£@])`;
const END = String.raw`(?![\w\-/@]|[.:]\d|,\d{1,3}(?![\d\-/.:]))`;

export const PHONE_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.phone.international',
    type: 'PHONE',
    description: 'Phone numbers with a +country code in any grouping (+44 20 5144 0676, +1-675-724-7313, +81 90 8485 6811)',
    pattern: new RegExp(`${START}\\+\\d{1,15}(?:(?:[ .\\-]{1,2}|[ .\\-]?\\(\\d{1,5}\\)[ .\\-]?)\\d{1,8}){0,6}${END}`, 'g'),
    keywords: ['+'],
    validator: phoneValidator({ needsContext: false, minDigits: 8, maxDigits: 15 }),
    score: 0.85,
    examples: ['+44 20 5144 0676', '+1 675 724 7313'],
  },
  {
    id: 'tier1.phone.nanp',
    type: 'PHONE',
    description: 'US/NANP numbers with separators: (415) 555-2671, 378-849-0221, 261.739.3313, 1-800-555-0199',
    pattern: new RegExp(`${START}(?:1[ .\\-])?(?:\\(\\d{3}\\)[ .\\-]?|\\d{3}[ .\\-])\\d{3}[ .\\-]\\d{4}${END}`, 'g'),
    validator: phoneValidator({ needsContext: false, minDigits: 10, maxDigits: 11, nanpOnly: true }),
    score: 0.85,
    examples: ['(415) 555-2671', '261.739.3313'],
  },
  {
    id: 'tier1.phone.nanp_bare',
    type: 'PHONE',
    description: 'Ten digits without separators (8242288272), next to a phone word or in a phone column',
    pattern: new RegExp(`(?<![\\w+.\\-/:#$@])1?\\d{10}${END}`, 'g'),
    validator: phoneValidator({ needsContext: true, minDigits: 10, maxDigits: 11, nanpOnly: true }),
    score: 0.9,
  },
  {
    id: 'tier1.phone.national',
    type: 'PHONE',
    description: 'National numbers with a trunk 0 (07899 913263, 090-8485-6811, (030) 1234 5678), checked against common numbering plans',
    pattern: new RegExp(`${START}(?:\\(0\\d{1,4}\\)|0\\d{1,4})(?:[ .\\-]?\\d{2,8}){1,4}${END}`, 'g'),
    validator: phoneValidator({ needsContext: false, minDigits: 9, maxDigits: 12 }),
    score: 0.8,
    examples: ['07899 913263', '090-8485-6811'],
  },
  {
    id: 'tier1.phone.grouped',
    type: 'PHONE',
    description: 'Digit groups without a trunk 0 (606 01 34 48), only next to a phone word or in a phone column',
    pattern: new RegExp(`${START}[1-9]\\d{1,3}(?:[ .\\-]\\d{2,4}){2,4}${END}`, 'g'),
    validator: phoneValidator({ needsContext: true, minDigits: 8, maxDigits: 12 }),
    score: 0.85,
    examples: ['606 01 34 48'],
  },
];
