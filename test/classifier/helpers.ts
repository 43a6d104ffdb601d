/** What the Tier 3 tests share: the repository root, ORT's wasm, files read as a volume, a quiet log, reference spans. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bioSpans } from '../../worker/classifier/index.js';
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

/**
 * The spans a token model's reference output gives, worked out apart from the worker: each inner
 * token's (between [CLS] and [SEP]) most probable label, its offsets found in the lower-cased
 * text (WordPiece's ## stripped), BIO-decoded and kept from the threshold up. Also the tags, so
 * a test can check it is not vacuous.
 */
export function referenceSpans(rows: ArrayLike<number>[], tokens: string[], text: string, pkg: { labels: readonly string[]; threshold: number }) {
  const tags = rows.slice(1, -1).map((row) => {
    let best = 0;
    for (let k = 1; k < row.length; k++) if (row[k]! > row[best]!) best = k;
    return { label: pkg.labels[best]!, score: row[best]! };
  });
  let cursor = 0;
  const offsets = tokens.slice(1, -1).map((t) => {
    const piece = t.replace(/^##/, '');
    const at = text.toLowerCase().indexOf(piece, cursor);
    cursor = at + piece.length;
    return [at, at + piece.length] as const;
  });
  return { tags, spans: bioSpans(tags, offsets).filter((s) => s.score >= pkg.threshold) };
}
