// Real ordinary text for training the default Tier 3 model: this repository's own source code,
// comments and documentation, read from a fixed commit (so that training stays byte-for-byte
// reproducible while the tree moves on) and cut into window-sized pieces. Written by this
// project, so no outside licence applies. Left out: files that quote sensitive examples on
// purpose (DLP and Tier 3 tests, the DLP detectors and their docs, the Tier 3 classifier, its training
// templates and evaluations), and data files.
import { execFileSync } from 'node:child_process';

/** The commit the pieces come from: main when the model was last retrained. */
export const TEXT_COMMIT = 'c61992e6627f993e77f800a2d16ea37183f48fb2';

const INCLUDE = /^(worker|cli|docs|scripts|bench|test)\/|^README\.md$/;
const EXCLUDE = /^test\/(classifier|dlp|fixtures)\/|^test\/.*(tier3|dlp|scan|redact|inspect|detector).*|^worker\/dlp\/detectors\/|^worker\/classifier\/|^scripts\/tier3\/|^bench\/(dlp-eval|tier3)|^docs\/(dlp|tier3)\.md$|\.(json|jsonl|wasm|mmdb|onnx|bin|gz|csv)$/;

/**
 * Pieces of 12 to 80 words (as split by whitespace), in a fixed order.
 * @example
 * const pieces = repositoryText('/repo'); // ['// `npm run bench`: every benchmark, one after …', …]
 */
export function repositoryText(root, commit = TEXT_COMMIT) {
  const git = (...args) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const paths = git('ls-tree', '-r', '--name-only', commit).split('\n').filter((p) => INCLUDE.test(p) && !EXCLUDE.test(p));
  const pieces = [];
  for (const path of paths) {
    const words = git('show', `${commit}:${path}`).split(/(?<=\s)(?=\S)/);
    // Variable lengths, cut deterministically from the text itself.
    for (let start = 0, k = 0; start < words.length; k++) {
      const length = 12 + ((start * 7 + k * 13) % 69);
      const piece = words.slice(start, start + length).join('').trim();
      if (piece.split(/\s+/).length >= 12) pieces.push(piece);
      start += length;
    }
  }
  return pieces;
}
