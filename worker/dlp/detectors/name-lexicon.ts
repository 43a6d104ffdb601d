/**
 * Lookups over the generated word lists (scripts/gen-name-data.mjs: given names and surnames in
 * name-data.ts, ordinary English words in word-data.ts, countries and cities in place-data.ts; the
 * sources and licences are in each file's header) plus the small hand-written lists that keep
 * organisations, headings and UI words from reading as names. The sets are built on first use so
 * that loading the worker costs nothing until a name is checked.
 */
import { COMMON_GIVEN_NAMES, FIRST_NAME_HASHES, SURNAME_HASHES } from './name-data.js';
import { CITIES, COUNTRIES } from './place-data.js';
import { ORDINARY_WORDS } from './word-data.js';
import { NOT_NAME_WORDS, ORGANISATION_WORDS, PLACE_PREFIXES } from './name-context-words.js';

/**
 * Decodes a sorted, front-coded list: each '|'-separated entry starts with one base-36 digit
 * saying how many leading characters it shares with the previous entry.
 * @example
 * decodeWordList('0Anna|3e|0Bo'); // ['Anna', 'Anne', 'Bo']
 */
export function decodeWordList(coded: string): string[] {
  const out: string[] = [];
  let previous = '';
  for (const entry of coded.split('|')) {
    previous = previous.slice(0, parseInt(entry[0]!, 36)) + entry.slice(1);
    out.push(previous);
  }
  return out;
}

/**
 * FNV-1a over UTF-16 code units (the generator hashes the name lists the same way).
 * @example
 * fnv1a('Ana'); // 1991636261
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A set of names stored as sorted 32-bit hashes: one hash and a binary search per lookup. */
class HashedNames {
  private readonly hashes: Uint32Array;

  constructor(base64: string) {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    this.hashes = new Uint32Array(bytes.buffer);
  }

