// The three kinds of tokenizer.json a Hugging Face export carries, built by script (nothing is
// downloaded), each with the tokenizer_config.json and special_tokens_map.json that
// transformers' save_pretrained writes beside it:
//
//   wordpiece  BERT (bert-base-uncased layout): BertNormalizer (lower case, accents stripped),
//              BertPreTokenizer, WordPiece with '##', TemplateProcessing [CLS] $A [SEP]; with
//              truncation (3/4 of the positions) and padding set, as sentence-transformers ship it.
//   unigram    DeBERTa-v3 (SentencePiece converted by transformers' DebertaV2Converter):
//              Strip + NFKC + Replace(' {2,}'), WhitespaceSplit + Metaspace('▁', always),
//              Unigram with scores, TemplateProcessing [CLS] $A [SEP], model_max_length 1e30.
//              The real file's Precompiled normalizer (SentencePiece's nmt_nfkc charsmap, a
//              binary trie) is replaced by the NFKC normalizer it amounts to.
//   bpe        RoBERTa (roberta-base layout): no normalizer, ByteLevel pre-tokenizer and
//              decoder ('Ġ'), BPE with merges learned here, RobertaProcessing <s> $A </s>.
//
// The layouts follow the files transformers 4.x writes for those models; vocabularies are tiny
// and made from WORDS below.
import { byteLevelWords, byteToChar, trainMerges } from './byte-level-bpe.mjs';

/** The words every vocabulary is made from (cased; BERT lower-cases them). */
export const WORDS = (
  'the a an and or of to in on at for with from by is was were be has have had not this that these those it he she they we you i my our your his her their ' +
  'patient doctor nurse hospital clinic london paris berlin madrid rome tokyo alice bob carol dave erin frank grace heidi ivan judy mallory oscar peggy trent victor walter ' +
  'met visited called wrote lives works moved flew today yesterday tomorrow meeting report memo office city street river company bank team project budget plan deal ' +
  'john mary james linda robert susan michael karen david lisa new york san francisco washington chicago boston denver seattle dallas'
).split(' ');
const NAMES = new Set(['london', 'paris', 'berlin', 'madrid', 'rome', 'tokyo', 'alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'oscar', 'peggy', 'trent', 'victor', 'walter', 'john', 'mary', 'james', 'linda', 'robert', 'susan', 'michael', 'karen', 'david', 'lisa', 'new', 'york', 'san', 'francisco', 'washington', 'chicago', 'boston', 'denver', 'seattle', 'dallas', 'josé', 'müller']);
const cased = (w) => (NAMES.has(w) ? w[0].toUpperCase() + w.slice(1) : w);
const PUNCTUATION = ['.', ',', ':', ';', '!', '?', "'", '-', '(', ')'];
/** Characters the cased vocabularies cover one by one (東 is known, 京 is left out on purpose: an unknown character). */
const CHARACTERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', ...PUNCTUATION, 'é', 'ü', 'ö', 'ë', '東'];

const added = (id, content, extra = {}) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true, ...extra });
const decoderOf = (tokens) => Object.fromEntries(tokens.map((t) => [String(t.id), { content: t.content, lstrip: t.lstrip, normalized: t.normalized, rstrip: t.rstrip, single_word: t.single_word, special: true }]));
const template = (cls, sep, vocab) => ({
  type: 'TemplateProcessing',
  single: [{ SpecialToken: { id: cls, type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: sep, type_id: 0 } }],
  pair: [{ SpecialToken: { id: cls, type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: sep, type_id: 0 } }, { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: sep, type_id: 1 } }],
  special_tokens: { [cls]: { id: cls, ids: [vocab[cls]], tokens: [cls] }, [sep]: { id: sep, ids: [vocab[sep]], tokens: [sep] } },
});

/**
 * BERT: an uncased WordPiece vocabulary.
 *
 * @example
 * const { tokenizer, tokenizerConfig, specialTokensMap, vocabSize } = wordPieceTokenizer(128);
 */
