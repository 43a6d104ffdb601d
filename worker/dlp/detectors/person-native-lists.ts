/**
 * Cyrillic and Greek names checked against the name lists (name-data.ts holds faker's given names
 * and surnames of the Russian, Ukrainian, Greek … locales in their own script). The scanner reads
 * normalised text, where the letters that look Latin are folded to Latin ("Ольга" → "Oльгa"), so a
 * token is unfolded to its script first: in a word of Cyrillic or Greek letters, a Latin letter can
 * only have come from that fold.
 */
import { HOMOGLYPHS } from '../confusables.js';
import { isFirstName, isKnownName, isSurname } from './name-lexicon.js';

/** Latin letter → its look-alike in one script, the inverse of the normaliser's fold for that script. */
function unfoldTable(script: RegExp): ReadonlyMap<string, string> {
  const table = new Map<string, string>();
  for (const [letter, latin] of HOMOGLYPHS) if (script.test(letter) && !table.has(latin)) table.set(latin, letter);
  return table;
}
const CYRILLIC = /\p{Script=Cyrillic}/u;
const GREEK = /\p{Script=Greek}/u;
const TO_CYRILLIC = unfoldTable(CYRILLIC);
const TO_GREEK = unfoldTable(GREEK);

/**
 * A folded token back in its own script.
 * @example
 * unfoldToken('Oльгa'); // 'Ольга'
 */
export function unfoldToken(token: string): string {
  const table = CYRILLIC.test(token) ? TO_CYRILLIC : GREEK.test(token) ? TO_GREEK : undefined;
  if (!table) return token;
  let out = '';
  for (const ch of token) out += table.get(ch) ?? ch;
  return out;
}

/**
 * Whether a Cyrillic or Greek run of two or three words is a listed given name and a listed surname
 * (or two listed names), so it names a person without any context ("fyi Ольга Соколова joins").
 * @example
 * listedNativeName('Oльгa Coкoлoвa'); // true
 */
export function listedNativeName(value: string): boolean {
  const tokens = value.split(' ').map(unfoldToken);
  if (tokens.length < 2 || tokens.length > 3) return false;
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  return (isFirstName(first) && isSurname(last)) || tokens.every(isKnownName);
}
