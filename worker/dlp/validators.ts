/**
 * Checksums and structural checks that turn a regex candidate into a finding. Each function is
 * pure and cheap; detectors reference them by name, so the rules stay readable as data.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** Digits only, separators dropped. */
export function digitsOf(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) out += value[i];
  }
  return out;
}

/** The Luhn (mod 10) checksum used by payment cards. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Issuer prefix ranges and the lengths each issuer uses (IIN tables, 2024). */
const CARD_ISSUERS: readonly { readonly name: string; readonly ranges: readonly [number, number, number][]; readonly lengths: readonly number[] }[] = [
  // [prefix length, from, to]
  { name: 'visa', ranges: [[1, 4, 4]], lengths: [16, 19] },
  { name: 'mastercard', ranges: [[2, 51, 55], [4, 2221, 2720]], lengths: [16] },
  { name: 'amex', ranges: [[2, 34, 34], [2, 37, 37]], lengths: [15] },
  { name: 'discover', ranges: [[4, 6011, 6011], [3, 644, 649], [2, 65, 65], [6, 622126, 622925]], lengths: [16, 19] },
  { name: 'jcb', ranges: [[4, 3528, 3589]], lengths: [16, 19] },
  { name: 'diners', ranges: [[3, 300, 305], [2, 36, 36], [2, 38, 39]], lengths: [14, 16] },
  { name: 'unionpay', ranges: [[2, 62, 62]], lengths: [16, 17, 18, 19] },
  // Rare lengths and wider prefixes, common among ids too: only next to a card word
  // (CARD_ISSUERS_NEEDING_CONTEXT); tried after every issuer above.
  { name: 'visa13', ranges: [[1, 4, 4]], lengths: [13] },
  { name: 'maestro', ranges: [[2, 50, 50], [2, 56, 69]], lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  { name: 'jcb15', ranges: [[4, 1800, 1800], [4, 2131, 2131]], lengths: [15] },
  { name: 'jcb35', ranges: [[2, 35, 35]], lengths: [16] },
  // UATP (airline travel cards): 15 digits starting with 1.
  { name: 'uatp', ranges: [[1, 1, 1]], lengths: [15] },
];

/** Issuers whose numbers count only next to a card word (short or rare lengths that ids share). */
export const CARD_ISSUERS_NEEDING_CONTEXT: ReadonlySet<string> = new Set(['visa13', 'maestro', 'jcb15', 'jcb35', 'uatp']);

/** The card issuer whose prefix and length fit, or null (a Luhn-valid number is not enough). */
export function cardIssuer(digits: string): string | null {
  for (const issuer of CARD_ISSUERS) {
    if (!issuer.lengths.includes(digits.length)) continue;
    for (const [len, from, to] of issuer.ranges) {
      const prefix = Number(digits.slice(0, len));
      if (prefix >= from && prefix <= to) return issuer.name;
    }
  }
  return null;
}

/**
 * A card number as people write it: all digits, or groups separated consistently by one kind of
 * separator (4-4-4-4, 4-6-5 for Amex). Mixed or odd grouping is more often an id or a phone.
 */
export function cardNumberValid(value: string): boolean | number {
  const digits = digitsOf(value);
  if (!cardIssuer(digits) || !luhnValid(digits)) return false;
  if (/^(\d)\1+$/.test(digits)) return false;
  const groups = value.split(/[ \n./-]/);
  if (groups.length === 1) return true;
  const separators = new Set(value.replace(/\d/g, ''));
  const shape = groups.map((g) => g.length).join('-');
  if (separators.size === 1 && /^4-4-4-4(-3)?$|^4-6-5$|^4-6-4$|^4-4-4-4-4?$|^4-4-4-[1-7]$/.test(shape)) return true;
  // Mixed separators or odd grouping: still a valid card number (issuer and Luhn), written to slip
  // past a filter or by accident; reported with less confidence.
  return 0.75;
}

/** US SSN issuance rules: area 001-899 except 666, group 01-99, serial 0001-9999; known ad numbers refused. */
export function ssnValid(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 9) return false;
  const area = Number(d.slice(0, 3));
  const group = Number(d.slice(3, 5));
  const serial = Number(d.slice(5));
  if (area === 0 || area === 666 || area >= 900) return false;
  if (group === 0 || serial === 0) return false;
  // Numbers printed in advertising (Woolworth wallet card and others), never issued.
  if (d === '078051120' || d === '219099999') return false;
  return true;
}

/** IBAN length per country (SWIFT IBAN registry). */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24,
  DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28,
  HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29,
  RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22,
  VG: 24, XK: 20,
};

