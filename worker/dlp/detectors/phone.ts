/**
 * PHONE: international numbers (+CC), every common US layout (dashes, dots, spaces, parentheses,
 * +1, 001, extensions, bare ten digits next to a phone word), national layouts with a trunk 0
 * (UK 07899 913263, JP 090-8485-6811) written in their plan's groups, and local numbers without
 * an area code (560 1234, 606 01 34 48) next to a phone word. libphonenumber metadata
 * (phone-plan.ts) checks that a plan could hold the number, not that it is assigned, since real
 * and test data both carry well-formed unassigned numbers.
 */
import type { Candidate, Detector } from '../detector.js';
import { wasTab } from '../tab-spaces.js';
import { digitsOf } from '../validators.js';
import { textAfter, textBefore } from './context/nearby.js';
import { answersQuestion } from './context/asked.js';
import { columnHeaderAt } from './context/table-columns.js';
import { groupedAsNational, nanpPossible, possibleNumber } from './phone-plan.js';
import { PHONE_KEYWORDS, PHONE_WORD, WEAK_PHONE_WORDS } from './phone-words.js';

/** What may follow an everyday phone word that labels a number: "Office: ", "Direct line: ", "work no. ", "Home #". */
const WEAK_WORD_LABEL = /^(?:[ \t]+(?:line|number|no|nr|phone|tel)\.?)?[ \t:.#=()"'*|\-–]*(?:\n[ \t]*)?$/;
/** A one-letter label right before the number, as in e-mail signatures: "T: …", "M: …", "F: …". */
const LETTER_LABEL = /(?:(?:^|[\s(|,;])[tmfpchw]\.?:|\n[tmfpchw]\.?)[ \t]*$/;
/** Phone words right after the number on its line: "781 1704 office", "(579) 888-3058 fax", "…-Mobile". */
const PHONE_WORD_AFTER = /^[ \t]*[-–(,]?[ \t]*(?:office|fax|mobile|cell|home|work|desk|tel|phone|landline|direct|main)(?![a-z])/;
/**
 * What may stand between a phone word and its number: a line break straight after a label, or a few
 * words of the same clause ("call me back on", "emergency contact: Ana Lima", "reach Ana at
 * ana@x.org or"), with no sentence end, other number or identifier word between, so "called about
 * the refund. Case number 042889164" is not a phone.
 */
function labelsNumber(between: string): boolean {
  if (/^[ \t:.#=()"'*\-–]*\n[ \t]*$/.test(between)) return true;
  // "mobile no. 98…", "phone number is 555…", "tel nr: …": the word for number belongs to the label.
  let rest = between.replace(EMAIL_IN_LABEL, ' ').replace(/^[ \t:.#=()"'*|\-–]+/, '').replace(/^(?:no|nr|num|number|numbers|#)\.?(?:[ \t]+is)?[ \t:.#=|\-–]*/, '');
  rest = rest.replace(TITLE, ' ').replace(INITIAL, ' ');
  if (/[\n\d]|[.!?;](?:\s|$)/.test(rest) || OTHER_NUMBER_WORD.test(rest)) return false;
  // "contact for the pilot: Sr. Tama Ngata, 832…": the words after the clause's colon name whose number it is.
  const clause = rest.lastIndexOf(': ');
  return rest.slice(clause + 1).split(/\s+/).filter(Boolean).length <= 4;
}
/** Titles before a name between a phone word and its number: their full stop ends no sentence. */
const TITLE = /(?:^|\s)(?:mr|mrs|ms|mx|dr|sr|sra|prof|fr|st|jr)\.(?=\s)/g;
/** An initial before a surname between a phone word and its number ("Contact: D. Brandt, 555…"): its full stop ends no sentence. */
const INITIAL = /(?:^|\s)\p{L}\.(?=\s)/gu;
/** An e-mail address between a contact word and the number ("reach Priya at p@x.org or 2535080974"). */
const EMAIL_IN_LABEL = /[^\s@]{1,64}@[^\s@]{1,255}/g;
/** Words that make a number an identifier of something else. */
const OTHER_NUMBER_WORD = /(?:^|[^a-z])(?:order|tracking|invoice|ticket|ref|reference|sku|serial|build|case|po|part|isbn|version|account|acct|id|txn|transaction|confirmation|booking|policy|claim|member|routing|iban|card|ssn|zip|postcode|licen[cs]e|dl|passport|npi|mrn|batch|lot|shipment|job|pid|port|pin|otp|ts|timestamp|amount|total|qty|employee|badge)(?:[^a-z]|$)/;
const PHONE_COLUMN = /(?:phone|tel|mobile|cell|fax|contact[ _]?number|msisdn)/;

/** Dates, times and versions shaped like grouped digits. */
const DATE_LIKE = /^(?:\d{1,2}[./ -]\d{1,2}[./ -](?:19|20)\d{2}|(?:19|20)\d{2}[./ -]\d{1,2}[./ -]\d{1,2})/;
/** A date written as eight digits, YYYYMMDD ("lunch is on 20200218"): a phone only in a phone column. */
const COMPACT_DATE = /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;
/** Four groups of four digits ("ending in 4352 0574 0059 3483"): a card number, of which a phone match would take the last three groups. */
const CARD_GROUPS_BEFORE = /(?:^|\D)\d{4} $/;

/**
 * Whether a phone word labels this number: the last phone word before it with nothing between but
 * punctuation and spaces on the same line (or a line break straight after a "Phone:" label), and no
 * other number between; or a phone word right after it.
 */
function phoneWordAt(text: string, start: number, end: number): boolean {
  const before = textBefore(text, start, 72);
  if (LETTER_LABEL.test(before)) return true;
  let last = -1;
  let word = '';
  PHONE_WORD.lastIndex = 0;
  for (let m = PHONE_WORD.exec(before); m !== null; m = PHONE_WORD.exec(before)) {
    last = m.index + m[0].length;
    word = m[0];
    PHONE_WORD.lastIndex = Math.max(m.index + 1, last - 1);
  }
  if (last >= 0) {
    const between = before.slice(last);
    // An everyday noun ("for office use: APP 5074…", "work anniversary lunch is on …") labels only the number right after it.
    const weak = WEAK_PHONE_WORDS.has(word.replace(/^[^a-z]/, ''));
    if (weak ? WEAK_WORD_LABEL.test(between) : labelsNumber(between)) return true;
  }
  const afterLine = textAfter(text, end, 24).split('\n', 1)[0]!;
  return PHONE_WORD_AFTER.test(afterLine);
}

/** Whether a column header or record key holds a phone word. */
function phoneWordIn(header: string): boolean {
  PHONE_WORD.lastIndex = 0;
  return PHONE_WORD.test(header);
}

interface Surroundings {
  /** A column header or record key says phone. */
  readonly column: boolean;
  readonly phoneWord: boolean;
  readonly otherWord: boolean;
}

function surroundings({ text, start, end }: Candidate): Surroundings {
  const header = columnHeaderAt(text, start, end);
  if (header !== undefined) {
    const phoneColumn = PHONE_COLUMN.test(header) || phoneWordIn(header);
    return { column: phoneColumn, phoneWord: phoneColumn, otherWord: !phoneColumn };
  }
  // A chat reply to a line that asked for (or announced) a number: "got a new number" / "siobhan: 6148684698".
  const phoneWord = phoneWordAt(text, start, end) || answersQuestion(text, start, phoneWordIn);
  const near = textBefore(text, start, 20);
  return { column: false, phoneWord, otherWord: !phoneWord && OTHER_NUMBER_WORD.test(near) };
}

type Plan = 'nanp' | 'any' | 'national' | 'none';

/** Scores a candidate: shape (digits), plan (libphonenumber), then the words around it. */
function phoneValidator(options: { readonly needsContext: boolean; readonly minDigits: number; readonly maxDigits: number; readonly plan: Plan }) {
  return (candidate: Candidate): boolean | number => {
    const value = withPlus(candidate.value.replace(/\s*(?:x|ext\.?|extension)\s*\d{1,6}$/i, ''));
    const digits = digitsOf(value);
    if (digits.length < options.minDigits || digits.length > options.maxDigits) return false;
    if (DATE_LIKE.test(value)) return false;
    if (/^(\d)\1+$/.test(digits)) return false;
    if (/^\d{4} \d{4} \d{4}$/.test(value) && CARD_GROUPS_BEFORE.test(candidate.text.slice(Math.max(0, candidate.start - 6), candidate.start))) return false;
    const where = surroundings(candidate);
    if (where.otherWord) return false;
    if (COMPACT_DATE.test(value) && !where.column) return false;
    if (options.needsContext && !where.phoneWord) return false;
    switch (options.plan) {
      case 'nanp':
        // A phone word, phone column or explicit +1 vouches for area codes the plan has not opened (N11, 0xx), as in test data.
        if (!nanpPossible(digits) && !(where.phoneWord || value.startsWith('+1')) ) return false;
        break;
      case 'any':
        // Next to a phone word, a +CC number of plausible length is taken even when its plan disagrees.
        if (!possibleNumber(value) && !where.phoneWord) return false;
        break;
      case 'national':
        // A US ZIP+4 (09659-0460) has the shape of a 5-4 national number: only a phone word makes it one.
        if (!where.phoneWord && /^\d{5}-\d{4}$/.test(value)) return false;
        // A phone word vouches for the number; without one, it must be grouped as its plan groups it.
        if (!possibleNumber(value) || (!where.phoneWord && !groupedAsNational(value))) return false;
        break;
      case 'none':
        // A seven-digit local number grouped 3-4 is a NANP exchange and line: the exchange starts with 2-9 ("112-3333" is not one).
        if (digits.length === 7 && /^\d{3}[ .-]\d{4}$/.test(value) && digits[0]! < '2') return false;
        break;
    }
    return where.phoneWord ? 0.95 : options.needsContext ? 0.9 : 0.8;
  };
}


/** Not inside a word or number; a colon may end a label (tel:+1…, Phone:555…) but not a clock time (12:30). */
const START = String.raw`(?<![\w+.\-/#$€£@]|\d:)`;
/** Not followed by more of a word or number ("-Office" after a number is a label); a comma may start the next CSV cell ("…2414,19 July 1949"), not a thousands group (",000"). */
const END = String.raw`(?![\w/@]|-\d|[.:]\d|,\d{3}(?![\w\-/.:]))`;
/** An extension after the number: x4587, ext. 12, extension 7. */
const EXTENSION = String.raw`(?: ?(?:[xX]|[eE]xt\.? ?|[eE]xtension )\d{1,6})?`;

/** How far along its line a number looks for the tabs of a TSV row. */
const ROW_REACH = 512;

/** Whether the line around [start, end) holds a tab that stayed a tab (a TSV cell delimiter), within ROW_REACH. */
function inTsvRow(text: string, start: number, end: number): boolean {
  for (let i = start - 1; i >= 0 && i >= start - ROW_REACH && text[i] !== '\n'; i--) if (text[i] === '\t') return true;
  for (let i = end; i < text.length && i < end + ROW_REACH && text[i] !== '\n'; i++) if (text[i] === '\t') return true;
  return false;
}

/**
 * A number ends at a TSV cell boundary: normalisation reads a tab between digits as a space
 * (tab-spaces.ts), so "+18804529048<TAB>18.12.2019" would otherwise read on into the next cell.
 * Only in a TSV row (other tabs on the line stayed tabs): "call 555<TAB>123<TAB>4567" is one number.
 */
function endAtCell(text: string, start: number, end: number): number {
  for (let i = start + 1; i < end; i++) {
    if (text.charCodeAt(i) === 32 && wasTab(text, i)) return inTsvRow(text, start, end) ? i : end;
  }
  return end;
}

/** Digit groups after a country code: separated by spaces, dots, dashes or a slash, or an area code in parentheses ("(0)8", "(+31)(6) 1223…"). */
const INTERNATIONAL_GROUPS = String.raw`(?:[ .\-]?\(\d{1,5}\)(?=[ .\-]?\())?(?:(?:[ .\-/]{1,2}|[ .\-]?\(\d{1,5}\)[ .\-]?)\d{1,12}){0,6}`;

/** A number with its international prefix written out: "(+55) 15 …" and "0049 176 …" read as "+55 15 …", "+49 176 …"; a trunk 0 after the country code ("0044 07700 900873") is dropped. */
function withPlus(value: string): string {
  // Most numbers start with neither: the replacements (run for every phone candidate) are skipped for them.
  if (value.startsWith('(+')) return value.replace(/^\(\+(\d{1,4})\)/, '+$1');
  if (!value.startsWith('00')) return value;
  return value.replace(/^00[ ]?([1-9]\d{0,3})([ .\-/]+)0(?=\d)/, '+$1$2').replace(/^00[ ]?(?=[1-9])/, '+');
}

export const PHONE_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.phone.international',
    anchor: { literals: ['+', '(+'], notAfter: 'A-Za-z0-9_+./#$@-' },
    type: 'PHONE',
    resolveEnd: endAtCell,
    description: 'Phone numbers with a +country code in any grouping (+44 20 5144 0676, +1-675-724-7313, +81 90 8485 6811, +46 (0)8 928 571 38, (+55) 15 3702-7523, +49 176/12345678)',
    pattern: new RegExp(`${START}(?:\\(\\+\\d{1,4}\\)|\\+\\d{1,15})${INTERNATIONAL_GROUPS}${EXTENSION}${END}`, 'g'),
    keywords: ['+'],
    validator: phoneValidator({ needsContext: false, minDigits: 7, maxDigits: 15, plan: 'any' }),
    score: 0.85,
    examples: ['+44 20 5144 0676', '+1 675 724 7313'],
  },
  {
    id: 'tier1.phone.international_00',
    // A match starts "00" and holds at least nine digits (the validator refuses fewer after the 00), so other runs starting with 0 are not tried.
    anchor: { runs: ['digits'], first: '0', second: '0', notAfter: 'A-Za-z0-9_+./#$@-', digitRun: [2, 15], digitChain: { min: 11, separators: ' ./-', gap: 2 } },
    type: 'PHONE',
    resolveEnd: endAtCell,
    description: 'Phone numbers with the 00 international prefix (0044 7700 900873, 00 49 176 12345678, 0049 171 1234567), next to a phone word or valid in the country\'s plan',
    pattern: new RegExp(`${START}00 ?[1-9]\\d{0,13}(?:[ .\\-/]{1,2}\\d{1,12}){1,6}${EXTENSION}${END}`, 'g'),
    validator: phoneValidator({ needsContext: false, minDigits: 9, maxDigits: 15, plan: 'any' }),
    score: 0.85,
    examples: ['0044 7700 900873', '0049 171 1234567'],
  },
  {
    id: 'tier1.phone.nanp',
    anchor: [{ runs: ['digits'], notAfter: 'A-Za-z0-9_+./#$@-', digitChain: { min: 10, separators: ' .()-', gap: 2 } }, { literals: ['('], notAfter: 'A-Za-z0-9_+./#$@-', second: '0-9', digitChain: { min: 10, separators: ' .()-', gap: 2 } }],
    type: 'PHONE',
    resolveEnd: endAtCell,
    description: 'US/NANP numbers with separators: (415) 555-2671, 378-849-0221, 261.739.3313, 1-800-555-0199, 001-518-640-0854, 345-899-3560x4587',
    pattern: new RegExp(`${START}(?:00?1[ .\\-]|1[ .\\-]?)?(?:\\(\\d{3}\\)[ .\\-]?|\\d{3}[ .\\-])\\d{3}[ .\\-]\\d{4}${EXTENSION}${END}`, 'g'),
    validator: phoneValidator({ needsContext: false, minDigits: 10, maxDigits: 13, plan: 'nanp' }),
    score: 0.85,
    examples: ['(415) 555-2671', '261.739.3313'],
  },
  {
    id: 'tier1.phone.nanp_bare',
    anchor: { runs: ['digits'], notAfter: 'A-Za-z0-9_+./:#$@-', digitRun: [10, 11] },
    type: 'PHONE',
    resolveEnd: endAtCell,
    description: 'Ten digits without separators (8242288272), next to a phone word or in a phone column',
    pattern: new RegExp(`(?<![\\w+.\\-/:#$@])1?\\d{10}${END}`, 'g'),
    keywords: PHONE_KEYWORDS,
    keywordsCaseInsensitive: true,
    validator: phoneValidator({ needsContext: true, minDigits: 10, maxDigits: 11, plan: 'nanp' }),
    score: 0.9,
  },
  {
    id: 'tier1.phone.national',
    // Groups joined by one separator; the slash layout ("089 / 9470 454") is anchored on its own, at a short area code followed by a space or slash.
    anchor: [
      { runs: ['digits'], first: '0', notAfter: 'A-Za-z0-9_+./#$@-', digitRun: [2, 37], digitChain: { min: 9, separators: ' .-', gap: 1 } },
      { runs: ['digits'], first: '0', notAfter: 'A-Za-z0-9_+./#$@-', digitRun: [2, 5], afterDigits: ' /', digitChain: { min: 9, separators: ' ./-', gap: 3 } },
      { literals: ['(0'], notAfter: 'A-Za-z0-9_+./#$@-', digitChain: { min: 9, separators: ' .()-', gap: 2 } },
    ],
    type: 'PHONE',
    resolveEnd: endAtCell,
    description: 'National numbers with a trunk 0 (07899 913263, 090-8485-6811, (030) 1234 5678, 089 / 9470 454) in the groups of a common numbering plan, or next to a phone word',
    // German layouts set the area code off with a slash: 089 / 9470 454, 030/2200 2312.
    pattern: new RegExp(`${START}(?:\\(0\\d{1,4}\\)(?:[ .\\-]?\\d{2,8}){1,4}|0\\d{1,4}(?: ?/ ?\\d{2,8}(?:[ .\\-]?\\d{2,8}){0,3}|(?:[ .\\-]?\\d{2,8}){1,4}))${END}`, 'g'),
    validator: phoneValidator({ needsContext: false, minDigits: 9, maxDigits: 12, plan: 'national' }),
    score: 0.8,
    examples: ['07899 913263', '090-8485-6811'],
  },
  {
    id: 'tier1.phone.grouped',
    // The validator refuses fewer than 7 digits (extension left out), so shorter groups are not tried.
    anchor: [{ runs: ['digits'], notAfter: 'A-Za-z0-9_+./#$@-', digitChain: { min: 7, separators: ' .()-', gap: 2 } }, { literals: ['('], notAfter: 'A-Za-z0-9_+./#$@-', second: '0-9 ', digitChain: { min: 7, separators: ' .()-', gap: 3 } }],
    type: 'PHONE',
    resolveEnd: endAtCell,
    description: 'Numbers in any grouping without a country code (560 1234, 606 01 34 48, (11) 96123-4567, ( 19 ) 38294427, 8 (771) 000 9998), only next to a phone word or in a phone column',
    pattern: new RegExp(`${START}(?:\\d{1,3}[ .\\-]?)?(?:\\( ?\\d{1,5}(?:-\\d{1,4})? ?\\)[ .\\-]?)?\\d{2,12}(?:[ .\\-]\\d{1,8}){0,4}${EXTENSION}${END}`, 'g'),
    keywords: PHONE_KEYWORDS,
    keywordsCaseInsensitive: true,
    validator: phoneValidator({ needsContext: true, minDigits: 7, maxDigits: 12, plan: 'none' }),
    score: 0.85,
    examples: ['606 01 34 48', 'Phone: 451 5986'],
  },
];
