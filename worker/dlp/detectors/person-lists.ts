/**
 * PERSON in lists: "such as Justin Timberlake, Gwen Stefani and Avril Lavigne". Once one item of a
 * comma, "&" or "and" list is a person, a neighbouring item shaped like a full name is one too;
 * only name-shaped tokens count, so "Linkin Park" or "Avenged Sevenfold" in the same list stay out.
 */
import { isBlockedToken, isDistinctName, isKnownName, isPlaceName, isStreetWord, isUnlistedNameShape, NAME_TOKEN } from './name-lexicon.js';
import { PLACE_PREFIXES, TITLE_WORDS } from './name-context-words.js';

/** A span of the text, offsets end-exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

const T = NAME_TOKEN;
/** Two or three name tokens, an optional middle initial between them. */
const ITEM = String.raw`${T}(?: \p{Lu}\.?)?(?: ${T}){1,2}`;
/** What ends a list item: a separator, a sentence end, a bracket or the text's end. */
const ITEM_END = String.raw`(?=[,;.)!?\n]| and | & |$)`;
/** The next item: a separator, then a name run that ends at a list boundary (sticky, read at the end of a person). */
const NEXT_ITEM = new RegExp(String.raw`(?:, (?:and |& )?| & | and )(${ITEM})${ITEM_END}`, 'uy');
/** The item before: a name run, then a separator, at the end of the text before a person (at most 64 characters read). */
const PREVIOUS_ITEM = new RegExp(String.raw`(?<![\p{L}\p{N}_'’.-])(${ITEM})(?:, (?:and |& )?| & | and )$`, 'u');
/** A list separator right after a span ("Gwen Stefani, …"), or right before one ("…, Gwen Stefani"). */
const SEPARATOR_AFTER = /^(?:,| &| and) \p{Lu}/u;
const SEPARATOR_BEFORE = /(?:,|&| and) $/;
/** Whether the span stands between two separators of a list, so the list has three items at least. */
function insideList(text: string, span: Span, side: 'before' | 'after'): boolean {
  return side === 'after' ? SEPARATOR_AFTER.test(text.slice(span.end, span.end + 6)) : SEPARATOR_BEFORE.test(text.slice(Math.max(0, span.start - 5), span.start));
}
/** What the text before a list item ends with: ", ", " & ", " and ". */
const LIST_SEPARATOR_END = /(?:,| &| and) $/;
/** How far back the item before is looked for. */
const LOOK_BACK = 64;

/**
 * Whether a list item reads as a person: every token a listed name or a name-shaped unlisted token,
 * one of them a name that is no ordinary word, and no token of an organisation, street or place.
 */
function personItem(value: string): boolean {
  const tokens = value.split(' ').filter((t) => t.length > 2 || !t.endsWith('.'));
  if (tokens.length < 2 || PLACE_PREFIXES.has(tokens[0]!) || TITLE_WORDS.has(tokens[0]!) || isPlaceName(value)) return false;
  if (isStreetWord(tokens[tokens.length - 1]!)) return false;
  let distinct = false;
  for (const token of tokens) {
    if (token.length <= 2) continue; // the middle initial
    if (isBlockedToken(token) || !(isKnownName(token) || isUnlistedNameShape(token))) return false;
    if (isDistinctName(token)) distinct = true;
  }
  return distinct;
}

/** The item before `start`, when it is preceded by no other capitalised word ("Sir George Alan Thomas"). */
function previousItem(text: string, start: number): Span | undefined {
  // Cheap exit first: most persons stand in no list.
  if (!LIST_SEPARATOR_END.test(text.slice(Math.max(0, start - 5), start))) return undefined;
  const from = Math.max(0, start - LOOK_BACK);
  const found = PREVIOUS_ITEM.exec(text.slice(from, start));
  if (!found) return undefined;
  const itemStart = from + found.index;
  // Cut by the look-back window, or the tail of a longer run of capitalised words: not a whole item.
  if (itemStart === from && from > 0) return undefined;
  if (/\p{Lu}[\p{L}.'’-]* $/u.test(text.slice(Math.max(0, itemStart - 24), itemStart))) return undefined;
  return { start: itemStart, end: itemStart + found[1]!.length };
}

/** The item after `end`, if a separator and a whole name run follow. */
function nextItem(text: string, end: number): Span | undefined {
  NEXT_ITEM.lastIndex = end;
  const found = NEXT_ITEM.exec(text);
  if (!found) return undefined;
  const itemEnd = end + found[0].length;
  return { start: itemEnd - found[1]!.length, end: itemEnd };
}

/**
 * The neighbours of known persons in lists that are persons too, chained along the list in both
 * directions. Each item is read once, whatever the number of persons: linear in the list.
 * @example
 * const text = 'artists such as Justin Timberlake, Gwen Stefani, Linkin Park';
 * listedPersons(text, [{ start: 16, end: 33 }]); // [{ start: 35, end: 47 }]  "Gwen Stefani"
 */
export function listedPersons(text: string, persons: readonly Span[]): Span[] {
  const found: Span[] = [];
  const seen = new Set<number>(persons.map((p) => p.start));
  const queue: Span[] = [...persons];
  for (let i = 0; i < queue.length; i++) {
    const person = queue[i]!;
    const before = previousItem(text, person.start);
    const after = nextItem(text, person.end);
    // "Bill to: Anurak Chaiyaporn, Morgan Stanley": two items are a name and anything else; three or more make a list.
    const listBefore = before && (insideList(text, before, 'before') || insideList(text, person, 'after'));
    const listAfter = after && (insideList(text, after, 'after') || insideList(text, person, 'before'));
    for (const item of [listBefore ? before : undefined, listAfter ? after : undefined]) {
      if (!item || seen.has(item.start)) continue;
      seen.add(item.start);
      if (!personItem(text.slice(item.start, item.end))) continue;
      found.push(item);
      queue.push(item);
    }
  }
  return found;
}
