/**
 * The runtime seam: everything the gateway needs from its host (workerd or Deno) goes through
 * one RuntimeAdapter (types.ts), so the pipeline never touches `env` bindings or `Deno` directly.
 */
export type { Volumes, RuntimeAdapter, RequestFacts } from './types.js';
export { VolumeError, TargetUnreachableError } from './types.js';
export { createWorkerdRuntime, workerdRequestFacts } from './workerd.js';
export { createDenoRuntime, denoRequestFacts } from './deno.js';