export function wordPieceTokenizer(maxLength) {
  const special = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
  const letters = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
  const pieces = ['##s', '##ed', '##ing', '##er', '##ly'];
  // 東 is known (BERT splits CJK characters into words of their own), 京 is not: [UNK].
  const list = [...new Set([...special, ...letters, ...letters.map((c) => `##${c}`), ...WORDS, ...pieces, ...PUNCTUATION, '東'])];
  const vocab = Object.fromEntries(list.map((t, i) => [t, i]));
  const addedTokens = special.map((t) => added(vocab[t], t));
  return {
    specials: { cls: '[CLS]', sep: '[SEP]' },
    vocabSize: list.length,
    tokenizer: {
      version: '1.0',
      // As sentence-transformers checkpoints ship it: truncation below the model's positions
      // (3/4 of them here), padding to the longest of a batch.
      truncation: { direction: 'Right', max_length: Math.floor((maxLength * 3) / 4), strategy: 'LongestFirst', stride: 0 },
      padding: { strategy: 'BatchLongest', direction: 'Right', pad_to_multiple_of: null, pad_id: vocab['[PAD]'], pad_type_id: 0, pad_token: '[PAD]' },
      added_tokens: addedTokens,
      normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
      pre_tokenizer: { type: 'BertPreTokenizer' },
      post_processor: template('[CLS]', '[SEP]', vocab),
      decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
      model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
    },
    tokenizerConfig: {
      added_tokens_decoder: decoderOf(addedTokens),
      clean_up_tokenization_spaces: true,
      cls_token: '[CLS]',
      do_basic_tokenize: true,
      do_lower_case: true,
      mask_token: '[MASK]',
      model_max_length: maxLength,
      never_split: null,
      pad_token: '[PAD]',
      sep_token: '[SEP]',
      strip_accents: null,
      tokenize_chinese_chars: true,
      tokenizer_class: 'BertTokenizer',
      unk_token: '[UNK]',
    },
    specialTokensMap: { cls_token: '[CLS]', mask_token: '[MASK]', pad_token: '[PAD]', sep_token: '[SEP]', unk_token: '[UNK]' },
  };
}

/**
 * DeBERTa-v3: a cased SentencePiece Unigram vocabulary ('▁' marks a word start) with log
 * probabilities: whole words score better than their pieces, so the lattice prefers them.
 *
 * @example
 * const { tokenizer } = unigramTokenizer(); // tokenizer.model.type === 'Unigram'
 */
export function unigramTokenizer() {
  const special = ['[PAD]', '[CLS]', '[SEP]', '[UNK]'];
  const words = [...new Set([...WORDS.map(cased), 'José', 'Müller', 'Zoë'])];
  const pieces = [
    ['▁', -3.5],
    ...words.map((w, i) => [`▁${w}`, -6 - (i % 17) / 10]),
    ...['s', 'ed', 'ing', 'er', 'ly', 'ller', 'Mü'].map((p) => [p, -7.5]),
    ...CHARACTERS.map((c, i) => [c, -10 - (i % 7) / 10]),
    ...CHARACTERS.filter((c) => /\p{L}/u.test(c)).map((c) => [`▁${c}`, -11]),
  ];
  const vocab = [...special.map((t) => [t, 0]), ...pieces.filter(([p], i) => pieces.findIndex(([q]) => q === p) === i)];
  const mask = vocab.length;
  const ids = Object.fromEntries(vocab.map(([t], i) => [t, i]));
  const addedTokens = [...special.map((t) => added(ids[t], t, t === '[UNK]' ? { normalized: true } : {})), added(mask, '[MASK]')];
  return {
    specials: { cls: '[CLS]', sep: '[SEP]' },
    vocabSize: mask + 1,
    tokenizer: {
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: addedTokens,
      normalizer: { type: 'Sequence', normalizers: [{ type: 'Strip', strip_left: true, strip_right: true }, { type: 'NFKC' }, { type: 'Replace', pattern: { Regex: ' {2,}' }, content: ' ' }] },
      pre_tokenizer: { type: 'Sequence', pretokenizers: [{ type: 'WhitespaceSplit' }, { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true }] },
      post_processor: template('[CLS]', '[SEP]', { ...ids, '[MASK]': mask }),
      decoder: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true },
      model: { type: 'Unigram', unk_id: ids['[UNK]'], vocab, byte_fallback: false },
    },
    tokenizerConfig: {
      added_tokens_decoder: decoderOf(addedTokens),
      bos_token: '[CLS]',
      clean_up_tokenization_spaces: false,
      cls_token: '[CLS]',
      do_lower_case: false,
      eos_token: '[SEP]',
      mask_token: '[MASK]',
      // transformers writes VERY_LARGE_INTEGER when the checkpoint names no limit, as DeBERTa-v3's does.
      model_max_length: 1e30,
      pad_token: '[PAD]',
      sep_token: '[SEP]',
      sp_model_kwargs: {},
      split_by_punct: false,
      tokenizer_class: 'DebertaV2Tokenizer',
      unk_token: '[UNK]',
      vocab_type: 'spm',
    },
    specialTokensMap: { bos_token: '[CLS]', cls_token: '[CLS]', eos_token: '[SEP]', mask_token: '[MASK]', pad_token: '[PAD]', sep_token: '[SEP]', unk_token: { content: '[UNK]', lstrip: false, normalized: true, rstrip: false, single_word: false } },
  };
}

