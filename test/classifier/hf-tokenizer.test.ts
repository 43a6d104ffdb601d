/**
 * The worker's tokenizer (@huggingface/tokenizers, pure JavaScript, offsets rebuilt in
 * token-offsets.ts) against Hugging Face's Rust tokenizer, for the three kinds an export carries,
 * each built by scripts/build-tiny-transformer.mjs: the same ids, the same character offsets (in
 * UTF-16 units), and the same special tokens around a window as the tokenizer's own
 * post-processor adds.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadHfTokenizer, tokenWindows } from '../../worker/classifier/index.js';
import { buildModel, rustEncode } from './helpers.js';

const TEXTS = [
  'Alice visited London yesterday with Bob and Carol.',
  'José Müller flew to 東京 with Zoë (the doctor), today!',
  '  Two  spaces   and\ttab\nnewline café naïve 😀 x',
  'Ｆｕｌｌ width ﬁ ligature, ［UNK］ [UNK] supercalifragilisticexpialidociousword 東京東京',
  '',
];
const KINDS = [
  ['bert', 'wordpiece'],
  ['deberta', 'unigram'],
  ['roberta', 'bpe'],
] as const;

const load = (dir: string) => {
  const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
  return loadHfTokenizer({ tokenizer: read('tokenizer.json'), config: read('tokenizer_config.json'), specialTokensMap: read('special_tokens_map.json') });
};

describe.each(KINDS)('%s export, %s tokenizer.json', (style, kind) => {
  const dir = buildModel('--export', style, '--no-quantized');
  const tokenizer = load(dir);

  it('is the kind it claims to be', () => {
    const json = JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8')) as { model: { type: string }; pre_tokenizer: unknown };
    expect(json.model.type).toBe({ wordpiece: 'WordPiece', unigram: 'Unigram', bpe: 'BPE' }[kind]);
    expect(JSON.stringify(json.pre_tokenizer)).toContain({ wordpiece: 'BertPreTokenizer', unigram: 'Metaspace', bpe: 'ByteLevel' }[kind]);
  });

  for (const text of TEXTS) {
    it(`gives the Rust tokenizer's ids and offsets for ${JSON.stringify(text.slice(0, 30))}`, async () => {
      const expected = await rustEncode(dir, text, false);
      const got = tokenizer.encode(text);
      expect(got.ids).toEqual(expected.ids);
      expect(got.tokens).toEqual(expected.tokens);
      // Combining marks are left out of TEXTS: the worker gives a character its marks, the Rust library does not.
      expect(got.offsets).toEqual(expected.offsets);
    });
  }

  it('puts the special tokens the post-processor adds around every window', async () => {
    const text = 'Alice visited London yesterday with Bob and Carol. '.repeat(6);
    const framed = await rustEncode(dir, text, true);
    const ids = tokenizer.encode(text).ids;
    const [first] = [...tokenWindows(ids, tokenizer, { maxLength: ids.length + 2, stride: 1 })];
    expect(first!.ids).toEqual(framed.ids);
    const windows = [...tokenWindows(ids, tokenizer, { maxLength: 16, stride: 10 })];
    expect(windows.length).toBe(Math.ceil((ids.length - 14) / 10) + 1);
    for (const w of windows) {
      expect(w.ids.length).toBeLessThanOrEqual(16);
      expect(w.ids).toEqual([...tokenizer.prefixIds, ...ids.slice(w.start, w.start + 14), ...tokenizer.suffixIds]);
    }
    expect(windows.at(-1)!.start + windows.at(-1)!.slice.length).toBe(ids.length);
  });

  it('reads the longest sequence from the tokenizer files: truncation.max_length, else model_max_length unless it is 1e30 (DeBERTa-v3)', () => {
    expect(tokenizer.maxLength).toBe({ bert: 96, roberta: 128, deberta: null }[style]);
  });
});
