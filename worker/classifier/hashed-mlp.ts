/**
 * Hashed-feature models (input "features": the default Tier 3 model) run in JavaScript, without
 * onnxruntime: the first layer as a gather-sum over the few hundred buckets a window touches
 * (an embedding bag) instead of a dense 16,384-wide MatMul, then the small layers after it.
 *
 * Why: inside workerd one ORT session.run on a 2 KB prompt cost ~0.85 ms of CPU, mostly a dense
 * [windows x 16,384] input copied into wasm and multiplied, for a few hundred non-zero entries
 * (bench/tier3.mjs; docs/tier3.md "Cost"). The gather touches only those entries.
 *
 * Only graphs made of MatMul (by an initializer), Add (of an initializer), Relu and a final
 * Softmax, from the input `features` to the output `probabilities`, are taken; anything else
 * (another op, a non-float or external initializer) returns null and the model runs on ORT as
 * before. Arithmetic is in float64 over the float32 weights, so scores agree with ORT's float32
 * to about 1e-6 (test/classifier/hashed-mlp.test.ts compares them).
 */
import type { SparseRow } from './features.js';
import { readOnnxGraph, type OnnxGraph } from './onnx-graph.js';

interface Layer {
  /** Row-major [inputs, outputs]. */
  readonly weights: Float32Array;
  readonly inputs: number;
  readonly outputs: number;
  bias: Float32Array | null;
  relu: boolean;
}

export interface HashedMlp {
  /** Width of the feature rows the graph takes. */
  readonly dimensions: number;
  /** Number of outputs (labels). */
  readonly classes: number;
  /** The output row (probabilities, if the graph ends in Softmax) of one sparse feature row. */
  run(row: SparseRow): Float64Array;
}

const matrix = (graph: OnnxGraph, name: string | undefined) => {
  const t = name === undefined ? undefined : graph.floats.get(name);
  return t && t.dims.length === 2 && t.dims[0]! * t.dims[1]! === t.data.length ? t : null;
};

/** The layers of a MatMul/Add/Relu/Softmax chain from `input` to `output`, or null. */
function layersOf(graph: OnnxGraph, input: string, output: string): { layers: Layer[]; softmax: boolean } | null {
  const layers: Layer[] = [];
  let current = input;
  let softmax = false;
  for (const node of graph.nodes) {
    if (softmax) return null;
    const last = layers[layers.length - 1];
    if (node.opType === 'MatMul' && node.inputs[0] === current) {
      const w = matrix(graph, node.inputs[1]);
      if (!w || (last && last.outputs !== w.dims[0])) return null;
      layers.push({ weights: w.data, inputs: w.dims[0]!, outputs: w.dims[1]!, bias: null, relu: false });
    } else if (node.opType === 'Add' && last && !last.bias && !last.relu && node.inputs.includes(current)) {
      const b = graph.floats.get(node.inputs[0] === current ? node.inputs[1]! : node.inputs[0]!);
      if (!b || b.data.length !== last.outputs || b.dims.length !== 1) return null;
      last.bias = b.data;
    } else if (node.opType === 'Relu' && last && !last.relu && node.inputs[0] === current) {
      last.relu = true;
    } else if (node.opType === 'Softmax' && last && node.inputs[0] === current) {
      const axis = node.ints.get('axis') ?? -1;
      if (axis !== -1 && axis !== 1) return null;
      softmax = true;
    } else return null;
    if (node.outputs.length !== 1) return null;
    current = node.outputs[0]!;
  }
  return layers.length > 0 && current === output ? { layers, softmax } : null;
}

/**
 * The JavaScript form of a hashed-feature ONNX model, or null when the graph is not a plain
 * perceptron / linear classifier (then onnxruntime runs it).
 * @example
 * const mlp = hashedMlpFromOnnx(bytes, 'features', 'probabilities');
 * mlp?.run(sparseFeatures(tokens('my manager has depression'), mlp.dimensions)); // Float64Array [0.93, 0.07]
 */
export function hashedMlpFromOnnx(bytes: Uint8Array, input: string, output: string): HashedMlp | null {
  let graph: OnnxGraph;
  try {
    graph = readOnnxGraph(bytes);
  } catch {
    return null;
  }
  if (graph.inputs.length !== 1 || graph.inputs[0] !== input || !graph.outputs.includes(output)) return null;
  const chain = layersOf(graph, input, output);
  if (!chain) return null;
  const { layers, softmax } = chain;
  const first = layers[0]!;
  const widest = Math.max(...layers.map((l) => l.outputs));
  const a = new Float64Array(widest);
  const b = new Float64Array(widest);
  return {
    dimensions: first.inputs,
    classes: layers[layers.length - 1]!.outputs,
    run(row) {
      // Layer 1: a gather-sum over the non-zero buckets (weights row k is contiguous).
      const width = first.outputs;
      for (let j = 0; j < width; j++) a[j] = first.bias ? first.bias[j]! : 0;
      for (let n = 0; n < row.indices.length; n++) {
        const v = row.values[n]!;
        const base = row.indices[n]! * width;
        for (let j = 0; j < width; j++) a[j]! += v * first.weights[base + j]!;
      }
      if (first.relu) for (let j = 0; j < width; j++) if (a[j]! < 0) a[j] = 0;
      let from = a;
      let to = b;
      for (let l = 1; l < layers.length; l++) {
        const layer = layers[l]!;
        for (let j = 0; j < layer.outputs; j++) to[j] = layer.bias ? layer.bias[j]! : 0;
        for (let k = 0; k < layer.inputs; k++) {
          const v = from[k]!;
          if (v === 0) continue;
          const base = k * layer.outputs;
          for (let j = 0; j < layer.outputs; j++) to[j]! += v * layer.weights[base + j]!;
        }
        if (layer.relu) for (let j = 0; j < layer.outputs; j++) if (to[j]! < 0) to[j] = 0;
        [from, to] = [to, from];
      }
      const classes = layers[layers.length - 1]!.outputs;
      const out = Float64Array.from(from.subarray(0, classes));
      if (softmax) {
        let max = -Infinity;
        for (let k = 0; k < classes; k++) max = Math.max(max, out[k]!);
        let sum = 0;
        for (let k = 0; k < classes; k++) sum += out[k] = Math.exp(out[k]! - max);
        for (let k = 0; k < classes; k++) out[k]! /= sum;
      }
      return out;
    },
  };
}
