/**
 * Surroundings that make a name-shaped span an organisation, a street or a product whatever the
 * names in it: an address line ("804 ⟦Calle Morelos⟧, Nairobi", "123 ⟦Rue Lafayette⟧"), a
 * product version after it ("⟦Hugo⟧ v3.14", "⟦Tesla⟧ Model 3"), a possessive brand standing alone
 * ("Employer: ⟦Wendy⟧'s since"), a field or phrase that takes a company ("Employer: ⟦Morgan
 * Stanley⟧", "the contract with ⟦Edward Jones⟧", "the ⟦Charles Schwab⟧ account"), or the company
 * line of an addressee block ("Bill to: Ana Ruiz\n⟦Baker McKenzie⟧\n467 Lincoln Ave").
 * Every look is a bounded slice of a few dozen characters, so the cost per candidate is constant.
 */
import type { Candidate } from '../detector.js';
import { isPlaceName } from './name-lexicon.js';
import { PLACE_PREFIXES } from './name-context-words.js';
import { personContext } from './person-context.js';

/**
 * A validator that also rejects a name read as a street, product or organisation from its surroundings;
 * run after the validator, so only accepted candidates pay for the look around.
 * @example
 * const validator = notStreetProductOrOrganisation(() => 0.9);
 * validator({ value: 'Hugo', text: 'Hugo v3.1', start: 0, end: 4 } as Candidate); // false
 */
export function notStreetProductOrOrganisation(validate: (candidate: Candidate) => boolean | number): (candidate: Candidate) => boolean | number {
  return (candidate) => {
    const verdict = validate(candidate);
    if (verdict === false) return false;
    const { text, start, end } = candidate;
    return namedAsNonPerson(text, start, end, () => personContext(text, start, end) === 'strong') ? false : verdict;
  };
}

/** Words that start a street name in many languages ("Rue Lafayette", "Calle Morelos", "Via Roma"). */
const STREET_PREFIXES: ReadonlySet<string> = new Set(
  'rue avenue av avenida av. calle carrer camino via viale vicolo strada piazza rua travessa praça largo boulevard bd blvd chemin allée allee impasse quai place plaza paseo ulica ul aleja straße strasse'.split(' '),
);

/** A street word ending the first token of a German or Dutch street name ("Hauptstraße", "Kerkstraat"). */
const STREET_SUFFIX = /(?:straße|strasse|str\.|gasse|weg|allee|platz|ring|damm|ufer|straat|laan|gracht|plein|vej|gatan|gata|vägen|veien)$/iu;

/** A house number starting a line or an address cell just before the span: "804 ", "12b ". */
const HOUSE_NUMBER_BEFORE = /(?:^|\n|[,;:\t] ?)[ \t]*\d{1,5}[A-Za-z]? $/;
/**
 * The word (letters and full stops) that ends `before` followed by one space, or '' (a loop, as an
 * expression ending in "$" would be tried at every position of the slice).
 * @example
 * wordBefore('804 Calle '); // 'Calle'
 */
export function wordBefore(before: string): string {
  if (!before.endsWith(' ')) return '';
  let start = before.length - 1;
  while (start > 0) {
    const ch = before[start - 1]!;
    if (ch !== '.' && ch.toLowerCase() === ch.toUpperCase()) break;
    start--;
  }
  return before.slice(start, before.length - 1);
}

/** A version or model number after a product name: "Hugo v3.14.4", "Jasper 9.0.0", "Tesla Model 3". */
const PRODUCT_AFTER = /^ (?:v?\d+(?:\.\d+)+\b|v\d+\b|(?:Model|Series|Mk|Mark|Gen) ?[\dIVX]+\b)/;

