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
