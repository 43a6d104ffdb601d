#!/usr/bin/env node
// Builds a tiny transformer-shaped token-classification model and its Hugging Face tokenizer,
// deterministically from a seed, to prove the worker's transformer path end to end (tokenizer,
// windows, ONNX Runtime, BIO tags to typed spans) against an independent reference in the tests:
// a WordPiece tokenizer.json, and an ONNX graph with token and position embeddings (Gather),
// LayerNormalization, one self-attention block (MatMul, Transpose, Softmax), a feed-forward
// block and a classification head over BIO labels.
//
//   node scripts/build-tiny-transformer.mjs OUT_DIR [--seed 7] [--export bert|roberta] [--task token|sequence]
//
// --export writes the folder a Hugging Face ONNX export (optimum / transformers.onnx) leaves:
// graph inputs input_ids, attention_mask and (bert) token_type_ids, output `logits` (no softmax),
// positions computed inside the graph, config.json with id2label/label2id/architectures and
// special_tokens_map.json, and no model.json. Without it: the older package (input_ids and
// position_ids in, probabilities out, model.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import onnxProto from 'onnx-proto';
import { rng } from './tier3/corpus.mjs';

const { onnx } = onnxProto;
const out = resolve(process.argv[2] ?? 'tiny-transformer');
const seed = process.argv.includes('--seed') ? Number(process.argv[process.argv.indexOf('--seed') + 1]) : 7;
const random = rng(seed);
const flag = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const exportStyle = flag('--export') ?? null;
if (exportStyle !== null && exportStyle !== 'bert' && exportStyle !== 'roberta') throw new Error('--export bert|roberta');
const task = flag('--task') ?? 'token';
if (task !== 'token' && task !== 'sequence') throw new Error('--task token|sequence');

const WORDS = ('the a an and or of to in on at for with from by is was were be has have had not this that these those it he she they we you i my our your his her their ' +
  'patient doctor nurse hospital clinic london paris berlin madrid rome tokyo alice bob carol dave erin frank grace heidi ivan judy mallory oscar peggy trent victor walter ' +
  'met visited called wrote lives works moved flew today yesterday tomorrow meeting report memo office city street river company bank team project budget plan deal ' +
  'john mary james linda robert susan michael karen david lisa new york san francisco washington chicago boston denver seattle dallas').split(' ');
const PIECES = ['##s', '##ed', '##ing', '##er', '##ly', '##a', '##e', '##i', '##o', '##n', '##t', '##r', '##l'];
const SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');
const vocabList = [...new Set([...SPECIAL, ...LETTERS, ...LETTERS.map((c) => `##${c}`), ...WORDS, ...PIECES, '.', ',', ':', ';', '!', '?', "'", '-', '(', ')'])];
const vocab = Object.fromEntries(vocabList.map((t, i) => [t, i]));

const LABELS = task === 'sequence' ? ['clean', 'sensitive'] : ['O', 'B-PERSON', 'I-PERSON', 'B-LOCATION', 'I-LOCATION'];
const V = vocabList.length;
const D = 16;
const F = 32;
const L = LABELS.length;
const T_MAX = 128;

const tokenizer = {
  version: '1.0',
  truncation: null,
  padding: null,
  added_tokens: SPECIAL.map((content) => ({ id: vocab[content], content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
  normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
  pre_tokenizer: { type: 'BertPreTokenizer' },
  post_processor: {
    type: 'TemplateProcessing',
    single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
    pair: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }, { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } }],
    special_tokens: { '[CLS]': { id: '[CLS]', ids: [vocab['[CLS]']], tokens: ['[CLS]'] }, '[SEP]': { id: '[SEP]', ids: [vocab['[SEP]']], tokens: ['[SEP]'] } },
  },
  decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
  model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
};
const tokenizerConfig = { tokenizer_class: 'BertTokenizer', do_lower_case: true, model_max_length: T_MAX, cls_token: '[CLS]', sep_token: '[SEP]', unk_token: '[UNK]', pad_token: '[PAD]', mask_token: '[MASK]' };

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;
const weights = (n, scale) => Float32Array.from({ length: n }, () => (random() * 2 - 1) * scale);
const init = (name, dims, values) => onnx.TensorProto.create({ name, dims, dataType: FLOAT, rawData: new Uint8Array(Float32Array.from(values).buffer) });
const info = (name, type, dims) =>
  onnx.ValueInfoProto.create({ name, type: { tensorType: { elemType: type, shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) } } } });