/** A possessive with nothing possessed, so a brand: "Wendy's\n", "McDonald's since 2018", "with Wendy's renews". */
const BRAND_POSSESSIVE_AFTER = /^['’]s(?:[ \t]*(?:$|[\n,;|)])| (?:since|renews|member|account|support|store|restaurant|locations?|franchise)\b)/;

/** Fields and phrases whose value is a company: "Employer: X", "Insurance: X", "the contract with X", "works for X". */
const ORGANISATION_BEFORE = /(?:^|[^\p{L}])(?:(?:employer|insurance|insurer|carrier|company|organi[sz]ation|vendor|supplier|merchant|bank|payer|institution|firm)[ \t]*[:=][ \t]*|(?:contract|agreement|account|partnership) with |(?:works|worked|working|work) (?:for|at) |employed (?:by|at) |customer of |client of |uses |using |switched to |migrated to )$/iu;

/** The last words of ORGANISATION_BEFORE, looked up before that regular expression runs (most names fail here). */
const ORGANISATION_LAST_WORDS: ReadonlySet<string> = new Set(
  'employer insurance insurer carrier company organisation organization vendor supplier merchant bank payer institution firm with for at by of uses using to'.split(' '),
);

/** The last word of `before`, lowercased, skipping trailing spaces, tabs, colons and equals signs. */
function lastWord(before: string): string {
  let end = before.length;
  while (end > 0 && ' \t:='.includes(before[end - 1]!)) end--;
  let start = end;
  while (start > 0 && /[A-Za-z]/.test(before[start - 1]!)) start--;
  return before.slice(start, end).toLowerCase();
}

/** What follows a company and not a person: "the X account", "X support", "X member ACCT-…". */
const ORGANISATION_NOUN_AFTER = /^ (?:account|accounts|support|helpdesk|member|members|customer service|portal|subscription|plan|policy)\b/;
/** An article right before the span (or before its title): "the Dr. Martens account". */
const ARTICLE_BEFORE = /(?:^|[^\p{L}])(?:the|a|an) (?:(?:Dr|Mr|Mrs|Ms|St)\. ?)?$/iu;

/** A word that begins place names and never a person's name right before the span: "St. ⟦Louis⟧", "San ⟦Jose⟧", "Fort ⟦Collins⟧". */
const CONTINUES_PLACE_NAME = /(?:^|[^\p{L}])(?:San|Santa|Santo|São|Saint|St\.?|Ste\.?|Sainte|Sankt|Fort|Ft\.|Mount|Mt\.?|Port|Lake|Los|Las|Nueva|Nuevo|Cape) $/u;

/** A line that names the addressee of an invoice, delivery or letter. */
const ADDRESSEE_LINE = /^[ \t]*(?:bill(?:ed)? to|ship(?:ped)? to|sold to|deliver(?:ed)? to|invoice to|mail to|attn|attention|to)[ \t]*:/i;
/** A street line: a house number and a word. */
const STREET_LINE_START = /^[ \t]*\d{1,5}[A-Za-z]?,? \p{L}/u;

/**
 * Whether the span reads as a street, a product or an organisation from what surrounds it.
 * `strongContext` (a title, a name field, a greeting; asked only when needed) keeps only the cues no person's name shares.
 * @example
 * namedAsNonPerson('804 Calle Morelos, Nairobi', 9, 26, () => false); // true: a street in an address line
 * namedAsNonPerson('the rollout of Hugo v3.14.4', 15, 19, () => false); // true: a product version
 * namedAsNonPerson('Dr. Martin Luther King Jr. spoke', 4, 22, () => true); // false
 */
export function namedAsNonPerson(text: string, start: number, end: number, strongContext: () => boolean): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 24);
  if (ORGANISATION_NOUN_AFTER.test(after) && ARTICLE_BEFORE.test(before)) return true;
  if (BRAND_POSSESSIVE_AFTER.test(after) || PRODUCT_AFTER.test(after)) return true;
  const titleFree = before.endsWith('. ') || before.endsWith('.') ? before.replace(/(?:Dr|Mr|Mrs|Ms|St)\. ?$/, '') : before;
  if ((ORGANISATION_LAST_WORDS.has(lastWord(titleFree)) && ORGANISATION_BEFORE.test(titleFree)) || (ORGANISATION_NOUN_AFTER.test(after) && /^ (?:support|helpdesk|member)\b/.test(after))) return true;
  // The context is read only when a place cue fired: most names pass without that second look.
  return (inAddressLine(text, start, end, before) || companyLineOfAddressee(text, start, end) || CONTINUES_PLACE_NAME.test(before)) && !strongContext();
}

/** "804 ⟦Calle Morelos⟧", "123 Rue ⟦Lafayette⟧", "450 ⟦Hauptstraße, Alexandria⟧": a street in an address line. */
function inAddressLine(text: string, start: number, end: number, before: string): boolean {
  // Cheap looks at the last characters first: the expressions run on short tails only.
  if (/\d[A-Za-z]? $/.test(before.slice(-3)) && HOUSE_NUMBER_BEFORE.test(before)) return true;
  // A lowercase prefix only after a house number: "12 via Roma" but "sent via Maria".
  const word = wordBefore(before);
  if (word && STREET_PREFIXES.has(word.toLowerCase()) && (word[0] !== word[0]!.toLowerCase() || /\d $/.test(before.slice(0, before.length - word.length - 1)))) return true;
  const firstToken = /^[\p{L}.]+/u.exec(text.slice(start, Math.min(end, start + 24)))?.[0] ?? '';
  return STREET_PREFIXES.has(firstToken.toLowerCase()) || STREET_SUFFIX.test(firstToken.slice(-8));
}

/**
 * The company line of an addressee block: the span ends its line, the next line is a street line,
 * and the addressee is named on the line before it ("Bill to: Ana Ruiz\n⟦Baker McKenzie⟧") or
 * earlier on its own line ("Bill to: Ana Ruiz, ⟦Morgan Stanley⟧").
 */
function companyLineOfAddressee(text: string, start: number, end: number): boolean {
  // Only the few characters after the span are looked at (indexOf on the whole text would be linear per candidate).
  const rest = /^[ \t\r]*\n/.exec(text.slice(end, end + 8));
  if (!rest) return false;
  const lineEnd = end + rest[0].length - 1;
  if (!STREET_LINE_START.test(text.slice(lineEnd + 1, lineEnd + 24))) return false;
  // Reached only before a street line, so the look back for the line start is rare.
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (start - lineStart > 80) return false;
  const head = text.slice(lineStart, start);
  if (head.trim() === '') {
    const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    return lineStart - previousStart <= 80 && ADDRESSEE_LINE.test(text.slice(previousStart, lineStart));
  }
  return ADDRESSEE_LINE.test(head) && /, $/.test(head);
}

/**
 * "Calgary, ⟦Alberta⟧": a place name and a comma right before the span.
 * @example
 * afterPlaceAndComma('Calgary, Alberta', 9); // true
 */
export function afterPlaceAndComma(text: string, start: number): boolean {
  const place = /(\p{Lu}[\p{L}'’.-]*), $/u.exec(text.slice(Math.max(0, start - 32), start));
  return place !== null && isPlaceName(place[1]!);
}

/**
 * "San ⟦Jose, California⟧", "Los ⟦Angeles, California⟧": the span continues a place name.
 * @example
 * afterPlacePrefix('San Jose, California', 4); // true
 */
export function afterPlacePrefix(text: string, start: number): boolean {
  const word = wordBefore(text.slice(Math.max(0, start - 12), start));
  return word !== '' && PLACE_PREFIXES.has(word.replace(/\.$/, ''));
}
