/**
 * Transformer models: text to token ids with the model's own Hugging Face `tokenizer.json`
 * (@huggingface/tokenizers, pure JavaScript), windows of token ids, and BIO tags back to typed
 * character spans.
 */
import { Tokenizer } from '@huggingface/tokenizers';

export interface TokenizedText {
  /** Ids without the special tokens the post-processor adds. */
  readonly ids: number[];
  /** Character offsets of each id's text in the input (end exclusive); [-1, -1] when unknown. */
  readonly offsets: Array<readonly [number, number]>;
  readonly clsId: number | null;
  readonly sepId: number | null;
}

/**
 * @example
 * const tokenizer = loadTokenizer(tokenizerJson, tokenizerConfigJson);
 * const { ids, offsets } = tokenize(tokenizer, 'Alice visited London');
 */
export function loadTokenizer(tokenizerJson: unknown, configJson: unknown = {}): Tokenizer {
  return new Tokenizer(tokenizerJson as never, configJson as never);
}

/**
 * Encodes `text` and aligns every token with its characters (WordPiece `##` pieces continue the
 * previous word), so tags can become offsets in the caller's text.
 */
export function tokenize(tokenizer: Tokenizer, text: string, special: { cls?: string; sep?: string } = {}): TokenizedText {
  const encoded = tokenizer.encode(text, { add_special_tokens: false } as never) as unknown as { ids: number[]; tokens: string[] };
  const lower = text.toLowerCase();
  const offsets: Array<readonly [number, number]> = [];
  let cursor = 0;
  for (const token of encoded.tokens) {
    // WordPiece continues with '##'; byte-level BPE marks a leading space with 'Ġ', Unigram
    // (SentencePiece) with '▁'.
    const piece = token.startsWith('##') ? token.slice(2) : token.replace(/^[\u0120\u2581]/, '');
    const at = piece && token !== '[UNK]' ? lower.indexOf(piece.toLowerCase(), cursor) : -1;
    if (at < 0) {
      offsets.push([-1, -1]);
      continue;
    }
    offsets.push([at, at + piece.length]);
    cursor = at + piece.length;
  }
  const id = (t: string): number | null => {
    // token_to_id also knows the added tokens (RoBERTa's <s> </s>, DeBERTa's [CLS] [SEP]).
    const found = (tokenizer as unknown as { token_to_id(t: string): number | undefined }).token_to_id(t);
    return typeof found === 'number' ? found : null;
  };
  return { ids: encoded.ids, offsets, clsId: id(special.cls ?? '[CLS]'), sepId: id(special.sep ?? '[SEP]') };
}

export interface TokenSpan {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly score: number;
}

/**
 * BIO tags to spans: B-X starts an X, I-X continues it (an I-X after anything else starts one);
 * a span's score is the mean of its tokens' tag probabilities.
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
    const match = /^([BI])-(.+)$/.exec(tag.label);
    if (!match || start < 0) return close();
    const [, bio, type] = match;
    if (bio === 'I' && open && open.type === type) {
      open.end = end;
      open.scores.push(tag.score);
      return;
    }
    close();
    open = { type: type!, start, end, scores: [tag.score] };
  });
  close();
  return spans;
}
