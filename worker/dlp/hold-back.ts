/**
 * The hold-back window over streamed text: the DLP's side of a stream codec (protocol/). Each
 * channel (a choice's content, a tool call's arguments, a rank of logprobs tokens) is scanned as
 * one growing text, so a value split across chunks is still seen whole.
 *
 * Release rule, per channel: text is sent once it is older than the hold-back window, except
 * - the trailing run of non-space characters (a token may still be growing),
 * - a match that touches the end of the buffer (it may still extend: a PEM block, a JWT),
 * - a cut that would split a match or a `[TYPE_n]` placeholder;
 * each bounded by MAX_HOLD_CHARS.
 */
import type { Finding } from '../core/index.js';
import type { DecidedText } from '../protocol/logprobs.js';
import type { StreamChannel, StreamText } from '../protocol/index.js';
import type { CompiledDlp } from './compile.js';
import { DlpBlockedError, type FindingHasher } from './findings.js';
import { placeholderSafeCut, type Redactor } from './redact.js';
import { scanText, type Match } from './scan.js';

/** Upper bound on how long an open-ended value is held before it is released (redacted) anyway. */
export const MAX_HOLD_CHARS = 16384;
/** Released text kept (unsent again) so context words before a value are still seen. */
const CONTEXT_CHARS = 64;
/**
 * Fewest characters a scan must be able to release before it runs (unless the choice ends or the
 * bound forces a cut). Each scan reads the context and the whole window (~200 characters by
 * default) to release what has aged out of it: run on every token (~4 characters), the stream's
 * text would be scanned ~50 times over; in steps of 32, about 7 times, for at most 32 characters
 * of extra delay. Nothing undecided is released either way.
 */
export const RELEASE_STEP_CHARS = 32;

interface HeldChannel {
  readonly path: string;
  readonly jsonString: boolean;
  pending: string;
  context: string;
  /** Characters of this channel already released. */
  offset: number;
  /** Released ranges that were redacted, in channel offsets (for masking logprobs tokens). */
  readonly redacted: [number, number][];
}

export interface HoldBackOptions {
  readonly compiled: CompiledDlp;
  readonly redactor: Redactor;
  readonly hasher: FindingHasher;
  /** Scan the output (settings.scan_response); when false only placeholders are restored. */
  readonly scan: boolean;
}

/** Start of the trailing run of non-whitespace characters. */
function trailingTokenStart(text: string): number {
  let i = text.length;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 32 || c === 10 || c === 9 || c === 13) break;
    i--;
  }
  return i;
}

const newChannel = (path: string, jsonString: boolean): HeldChannel => ({ path, jsonString, pending: '', context: '', offset: 0, redacted: [] });

/**
 * Streamed text judged with a hold-back window; throws DlpBlockedError when a released match's
 * action is block.
 * @example
 * const text = new HoldBackText({ compiled, redactor, hasher, scan: true });
 * const channel = { key: '0:content', path: 'choices[0].delta.content', jsonString: false };
 * text.feed(channel, 'card 4111', false); // '' (younger than the window: held)
 * text.feed(channel, ' 1111 1111 1111 thanks', true); // 'card [CREDIT_CARD_1] thanks' (final: all of it)
 */
export class HoldBackText implements StreamText {
  readonly findings: Finding[] = [];
  private readonly channels = new Map<string, HeldChannel>();

  constructor(private readonly options: HoldBackOptions) {}

  feed(channel: StreamChannel, delta: string, final: boolean): string {
    let held = this.channels.get(channel.key);
    if (!held) this.channels.set(channel.key, (held = newChannel(channel.path, channel.jsonString)));
    return this.release(held, delta, final);
  }

  has(key: string): boolean {
    return this.channels.has(key);
  }

  whole(text: string, path: string): string {
    return this.release(newChannel(path, false), text, true);
  }

  releaseHeld(prefix: string): { key: string; text: string }[] {
    const out: { key: string; text: string }[] = [];
    for (const [key, held] of this.channels) {
      if (!key.startsWith(prefix) || !held.pending) continue;
      const text = this.release(held, '', true);
      if (text) out.push({ key, text });
    }
    return out;
  }

  decided(key: string): DecidedText {
    return this.channels.get(key) ?? { offset: Infinity, redacted: [] };
  }

  /** The matches in the channel's pending text (context before it included, offsets into pending). */
  private matchesOf(held: HeldChannel): Match[] {
    if (!this.options.scan) return [];
    const ctxLen = held.context.length;
    return scanText(this.options.compiled, held.context + held.pending)
      .filter((m) => m.end > ctxLen)
      .map((m) => ({ ...m, start: Math.max(0, m.start - ctxLen), end: m.end - ctxLen }));
  }

  /**
   * True when a scan now could release fewer than RELEASE_STEP_CHARS (cutOf never answers more
   * than the aged-out text before the trailing token), and no bound forces a cut.
   */
  private nothingToRelease(pending: string): boolean {
    const len = pending.length;
    return Math.min(len - this.options.compiled.holdBackChars, trailingTokenStart(pending)) < RELEASE_STEP_CHARS && len <= MAX_HOLD_CHARS;
  }

  /** Where the pending text may be cut now: nothing of an open match or token goes out. */
  private cutOf(pending: string, matches: readonly Match[]): number {
    const len = pending.length;
    let cut = Math.min(len - this.options.compiled.holdBackChars, trailingTokenStart(pending));
    for (const m of matches) {
      const open = m.end >= len - 1;
      if (open || (m.start < cut && m.end > cut)) cut = Math.min(cut, m.start);
    }
    cut = Math.max(cut, len - MAX_HOLD_CHARS, 0);
    // Forced by the bound: never cut through a match, take all of it.
    for (const m of matches) if (m.start < cut && m.end > cut) cut = m.end;
    cut = placeholderSafeCut(pending, cut);
    const code = pending.charCodeAt(cut - 1);
    if (cut > 0 && code >= 0xd800 && code <= 0xdbff) cut--;
    return cut;
  }

  /** Appends `delta` and returns what may be sent now, redacted and restored. */
  private release(held: HeldChannel, delta: string, final: boolean): string {
    const { redactor, hasher } = this.options;
    held.pending += delta;
    const pending = held.pending;
    // While the window is still filling nothing can be released, whatever a scan would find
    // (matches only move the cut back): the scan waits for a chunk that can release a step.
    if (!final && this.nothingToRelease(pending)) return '';
    const matches = this.matchesOf(held);
    const cut = final ? pending.length : this.cutOf(pending, matches);
    if (cut <= 0) return '';
    const released = matches.filter((m) => m.start < cut);
    const head = pending.slice(0, cut);
    if (released.length) {
      const found = hasher.findings(released, head, 'response', held.path, held.offset);
      this.findings.push(...found);
      if (found.some((f) => f.action === 'block')) throw new DlpBlockedError(found, 'response');
    }
    for (const m of released) if (m.action === 'redact') held.redacted.push([held.offset + m.start, held.offset + m.end]);
    let out = released.length ? redactor.redact(head, released, false) : head;
    out = redactor.restore(out, held.jsonString);
    held.context = (held.context + head).slice(-CONTEXT_CHARS);
    held.offset += cut;
    held.pending = pending.slice(cut);
    return out;
  }
}
