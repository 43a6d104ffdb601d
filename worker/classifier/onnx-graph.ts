/**
 * Reads the parts of an ONNX ModelProto that the JavaScript path for small hashed-feature models
 * needs (hashed-mlp.ts): the graph's nodes (op type, inputs, outputs, integer attributes), its
 * declared inputs and outputs, and its float initializers.
 *
 * A protobuf wire-format reader of its own rather than onnx-proto: that would carry the whole
 * ONNX schema and protobufjs' runtime (whose optional paths reach for eval, which workerd
 * forbids) into the worker bundle for five messages. Only the fields below are decoded; every other field is skipped by
 * its wire type, so a graph written by any exporter reads (what it cannot describe, it leaves
 * out, and hashed-mlp.ts then declines the graph).
 *
 * Field numbers: onnx/onnx.proto (Apache-2.0), ModelProto.graph = 7; GraphProto.node = 1,
 * initializer = 5, input = 11, output = 12; NodeProto.input = 1, output = 2, op_type = 4,
 * attribute = 5; AttributeProto.name = 1, i = 3, type = 20; TensorProto.dims = 1, data_type = 2,
 * float_data = 4, name = 8, raw_data = 9, data_location = 14; ValueInfoProto.name = 1.
 */

export interface OnnxNode {
  readonly opType: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  /** Integer attributes (Softmax's axis); others are not read. */
  readonly ints: ReadonlyMap<string, number>;
}

export interface OnnxGraph {
  readonly nodes: readonly OnnxNode[];
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  /** FLOAT initializers by name, with their dims. */
  readonly floats: ReadonlyMap<string, { readonly dims: readonly number[]; readonly data: Float32Array }>;
  /** Names of initializers of another type or stored outside the file (a graph using them is declined). */
  readonly otherInitializers: ReadonlySet<string>;
}

const FLOAT = 1;
const DECODER = new TextDecoder();

class Reader {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
  ) {
    this.pos = start;
  }
  done(): boolean {
    return this.pos >= this.end;
  }
  varint(): number {
    // Numbers past 2^53 do not occur in the fields read here (dims, lengths, enums).
    let result = 0;
    let scale = 1;
    for (;;) {
      if (this.pos >= this.end) throw new Error('truncated ONNX protobuf');
      const b = this.bytes[this.pos++]!;
      result += (b & 0x7f) * scale;
      if (b < 0x80) return result;
      scale *= 128;
      if (scale > 2 ** 63) throw new Error('malformed varint in ONNX protobuf');
    }
  }
  /** A signed int64 (two's complement varint: -1 is ten bytes), exactly. */
  int64(): number {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.pos >= this.end || shift > 63n) throw new Error('malformed varint in ONNX protobuf');
      const b = this.bytes[this.pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return Number(BigInt.asIntN(64, result));
      shift += 7n;
    }
  }
  /** The bounds of a length-delimited field, and moves past it. */
  sub(): Reader {
    const length = this.varint();
    const start = this.pos;
    if (start + length > this.end) throw new Error('truncated ONNX protobuf');
    this.pos += length;
    return new Reader(this.bytes, start, start + length);
  }
  string(): string {
    const r = this.sub();
    return DECODER.decode(this.bytes.subarray(r.pos, r.end));
  }
  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 2) this.sub();
    else if (wireType === 5) this.pos += 4;
    else throw new Error(`unsupported protobuf wire type ${wireType}`);
  }
  /** Calls `field` for every field; it returns false for a field it did not consume. */
  fields(field: (number: number, wireType: number) => boolean): void {
    while (!this.done()) {
      const key = this.varint();
      const wireType = key & 7;
      if (!field(Math.floor(key / 8), wireType)) this.skip(wireType);
    }
  }
}

function readNode(r: Reader): OnnxNode {
  const inputs: string[] = [];
  const outputs: string[] = [];
  const ints = new Map<string, number>();
  let opType = '';
  r.fields((n, w) => {
    if (w !== 2) return false;
    if (n === 1) inputs.push(r.string());
    else if (n === 2) outputs.push(r.string());
    else if (n === 4) opType = r.string();
    else if (n === 5) {
      const a = r.sub();
      let name = '';
      let value: number | null = null;
      a.fields((an, aw) => {
        if (an === 1 && aw === 2) name = a.string();
        else if (an === 3 && aw === 0) value = a.int64();
        else return false;
        return true;
      });
      if (value !== null) ints.set(name, value);
    } else return false;
    return true;
  });
  return { opType, inputs, outputs, ints };
}

