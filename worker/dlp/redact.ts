/**
 * Typed placeholders for one call: the same value gets the same placeholder within the call
 * (`[EMAIL_1]` everywhere jane@acme.io appeared), and with reversible redaction the map is kept,
 * in memory and for this call only, so the response can be given back with the caller's values.
 */
import type { Match } from './scan.js';

/** `[TYPE_n]` as the redactor writes it. */
const PLACEHOLDER = /\[([A-Z][A-Z0-9_]*_\d+)\]/g;

export class Redactor {
  private readonly byValue = new Map<string, string>();
  private readonly counters = new Map<string, number>();
  /** placeholder -> original, only for values the caller sent (reversible mode). */
  private readonly originals = new Map<string, string>();

  constructor(readonly reversible: boolean) {}

  /** The placeholder for `value` of `type`, allocating the next number on first sight. */
  placeholderFor(type: string, value: string, restorable: boolean): string {
    const key = `${type}\u0000${value}`;
    let placeholder = this.byValue.get(key);
    if (!placeholder) {
      const n = (this.counters.get(type) ?? 0) + 1;
      this.counters.set(type, n);
      placeholder = `[${type}_${n}]`;
      this.byValue.set(key, placeholder);
    }
    if (restorable && this.reversible) this.originals.set(placeholder, value);
    return placeholder;
  }

  /**
   * `text` with every match whose action is redact replaced by its placeholder. `restorable`:
   * the values are the caller's own (request side), so reversible mode may give them back.
   */
  redact(text: string, matches: readonly Match[], restorable: boolean): string {
    let out = '';
    let at = 0;
    for (const m of matches) {
      if (m.action !== 'redact' || m.start < at) continue;
      out += text.slice(at, m.start) + this.placeholderFor(m.type, text.slice(m.start, m.end), restorable);
      at = m.end;
    }
    return at === 0 ? text : out + text.slice(at);
  }

  /** Whether any placeholder can be given back. */
  get restores(): boolean {
    return this.originals.size > 0;
  }

  /**
   * Puts the caller's values back. `jsonString`: the text is the inside of a JSON string (tool-call
   * arguments), so restored values are escaped to keep it valid JSON.
   */
  restore(text: string, jsonString = false): string {
    if (this.originals.size === 0 || !text.includes('[')) return text;
    return text.replace(PLACEHOLDER, (whole) => {
      const original = this.originals.get(whole);
      if (original === undefined) return whole;
      return jsonString ? JSON.stringify(original).slice(1, -1) : original;
    });
  }
}

/**
 * Where a stream may be cut without splitting a placeholder: `cut`, or earlier if `cut` falls
 * inside something that could still become `[TYPE_n]`.
 */
export function placeholderSafeCut(text: string, cut: number): number {
  const open = text.lastIndexOf('[', cut - 1);
  if (open < 0 || cut - open > 40) return cut;
  const between = text.slice(open + 1, cut);
  return /^[A-Z0-9_]*$/.test(between) ? open : cut;
}
