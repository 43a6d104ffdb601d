/**
 * A Hugging Face tokenizer folder as the worker uses it: `tokenizer.json` of any kind
 * @huggingface/tokenizers reads (WordPiece, Unigram with Metaspace, byte-level BPE), with
 * `tokenizer_config.json` and `special_tokens_map.json` when present.
 *
 * - ids come from the tokenizer library, without special tokens: windows add them;
 * - offsets are rebuilt from the tokens (token-offsets.ts), since the library gives none;
 * - the special tokens around a window are the ones the tokenizer's own post-processor adds
 *   (TemplateProcessing, BertProcessing, RobertaProcessing), else cls/sep (or bos/eos) named by
 *   the config files;
 * - the longest sequence is tokenizer.json's `truncation.max_length`, else the config's
 *   `model_max_length` (transformers writes 1e30 there when a checkpoint names no limit: ignored).
 */
import { Tokenizer } from '@huggingface/tokenizers';
import { surfaceOf, tokenOffsets, type Offsets } from './token-offsets.js';

type Json = Record<string, unknown>;

export interface HfTokenizerFiles {
  readonly tokenizer: Json;
  readonly config?: Json;
  readonly specialTokensMap?: Json;
}

export interface HfEncoding {
  /** Ids without special tokens. */
  readonly ids: number[];
  readonly tokens: string[];
  /** Each token's characters in the text (UTF-16, end exclusive); [-1, -1] when unknown. */
  readonly offsets: Offsets;
}

export interface HfTokenizer {
  encode(text: string): HfEncoding;
  /** Ids put before and after every window ([CLS] … [SEP], <s> … </s>). */
  readonly prefixIds: readonly number[];
  readonly suffixIds: readonly number[];
  /** The longest sequence, special tokens included, the tokenizer files allow; null if they name none. */
  readonly maxLength: number | null;
}

/** A special token is written as a string or as {content: string}. */
const tokenName = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof (v as { content?: unknown } | null)?.content === 'string' ? (v as { content: string }).content : undefined);

/** Special ids the post-processor puts around a single sequence, or null when it adds none we can read. */
function postProcessorIds(processor: unknown, idOf: (t: string) => number | null): { prefix: number[]; suffix: number[] } | null {
  const p = processor as Json | null;
  if (!p || typeof p !== 'object') return null;
  if (p.type === 'Sequence' && Array.isArray(p.processors)) {
    for (const inner of p.processors as unknown[]) {
      const found = postProcessorIds(inner, idOf);
      if (found) return found;
    }
    return null;
  }
  if ((p.type === 'BertProcessing' || p.type === 'RobertaProcessing') && Array.isArray(p.cls) && Array.isArray(p.sep)) {
    return { prefix: [Number(p.cls[1])], suffix: [Number(p.sep[1])] };
  }
  if (p.type === 'TemplateProcessing' && Array.isArray(p.single)) {
    const specials = (p.special_tokens ?? {}) as Record<string, { ids?: number[] }>;
    const prefix: number[] = [];
    const suffix: number[] = [];
    let seenSequence = false;
    for (const piece of p.single as Json[]) {
      if (piece.Sequence) seenSequence = true;
      const special = piece.SpecialToken as { id?: string } | undefined;
      if (!special?.id) continue;
      const ids = specials[special.id]?.ids ?? [idOf(special.id)].filter((i): i is number => i !== null);
      (seenSequence ? suffix : prefix).push(...ids);
    }
    return { prefix, suffix };
  }
  return null;
}

const USABLE_LIMIT = 1_000_000;

/**
 * @example
 * const tokenizer = loadHfTokenizer({ tokenizer: JSON.parse(tokenizerJson), config: JSON.parse(configJson) });
 * tokenizer.encode('José Müller 東京') // { ids: [...], tokens: ['▁José', '▁Müller', '▁東', '京'], offsets: [[0, 4], [5, 11], [12, 13], [13, 14]] }
 */
export function loadHfTokenizer(files: HfTokenizerFiles): HfTokenizer {
  const config = files.config ?? {};
  const map = files.specialTokensMap ?? {};
  const library = new Tokenizer(files.tokenizer as never, config as never);
  const idOf = (t: string): number | null => {
    // token_to_id knows the added tokens too (RoBERTa's <s> </s>, DeBERTa's [CLS] [SEP]).
    const id = library.token_to_id(t);
    return typeof id === 'number' ? id : null;
  };
  const named = (...keys: string[]) => {
    for (const key of keys) {
      const name = tokenName(map[key]) ?? tokenName(config[key]);
      const id = name === undefined ? null : idOf(name);
      if (id !== null) return [id];
    }
    return [];
  };
  const around = postProcessorIds(files.tokenizer.post_processor, idOf) ?? { prefix: named('cls_token', 'bos_token'), suffix: named('sep_token', 'eos_token') };
  const truncation = files.tokenizer.truncation as { max_length?: unknown } | null | undefined;
  const limits = [truncation?.max_length, config.model_max_length].filter((v): v is number => Number.isInteger(v) && (v as number) > 0 && (v as number) < USABLE_LIMIT);
  const surface = surfaceOf(files.tokenizer);
  const normalizer = library.normalizer;
  const normalise = normalizer ? (s: string) => normalizer.normalize(s) : null;
  return {
    prefixIds: around.prefix,
    suffixIds: around.suffix,
    maxLength: limits.length ? limits[0]! : null,
    encode(text) {
      const { ids, tokens } = library.encode(text, { add_special_tokens: false });
      return { ids, tokens, offsets: tokenOffsets(text, tokens, surface, normalise) };
    },
  };
}
