/**
 * Transformer models: windows of token ids for long texts, and BIO tags back to typed character
 * spans. (Text to ids and offsets: hf-tokenizer.ts.)
 */

export interface TokenSpan {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly score: number;
}

export interface TokenWindow {
  /** Index of the window's first text token. */
  readonly start: number;
  /** The window's text tokens. */
  readonly slice: number[];
  /** What the model is fed: the special tokens around the slice. */
  readonly ids: number[];
}

/**
 * The windows a token model sees: at most `maxLength` ids each, special tokens included,
 * `stride` text tokens apart (at least one, so a stride of 0 cannot loop), the last one reaching
 * the end of the text. An empty text is one window of special tokens only.
 *
 * @example
 * [...tokenWindows([5, 6, 7, 8, 9], { prefixIds: [1], suffixIds: [2] }, { maxLength: 5, stride: 2 })].map((w) => w.ids)
 * // [[1, 5, 6, 7, 2], [1, 7, 8, 9, 2]]
 */
export function* tokenWindows(ids: readonly number[], around: { readonly prefixIds: readonly number[]; readonly suffixIds: readonly number[] }, size: { readonly maxLength: number; readonly stride: number }): Generator<TokenWindow> {
  const inner = Math.max(1, size.maxLength - around.prefixIds.length - around.suffixIds.length);
  const stride = Math.max(1, Math.min(size.stride, inner));
  for (let start = 0; start < Math.max(1, ids.length); start += stride) {
    const slice = ids.slice(start, start + inner);
    yield { start, slice, ids: [...around.prefixIds, ...slice, ...around.suffixIds] };
    if (start + inner >= ids.length) break;
  }
}

/**
 * BIO tags to spans: B-X starts an X, I-X continues it (an I-X after anything else starts one);
 * a span's score is the mean of its tokens' tag probabilities. A token with no known characters
 * ends the open span; one with an empty range (a lone byte-level space) is passed over.
 *
 * @example
 * bioSpans([{ label: 'B-PERSON', score: 0.9 }, { label: 'I-PERSON', score: 0.7 }], [[0, 4], [5, 11]])
 * // [{ type: 'PERSON', start: 0, end: 11, score: 0.8 }]
 */
export function bioSpans(tags: ReadonlyArray<{ label: string; score: number }>, offsets: ReadonlyArray<readonly [number, number]>): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: { type: string; start: number; end: number; scores: number[] } | null = null;
  const close = () => {
    if (open && open.start >= 0) spans.push({ type: open.type, start: open.start, end: open.end, score: open.scores.reduce((a, b) => a + b, 0) / open.scores.length });
    open = null;
  };
  tags.forEach((tag, i) => {
    const [start, end] = offsets[i]!;
    if (start >= 0 && start === end) return;
    const match = /^([BI])-(.+)$/.exec(tag.label);
    if (!match || start < 0) return close();
    const [, bio, type] = match;
    if (bio === 'I' && open && open.type === type) {
      // Pieces of one character (byte-level BPE) share its range: never shrink the span.
      open.end = Math.max(open.end, end);
      open.scores.push(tag.score);
      return;
    }
    close();
    open = { type: type!, start, end, scores: [tag.score] };
  });
  close();
  return spans;
}
