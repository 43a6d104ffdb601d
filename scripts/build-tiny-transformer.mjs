#!/usr/bin/env node
// Builds, deterministically from a seed, a folder laid out like a Hugging Face ONNX export
// (optimum-cli export onnx), to prove the worker's transformer path against independent
// references without downloading anything: a small encoder with random weights and the tokenizer
// files of its kind.
//
//   node scripts/build-tiny-transformer.mjs OUT_DIR [--export bert|roberta|deberta] [--task token|sequence]
//        [--tokenizer wordpiece|unigram|bpe] [--seed 7] [--layers 1 --hidden 16 --heads 2 --ffn 32]
//        [--max-positions 128] [--no-quantized]
//
// --export writes what an export leaves: model.onnx (inputs input_ids, attention_mask and, bert
// and deberta, token_type_ids; output logits), model_quantized.onnx (int8, the quantize_dynamic
// form: scripts/tiny-transformer/quantize.mjs), config.json (architectures, model_type, id2label,
// label2id, max_position_embeddings), tokenizer.json, tokenizer_config.json and
// special_tokens_map.json (scripts/tiny-transformer/tokenizers.mjs), no model.json. The tokenizer
// follows the style (bert: WordPiece, roberta: byte-level BPE, deberta: Unigram with Metaspace)
// unless --tokenizer names another. Without --export: the older package (input_ids and
// position_ids in, probabilities out, a WordPiece tokenizer, model.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodeModel, encoderGraph } from './tiny-transformer/graph.mjs';
import { quantizeDynamic } from './tiny-transformer/quantize.mjs';
import { TOKENIZER_OF_STYLE, buildTokenizer } from './tiny-transformer/tokenizers.mjs';

const args = process.argv.slice(2);
const flag = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const number = (name, fallback) => {
  const v = flag(name);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) throw new Error(`${name} takes a whole number`);
  return Number(v);
};
const out = resolve(args[0] && !args[0].startsWith('--') ? args[0] : 'tiny-transformer');
const seed = number('--seed', 7);
const style = flag('--export') ?? 'legacy';
if (!['bert', 'roberta', 'deberta', 'legacy'].includes(style)) throw new Error('--export bert|roberta|deberta');
const task = flag('--task') ?? 'token';
if (task !== 'token' && task !== 'sequence') throw new Error('--task token|sequence');
const maxPositions = number('--max-positions', 128);
const kind = flag('--tokenizer') ?? TOKENIZER_OF_STYLE[style] ?? 'wordpiece';
const tok = buildTokenizer(kind, maxPositions);

const LABELS = task === 'sequence' ? ['clean', 'sensitive'] : ['O', 'B-PERSON', 'I-PERSON', 'B-LOCATION', 'I-LOCATION'];
const dims = { layers: number('--layers', 1), hidden: number('--hidden', 16), heads: number('--heads', 2), ffn: number('--ffn', 32) };
// A bias towards O keeps the tags varied (random weights would otherwise tag most tokens alike).
const labelBias = task === 'sequence' ? null : [1.5, 0, 0, 0, 0];
const model = encoderGraph({ style, task, vocabSize: tok.vocabSize, labels: LABELS, maxPositions, ...dims, seed, labelBias });

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'model.onnx'), encodeModel(model));
writeFileSync(join(out, 'tokenizer.json'), JSON.stringify(tok.tokenizer, null, 2));
writeFileSync(join(out, 'tokenizer_config.json'), JSON.stringify(tok.tokenizerConfig, null, 2));
if (style === 'legacy') {
  writeFileSync(
    join(out, 'model.json'),
    JSON.stringify({ version: `tiny-transformer-${seed}`, task: 'token-classification', input: 'token-ids', labels: LABELS, threshold: 0.5, max_length: 32, stride: 24 }, null, 2),
  );
} else {
  if (!args.includes('--no-quantized')) writeFileSync(join(out, 'model_quantized.onnx'), encodeModel(quantizeDynamic(model)));
  writeFileSync(join(out, 'special_tokens_map.json'), JSON.stringify(tok.specialTokensMap, null, 2));
  const family = { bert: ['Bert', 'bert'], roberta: ['Roberta', 'roberta'], deberta: ['DebertaV2', 'deberta-v2'] }[style];
  const config = {
    _name_or_path: `tiny-${style}-${task}-${seed}`,
    architectures: [`${family[0]}For${task === 'sequence' ? 'Sequence' : 'Token'}Classification`],
    attention_probs_dropout_prob: 0.1,
    hidden_act: 'gelu',
    hidden_size: dims.hidden,
    id2label: Object.fromEntries(LABELS.map((l, i) => [String(i), l])),
    intermediate_size: dims.ffn,
    label2id: Object.fromEntries(LABELS.map((l, i) => [l, i])),
    layer_norm_eps: 1e-5,
    // RoBERTa's table starts after padding_idx (1): 2 more rows than usable positions.
    max_position_embeddings: style === 'roberta' ? maxPositions + 2 : maxPositions,
    model_type: family[1],
    num_attention_heads: dims.heads,
    num_hidden_layers: dims.layers,
    pad_token_id: style === 'roberta' ? 1 : 0,
    ...(style === 'deberta' ? { position_biased_input: false, relative_attention: true, pos_att_type: ['p2c', 'c2p'] } : {}),
    torch_dtype: 'float32',
    transformers_version: '4.46.3',
    type_vocab_size: style === 'roberta' ? 1 : 2,
    vocab_size: tok.vocabSize,
  };
  writeFileSync(join(out, 'config.json'), JSON.stringify(config, null, 2));
}
console.log(`${style} ${task} model in ${out}: ${kind} tokenizer, vocab ${tok.vocabSize}, ${dims.layers} layer(s), ${dims.hidden} wide, ${dims.heads} heads, labels ${LABELS.join(' ')}`);
