/**
 * A value split across consecutive messages ("my card is 4111 1111" then "1111 1111") is in no
 * single message. The texts of consecutive message parts are joined by a space (the separator most
 * detectors allow inside a value), and the joined text is scanned again only at the seams: around
 * each boundary, as far as a value crossing it can reach (seams.ts). Each part was scanned whole
 * already, so only matches that cross a boundary are new; a match inside one part is never reported
 * twice. Such a value cannot be redacted in place (it spans two fields), so a match whose action is
 * redact or block becomes a block; a flag stays a flag.
 */
import type { TextPart } from '../protocol/index.js';
import type { CompiledDlp } from './compile.js';
import type { Match } from './scan.js';
import { crossesBoundary, scanSeams, type SeamedText } from './seams.js';

/** The message parts in body order (paths under `messages`), joined, with each part's start. */
function joined(parts: readonly TextPart[]): SeamedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const part of parts) {
    if (part.path[0] !== 'messages') continue;
    if (text) text += ' ';
    starts.push(text.length);
    text += part.text;
    ends.push(text.length);
  }
  return { text, starts, ends };
}

/**
 * Matches in the joined message texts that cross a boundary between two parts, with the joined
 * text they index; redact becomes block. A single part has no boundary and is not scanned again.
 * @example
 * acrossMessages(compiled, parts); // { text: 'my card is 4111 1111 1111 1111 thanks', matches: [{ type: 'CREDIT_CARD', action: 'block', start: 11, end: 30, ... }] }
 */
export function acrossMessages(compiled: CompiledDlp, parts: readonly TextPart[]): { text: string; matches: Match[] } {
  const messages = joined(parts);
  if (messages.starts.length < 2) return { text: messages.text, matches: [] };
  const matches: Match[] = [];
  for (const m of scanSeams(compiled, messages)) {
    // A match inside one part: the per-part scan has it already.
    if (!crossesBoundary(m, messages)) continue;
    matches.push(m.action === 'redact' ? { ...m, action: 'block' } : m);
  }
  return { text: messages.text, matches };
}

