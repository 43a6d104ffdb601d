/** What the Tier 3 tests share: the repository root, ORT's wasm, files read as a volume, a quiet log. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Volumes } from '../../worker/runtime/index.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/** onnxruntime-web's CPU wasm, handed to the classifier as the runtime would. */
export const WASM = () => Promise.resolve({ bytes: new Uint8Array(readFileSync(join(ROOT, 'node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm'))) });

/** Local files as a read-only volume (a missing file is null, as on a real volume). */
export const disk: Pick<Volumes, 'read'> = {
  read: async (path) => {
    try {
      return new Uint8Array(readFileSync(path));
    } catch {
      return null;
    }
  },
};

export const quietLog = { debug() {}, info() {}, warn() {}, error() {} };
