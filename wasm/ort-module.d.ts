declare const ortWasm: WebAssembly.Module;
export default ortWasm;
