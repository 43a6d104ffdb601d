/**
 * The skeleton of a stream's ordinary events: within one response, an upstream's content events
 * differ only in the content string (same id, created, model, choice and field order), so once
 * one event is verified, the next ones are read by comparing their text around that string with
 * the verified skeleton, without parsing the whole event, and written back by splicing a new
 * string token in (or not at all when the text is released unchanged).
 *
 * Why this is exact: JSON's grammar is context-free, so an event whose text is the verified
 * prefix, one well-formed string token and the verified suffix parses to the verified structure
 * with that string in the verified place. Verification parses the skeleton once with a sentinel
 * string in the slot and lets the codec check the whole parsed event (its shape, and that the
 * sentinel sits where the codec expects the text): a slot found in the wrong place (inside
 * another string, a duplicate key that JSON.parse would override) fails that check.
 */

/** Index just after the string token that opens at `start` (a quote), or -1 when it does not close. */
function stringTokenEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i + 1;
  }
  return -1;
}

/** Skeletons tried per stream: an upstream whose events never share one stops costing parses. */
const MAX_ATTEMPTS = 4;
/** Stands in the slot when the skeleton is verified; no upstream text is compared with it. */
const SENTINEL = '\u0000outpost-slot\u0000';

export class EventTemplate {
  private prefix = '';
  private suffix = '';
  private attempts = 0;
  /** The verified event, parsed (with the sentinel in the slot), once there is one. */
  event: unknown = undefined;

  /**
   * @param key the slot's key as it appears in the event text, e.g. `"content":`
   * @example
   * const template = new EventTemplate('"content":');
   * template.learn('{"choices":[{"index":0,"delta":{"content":"Hi"}}]}', (e, s) => contentAt(e) === s);
   * template.slotOf('{"choices":[{"index":0,"delta":{"content":" there"}}]}'); // ' there'
   */
  constructor(private readonly key: string) {}

  /** The slot's string when `data` has the verified skeleton; undefined otherwise (parse it whole). */
  slotOf(data: string): string | undefined {
    if (this.event === undefined) return undefined;
    const { prefix, suffix } = this;
    const end = data.length - suffix.length;
    if (end < prefix.length + 2 || data.charCodeAt(prefix.length) !== 0x22 || !data.startsWith(prefix) || !data.endsWith(suffix)) return undefined;
    if (stringTokenEnd(data, prefix.length) !== end) return undefined;
    try {
      // A string token alone: JSON.parse refuses control characters and bad escapes, as it would in the whole event.
      return JSON.parse(data.slice(prefix.length, end)) as string;
    } catch {
      return undefined;
    }
  }

  /** The event's text with `text` in the slot. */
  render(text: string): string {
    return this.prefix + JSON.stringify(text) + this.suffix;
  }

  /**
   * Takes `data` (an event the codec has just handled the slow way) as the skeleton when
   * `verify(parsed, sentinel)` accepts it with the sentinel in the slot; a new skeleton replaces
   * the last (OpenAI's first event also carries the role), at most MAX_ATTEMPTS parses a stream.
   */
  learn(data: string, verify: (event: unknown, sentinel: string) => boolean): void {
    if (this.attempts >= MAX_ATTEMPTS) return;
    const at = data.indexOf(this.key);
    if (at < 0) return;
    let start = at + this.key.length;
    while (data.charCodeAt(start) === 0x20) start++;
    if (data.charCodeAt(start) !== 0x22) return;
    const end = stringTokenEnd(data, start);
    if (end < 0) return;
    const prefix = data.slice(0, start);
    const suffix = data.slice(end);
    if (prefix === this.prefix && suffix === this.suffix) return;
    this.attempts++;
    let event: unknown;
    try {
      event = JSON.parse(prefix + JSON.stringify(SENTINEL) + suffix);
    } catch {
      return;
    }
    if (!verify(event, SENTINEL)) return;
    this.prefix = prefix;
    this.suffix = suffix;
    this.event = event;
  }
}
