// ONNX Runtime's CPU wasm build as a compiled WebAssembly.Module: workerd (and Deno) hand it over
// through `import source`, because workerd refuses to compile wasm from bytes at run time. Kept in
// its own small module, imported dynamically only when Tier 3 is enabled, so a gateway without
// the model never loads 14 MB of wasm.
import source ortWasm from './ort-wasm-simd-threaded.wasm';

export default ortWasm;
