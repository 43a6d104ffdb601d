/**
 * PERSON across one text: after the detectors, the persons they found lead to more of the same
 * text's persons, in the lists they stand in (person-lists.ts) and where their names recur alone
 * (person-coreference.ts). Runs once per scanned text over the findings already made.
 */
import type { Match } from '../run.js';
import { samePersonMentions } from './person-coreference.js';
import { listedPersons, type Span } from './person-lists.js';

/** A full name: a capital first, then a space and a capital ("Karl Hauser", "Andrew J. Evans"). */
function isFullName(text: string, span: Span): boolean {
  const first = text[span.start]!;
  if (first === first.toLowerCase()) return false;
  const space = text.indexOf(' ', span.start);
  if (space === -1 || space + 1 >= span.end) return false;
  const next = text[space + 1]!;
  return next !== next.toLowerCase();
}

/** Whether `span` overlaps a match of `sorted` (ordered by start, not overlapping each other). */
function overlapsAny(sorted: readonly Match[], span: Span): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]!.end <= span.start) low = mid + 1;
    else high = mid;
  }
  const next = sorted[low];
  return next !== undefined && next.start < span.end;
}

/**
 * The matches, with the persons that the persons among them lead to added (ordered by start, no
 * overlaps). Each added finding repeats the rule, tier, score and action of the full name it came from.
 * @example
 * const text = 'Karl Hauser was charged. Hauser was put under arrest.';
 * withDocumentPersons(text, [{ type: 'PERSON', rule: 'tier1.person.full_name', tier: 1, score: 0.9, start: 0, end: 11, action: 'redact' }]);
 * // adds { type: 'PERSON', …, start: 25, end: 31 }
 */
export function withDocumentPersons(text: string, matches: Match[]): Match[] {
  let seed: Match | undefined;
  const persons: Span[] = [];
  for (const m of matches) {
    if (m.type !== 'PERSON' || !isFullName(text, m)) continue;
    seed ??= m;
    persons.push(m);
  }
  if (!seed) return matches;
  const inLists = listedPersons(text, persons);
  const candidates = [...inLists, ...samePersonMentions(text, [...persons, ...inLists])].sort((a, b) => a.start - b.start || b.end - a.end);
  const added: Match[] = [];
  for (const span of candidates) {
    const last = added[added.length - 1];
    // "Dou" and "Jiande" found apart: one span for the name written again in full.
    if (last && span.start <= last.end + 1 && (span.start <= last.end || text[last.end] === ' ')) {
      if (span.end > last.end && !overlapsAny(matches, span)) added[added.length - 1] = { ...last, end: span.end };
      continue;
    }
    if (overlapsAny(matches, span)) continue;
    added.push({ type: 'PERSON', rule: seed.rule, tier: seed.tier, score: seed.score, action: seed.action, start: span.start, end: span.end });
  }
  if (added.length === 0) return matches;
  return [...matches, ...added].sort((a, b) => a.start - b.start);
}
