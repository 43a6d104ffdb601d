// Builds small ONNX models with onnx-proto (the ONNX protobuf schema as JavaScript): no Python,
// no converter. Used by the Tier 3 training script and by tests.
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const FLOAT = onnx.TensorProto.DataType.FLOAT;

function tensor(name, dims, values) {
  return onnx.TensorProto.create({ name, dims, dataType: FLOAT, rawData: new Uint8Array(Float32Array.from(values).buffer) });
}

function valueInfo(name, dims) {
  return onnx.ValueInfoProto.create({
    name,
    type: onnx.TypeProto.create({
      tensorType: onnx.TypeProto.Tensor.create({
        elemType: FLOAT,
        shape: onnx.TensorShapeProto.create({ dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) }),
      }),
    }),
  });
}

/**
 * A linear classifier: probabilities = softmax(features x W + b), features [N, F], W [F, C].
 * @returns {Uint8Array} the ModelProto bytes
 */
export function linearClassifierModel({ weights, bias, features, classes, producerVersion, docString }) {
  const graph = onnx.GraphProto.create({
    name: 'outpost-tier3',
    node: [
      onnx.NodeProto.create({ opType: 'MatMul', input: ['features', 'W'], output: ['logits_raw'], name: 'matmul' }),
      onnx.NodeProto.create({ opType: 'Add', input: ['logits_raw', 'B'], output: ['logits'], name: 'bias' }),
      onnx.NodeProto.create({ opType: 'Softmax', input: ['logits'], output: ['probabilities'], name: 'softmax', attribute: [onnx.AttributeProto.create({ name: 'axis', i: -1, type: onnx.AttributeProto.AttributeType.INT })] }),
    ],
    initializer: [tensor('W', [features, classes], weights), tensor('B', [classes], bias)],
    input: [valueInfo('features', ['N', features])],
    output: [valueInfo('probabilities', ['N', classes])],
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'outpost scripts/train-tier3.mjs',
    producerVersion,
    docString,
    opsetImport: [onnx.OperatorSetIdProto.create({ domain: '', version: 17 })],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

/**
 * A one-hidden-layer perceptron: probabilities = softmax(relu(features x W1 + B1) x W2 + B2),
 * features [N, F], W1 [F, H], W2 [H, C].
 * @returns {Uint8Array} the ModelProto bytes
 */
export function mlpClassifierModel({ w1, b1, w2, b2, features, hidden, classes, producerVersion, docString }) {
  const node = (opType, input, output) => onnx.NodeProto.create({ opType, input, output, name: output[0] });
  const graph = onnx.GraphProto.create({
    name: 'outpost-tier3',
    node: [
      node('MatMul', ['features', 'W1'], ['hidden_raw']),
      node('Add', ['hidden_raw', 'B1'], ['hidden_pre']),
      node('Relu', ['hidden_pre'], ['hidden']),
      node('MatMul', ['hidden', 'W2'], ['logits_raw']),
      node('Add', ['logits_raw', 'B2'], ['logits']),
      onnx.NodeProto.create({ opType: 'Softmax', input: ['logits'], output: ['probabilities'], name: 'softmax', attribute: [onnx.AttributeProto.create({ name: 'axis', i: -1, type: onnx.AttributeProto.AttributeType.INT })] }),
    ],
    initializer: [tensor('W1', [features, hidden], w1), tensor('B1', [hidden], b1), tensor('W2', [hidden, classes], w2), tensor('B2', [classes], b2)],
    input: [valueInfo('features', ['N', features])],
    output: [valueInfo('probabilities', ['N', classes])],
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'outpost scripts/train-tier3.mjs',
    producerVersion,
    docString,
    opsetImport: [onnx.OperatorSetIdProto.create({ domain: '', version: 17 })],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}
