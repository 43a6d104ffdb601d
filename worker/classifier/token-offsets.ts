/**
 * Character offsets for the tokens of a Hugging Face tokenizer. @huggingface/tokenizers (the pure
 * JavaScript port the worker runs) returns ids and token strings but no offsets, so they are
 * rebuilt here the way the reference implementation (the Rust `tokenizers`, which Python
 * pipelines use) reports them, in UTF-16 units of the caller's text:
 *
 * - the text is normalised one character (with its combining marks) at a time with the
 *   tokenizer's own normalizer, so every normalised byte knows the original characters it came
 *   from (lower-casing, stripped accents, NFKC, BERT's spaces around CJK characters);
 * - a token's text is read back as UTF-8 bytes by its kind: WordPiece drops its continuing-subword
 *   prefix ('##'), SentencePiece's Metaspace '▁' is a space, byte-level BPE maps each character
 *   back to its byte ('Ġ' = space; a multi-byte character may be split over several tokens, each
 *   of which then covers that whole character);
 * - leading spaces are trimmed (RoBERTa's trim_offsets), a token that is only a space marker gets
 *   the empty range after its space (byte-level) or the next character's range (Metaspace), as
 *   the Rust library gives;
 * - tokens are matched in order from a cursor, with a bounded look-ahead, so the work stays linear
 *   in the text; an unknown token ([UNK]) covers the characters between its neighbours.
 */

/** How a tokenizer.json writes its tokens, read once at load. */
export interface TokenSurface {
  readonly byteLevel: boolean;
  /** Metaspace's replacement character ('▁'), if the tokenizer uses one. */
  readonly metaspace: string | null;
  /** WordPiece's (or BPE's) continuing-subword prefix, '##' for BERT. */
  readonly continuingPrefix: string;
  /** BPE's end-of-word suffix ('</w>' in some vocabularies). */
  readonly endOfWordSuffix: string;
  readonly unkToken: string | null;
}

type Json = Record<string, unknown>;

/** Every component of a (possibly nested) Sequence. */
function components(component: unknown, key: 'pretokenizers' | 'decoders'): Json[] {
  if (!component || typeof component !== 'object') return [];
  const c = component as Json;
  return c.type === 'Sequence' && Array.isArray(c[key]) ? (c[key] as unknown[]).flatMap((inner) => components(inner, key)) : [c];
}

/**
 * @example
 * surfaceOf({ model: { type: 'WordPiece', continuing_subword_prefix: '##', unk_token: '[UNK]' } })
 * // { byteLevel: false, metaspace: null, continuingPrefix: '##', endOfWordSuffix: '', unkToken: '[UNK]' }
 */
export function surfaceOf(tokenizerJson: Json): TokenSurface {
  const parts = [...components(tokenizerJson.pre_tokenizer, 'pretokenizers'), ...components(tokenizerJson.decoder, 'decoders')];
  const metaspace = parts.find((p) => p.type === 'Metaspace');
  const model = (tokenizerJson.model ?? {}) as Json;
  const unigramUnk = model.type === 'Unigram' && Array.isArray(model.vocab) && typeof model.unk_id === 'number' ? (model.vocab as unknown[][])[model.unk_id]?.[0] : undefined;
  const unk = typeof model.unk_token === 'string' ? model.unk_token : typeof unigramUnk === 'string' ? unigramUnk : null;
  return {
    byteLevel: parts.some((p) => p.type === 'ByteLevel'),
    metaspace: metaspace ? (typeof metaspace.replacement === 'string' ? metaspace.replacement : '\u2581') : null,
    continuingPrefix: typeof model.continuing_subword_prefix === 'string' ? model.continuing_subword_prefix : model.type === 'WordPiece' ? '##' : '',
    endOfWordSuffix: typeof model.end_of_word_suffix === 'string' ? model.end_of_word_suffix : '',
    unkToken: unk,
  };
}

