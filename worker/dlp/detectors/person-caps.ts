/**
 * PERSON written in capitals where the place says "a name goes here": a cell under a name column
 * ("FULL NAME,DOB\nAOI TAKAHASHI,06/27/1952"), a name field or title ("CO-SIGNER: EOIN GALLAGHER"),
 * a greeting, or the line after a sign-off ("Kind regards,\nEZEKIEL THORNTON"). Capitals carry no
 * signal there, so the place decides and the lists only veto: every token must be a name or shaped
 * like one (no ordinary word, organisation or place word, no heading word such as "NOT PROVIDED").
 */
import type { Candidate, Detector } from '../detector.js';
import { isBlockedToken, isKnownName, isOrdinaryWord, isUnlistedNameShape } from './name-lexicon.js';
import { ORGANISATION_WORDS } from './name-context-words.js';
import { personContext } from './person-context.js';

/** A word in capitals, with an apostrophe or hyphen inside ("O'NEILL", "JI-HOON"), Latin letters with accents included. */
const CAPS_WORD = String.raw`\p{Lu}{2,}(?:['’-]\p{Lu}{2,})?`;
/** Lowercase-free particles inside names written in capitals: "DE LA FUENTE", "BINTI ISMAIL". */
const CAPS_PARTICLE = new Set(['DE', 'DA', 'DI', 'DO', 'DU', 'DOS', 'DAS', 'DEL', 'DELLA', 'LA', 'LE', 'VAN', 'VON', 'DER', 'DEN', 'TER', 'BIN', 'BINTI', 'IBN', 'AL', 'EL', 'Y', 'MC', 'MAC', 'ST']);

const titleCase = (token: string): string => token.charAt(0) + token.slice(1).toLowerCase();

/** The next field's label on the same line of a form is no part of the name: "PT: HALVORSEN, INGRID DOB 03/14/1961". */
const NOT_A_FORM_LABEL = String.raw`(?!(?:DOB|D\.O\.B|MRN|SSN|NHS|TEL|PH|FAX|AGE|SEX|DOS|ZIP|ID|NO|REF|ACCT|INS|EMAIL|PHONE|ADDR)\b)`;

/** A token of a capitalised name: a listed name or a name-shaped word, never an ordinary or organisation word. */
function capsTokenFits(token: string): boolean {
  if (CAPS_PARTICLE.has(token)) return true;
  const word = titleCase(token);
  if (isBlockedToken(word) || ORGANISATION_WORDS.has(word)) return false;
  const hyphen = word.indexOf('-');
  if (hyphen > 0) return [word.slice(0, hyphen), titleCase(word.slice(hyphen + 1))].every((part) => isKnownName(part) || isUnlistedNameShape(part) || part.length <= 3);
  return (isKnownName(word) && !isOrdinaryWord(word)) || isUnlistedNameShape(word);
}

/**
 * Capitals in a name's place: a name column, field, title, greeting or sign-off.
 * @example
 * capsNameInPlaceValid({ value: 'AOI TAKAHASHI', text: 'FULL NAME,DOB\nAOI TAKAHASHI,1952-06-27\n', start: 14, end: 27 }); // 0.86
 */
export function capsNameInPlaceValid({ value, text, start, end }: Candidate): boolean | number {
  if (!capsTokensFit(value)) return false;
  // The words could be a name; the place decides.
  if (CAPS_LABEL_BEFORE.test(text.slice(Math.max(0, start - 24), start))) return 0.86;
  return personContext(text, start, end) === 'strong' ? 0.86 : false;
}

/**
 * Labels of forms, intake notes and reviews whose value is a person but that also head other values
 * in prose ("Subject: Q3 numbers", "Reference: INV-88"): only names in capitals take them here,
 * where every word must already be a name ("Pt: ADEWALE, ADEBAYO", "SUBJECT: ÁGNES HORVÁTH").
 */
const CAPS_LABEL_BEFORE = /(?:^|[^\p{L}])(?:pt|subject|data subject|reference|referee|character reference|next of kin|nok|insured|policy ?holder|holder|pax|resident|tenant|occupant|decedent|deceased|minor|child|dependent|dependant)[ \t]*[:#=][ \t]*$/iu;

/** Verdicts on the words alone, by value: logs and SQL repeat the same capitals ("ERROR", "ORDER BY") thousands of times. */
const fitCache = new Map<string, boolean>();

function capsTokensFit(value: string): boolean {
  let fits = fitCache.get(value);
  if (fits === undefined) {
    const tokens = value.split(/,? /);
    const named = tokens.filter((t) => !CAPS_PARTICLE.has(t));
    // Two name words at least: one word in capitals is an acronym, a key or a ticker far more often
    // ("SSN | 392 61 2218", "IBAN DE89…", "Reach PLC"), and reading the place (a CSV column) costs a pass over the text.
    fits = named.length >= 2 && tokens.every(capsTokenFits);
    if (fitCache.size >= 4096) fitCache.clear();
    fitCache.set(value, fits);
  }
  return fits;
}

export const CAPS_PERSON_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.person.caps_in_place',
    anchor: { runs: ['capitals'], notAfter: 'A-Za-z0-9_', second: 'A-Z' },
    type: 'PERSON',
    description: 'Names in capitals under a name column, after a name field, title or greeting, or after a sign-off ("FULL NAME,DOB\\nAOI TAKAHASHI,…", "Kind regards,\\nEZEKIEL THORNTON")',
    pattern: new RegExp(String.raw`(?<![\p{L}\p{N}_])${CAPS_WORD}(?:,? ${NOT_A_FORM_LABEL}${CAPS_WORD}){0,3}(?![\p{L}\p{N}_@-])`, 'gu'),
    validator: capsNameInPlaceValid,
    score: 0.86,
    examples: ['FULL NAME,DOB\nAOI TAKAHASHI,1952-06-27', 'Kind regards,\nEZEKIEL THORNTON'],
  },
];
