/**
 * onnxruntime-web (its CPU wasm build, one thread, no proxy worker) inside workerd and Deno.
 *
 * ORT offers no hook to pass a precompiled module, and workerd forbids compiling wasm from bytes.
 * What works (RUNTIME.md): give ORT a small sentinel as `wasmBinary`, and wrap
 * WebAssembly.instantiate so that a call with those bytes (Emscripten copies them: match by
 * content) instantiates the precompiled module instead. Where bytes may be compiled (Node, in
 * tests), the real bytes are passed as they are.
 */
import * as ort from 'onnxruntime-web/wasm';

export type WasmSource = { readonly module: WebAssembly.Module } | { readonly bytes: Uint8Array };

const SENTINEL = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x6f, 0x75, 0x74, 0x70, 0x6f, 0x73, 0x74]);
let configured = false;

function isSentinel(source: unknown): boolean {
  const bytes = source instanceof Uint8Array ? source : source instanceof ArrayBuffer ? new Uint8Array(source) : null;
  return bytes !== null && bytes.byteLength === SENTINEL.byteLength && bytes.every((b, i) => b === SENTINEL[i]);
}

/** Configures ORT once per isolate. Call before the first session. */
export function configureOrt(source: WasmSource): void {
  if (configured) return;
  configured = true;
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  if ('bytes' in source) {
    ort.env.wasm.wasmBinary = source.bytes;
    return;
  }
  const original = WebAssembly.instantiate.bind(WebAssembly) as (s: unknown, i?: WebAssembly.Imports) => Promise<unknown>;
  (WebAssembly as { instantiate: unknown }).instantiate = (s: unknown, imports?: WebAssembly.Imports) => {
    if (isSentinel(s)) return WebAssembly.instantiate(source.module, imports).then((instance) => ({ instance, module: source.module }));
    return original(s, imports);
  };
  ort.env.wasm.wasmBinary = SENTINEL;
}

export interface OrtModel {
  /** Runs the model on a batch of feature rows; returns the output as rows of class probabilities. */
  run(features: Float32Array, rows: number, width: number): Promise<Float32Array[]>;
  /**
   * Token models: one sequence of token ids; per-token label probabilities. The feeds follow the
   * inputs the graph declares (Hugging Face exports: input_ids, attention_mask, token_type_ids;
   * older packages: position_ids); a `logits` output is turned into probabilities here.
   */
  runTokens(ids: readonly number[]): Promise<Float32Array[]>;
  /** The graph's declared input names, for checks at load time. */
  readonly inputNames: readonly string[];
}

/** Inputs a token model may declare; anything else means the model does not fit. */
export const TOKEN_INPUTS = ['input_ids', 'attention_mask', 'token_type_ids', 'position_ids'] as const;

/** Row-wise softmax in place (numerically stable). */
export function softmaxRows(data: Float32Array, width: number): Float32Array {
  for (let r = 0; r < data.length; r += width) {
    let max = -Infinity;
    for (let k = 0; k < width; k++) max = Math.max(max, data[r + k]!);
    let sum = 0;
    for (let k = 0; k < width; k++) sum += data[r + k] = Math.exp(data[r + k]! - max);
    for (let k = 0; k < width; k++) data[r + k]! /= sum;
  }
  return data;
}

/**
 * @example
 * configureOrt({ module }); const model = await loadOrtModel(bytes, 'features', 'probabilities');
 */
export async function loadOrtModel(bytes: Uint8Array, inputName: string, outputName: string): Promise<OrtModel> {
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  return {
    async run(features, rows, width) {
      const result = await session.run({ [inputName]: new ort.Tensor('float32', features, [rows, width]) });
      const output = result[outputName];
      if (!output) throw new Error(`the model has no output "${outputName}"`);
      const data = output.data as Float32Array;
      const classes = data.length / rows;
      return Array.from({ length: rows }, (_, i) => data.subarray(i * classes, (i + 1) * classes));
    },
    inputNames: session.inputNames,
    async runTokens(ids) {
      const n = ids.length;
      const column = (f: (i: number) => bigint) => new ort.Tensor('int64', BigInt64Array.from({ length: n }, (_, i) => f(i)), [1, n]);
      const makers: Record<(typeof TOKEN_INPUTS)[number], () => ort.Tensor> = {
        input_ids: () => column((i) => BigInt(ids[i]!)),
        attention_mask: () => column(() => 1n),
        token_type_ids: () => column(() => 0n),
        position_ids: () => column((i) => BigInt(i)),
      };
      const feeds: Record<string, ort.Tensor> = {};
      for (const name of session.inputNames) {
        const make = makers[name as keyof typeof makers];
        if (!make) throw new Error(`the model declares an input "${name}" this gateway cannot feed (known: ${TOKEN_INPUTS.join(', ')})`);
        feeds[name] = make();
      }
      const result = await session.run(feeds);
      const name = outputName in result ? outputName : session.outputNames.includes('logits') ? 'logits' : outputName;
      const output = result[name];
      if (!output) throw new Error(`the model has no output "${outputName}" or "logits" (it has ${session.outputNames.join(', ')})`);
      const labels = output.dims[output.dims.length - 1]!;
      const data = name === 'logits' ? softmaxRows(Float32Array.from(output.data as Float32Array), labels) : (output.data as Float32Array);
      // Sequence classification: one row ([1, labels]); token classification: one row per token.
      if (output.dims.length === 2) return [data.subarray(0, labels)];
      return Array.from({ length: n }, (_, i) => data.subarray(i * labels, (i + 1) * labels));
    },
  };
}
