/**
 * Surroundings that say a name-shaped span is an organisation or a place, not a person: what is
 * said of it ("X is a design agency", "became X", "the X office"), an affiliation ("Amy Weiss of
 * ⟦Reed Elsevier⟧", "⟦Bridgewater⟧'s Parker Suknović"), or its line in a postal address (the city
 * line between "Apt. 461" and "Spain 61709"). Every look is bounded to a few dozen characters
 * around the span or to its neighbouring lines, so the cost per candidate is constant.
 */
import { isGivenName, isPlaceName } from './name-lexicon.js';

/** What organisations and places are said to be or to have. */
const ORGANISATION_AFTER = new RegExp(
  String.raw`^(?:['’]s)?(?: (?:is|was|has been) (?:a|an|the|one of the) (?:[a-z-]+ ){0,3}(?:agency|company|firm|startup|start-up|business|brand|bank|manufacturer|maker|retailer|supplier|provider|vendor|nonprofit|non-profit|charity|corporation|conglomerate|consultancy|fund|organi[sz]ation|institution|chain|franchise|label|publisher|platform|website|city|town|village|country|region|province|municipality|district)\b` +
    String.raw`| (?:office|offices|headquarters|hq|branch|branches|shares|stock|subsidiary|employees|staff|brand|website|board|ceo|cfo|founders)\b` +
    String.raw`|['’]s (?:ceo|cfo|cto|board|shares|stock|headquarters|offices?|employees|subsidiary|founders)\b)`,
);
/** What is done to organisations: "which later became X", "acquired by X", "shares of X". */
const ORGANISATION_BEFORE = /(?:^|[^a-z])(?:became|become|becomes|renamed|rebranded as|acquired by|merged with|subsidiary of|division of|shares of|stock of|invested in|invests in|listed on|spun off from|founded)[ \t]$/;
/** "⟦Bridgewater⟧'s Parker Suknović": a possessive followed by a person's full name is an employer. */
const EMPLOYER_OF_NAME = /^['’]s (\p{Lu}\p{Ll}+) \p{Lu}\p{Ll}/u;
/** "Amy Weiss of ⟦Reed Elsevier⟧": a capitalised word and "of" before the span name its affiliation. */
const AFFILIATION_BEFORE = /\p{Lu}[\p{L}'’.-]+ of $/u;

/**
 * Whether the words around [start, end) say organisation or place.
 * @example
 * saidToBeOrganisation('Berkshire Hathaway is a design agency', 0, 18); // true
 * saidToBeOrganisation('Amy Weiss of Reed Elsevier', 13, 26); // true
 * saidToBeOrganisation('Maria Lopez is a nurse', 0, 11); // false
 */
export function saidToBeOrganisation(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 64);
  const employee = EMPLOYER_OF_NAME.exec(after);
  if ((employee && isGivenName(employee[1]!)) || ORGANISATION_AFTER.test(after.toLowerCase())) return true;
  const before = text.slice(Math.max(0, start - 30), start);
  return AFFILIATION_BEFORE.test(before) || ORGANISATION_BEFORE.test(before.toLowerCase());
}

/** A street or unit line of a postal address: "Apt. 461", "Suite 894", "42 Costanera 9293". */
const STREET_LINE = /\b(?:apt|apartment|suite|ste|unit|flat|floor|box|bldg|building)\b\.?|^\W*\d+[A-Za-z]?,? \p{L}/iu;
/** The line after a city in an address: a country, a region code or a postal code. */
const AFTER_CITY_LINE = /^\W*(?:\p{Lu}{2}\b|[\p{L} ]{0,30}\d{3,}|\d{3,})/u;
const MAX_LINE = 80;

/**
 * Whether [start, end) fills a line of a postal address after its street line: the city line
 * ("Apt. 461\n⟦Soto del Barco⟧\nSpain 61709"), which names a place, not the addressee.
 * @example
 * cityLineOfAddress('12 Main St\nApt. 4\nMaria Albina\nUruguay 77212', 18, 30); // true
 * cityLineOfAddress('Maria Albina\n12 Main St\nApt. 4', 0, 12); // false
 */
export function cityLineOfAddress(text: string, start: number, end: number): boolean {
  // Only a line of at most six capitalised words and particles is looked at ("Cite Ben Hjel", "Colle Di Tora").
  const head = text.slice(Math.max(0, start - MAX_LINE), start);
  const newlineBefore = head.lastIndexOf('\n');
  const tail = text.slice(end, end + MAX_LINE);
  const newlineAfter = tail.indexOf('\n');
  if (newlineBefore < 0 || newlineAfter < 0) return false;
  const line = head.slice(newlineBefore + 1) + text.slice(start, end) + tail.slice(0, newlineAfter);
  if (!PLACE_LINE.test(line)) return false;
  const previous = lineBefore(text, start - head.length + newlineBefore);
  const next = lineAfter(text, end + newlineAfter + 1);
  if (previous === undefined || next === undefined || !STREET_LINE.test(previous)) return false;
  return AFTER_CITY_LINE.test(next) || isPlaceName(next.trim());
}

/** A line holding only a place name: a short prefix ("> ", "??? "), capitalised words and particles. */
const PLACE_LINE = /^[^\p{L}\p{N}]{0,6}\p{Lu}[\p{L}'’.-]*(?: (?:\p{Lu}[\p{L}'’.-]*|\p{Ll}{1,3})){0,5}[ \t\r]*$/u;

/** The nearest line with a letter or digit ending at `newline` or before it (two blank lines at most), if short. */
function lineBefore(text: string, newline: number): string | undefined {
  const window = text.slice(Math.max(0, newline - MAX_LINE * 2), newline);
  const lines = window.split('\n');
  // The first piece is a whole line only when the window reaches the start of the text.
  const lowest = newline <= MAX_LINE * 2 ? 0 : 1;
  for (let i = lines.length - 1; i >= Math.max(lowest, lines.length - 3); i--) if (/[\p{L}\p{N}]/u.test(lines[i]!)) return lines[i]!.length <= MAX_LINE ? lines[i] : undefined;
  return undefined;
}

/** The nearest line with a letter or digit starting at `from` or after it (two blank lines at most), if short. */
function lineAfter(text: string, from: number): string | undefined {
  const lines = text.slice(from, from + MAX_LINE * 2).split('\n');
  for (let i = 0; i < Math.min(3, lines.length - 1); i++) if (/[\p{L}\p{N}]/u.test(lines[i]!)) return lines[i];
  return lines.length === 1 && /[\p{L}\p{N}]/u.test(lines[0]!) && lines[0]!.length < MAX_LINE ? lines[0] : undefined;
}