/**
 * RoBERTa: byte-level BPE over all 256 byte characters plus merges learned from WORDS (cased,
 * with and without the leading space 'Ġ').
 *
 * @example
 * const { tokenizer } = byteLevelBpeTokenizer(128); // tokenizer.model.merges[0] === 'Ġ t' or similar
 */
export function byteLevelBpeTokenizer(maxLength) {
  const counts = new Map();
  const sentence = WORDS.map(cased).join(' ') + ' José Müller went to Zürich with Zoë.';
  for (const word of byteLevelWords(sentence)) counts.set(word, (counts.get(word) ?? 0) + 2);
  for (const word of byteLevelWords(WORDS.slice(0, 40).map(cased).join(' '))) counts.set(word, (counts.get(word) ?? 0) + 1);
  const merges = trainMerges(counts, 320);
  const list = ['<s>', '<pad>', '</s>', '<unk>'];
  for (const c of [...byteToChar()].sort((a, b) => a.codePointAt(0) - b.codePointAt(0))) list.push(c);
  for (const [a, b] of merges) if (!list.includes(a + b)) list.push(a + b);
  list.push('<mask>');
  const vocab = Object.fromEntries(list.map((t, i) => [t, i]));
  const addedTokens = [added(0, '<s>', { normalized: true }), added(1, '<pad>', { normalized: true }), added(2, '</s>', { normalized: true }), added(3, '<unk>', { normalized: true }), added(vocab['<mask>'], '<mask>', { lstrip: true })];
  return {
    specials: { cls: '<s>', sep: '</s>' },
    vocabSize: list.length,
    tokenizer: {
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: addedTokens,
      normalizer: null,
      pre_tokenizer: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true },
      post_processor: { type: 'RobertaProcessing', sep: ['</s>', 2], cls: ['<s>', 0], trim_offsets: true, add_prefix_space: false },
      decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
      model: { type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: '', end_of_word_suffix: '', fuse_unk: false, byte_fallback: false, ignore_merges: false, vocab, merges: merges.map(([a, b]) => `${a} ${b}`) },
    },
    tokenizerConfig: {
      add_prefix_space: false,
      added_tokens_decoder: decoderOf(addedTokens),
      bos_token: '<s>',
      clean_up_tokenization_spaces: false,
      cls_token: '<s>',
      eos_token: '</s>',
      errors: 'replace',
      mask_token: '<mask>',
      model_max_length: maxLength,
      pad_token: '<pad>',
      sep_token: '</s>',
      tokenizer_class: 'RobertaTokenizer',
      trim_offsets: true,
      unk_token: '<unk>',
    },
    specialTokensMap: {
      bos_token: '<s>',
      cls_token: '<s>',
      eos_token: '</s>',
      mask_token: { content: '<mask>', lstrip: true, normalized: false, rstrip: false, single_word: false },
      pad_token: '<pad>',
      sep_token: '</s>',
      unk_token: '<unk>',
    },
  };
}

/** The tokenizer each export style ships with. */
export const TOKENIZER_OF_STYLE = { bert: 'wordpiece', roberta: 'bpe', deberta: 'unigram' };

export function buildTokenizer(kind, maxLength) {
  if (kind === 'wordpiece') return wordPieceTokenizer(maxLength);
  if (kind === 'unigram') return unigramTokenizer();
  if (kind === 'bpe') return byteLevelBpeTokenizer(maxLength);
  throw new Error(`unknown tokenizer kind ${kind} (wordpiece, unigram, bpe)`);
}