/**
 * Where an IBAN candidate ends: after as many letters and digits as its country uses (the pattern
 * reads greedily and may run into the next word), or the match end when the country is unknown.
 */
export function ibanEnd(text: string, start: number, end: number): number {
  const expected = IBAN_LENGTHS[text.slice(start, start + 2)];
  if (!expected) return end;
  let seen = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) {
      if (++seen === expected) {
        // A longer run of letters and digits is something else, not an IBAN followed by a word.
        const next = text.charCodeAt(i + 1);
        return (next >= 48 && next <= 57) || (next >= 65 && next <= 90) || (next >= 97 && next <= 122) ? end : i + 1;
      }
    }
  }
  return end;
}

/** IBAN: the country's length and the ISO 7064 mod-97 check (separators ignored). */
export function ibanValid(value: string): boolean {
  const iban = value.replace(/[ \n./-]/g, '');
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (!expected || iban.length !== expected) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    const n = c >= 65 ? c - 55 : c - 48;
    remainder = n >= 10 ? (remainder * 100 + n) % 97 : (remainder * 10 + n) % 97;
  }
  return remainder === 1;
}

/** Dotted quad with octets 0-255, no leading zeros (leading zeros are versions and ids, not addresses). */
export function ipv4Valid(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash !== -1) {
    // CIDR notation: a prefix length of 0-32.
    const bits = value.slice(slash + 1);
    if (!/^\d{1,2}$/.test(bits) || Number(bits) > 32) return false;
    value = value.slice(0, slash);
  }
  const parts = value.split('.');
  if (parts.length !== 4) return false;
  for (const p of parts) {
    if (p.length > 1 && p[0] === '0') return false;
    if (Number(p) > 255) return false;
  }
  return parts[0] !== '0';
}

/** IPv6 text form: 8 groups, or fewer with exactly one '::'; an IPv4 tail and a /prefix allowed. */
/**
 * Addresses that name no host of anyone's: loopback (127/8, ::1), "any" (0.0.0.0, ::), the
 * limited broadcast and netmasks (255.255.255.0). Configs and logs are full of them; reporting
 * them as IP_ADDRESS only hides the addresses that matter.
 * @example
 * nonIdentifyingAddress('127.0.0.1'); // true
 * nonIdentifyingAddress('203.0.113.42'); // false
 */
export function nonIdentifyingAddress(value: string): boolean {
  const address = value.includes('/') ? value.slice(0, value.indexOf('/')) : value;
  if (address.includes(':')) return /^(?:0{0,4}:){2,7}0{0,3}1?$/.test(address) || address === '::';
  const octets = address.split('.').map(Number);
  if (octets[0] === 127 || octets.every((o) => o === 0)) return true;
  // A netmask: ones then zeros, read as a 32-bit number (255.255.255.255 included).
  if (octets[0] !== 255) return false;
  const bits = ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
  const inverted = ~bits >>> 0;
  return (inverted & (inverted + 1)) === 0;
}

export function ipv6Valid(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash !== -1) {
    const bits = value.slice(slash + 1);
    if (!/^\d{1,3}$/.test(bits) || Number(bits) > 128) return false;
    value = value.slice(0, slash);
  }
  // An embedded IPv4 tail (::ffff:192.0.2.1) stands for the last two groups and must be valid itself.
  const dotted = /(?:^|:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value);
  if (dotted) {
    if (!ipv4Valid(dotted[1]!) && !/^0\./.test(dotted[1]!)) return false;
    value = `${value.slice(0, value.length - dotted[1]!.length)}0:0`;
  } else if (value.includes('.')) return false;
  const doubles = value.split('::').length - 1;
  if (doubles > 1) return false;
  const groups = value.split(':');
  const nonEmpty = groups.filter((g) => g.length > 0);
  if (nonEmpty.some((g) => g.length > 4)) return false;
  if (doubles === 0) return groups.length === 8 && nonEmpty.length === 8;
  // '::' collapses at least one group; a lone '::' or 'a::' style fragment is usually code (std::x).
  if (nonEmpty.length > 7 || nonEmpty.length < 2) return value === '::1' || (nonEmpty.length >= 1 && value.startsWith('fe80::'));
  return true;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/**
 * Placeholder words, and templates that wrap a name (<your-token>, ${TOKEN}, {{ token }}); brackets
 * around random characters ("m{{h}o)p${e]nob…") are part of a value, not a template.
 */
const PLACEHOLDER_WORDS = /your|xxxx|example|placeholder|redacted|dummy|sample|changeme|replace|insert|fake|<[A-Za-z_][\w .:-]*>|\$\{[\w.:-]*\}|\{\{[\w .$-]*\}\}|\.\.\.|\*\*\*/i;

