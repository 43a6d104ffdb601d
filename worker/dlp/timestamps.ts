/**
 * A timestamp is never an identifier: a compact date-time ("20201019143004", HL7 TS, or
 * "202010191430") read as a licence, passport or phone number is dropped. Only values made of
 * digits alone, 12 or 14 long, with a valid year (1900-2099), month, day, hour, minute and second.
 */
import type { Match } from './run.js';
import { isCompactTimestamp } from './validators.js';

/** Identifier types a bare run of 12 or 14 digits could be mistaken for. */
const IDENTIFIER_TYPES: ReadonlySet<string> = new Set(['DRIVER_LICENSE', 'US_PASSPORT', 'PHONE']);

/**
 * Whether the match is an identifier type whose whole value is a compact timestamp.
 * @example
 * timestampAsIdentifier('OBX|F|||20201019143004', { type: 'DRIVER_LICENSE', start: 8, end: 22 } as Match); // true
 */
export function timestampAsIdentifier(text: string, m: Match): boolean {
  // "+201001151230" is a phone number written with its country code, not a time.
  return IDENTIFIER_TYPES.has(m.type) && m.end - m.start <= 14 && text[m.start - 1] !== '+' && isCompactTimestamp(text.slice(m.start, m.end));
}