const node = (opType, input, output, attrs = {}) =>
  onnx.NodeProto.create({
    opType,
    input,
    output,
    name: output[0],
    attribute: Object.entries(attrs).map(([name, v]) =>
      Array.isArray(v) ? { name, ints: v, type: onnx.AttributeProto.AttributeType.INTS } : Number.isInteger(v) ? { name, i: v, type: onnx.AttributeProto.AttributeType.INT } : { name, f: v, type: onnx.AttributeProto.AttributeType.FLOAT },
    ),
  });
const ones = (n) => new Float32Array(n).fill(1);

// Bias the head towards capitalised-name-like tokens being entities, so the spans are not empty.
const head = weights(D * L, 0.8);
const graph = onnx.GraphProto.create({
  name: 'tiny-transformer-token-classification',
  node: [
    node('Gather', ['token_embeddings', 'input_ids'], ['tok']),
    ...(exportStyle
      ? [
          // Positions inside the graph, as exported encoders do: Range(0, sequence length).
          node('Shape', ['input_ids'], ['ids_shape']),
          node('Gather', ['ids_shape', 'one_i64'], ['seq_len'], { axis: 0 }),
          node('Range', ['zero_i64', 'seq_len', 'one_i64'], ['position_ids']),
        ]
      : []),
    node('Gather', ['position_embeddings', 'position_ids'], ['pos']),
    node('Add', ['tok', 'pos'], exportStyle === 'bert' ? ['x_tp'] : ['x0']),
    ...(exportStyle === 'bert' ? [node('Gather', ['type_embeddings', 'token_type_ids'], ['typ']), node('Add', ['x_tp', 'typ'], ['x0'])] : []),
    node('LayerNormalization', ['x0', 'ln0_g', 'ln0_b'], ['x'], { axis: -1, epsilon: 1e-5 }),
    node('MatMul', ['x', 'Wq'], ['q']),
    node('MatMul', ['x', 'Wk'], ['k']),
    node('MatMul', ['x', 'Wv'], ['v']),
    node('Transpose', ['k'], ['kt'], { perm: [0, 2, 1] }),
    node('MatMul', ['q', 'kt'], ['scores_raw']),
    node('Mul', ['scores_raw', 'scale'], [exportStyle ? 'scores_unmasked' : 'scores']),
    ...(exportStyle
      ? [
          // attention_mask: 0 -> -10000 added to the scores of that key.
          node('Cast', ['attention_mask'], ['mask_f'], { to: FLOAT }),
          node('Sub', ['one_f', 'mask_f'], ['mask_inv']),
          node('Mul', ['mask_inv', 'neg_big'], ['mask_add']),
          node('Unsqueeze', ['mask_add', 'axis1'], ['mask_b']),
          node('Add', ['scores_unmasked', 'mask_b'], ['scores']),
        ]
      : []),
    node('Softmax', ['scores'], ['attention'], { axis: -1 }),
    node('MatMul', ['attention', 'v'], ['context']),
    node('MatMul', ['context', 'Wo'], ['attended']),
    node('Add', ['attended', 'x'], ['r1']),
    node('LayerNormalization', ['r1', 'ln1_g', 'ln1_b'], ['h1'], { axis: -1, epsilon: 1e-5 }),
    node('MatMul', ['h1', 'W1'], ['f1']),
    node('Add', ['f1', 'b1'], ['f1b']),
    node('Relu', ['f1b'], ['f1r']),
    node('MatMul', ['f1r', 'W2'], ['f2']),
    node('Add', ['f2', 'b2'], ['f2b']),
    node('Add', ['f2b', 'h1'], ['r2']),
    node('LayerNormalization', ['r2', 'ln2_g', 'ln2_b'], ['h2'], { axis: -1, epsilon: 1e-5 }),
    // Sequence classification reads the first ([CLS] / <s>) position.
    ...(task === 'sequence' ? [node('Gather', ['h2', 'zero_i64'], ['pooled'], { axis: 1 })] : []),
    node('MatMul', [task === 'sequence' ? 'pooled' : 'h2', 'Wc'], ['logits_raw']),
    node('Add', ['logits_raw', 'bc'], ['logits']),
    ...(exportStyle ? [] : [node('Softmax', ['logits'], ['probabilities'], { axis: -1 })]),
  ],
  initializer: [
    init('token_embeddings', [V, D], weights(V * D, 1)),
    init('position_embeddings', [T_MAX, D], weights(T_MAX * D, 0.1)),
    init('ln0_g', [D], ones(D)),
    init('ln0_b', [D], new Float32Array(D)),
    init('Wq', [D, D], weights(D * D, 0.5)),
    init('Wk', [D, D], weights(D * D, 0.5)),
    init('Wv', [D, D], weights(D * D, 0.5)),
    init('scale', [], [1 / Math.sqrt(D)]),
    init('Wo', [D, D], weights(D * D, 0.5)),
    init('ln1_g', [D], ones(D)),
    init('ln1_b', [D], new Float32Array(D)),
    init('W1', [D, F], weights(D * F, 0.5)),
    init('b1', [F], weights(F, 0.1)),
    init('W2', [F, D], weights(F * D, 0.5)),
    init('b2', [D], weights(D, 0.1)),
    init('ln2_g', [D], ones(D)),
    init('ln2_b', [D], new Float32Array(D)),
    init('Wc', [D, L], head),
    init('bc', [L], task === 'sequence' ? [0, 0] : [1.5, 0, 0, 0, 0]),
    ...(exportStyle
      ? [
          onnx.TensorProto.create({ name: 'zero_i64', dims: [], dataType: INT64, int64Data: [0] }),
          onnx.TensorProto.create({ name: 'one_i64', dims: [], dataType: INT64, int64Data: [1] }),
          onnx.TensorProto.create({ name: 'axis1', dims: [1], dataType: INT64, int64Data: [1] }),
          init('one_f', [], [1]),
          init('neg_big', [], [-10000]),
        ]
      : []),
    ...(exportStyle === 'bert' ? [init('type_embeddings', [2, D], weights(2 * D, 0.1))] : []),
  ],
  input: exportStyle
    ? [info('input_ids', INT64, ['batch', 'T']), info('attention_mask', INT64, ['batch', 'T']), ...(exportStyle === 'bert' ? [info('token_type_ids', INT64, ['batch', 'T'])] : [])]
    : [info('input_ids', INT64, [1, 'T']), info('position_ids', INT64, [1, 'T'])],
  output: exportStyle ? [info('logits', FLOAT, task === 'sequence' ? ['batch', L] : ['batch', 'T', L])] : [info('probabilities', FLOAT, [1, 'T', L])],
});
const model = onnx.ModelProto.create({ irVersion: 8, producerName: 'outpost scripts/build-tiny-transformer.mjs', producerVersion: String(seed), opsetImport: [{ domain: '', version: 17 }], graph });

