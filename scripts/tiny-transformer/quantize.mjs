// The int8 graph onnxruntime.quantization.quantize_dynamic writes (and so optimum's
// model_quantized.onnx), rebuilt here without Python:
//
// - every MatMul by a constant 2-D weight (MatMulConstBOnly, quantize_dynamic's default) becomes
//   DynamicQuantizeLinear (activations to uint8, scale and zero point per call) + MatMulInteger by
//   the int8 weight (symmetric, per tensor, zero point 0) + Cast + the two scales multiplied in;
// - the word-embedding Gather reads an int8 table and DequantizeLinear turns the rows it picked
//   back into floats.
//
// Not done: the fused com.microsoft Attention / EmbedLayerNormalization forms that onnxruntime's
// transformer optimiser writes before quantising; per-channel weights.
import onnxProto from 'onnx-proto';
import { floatInit, node } from './graph.mjs';

const { onnx } = onnxProto;
const INT8 = onnx.TensorProto.DataType.INT8;
const FLOAT = onnx.TensorProto.DataType.FLOAT;

function int8Weight(tensor) {
  const values = new Float32Array(tensor.rawData.slice().buffer);
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  const scale = max / 127 || 1;
  const q = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(values[i] / scale)));
  return {
    quantized: onnx.TensorProto.create({ name: `${tensor.name}_quantized`, dims: tensor.dims, dataType: INT8, rawData: new Uint8Array(q.buffer) }),
    zeroPoint: onnx.TensorProto.create({ name: `${tensor.name}_zero_point`, dims: [], dataType: INT8, rawData: new Uint8Array(1) }),
    scale: floatInit(`${tensor.name}_scale`, [], [scale]),
  };
}

/**
 * @example
 * const int8 = quantizeDynamic(encoderGraph({ ... })); // MatMulInteger and DequantizeLinear inside
 */
export function quantizeDynamic(fp32) {
  const g = onnx.GraphProto.create({ ...fp32.graph, node: [], initializer: [] });
  const weights = new Map(fp32.graph.initializer.map((t) => [t.name, t]));
  const quantizedNames = new Set();
  for (const n of fp32.graph.node) {
    const w = n.opType === 'MatMul' ? weights.get(n.input[1]) : n.opType === 'Gather' && n.input[0] === 'embeddings.word' ? weights.get(n.input[0]) : undefined;
    if (!w || w.dims.length !== 2 || w.dataType !== FLOAT) {
      g.node.push(n);
      continue;
    }
    const q = int8Weight(w);
    quantizedNames.add(w.name);
    g.initializer.push(q.quantized, q.zeroPoint, q.scale);
    const o = n.output[0];
    if (n.opType === 'Gather') {
      g.node.push(node('Gather', [q.quantized.name, n.input[1]], [`${o}_quantized`]), node('DequantizeLinear', [`${o}_quantized`, q.scale.name, q.zeroPoint.name], [o]));
      continue;
    }
    const x = n.input[0];
    g.node.push(
      node('DynamicQuantizeLinear', [x], [`${o}_xq`, `${o}_xs`, `${o}_xz`]),
      node('MatMulInteger', [`${o}_xq`, q.quantized.name, `${o}_xz`, q.zeroPoint.name], [`${o}_i32`]),
      node('Cast', [`${o}_i32`], [`${o}_f`], { to: FLOAT }),
      node('Mul', [`${o}_xs`, q.scale.name], [`${o}_s`]),
      node('Mul', [`${o}_f`, `${o}_s`], [o]),
    );
  }
  g.initializer.unshift(...[...weights.values()].filter((t) => !quantizedNames.has(t.name)));
  return onnx.ModelProto.create({ ...fp32, graph: g });
}