/** GPT-2's byte-level alphabet read backwards: the character standing for each byte. */
let charToByte: Map<number, number> | null = null;
function byteOfChar(code: number): number | undefined {
  if (!charToByte) {
    charToByte = new Map();
    let shifted = 0;
    for (let b = 0; b < 256; b++) {
      const printable = (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
      charToByte.set(printable ? b : 256 + shifted++, b);
    }
  }
  return charToByte.get(code);
}

/** UTF-8 bytes of a string, appended to `out`. */
function pushUtf8(text: string, out: number[]): void {
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
}

/** A token's text as the bytes it stands for in the normalised text. */
function tokenBytes(token: string, surface: TokenSurface): number[] {
  const out: number[] = [];
  if (surface.byteLevel) {
    for (const ch of token) {
      const b = byteOfChar(ch.codePointAt(0)!);
      if (b === undefined) pushUtf8(ch, out);
      else out.push(b);
    }
    return out;
  }
  let text = token;
  if (surface.continuingPrefix && text.length > surface.continuingPrefix.length && text.startsWith(surface.continuingPrefix)) text = text.slice(surface.continuingPrefix.length);
  if (surface.endOfWordSuffix && text.endsWith(surface.endOfWordSuffix)) text = text.slice(0, -surface.endOfWordSuffix.length);
  if (surface.metaspace) text = text.split(surface.metaspace).join(' ');
  pushUtf8(text, out);
  return out;
}

/** The normalised text as bytes, each byte with the range of original characters it came from. */
interface NormalisedView {
  readonly bytes: Uint8Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
}

/** A character with its combining marks: the unit normalisers (NFKC, accent stripping) work on. */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu;
const CODE_POINT = /./gsu;

function normalisedView(text: string, normalise: ((s: string) => string) | null): NormalisedView {
  const bytes: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const memo = new Map<string, number[]>();
  // Without a normaliser (byte-level BPE) each code point stands for itself, as in the reference.
  for (const match of text.matchAll(normalise ? CLUSTER : CODE_POINT)) {
    const cluster = match[0];
    let encoded = memo.get(cluster);
    if (!encoded) {
      encoded = [];
      // Whitespace stays a space: per character, a Strip normaliser would drop it, yet it is what
      // separates words (and several unknown words) in the view.
      pushUtf8(!normalise ? cluster : /^\s+$/u.test(cluster) ? ' ' : normalise(cluster), encoded);
      if (memo.size < 4096) memo.set(cluster, encoded);
    }
    const start = match.index;
    for (const b of encoded) {
      bytes.push(b);
      from.push(start);
      to.push(start + cluster.length);
    }
  }
  return { bytes: Uint8Array.from(bytes), from: Int32Array.from(from), to: Int32Array.from(to) };
}

const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
/**
 * How far past the cursor a token may start: text the normaliser dropped, or, after an unknown
 * token, the unknown word (WordPiece gives up on words past 100 characters, 400 bytes at most).
 */
const LOOK_AHEAD = 64;
const LOOK_AHEAD_AFTER_UNKNOWN = 1024;

function matchesAt(view: NormalisedView, at: number, wanted: readonly number[]): boolean {
  if (at + wanted.length > view.bytes.length) return false;
  for (let k = 0; k < wanted.length; k++) if (view.bytes[at + k] !== wanted[k]) return false;
  return true;
}

export type Offsets = Array<readonly [number, number]>;

/**
 * Offsets of `tokens` (the tokenizer's output for `text`, special tokens left out) in `text`,
 * end exclusive; [-1, -1] where a token cannot be placed.
 *
 * @example
 * tokenOffsets('José visited', ['jose', 'visited'], surface, (s) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, ''))
 * // [[0, 4], [5, 12]]
 */
export function tokenOffsets(text: string, tokens: readonly string[], surface: TokenSurface, normalise: ((s: string) => string) | null): Offsets {
  const view = normalisedView(text, normalise);
  const n = view.bytes.length;
  const offsets: Array<[number, number]> = tokens.map(() => [-1, -1]);
  let cursor = 0;
  let pending: number[] = [];
  let pendingFrom = 0;
  const skipSpaces = (at: number, keep?: number) => {
    while (at < n && isSpace(view.bytes[at]!) && view.bytes[at] !== keep) at++;
    return at;
  };
  const settlePending = (gapEnd: number) => {
    if (!pending.length) return;
    let end = gapEnd;
    while (end > pendingFrom && isSpace(view.bytes[end - 1]!)) end--;
    // Several unknown tokens in one gap: one word (or, failing that, one character) each.
    const words: Array<[number, number]> = [];
    for (let at = pendingFrom; at < end; ) {
      const start = at;
      while (at < end && !isSpace(view.bytes[at]!)) at++;
      words.push([start, at]);
      at = skipSpaces(at);
    }
    pending.forEach((index, k) => {
      const [s, e] = words.length === pending.length ? words[k]! : [pendingFrom, end];
      if (e > s) offsets[index] = [view.from[s]!, view.to[e - 1]!];
    });
    pending = [];
  };
  tokens.forEach((token, index) => {
    if (surface.unkToken !== null && token === surface.unkToken) {
      if (!pending.length) pendingFrom = skipSpaces(cursor);
      pending.push(index);
      return;
    }
    const bytes = tokenBytes(token, surface);
    let lead = 0;
    while (lead < bytes.length && bytes[lead] === 0x20) lead++;
    if (lead === bytes.length) {
      // Only a space marker. Byte-level: the empty range after its space; Metaspace: the range of
      // the character it stands before.
      if (surface.byteLevel) {
        let at = cursor;
        for (let k = 0; k < lead && at < n && view.bytes[at] === 0x20; k++) at++;
        if (at > cursor) {
          offsets[index] = [view.to[at - 1]!, view.to[at - 1]!];
          cursor = at;
        }
      } else {
        const at = skipSpaces(cursor);
        if (at < n) offsets[index] = [view.from[at]!, view.to[at]!];
      }
      return;
    }
    const wanted = bytes.slice(lead);
    const first = skipSpaces(cursor, wanted[0]);
    let found = -1;
    const limit = first + (pending.length ? LOOK_AHEAD_AFTER_UNKNOWN : LOOK_AHEAD);
    for (let at = first; at < n && at <= limit; at++) {
      if (matchesAt(view, at, wanted)) {
        found = at;
        break;
      }
    }
    if (found < 0) return;
    settlePending(found);
    const last = found + wanted.length - 1;
    offsets[index] = [view.from[found]!, view.to[last]!];
    cursor = last + 1;
  });
  if (pending.length) settlePending(n);
  return offsets;
}