/**
 * The int8 graph `optimum` / onnxruntime.quantization.quantize_dynamic writes as
 * model_quantized.onnx: every MatMul by a weight becomes DynamicQuantizeLinear (activations to
 * uint8) + MatMulInteger by int8 weights (symmetric, per tensor) + rescale.
 */
function quantized(fp32) {
  const g = onnx.GraphProto.create({ ...fp32.graph, node: [], initializer: [] });
  const weightsByName = new Map(fp32.graph.initializer.map((t) => [t.name, t]));
  const INT8 = onnx.TensorProto.DataType.INT8;
  for (const n of fp32.graph.node) {
    const w = n.opType === 'MatMul' ? weightsByName.get(n.input[1]) : undefined;
    if (!w || w.dims.length !== 2) {
      g.node.push(n);
      continue;
    }
    weightsByName.delete(w.name);
    const values = new Float32Array(w.rawData.slice().buffer);
    const scale = Math.max(...values.map(Math.abs)) / 127 || 1;
    const q = Int8Array.from(values, (v) => Math.max(-127, Math.min(127, Math.round(v / scale))));
    const x = n.input[0];
    const o = n.output[0];
    g.initializer.push(
      onnx.TensorProto.create({ name: `${w.name}_quantized`, dims: w.dims, dataType: INT8, rawData: new Uint8Array(q.buffer) }),
      onnx.TensorProto.create({ name: `${w.name}_zero_point`, dims: [], dataType: INT8, rawData: new Uint8Array(1) }),
      init(`${w.name}_scale`, [], [scale]),
    );
    g.node.push(
      node('DynamicQuantizeLinear', [x], [`${o}_xq`, `${o}_xs`, `${o}_xz`]),
      node('MatMulInteger', [`${o}_xq`, `${w.name}_quantized`, `${o}_xz`, `${w.name}_zero_point`], [`${o}_i32`]),
      node('Cast', [`${o}_i32`], [`${o}_f`], { to: FLOAT }),
      node('Mul', [`${o}_xs`, `${w.name}_scale`], [`${o}_s`]),
      node('Mul', [`${o}_f`, `${o}_s`], [o]),
    );
  }
  g.initializer.unshift(...weightsByName.values());
  return onnx.ModelProto.create({ ...fp32, graph: g });
}

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'model.onnx'), onnx.ModelProto.encode(model).finish());
if (exportStyle) writeFileSync(join(out, 'model_quantized.onnx'), onnx.ModelProto.encode(quantized(model)).finish());
writeFileSync(join(out, 'tokenizer.json'), JSON.stringify(tokenizer));
writeFileSync(join(out, 'tokenizer_config.json'), JSON.stringify(tokenizerConfig));
if (exportStyle) {
  const arch = `${exportStyle === 'bert' ? 'Bert' : 'Roberta'}For${task === 'sequence' ? 'Sequence' : 'Token'}Classification`;
  const config = {
    _name_or_path: `tiny-${exportStyle}-${task}-${seed}`,
    architectures: [arch],
    model_type: exportStyle,
    hidden_size: D,
    num_hidden_layers: 1,
    max_position_embeddings: T_MAX,
    type_vocab_size: exportStyle === 'bert' ? 2 : 1,
    vocab_size: V,
    id2label: Object.fromEntries(LABELS.map((l, i) => [String(i), l])),
    label2id: Object.fromEntries(LABELS.map((l, i) => [l, i])),
  };
  writeFileSync(join(out, 'config.json'), JSON.stringify(config, null, 2));
  writeFileSync(join(out, 'special_tokens_map.json'), JSON.stringify({ cls_token: '[CLS]', sep_token: '[SEP]', unk_token: '[UNK]', pad_token: '[PAD]', mask_token: '[MASK]' }));
} else {
  writeFileSync(
    join(out, 'model.json'),
    JSON.stringify({ version: `tiny-transformer-${seed}`, task: 'token-classification', input: 'token-ids', labels: LABELS, threshold: 0.5, max_length: 32, stride: 24 }, null, 2),
  );
}
console.log(`tiny transformer in ${out}: vocab ${V}, d_model ${D}, labels ${LABELS.join(' ')}`);
