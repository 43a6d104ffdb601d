// An encoder ONNX graph with the signature a Hugging Face export has, random weights from a seed:
// token (+ position, + token type) embeddings, LayerNormalization, `layers` blocks of multi-head
// self-attention (MatMul, Reshape, Transpose, Softmax, the attention mask added to the scores) and
// a GELU feed-forward block, then a classification head.
//
//   style    inputs                                        positions
//   bert     input_ids, attention_mask, token_type_ids     Range(0, T) into a table
//   roberta  input_ids, attention_mask                     Range(2, T + 2): padding_idx + 1 first
//   deberta  input_ids, attention_mask, token_type_ids     none (DeBERTa's positions are relative)
//   legacy   input_ids, position_ids ([1, T])              fed; output `probabilities`
//
// Outputs: `logits` [batch, labels] (sequence classification: the first token through a dense +
// tanh pooler) or [batch, T, labels] (token classification).
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;

/** mulberry32: a small deterministic generator (the weights depend on the seed only). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const floatInit = (name, dims, values) => onnx.TensorProto.create({ name, dims, dataType: FLOAT, rawData: new Uint8Array(Float32Array.from(values).buffer) });
const int64Init = (name, dims, values) => onnx.TensorProto.create({ name, dims, dataType: INT64, int64Data: values });
const info = (name, type, dims) => onnx.ValueInfoProto.create({ name, type: { tensorType: { elemType: type, shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) } } } });

/** A node; attributes are ints, int lists or floats by their JS type. */
export const node = (opType, input, output, attrs = {}) =>
  onnx.NodeProto.create({
    opType,
    input,
    output,
    name: output[0],
    attribute: Object.entries(attrs).map(([name, v]) =>
      Array.isArray(v) ? { name, ints: v, type: onnx.AttributeProto.AttributeType.INTS } : Number.isInteger(v) ? { name, i: v, type: onnx.AttributeProto.AttributeType.INT } : { name, f: v, type: onnx.AttributeProto.AttributeType.FLOAT },
    ),
  });

/**
 * @example
 * const model = encoderGraph({ style: 'bert', task: 'token', vocabSize: 200, labels: ['O', 'B-PERSON', 'I-PERSON'], maxPositions: 128, hidden: 16, heads: 2, ffn: 32, layers: 1, seed: 7 });
 */
