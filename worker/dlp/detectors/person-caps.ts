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
  const tokens = value.split(/,? /);
  const named = tokens.filter((t) => !CAPS_PARTICLE.has(t));
  if (named.length === 0 || !tokens.every(capsTokenFits)) return false;
  // One word alone must be a listed name: key-value rows ("SSN | 392 61 2218") and tickers ("Reach PLC") are not.
  if (named.length === 1 && !(isKnownName(titleCase(named[0]!)) && !isOrdinaryWord(titleCase(named[0]!)))) return false;
  // One word alone only in a name column or field ("SURNAME\nOKONKWO"); the context must say "strong" either way.
  return personContext(text, start, end) === 'strong' ? 0.86 : false;
}

export const CAPS_PERSON_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.person.caps_in_place',
    anchor: { runs: ['capitals'], notAfter: 'A-Za-z0-9_', second: 'A-Z' },
    type: 'PERSON',
    description: 'Names in capitals under a name column, after a name field, title or greeting, or after a sign-off ("FULL NAME,DOB\\nAOI TAKAHASHI,…", "Kind regards,\\nEZEKIEL THORNTON")',
    pattern: new RegExp(String.raw`(?<![\p{L}\p{N}_])${CAPS_WORD}(?:,? ${CAPS_WORD}){0,3}(?![\p{L}\p{N}_@-])`, 'gu'),
    validator: capsNameInPlaceValid,
    score: 0.86,
    examples: ['FULL NAME,DOB\nAOI TAKAHASHI,1952-06-27', 'Kind regards,\nEZEKIEL THORNTON'],
  },
];
