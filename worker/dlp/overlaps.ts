/**
 * Settling the findings of different detectors for one text: a timestamp is never an identifier
 * (timestamps.ts), a PERSON span with an organisation, product or place cue is dropped
 * (detectors/not-a-person.ts), PERSON spans are completed to the whole name (person-spans.ts), and
 * overlapping findings are resolved: PERSON spans merge into the span covering both, other
 * findings keep the better one, never losing both.
 */
import { notAPersonCue } from './detectors/not-a-person.js';
import { completePersonSpans } from './person-spans.js';
import type { Match } from './run.js';
import { timestampAsIdentifier } from './timestamps.js';

/**
 * One finding per overlapping span. Two PERSON spans give their union, with the rule and score of
 * the better one (so "Lê, Thị" and "Thị Lan" give "Lê, Thị Lan"); otherwise the higher score, then
 * the longer. (Other types keep one detector's span, so that a detector run alone finds exactly the
 * span it finds among all of them: test/dlp/run-sieve.test.ts.)
 * @example
 * resolveOverlaps([{ type: 'PHONE', start: 0, end: 12, score: 0.9, … }, { type: 'PHONE', start: 4, end: 18, score: 0.8, … }]); // one PHONE 0–18
 */
export function resolveOverlaps(matches: Match[]): Match[] {
  if (matches.length < 2) return matches;
  matches.sort((a, b) => a.start - b.start || b.score - a.score || b.end - a.end);
  const kept: Match[] = [];
  for (const m of matches) {
    const last = kept[kept.length - 1];
    if (!last || m.start >= last.end) {
      kept.push(m);
      continue;
    }
    if (m.type === 'PERSON' && last.type === 'PERSON' && m.tier === last.tier) {
      const better = m.score > last.score ? m : last;
      kept[kept.length - 1] = { ...better, start: last.start, end: Math.max(last.end, m.end) };
      continue;
    }
    const better = m.score > last.score || (m.score === last.score && m.end - m.start > last.end - last.start);
    if (better) kept[kept.length - 1] = m;
  }
  return kept;
}

/**
 * The detectors' matches for `text`, settled (rules above), ordered by offset, without overlaps.
 * @example
 * resolveFindings('Sold by: Miller Logistics GmbH', [{ type: 'PERSON', start: 9, end: 15, … }]); // []
 */
export function resolveFindings(text: string, matches: Match[]): Match[] {
  const judged = matches.filter((m) => !timestampAsIdentifier(text, m) && !(m.type === 'PERSON' && notAPersonCue(text, m.start, m.end) !== undefined));
  return resolveOverlaps(completePersonSpans(text, judged));
}