/** Documentation placeholders: `xoxb-your-token`, `sk-xxxxxxxx`, `AKIA...EXAMPLE`, `${TOKEN}`, runs of one character. */
export function looksLikePlaceholder(value: string): boolean {
  if (PLACEHOLDER_WORDS.test(value)) return true;
  if (/(.)\1{5,}/.test(value)) return true;
  return /0123456|123456789|abcdefgh|ABCDEFGH/.test(value);
}

/** Character classes present (lower, upper, digit, other). */
export function characterClasses(value: string): number {
  return Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) + Number(/[0-9]/.test(value)) + Number(/[^A-Za-z0-9]/.test(value));
}

/** Decodes one base64url segment to text, or null. */
function base64UrlDecode(segment: string): string | null {
  try {
    const b64 = segment.replace(/-/g, '+').replace(/_/g, '/');
    const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
    return atob(padded);
  } catch {
    return null;
  }
}

/** A JWT decoded structurally: the header is a JSON object with `alg`, the payload a JSON object. */
export function jwtValid(value: string): boolean {
  const [header, payload] = value.split('.');
  if (!header || !payload) return false;
  try {
    const h = JSON.parse(base64UrlDecode(header) ?? '') as unknown;
    const p = JSON.parse(base64UrlDecode(payload) ?? '') as unknown;
    return !!h && typeof h === 'object' && typeof (h as Record<string, unknown>).alg === 'string' && !!p && typeof p === 'object' && !Array.isArray(p);
  } catch {
    return false;
  }
}

/** libphonenumber verdicts by value: parsing costs tens of microseconds, and numbers repeat. */
const phoneVerdicts = new Map<string, boolean>();
const PHONE_CACHE_SIZE = 2048;

/** A phone number a numbering plan can assign (libphonenumber metadata), defaulting to US. */
export function phoneValid(value: string): boolean {
  const digits = digitsOf(value);
  if (digits.length < 8 || digits.length > 15) return false;
  // US numbers without a country code: area code and exchange both start with 2-9 (NANP).
  if (!value.startsWith('+') && (digits.length !== 10 || digits[0]! < '2' || digits[3]! < '2')) return false;
  let verdict = phoneVerdicts.get(value);
  if (verdict === undefined) {
    const parsed = parsePhoneNumberFromString(value, 'US');
    verdict = parsed !== undefined && parsed.isValid();
    if (phoneVerdicts.size >= PHONE_CACHE_SIZE) phoneVerdicts.clear();
    phoneVerdicts.set(value, verdict);
  }
  return verdict;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A calendar date between 1900 and today in one of the formats DATE_OF_BIRTH matches. */
export function birthDateValid(value: string): boolean {
  let year: number;
  let month: number;
  let day: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const named = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/.exec(value) ?? /^(\d{1,2}) ([A-Za-z]{3})[a-z]*\.? (\d{4})$/.exec(value);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (numeric) {
    const a = Number(numeric[1]);
    const b = Number(numeric[2]);
    year = Number(numeric[3]);
    // US month/day or European day/month: either reading may be valid.
    [month, day] = a > 12 ? [b, a] : [a, b];
  } else if (named) {
    const first = named[1]!;
    const isDayFirst = /^\d/.test(first);
    const monthName = (isDayFirst ? named[2]! : first).slice(0, 3).toLowerCase();
    month = MONTHS.indexOf(monthName) + 1;
    day = Number(isDayFirst ? first : named[2]);
    year = Number(named[3]);
  } else return false;
  return year >= 1900 && year <= new Date().getUTCFullYear() && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

const between = (value: string, from: number, length: number, low: number, high: number): boolean => {
  const n = Number(value.slice(from, from + length));
  return n >= low && n <= high;
};

/**
 * Whether `value` is a compact date-time: yyyyMMddHHmm or yyyyMMddHHmmss.
 * @example
 * isCompactTimestamp('20201019143004'); // true
 * isCompactTimestamp('20201319143004'); // false (month 13)
 */
export function isCompactTimestamp(value: string): boolean {
  if ((value.length !== 12 && value.length !== 14) || !/^\d+$/.test(value)) return false;
  return (
    between(value, 0, 4, 1900, 2099) && between(value, 4, 2, 1, 12) && between(value, 6, 2, 1, 31) && between(value, 8, 2, 0, 23) && between(value, 10, 2, 0, 59) && (value.length === 12 || between(value, 12, 2, 0, 59))
  );
}
