/**
 * Numbering-plan checks for PHONE candidates, from libphonenumber's metadata (libphonenumber-js,
 * MIT): whether some plan could hold a number (isPossible: length and leading digits, not whether
 * it is assigned, since real and test data carry well-formed unassigned numbers) and whether a
 * national number is written in groups its plan uses (07899 913263, 090-8485-6811), which is what
 * tells a phone from an account code of the same length without a phone word nearby.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { digitsOf } from '../validators.js';

/** Countries tried for a national number without +CC, most common in business text first. */
const NATIONAL_COUNTRIES: readonly CountryCode[] = [
  'GB', 'DE', 'FR', 'JP', 'IT', 'ES', 'NL', 'BE', 'CH', 'AT', 'SE', 'NO', 'DK', 'FI', 'PL', 'CZ', 'SK', 'PT', 'IE', 'AU', 'NZ',
  'IN', 'BR', 'MX', 'AR', 'ZA', 'NG', 'KE', 'KR', 'CN', 'SG', 'PH', 'TR', 'IL', 'GR', 'HU', 'RO', 'UA', 'VN', 'TH', 'ID', 'MY',
];

const verdicts = new Map<string, boolean>();

/** Verdicts depend on the value alone; the cache is bounded and cleared when full. */
function cached(key: string, compute: () => boolean): boolean {
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    verdict = compute();
    if (verdicts.size >= 4096) verdicts.clear();
    verdicts.set(key, verdict);
  }
  return verdict;
}

/**
 * A NANP number: area code and exchange both start with 2-9, and the area code is not N11 (unless
 * `allowN11`).
 * @example
 * nanpPossible('4155552671'); // true
 */
export function nanpPossible(digits: string, allowN11 = false): boolean {
  let national = digits;
  if (national.length === 11 && national[0] === '1') national = national.slice(1);
  else if (national.length === 13 && national.startsWith('001')) national = national.slice(3);
  if (national.length !== 10 || national[0]! < '2' || national[3]! < '2') return false;
  return allowN11 || !(national[1] === '1' && national[2] === '1');
}

/**
 * Whether some numbering plan (the +CC one, or one of the common countries) could hold the number.
 * @example
 * possibleNumber('+44 20 5144 0676'); // true
 */
export function possibleNumber(value: string): boolean {
  return cached(`p${value}`, () => {
    if (value.startsWith('+')) {
      const parsed = parsePhoneNumberFromString(value);
      if (!parsed) return false;
      // An explicit +1 is taken at its word for N11 area codes (test data uses them).
      if (parsed.countryCallingCode === '1') return nanpPossible(digitsOf(value), true);
      return parsed.isPossible();
    }
    return NATIONAL_COUNTRIES.some((country) => parsePhoneNumberFromString(value, country)?.isPossible() === true);
  });
}

/** Lengths of the digit groups of a written number: '090-8485-6811' → '3,4,4'. */
const groupsOf = (value: string): string => (value.match(/\d+/g) ?? []).map((g) => g.length).join(',');

/**
 * Whether a national number (trunk 0, no +CC) is possible in a common country and written in the
 * digit groups that country's national format uses.
 * @example
 * groupedAsNational('07899 913263'); // true (GB)
 * groupedAsNational('0583-558-195'); // false (no plan groups it 4-3-3)
 */
export function groupedAsNational(value: string): boolean {
  return cached(`g${value}`, () => {
    const groups = groupsOf(value);
    if (!groups.includes(',')) return false;
    return NATIONAL_COUNTRIES.some((country) => {
      const parsed = parsePhoneNumberFromString(value, country);
      return parsed?.isPossible() === true && groupsOf(parsed.formatNational()) === groups;
    });
  });
}