export function encoderGraph({ style, task, vocabSize, labels, maxPositions, hidden: D, heads: H, ffn: F, layers, seed, labelBias = null }) {
  if (D % H !== 0) throw new Error(`hidden ${D} is not a multiple of heads ${H}`);
  const random = rng(seed);
  const weights = (n, scale) => {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = (random() * 2 - 1) * scale;
    return out;
  };
  const L = labels.length;
  const dh = D / H;
  const nodes = [];
  const inits = [];
  const add = (...n) => nodes.push(...n);
  const param = (name, dims, values) => inits.push(floatInit(name, dims, values));
  const ones = (n) => new Float32Array(n).fill(1);
  const layerNorm = (x, name, out) => {
    param(`${name}_g`, [D], ones(D));
    param(`${name}_b`, [D], new Float32Array(D));
    add(node('LayerNormalization', [x, `${name}_g`, `${name}_b`], [out], { axis: -1, epsilon: 1e-5 }));
  };
  const dense = (x, name, inDim, outDim, out, scale) => {
    param(`${name}_W`, [inDim, outDim], weights(inDim * outDim, scale));
    param(`${name}_b`, [outDim], weights(outDim, 0.05));
    add(node('MatMul', [x, `${name}_W`], [`${name}_mm`]), node('Add', [`${name}_mm`, `${name}_b`], [out]));
  };
  const exported = style !== 'legacy';

  // Embeddings.
  param('embeddings.word', [vocabSize, D], weights(vocabSize * D, 1));
  add(node('Gather', ['embeddings.word', 'input_ids'], ['emb_tok']));
  let x = 'emb_tok';
  if (style !== 'deberta') {
    const offset = style === 'roberta' ? 2 : 0;
    param('embeddings.position', [maxPositions + offset, D], weights((maxPositions + offset) * D, 0.1));
    if (exported) {
      add(
        node('Shape', ['input_ids'], ['ids_shape']),
        node('Gather', ['ids_shape', 'one_i64'], ['seq_len'], { axis: 0 }),
        node('Add', ['seq_len', 'position_offset'], ['position_end']),
        node('Range', ['position_offset', 'position_end', 'one_i64'], ['position_ids']),
      );
      inits.push(int64Init('position_offset', [], [offset]));
    }
    add(node('Gather', ['embeddings.position', 'position_ids'], ['emb_pos']), node('Add', [x, 'emb_pos'], ['emb_tp']));
    x = 'emb_tp';
  }
  if (style === 'bert' || style === 'deberta') {
    param('embeddings.token_type', [2, D], weights(2 * D, 0.1));
    add(node('Gather', ['embeddings.token_type', 'token_type_ids'], ['emb_type']), node('Add', [x, 'emb_type'], ['emb_all']));
    x = 'emb_all';
  }
  layerNorm(x, 'embeddings.ln', 'h0');
  x = 'h0';
  if (exported) {
    // attention_mask [B, T]: 0 becomes -10000 on that key's scores, broadcast as [B, 1, 1, T].
    add(
      node('Cast', ['attention_mask'], ['mask_f'], { to: FLOAT }),
      node('Sub', ['one_f', 'mask_f'], ['mask_inv']),
      node('Mul', ['mask_inv', 'neg_big'], ['mask_add_2d']),
      node('Unsqueeze', ['mask_add_2d', 'axes_1_2'], ['mask_add']),
    );
    param('one_f', [], [1]);
    param('neg_big', [], [-10000]);
    inits.push(int64Init('axes_1_2', [2], [1, 2]));
  }
  inits.push(int64Init('zero_i64', [], [0]), int64Init('one_i64', [], [1]), int64Init('heads_shape', [4], [0, 0, H, dh]), int64Init('hidden_shape', [3], [0, 0, D]));
  param('attention_scale', [], [1 / Math.sqrt(dh)]);
  param('gelu_sqrt2', [], [Math.SQRT2]);
  param('half', [], [0.5]);

  for (let l = 0; l < layers; l++) {
    const p = `layer${l}`;
    const scale = 1 / Math.sqrt(D);
    dense(x, `${p}.q`, D, D, `${p}.q_out`, scale * 2);
    dense(x, `${p}.k`, D, D, `${p}.k_out`, scale * 2);
    dense(x, `${p}.v`, D, D, `${p}.v_out`, scale * 2);
    add(
      node('Reshape', [`${p}.q_out`, 'heads_shape'], [`${p}.q_h`]),
      node('Transpose', [`${p}.q_h`], [`${p}.q_t`], { perm: [0, 2, 1, 3] }),
      node('Reshape', [`${p}.k_out`, 'heads_shape'], [`${p}.k_h`]),
      node('Transpose', [`${p}.k_h`], [`${p}.k_t`], { perm: [0, 2, 3, 1] }),
      node('Reshape', [`${p}.v_out`, 'heads_shape'], [`${p}.v_h`]),
      node('Transpose', [`${p}.v_h`], [`${p}.v_t`], { perm: [0, 2, 1, 3] }),
      node('MatMul', [`${p}.q_t`, `${p}.k_t`], [`${p}.scores_raw`]),
      node('Mul', [`${p}.scores_raw`, 'attention_scale'], [exported ? `${p}.scores_unmasked` : `${p}.scores`]),
      ...(exported ? [node('Add', [`${p}.scores_unmasked`, 'mask_add'], [`${p}.scores`])] : []),
      node('Softmax', [`${p}.scores`], [`${p}.attention`], { axis: -1 }),
      node('MatMul', [`${p}.attention`, `${p}.v_t`], [`${p}.context_h`]),
      node('Transpose', [`${p}.context_h`], [`${p}.context_t`], { perm: [0, 2, 1, 3] }),
      node('Reshape', [`${p}.context_t`, 'hidden_shape'], [`${p}.context`]),
    );
    dense(`${p}.context`, `${p}.o`, D, D, `${p}.attended`, scale * 2);
    add(node('Add', [`${p}.attended`, x], [`${p}.r1`]));
    layerNorm(`${p}.r1`, `${p}.ln1`, `${p}.h1`);
    dense(`${p}.h1`, `${p}.ffn_in`, D, F, `${p}.f1`, scale * 2);
    // GELU as exporters write it: x * 0.5 * (1 + erf(x / sqrt 2)).
    add(
      node('Div', [`${p}.f1`, 'gelu_sqrt2'], [`${p}.f1_s`]),
      node('Erf', [`${p}.f1_s`], [`${p}.f1_e`]),
      node('Add', [`${p}.f1_e`, 'one_f_gelu'], [`${p}.f1_1`]),
      node('Mul', [`${p}.f1`, `${p}.f1_1`], [`${p}.f1_m`]),
      node('Mul', [`${p}.f1_m`, 'half'], [`${p}.f1_g`]),
    );
    dense(`${p}.f1_g`, `${p}.ffn_out`, F, D, `${p}.f2`, 2 / Math.sqrt(F));
    add(node('Add', [`${p}.f2`, `${p}.h1`], [`${p}.r2`]));
    layerNorm(`${p}.r2`, `${p}.ln2`, `${p}.out`);
    x = `${p}.out`;
  }
  param('one_f_gelu', [], [1]);

  if (task === 'sequence') {
    // The first token ([CLS] / <s>) through a dense + tanh pooler, as BERT's pooler and RoBERTa's head do.
    add(node('Gather', [x, 'zero_i64'], ['pooled_in'], { axis: 1 }));
    dense('pooled_in', 'pooler', D, D, 'pooled_lin', 1 / Math.sqrt(D));
    add(node('Tanh', ['pooled_lin'], ['pooled']));
    x = 'pooled';
  }
  param('classifier_W', [D, L], weights(D * L, 0.8));
  param('classifier_b', [L], labelBias ?? new Float32Array(L));
  add(node('MatMul', [x, 'classifier_W'], ['logits_mm']), node('Add', ['logits_mm', 'classifier_b'], ['logits']));
  if (!exported) add(node('Softmax', ['logits'], ['probabilities'], { axis: -1 }));

  // Only the constants some node reads (onnxruntime warns about the others).
  const used = new Set(nodes.flatMap((n) => n.input));
  const initializer = inits.filter((t) => used.has(t.name));
  const batch = exported ? 'batch_size' : 1;
  const ids = (name) => info(name, INT64, [batch, 'sequence_length']);
  const inputs = { bert: ['input_ids', 'attention_mask', 'token_type_ids'], roberta: ['input_ids', 'attention_mask'], deberta: ['input_ids', 'attention_mask', 'token_type_ids'], legacy: ['input_ids', 'position_ids'] }[style];
  if (!inputs) throw new Error(`unknown style ${style} (bert, roberta, deberta, legacy)`);
  const outputDims = task === 'sequence' ? [batch, L] : [batch, 'sequence_length', L];
  const graph = onnx.GraphProto.create({
    name: `tiny-${style}-${task}-classification`,
    node: nodes,
    initializer,
    input: inputs.map(ids),
    output: [exported ? info('logits', FLOAT, outputDims) : info('probabilities', FLOAT, outputDims)],
  });
  return onnx.ModelProto.create({ irVersion: 8, producerName: 'outpost scripts/build-tiny-transformer.mjs', producerVersion: String(seed), opsetImport: [{ domain: '', version: 17 }], graph });
}

export const encodeModel = (model) => onnx.ModelProto.encode(model).finish();
