/**
 * Whether a PERSON finding names an organisation, a product or a place instead (the cues of
 * organisation-cues.ts, product-cues.ts and place-cues.ts). Applied to every PERSON finding after
 * the detectors, whichever rule found it, so that each rule need not repeat the cues.
 */
import { ORGANISATION_CUES, type SpanCue } from './organisation-cues.js';
import { PLACE_CUES } from './place-cues.js';
import { PRODUCT_CUES } from './product-cues.js';

const ALL_CUES: readonly SpanCue[] = [...ORGANISATION_CUES, ...PRODUCT_CUES, ...PLACE_CUES];

/**
 * The id of the first cue saying [start, end) of `text` is not a person, or undefined.
 * @example
 * notAPersonCue('Invoice from Miller Logistics GmbH', 13, 19); // 'organisation.legal_form'
 * notAPersonCue('Call Maria Lopez today', 5, 16); // undefined
 */
export function notAPersonCue(text: string, start: number, end: number): string | undefined {
  for (const cue of ALL_CUES) if (cue.test(text, start, end)) return cue.id;
  return undefined;
}
