/**
 * Cues that a name-shaped span names a place, not a person: a gazetteer place after "in", "at",
 * "from" ("from ⟦Salem⟧"), a place followed by its region ("Beverly Hills, California"), a region
 * after a place ("Los Angeles, ⟦California⟧"), a street or landform word after it ("Elm Street"),
 * or the city of an address line ("12 Rue Lafayette, ⟦Salem⟧ 25541"). The gazetteer is
 * place-data.ts (countries, cities of 50,000 or more) with the regions name-lexicon.ts adds.
 */
import { isGivenName, isPlaceName, isRegionName } from './name-lexicon.js';
import type { SpanCue } from './organisation-cues.js';

/** The UK's nations and a few historic regions that follow a town after a comma as states do. */
const UK_NATIONS = new Set(['England', 'Scotland', 'Wales', 'Northern Ireland', 'Britain', 'Great Britain', 'UK', 'U.K.', 'USA', 'U.S.', 'US']);
const isRegion = (value: string): boolean => isRegionName(value) || UK_NATIONS.has(value);

/** Prepositions before a place; for names that are also given names ("Elizabeth", "Florence") only the unambiguous ones count. */
const PLACE_PREPOSITION = /(?:^|[^\p{L}])(in|at|from|near|to|into|across|outside|around|throughout|within|via|invasion of|attack on|city of|town of|province of|state of|based in|located in|moved to) +$/iu;
const STRICT_PREPOSITIONS = new Set(['in', 'near', 'across', 'outside', 'throughout', 'within', 'invasion of', 'attack on', 'city of', 'town of', 'province of', 'state of', 'based in', 'located in', 'moved to']);

function afterPlacePreposition(text: string, start: number, end: number): boolean {
  const value = text.slice(start, end);
  if (!isPlaceName(value) && !isRegion(value)) return false;
  if (/^['’]s(?![\p{L}])/u.test(text.slice(end, end + 3))) return false;
  const preposition = PLACE_PREPOSITION.exec(text.slice(Math.max(0, start - 24), start));
  if (!preposition) return false;
  return !isGivenName(value.split(' ')[0]!) || STRICT_PREPOSITIONS.has(preposition[1]!.toLowerCase());
}

/** Place words that end a place's name or follow it ("Beverly ⟦Hills⟧", "⟦Elm⟧ Street"); surnames such as Park or Hall are left out. */
const PLACE_HEADS = new Set('Street Avenue Boulevard Road Lane Drive Parkway Highway Square Plaza County Parish Township Heights Hills Springs Valley Beach Island Islands Lake River Bay Canyon Falls Harbor Harbour Peninsula Province Prefecture Oblast District Creek Junction Playfield Reservoir Canal Gorge Glacier Pond Fjord Crossing'.split(' '));
const PLACE_HEAD_AFTER = /^ +(\p{Lu}\p{Ll}+)(?![\p{L}])/u;

function placeHead(text: string, start: number, end: number): boolean {
  const words = text.slice(start, end).split(/ +/);
  if (words.length > 1 && PLACE_HEADS.has(words[words.length - 1]!)) return true;
  const next = PLACE_HEAD_AFTER.exec(text.slice(end, end + 20));
  return next !== null && PLACE_HEADS.has(next[1]!);
}

/** "⟦Beverly Hills⟧, California": a region after a comma. A region that is also a given name ("Georgia") counts only after a known place. */
const REGION_AFTER = /^, +(\p{Lu}[\p{L}.]+(?: \p{Lu}[\p{L}.]+)?)(?![\p{L}])/u;
function followedByRegion(text: string, start: number, end: number): boolean {
  const next = REGION_AFTER.exec(text.slice(end, end + 32));
  if (!next) return false;
  const region = isRegion(next[1]!) ? next[1]! : isRegion(next[1]!.split(/ /)[0]!) ? next[1]!.split(/ /)[0]! : undefined;
  if (region === undefined) return false;
  const value = text.slice(start, end);
  if (isPlaceName(value)) return true;
  // "⟦Paxton⟧, Illinois": one word before an unambiguous region is a town; "Ana Lima, Spain" needs more.
  // "Valeria, Finn, ⟦Nikola⟧, Georgia": not inside a list of names.
  if (!isGivenName(region) && !value.includes(' ') && !/\p{L}, $/u.test(text.slice(Math.max(0, start - 3), start))) return true;
  return !isGivenName(region) && !isGivenName(value.split(' ')[0]!);
}

/** "Los Angeles, ⟦California⟧": a region after a known place and a comma. */
const PLACE_BEFORE = /(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2}), +$/u;
function regionAfterPlace(text: string, start: number, end: number): boolean {
  if (!isRegion(text.slice(start, end))) return false;
  const before = PLACE_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
  return before !== null && isPlaceName(before[1]!);
}

/** "12 Rue Lafayette, ⟦Salem⟧ 25541-2128": the city between a numbered street and a postal code. */
const STREET_BEFORE = /\d+[A-Za-z]? +\p{L}[\p{L}.'’ -]{1,40}, *$/u;
const POSTCODE_AFTER = /^,? +(?:[A-Z]{2} +)?\d{4,5}(?:-\d{4})?(?!\d)/;
function addressCity(text: string, start: number, end: number): boolean {
  if (!POSTCODE_AFTER.test(text.slice(end, end + 20))) return false;
  const before = text.slice(Math.max(0, start - 60), start);
  return STREET_BEFORE.test(before.slice(before.lastIndexOf('\n') + 1));
}

/**
 * The place cues, in the order they are tried.
 * @example
 * PLACE_CUES.find((c) => c.test('Beverly Hills, California', 0, 13))?.id; // 'place.head'
 */
export const PLACE_CUES: readonly SpanCue[] = [
  { id: 'place.head', test: placeHead },
  { id: 'place.preposition', test: afterPlacePreposition },
  { id: 'place.region_after', test: followedByRegion },
  { id: 'place.region_of_place', test: regionAfterPlace },
  { id: 'place.address_city', test: addressCity },
];
