/**
 * A value split across consecutive messages ("my card is 4111 1111" then "1111 1111") is in no
 * single message. The texts of consecutive message parts are scanned once more as one text,
 * joined by a space (the separator most detectors allow inside a value); only matches that cross a boundary are new. Such a value cannot be
 * redacted in place (it spans two fields), so a match whose action is redact or block becomes a
 * block; a flag stays a flag.
 */
import type { TextPart } from '../protocol/index.js';
import type { CompiledDlp } from './compile.js';
import { scanText, type Match } from './scan.js';

/** The message parts in body order (paths under `messages`), joined, with each part's start. */
function joined(parts: readonly TextPart[]): { text: string; starts: number[]; ends: number[] } {
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
 * text they index; redact becomes block.
 * @example
 * acrossMessages(compiled, parts); // { text: 'card 4111 1111 1111 1111', matches: [{ type: 'CREDIT_CARD', action: 'block', ... }] }
 */
export function acrossMessages(compiled: CompiledDlp, parts: readonly TextPart[]): { text: string; matches: Match[] } {
  const { text, starts, ends } = joined(parts);
  if (starts.length < 2) return { text, matches: [] };
  const within = (m: Match): boolean => starts.some((s, i) => m.start >= s && m.end <= ends[i]!);
  const matches = scanText(compiled, text)
    .filter((m) => !within(m))
    .map((m) => (m.action === 'redact' ? { ...m, action: 'block' as const } : m));
  return { text, matches };
}