  has(token: string): boolean {
    const hash = fnv1a(token);
    const hashes = this.hashes;
    let lo = 0;
    let hi = hashes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const value = hashes[mid]!;
      if (value === hash) return true;
      if (value < hash) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

/** The 50 US states and DC (states are not in the city list, and driver-licence text names them). */
const US_STATES = `Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|District of Columbia`.split('|');

/**
 * What is known of each token, so that the ten predicates below run their list lookups (hashing,
 * accent folding, lowercasing) once per distinct token rather than once per question: per token,
 * bit i says "predicate i computed" and bit i + 16 its answer. Cleared when it grows past
 * MAX_REMEMBERED tokens, so memory stays bounded on any input.
 */
const remembers = new Map<string, number>();
const MAX_REMEMBERED = 20_000;
function remembered(token: string, fact: number, compute: (token: string) => boolean): boolean {
  const known = remembers.get(token);
  const bit = 1 << fact;
  if (known !== undefined && known & bit) return (known & (bit << 16)) !== 0;
  const value = compute(token);
  if (remembers.size >= MAX_REMEMBERED) remembers.clear();
  // Read again: computing one fact may have remembered others of the same token.
  remembers.set(token, (remembers.get(token) ?? 0) | bit | (value ? bit << 16 : 0));
  return value;
}

let firstNames: HashedNames | undefined;
let surnames: HashedNames | undefined;
let commonGivenNames: ReadonlySet<string> | undefined;
let ordinaryWords: ReadonlySet<string> | undefined;
let places: ReadonlySet<string> | undefined;

/** Latin letters with accents folded away ("Jürgen" → "Jurgen"), for lists written without them. */
function folded(token: string): string | undefined {
  // Only tokens outside ASCII pay for the normalisation.
  if (/^[\x00-\x7f]*$/.test(token)) return undefined;
  const plain = token.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return plain === token ? undefined : plain;
}

function inList(set: { has(token: string): boolean }, token: string): boolean {
  if (set.has(token)) return true;
  const plain = folded(token);
  return plain !== undefined && set.has(plain);
}

/**
 * @example
 * isFirstName('Priya'); // true
 */
export function isFirstName(token: string): boolean {
  return remembered(token, 0, isFirstNameUncached);
}
function isFirstNameUncached(token: string): boolean {
  return inList((firstNames ??= new HashedNames(FIRST_NAME_HASHES)), token);
}

/**
 * @example
 * isSurname('Okonkwo'); // true
 */
export function isSurname(token: string): boolean {
  return remembered(token, 1, isSurnameUncached);
}
function isSurnameUncached(token: string): boolean {
  return inList((surnames ??= new HashedNames(SURNAME_HASHES)), token) || SURNAME_PREFIX_FORM.test(token);
}

/**
 * Irish, Scottish, Italian and French surname prefixes ("O'Doherty", "McKenzie", "MacLeod",
 * "D'Agostino", "Fitzgerald"): a surname whatever the lists hold, as no list holds them all.
 */
const SURNAME_PREFIX_FORM = /^(?:O['’]|D['’]|Mc(?=\p{Lu})|Mac(?=\p{Lu})|Fitz(?=\p{Ll}{3}))\p{Lu}?\p{Ll}{2,}$/u;

/**
 * A given name so frequent (US births) that it reads as a given name first ("Mitchell", not "Hawkins").
 * @example
 * isCommonGivenName('Maria'); // true
 */
export function isCommonGivenName(token: string): boolean {
  return remembered(token, 2, isCommonGivenNameUncached);
}
function isCommonGivenNameUncached(token: string): boolean {
  return inList((commonGivenNames ??= new Set(decodeWordList(COMMON_GIVEN_NAMES))), token);
}

/**
 * Whether a capitalised token is, lowercased, an ordinary English word ("Meeting", "Will", "Park").
 * @example
 * isOrdinaryWord('Baby'); // true
 */
export function isOrdinaryWord(token: string): boolean {
  return remembered(token, 3, isOrdinaryWordUncached);
}
function isOrdinaryWordUncached(token: string): boolean {
  return (ordinaryWords ??= new Set(decodeWordList(ORDINARY_WORDS))).has(token.toLowerCase());
}

/**
 * Whether the text is the name of a country or of a city of 50,000 or more ("Santa Monica", "Jordan").
 * @example
 * isPlaceName('Costa Rica'); // true
 */
export function isPlaceName(value: string): boolean {
  return remembered(value, 4, isPlaceNameUncached);
}
function isPlaceNameUncached(value: string): boolean {
  return (places ??= new Set([...decodeWordList(COUNTRIES), ...decodeWordList(CITIES), ...US_STATES])).has(value);
}

/** Canadian provinces and territories and Australian states, which follow a city after a comma as US states do (official names). */
const OTHER_REGIONS = 'Alberta|British Columbia|Manitoba|New Brunswick|Newfoundland|Nova Scotia|Ontario|Quebec|Québec|Saskatchewan|Yukon|Nunavut|New South Wales|Queensland|Tasmania|Victoria|Western Australia|South Australia'.split('|');
let regions: Set<string> | undefined;

/**
 * Whether the value is a country, a US state, a Canadian province or an Australian state: what
 * follows a city after a comma ("Kingston, Ontario", "Bangkok, Thailand").
 * @example
 * isRegionName('California'); // true
 * isRegionName('Norton'); // false
 */
export function isRegionName(value: string): boolean {
  return (regions ??= new Set([...decodeWordList(COUNTRIES), ...US_STATES, ...OTHER_REGIONS])).has(value);
}

/**
 * A token shaped like a given name or surname: capitalised, lowercase after, optional
 * apostrophe prefix (O'Brien), inner capital (McDonald) or hyphenated second part, capitalised
 * (Boulanger-Roy) or not (Ji-hoon, Shu-chen).
 */
export const NAME_TOKEN = String.raw`(?:\p{Lu}['’])?\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:-\p{L}\p{Ll}*)?`;

const isName = (token: string): boolean => isFirstName(token) || isSurname(token);

/**
 * Whether a hyphenated token is a name: one of its parts (or the two written together) is a known
 * name and it is not a compound of ordinary words ("Follow-up", "Check-in").
 */
function hyphenatedName(token: string): boolean {
  const dash = token.indexOf('-');
  const head = token.slice(0, dash);
  const tail = token.slice(dash + 1);
  if (isOrdinaryWord(head) && isOrdinaryWord(tail)) return false;
  const tailCapital = tail.charAt(0).toUpperCase() + tail.slice(1);
  return isName(head) || isName(tailCapital) || isName(head + tail.toLowerCase());
}

/**
 * Whether a capitalised token is a known name and not a heading, UI or organisation word.
 * @example
 * isKnownName('Okonkwo'); // true
 * isKnownName('Monday'); // false
 */
export function isKnownName(token: string): boolean {
  return remembered(token, 5, isKnownNameUncached);
}
function isKnownNameUncached(token: string): boolean {
  if (NOT_NAME_WORDS.has(token) || (ORGANISATION_WORDS.has(token) && !SURNAME_ORGANISATION_WORDS.has(token))) return false;
  return isName(token) || (token.includes('-') && hyphenatedName(token));
}

/**
 * A known name that is not also an ordinary English word ("Will", "Park"). Places named like people
 * ("Victoria", "Taylor") still count: the single-name rules check places themselves.
 * @example
 * isDistinctName('Priya'); // true
 * isDistinctName('Grant'); // false
 */
export function isDistinctName(token: string): boolean {
  return remembered(token, 6, isDistinctNameUncached);
}
function isDistinctNameUncached(token: string): boolean {
  return isKnownName(token) && !isOrdinaryWord(token);
}

/**
 * A distinct name used mostly as a given name: a common one, or one no surname list holds.
 * @example
 * isGivenName('Kaori'); // true
 * isGivenName('Hernandez'); // false
 */
export function isGivenName(token: string): boolean {
  return remembered(token, 7, isGivenNameUncached);
}
function isGivenNameUncached(token: string): boolean {
  if (ROMANISED_SYLLABLE_PAIR.test(token)) return isDistinctName(token);
  return isFirstName(token) && isDistinctName(token) && (isCommonGivenName(token) || !isSurname(token));
}

/**
 * A romanised Korean or Chinese given name of two hyphenated syllables ("Ji-hoon", "Ji-a", "Shu-fen").
 * @example
 * isRomanisedGivenName('Ji-hoon'); // true
 */
export function isRomanisedGivenName(token: string): boolean {
  return ROMANISED_SYLLABLE_PAIR.test(token) && isGivenName(token);
}

/**
 * Two romanised syllables joined by a hyphen, the second lowercase: Korean and Chinese given names
 * ("Ji-hoon", "Seo-yeon", "Shu-fen"), which no list holds in every spelling; "Follow-up" and other
 * compounds of ordinary words fail isDistinctName.
 */
const ROMANISED_SYLLABLE_PAIR = /^\p{Lu}\p{Ll}{0,4}-\p{Ll}{1,5}$/u;

/**
 * A capitalised token no list knows that looks like it could be a rare name: not an ordinary word,
 * a place, a heading word or an organisation word ("Waage", "Thanasi").
 * @example
 * isUnlistedNameShape('Thanasi'); // true
 * isUnlistedNameShape('Verify'); // false
 */
export function isUnlistedNameShape(token: string): boolean {
  return remembered(token, 8, isUnlistedNameShapeUncached);
}
function isUnlistedNameShapeUncached(token: string): boolean {
  return !isName(token) && !NOT_NAME_WORDS.has(token) && !ORGANISATION_WORDS.has(token) && !isOrdinaryWord(token) && !isPlaceName(token) && !PLACE_PREFIXES.has(token);
}

/** Organisation and street words that are also common surnames ("Kaori Park", "Dr. Hall"): they end organisation names but may be names themselves. */
const SURNAME_ORGANISATION_WORDS: ReadonlySet<string> = new Set('Park Hall Hill Lane Church Field Wood Ward Bridge Tower Mills Banks Bank Street Court Booth'.split(' '));
/**
 * A street, building or organisation word that is also a common surname ("Park", "Hall").
 * @example
 * isStreetWord('Park'); // true
 */
export function isStreetWord(token: string): boolean {
  return SURNAME_ORGANISATION_WORDS.has(token);
}

/** Month and weekday names are never names here, though some are given names elsewhere ("May", "August"). */
const CALENDAR_WORDS: ReadonlySet<string> = new Set(
  'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec'.split(' '),
);

/**
 * Whether a token cannot be part of a person's name at all (organisation word, heading word, month).
 * @example
 * isBlockedToken('Freight'); // true
 * isBlockedToken('Park'); // false
 */
export function isBlockedToken(token: string): boolean {
  return remembered(token, 9, isBlockedTokenUncached);
}
function isBlockedTokenUncached(token: string): boolean {
  if (CALENDAR_WORDS.has(token)) return true;
  if (ORGANISATION_WORDS.has(token)) return !(SURNAME_ORGANISATION_WORDS.has(token) && isName(token));
  return NOT_NAME_WORDS.has(token) && !isFirstName(token) && !isSurname(token);
}