function readTensor(r: Reader): { name: string; dims: number[]; type: number; data: Float32Array | null; external: boolean } {
  const dims: number[] = [];
  let type = 0;
  let name = '';
  let raw: Uint8Array | null = null;
  const floatData: number[] = [];
  let external = false;
  r.fields((n, w) => {
    if (n === 1 && w === 0) dims.push(r.varint());
    else if (n === 1 && w === 2) {
      const p = r.sub();
      while (!p.done()) dims.push(p.varint());
    } else if (n === 2 && w === 0) type = r.varint();
    else if (n === 4 && w === 2) {
      const p = r.sub();
      const view = new DataView(p.bytes.buffer, p.bytes.byteOffset + p.pos, p.end - p.pos);
      for (let o = 0; o + 4 <= view.byteLength; o += 4) floatData.push(view.getFloat32(o, true));
    } else if (n === 4 && w === 5) {
      floatData.push(new DataView(r.bytes.buffer, r.bytes.byteOffset + r.pos, 4).getFloat32(0, true));
      r.pos += 4;
    } else if (n === 8 && w === 2) name = r.string();
    else if (n === 9 && w === 2) {
      const p = r.sub();
      raw = p.bytes.subarray(p.pos, p.end);
    } else if (n === 14 && w === 0) external = r.varint() === 1;
    else return false;
    return true;
  });
  let data: Float32Array | null = null;
  if (type === FLOAT && !external) {
    const rawBytes = raw as Uint8Array | null;
    if (rawBytes) {
      // Copied: raw_data need not be 4-byte aligned inside the file. ONNX stores it little-endian.
      const view = new DataView(rawBytes.buffer, rawBytes.byteOffset, rawBytes.byteLength);
      data = new Float32Array(rawBytes.byteLength >>> 2);
      for (let i = 0; i < data.length; i++) data[i] = view.getFloat32(i * 4, true);
    } else data = Float32Array.from(floatData);
  }
  return { name, dims, type, data, external };
}

function readValueInfoName(r: Reader): string {
  let name = '';
  r.fields((n, w) => {
    if (n !== 1 || w !== 2) return false;
    name = r.string();
    return true;
  });
  return name;
}

/**
 * Decodes the graph of ONNX model bytes (see OnnxGraph); throws on bytes that are not protobuf.
 * @example
 * const graph = readOnnxGraph(bytes); graph.nodes.map((n) => n.opType); // ['MatMul', 'Add', 'Softmax']
 */
export function readOnnxGraph(bytes: Uint8Array): OnnxGraph {
  const nodes: OnnxNode[] = [];
  const inputs: string[] = [];
  const outputs: string[] = [];
  const floats = new Map<string, { dims: number[]; data: Float32Array }>();
  const otherInitializers = new Set<string>();
  const model = new Reader(bytes);
  let sawGraph = false;
  model.fields((n, w) => {
    if (n !== 7 || w !== 2) return false;
    sawGraph = true;
    const g = model.sub();
    g.fields((gn, gw) => {
      if (gw !== 2) return false;
      if (gn === 1) nodes.push(readNode(g.sub()));
      else if (gn === 5) {
        const t = readTensor(g.sub());
        if (t.data) floats.set(t.name, { dims: t.dims, data: t.data });
        else otherInitializers.add(t.name);
      } else if (gn === 11) inputs.push(readValueInfoName(g.sub()));
      else if (gn === 12) outputs.push(readValueInfoName(g.sub()));
      else return false;
      return true;
    });
    return true;
  });
  if (!sawGraph) throw new Error('no graph in the ONNX model');
  // Older exporters list initializers among the inputs too; those are not fed.
  const fed = inputs.filter((name) => !floats.has(name) && !otherInitializers.has(name));
  return { nodes, inputs: fed, outputs, floats, otherInitializers };
}
