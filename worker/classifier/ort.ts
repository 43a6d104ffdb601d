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
  /** Token models: one sequence of token ids (positions 0..n-1); per-token label probabilities. */
  runTokens(ids: readonly number[]): Promise<Float32Array[]>;
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
    async runTokens(ids) {
      const n = ids.length;
      const result = await session.run({
        input_ids: new ort.Tensor('int64', BigInt64Array.from(ids, (v) => BigInt(v)), [1, n]),
        position_ids: new ort.Tensor('int64', BigInt64Array.from({ length: n }, (_, i) => BigInt(i)), [1, n]),
      });
      const output = result[outputName];
      if (!output) throw new Error(`the model has no output "${outputName}"`);
      const data = output.data as Float32Array;
      const labels = data.length / n;
      return Array.from({ length: n }, (_, i) => data.subarray(i * labels, (i + 1) * labels));
    },
  };
}
