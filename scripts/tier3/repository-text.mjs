// Real ordinary text for training the default Tier 3 model: this repository's own source code,
// comments and documentation at a fixed commit, cut into window-sized pieces. Written by this
// project, so no outside licence applies. Left out: files that quote sensitive examples on
// purpose (DLP and Tier 3 tests, the DLP detectors and their docs, the Tier 3 classifier, its
// training templates and evaluations), and data files.
//
// The pieces are kept in `data/repository-text.json.gz` (about 0.4 MiB) so that training, and the
// test that retrains the model byte for byte, work in any clone, shallow ones included; the
// snapshot is rebuilt from git only when the commit moves:
//   node scripts/tier3/repository-text.mjs --refresh [COMMIT]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

/** The commit the pieces come from: main when the model was last retrained. */
export const TEXT_COMMIT = 'c61992e6627f993e77f800a2d16ea37183f48fb2';

const SNAPSHOT = join(import.meta.dirname, 'data', 'repository-text.json.gz');
const INCLUDE = /^(worker|cli|docs|scripts|bench|test)\/|^README\.md$/;
const EXCLUDE = /^test\/(classifier|dlp|fixtures)\/|^test\/.*(tier3|dlp|scan|redact|inspect|detector).*|^worker\/dlp\/detectors\/|^worker\/classifier\/|^scripts\/tier3\/|^bench\/(dlp-eval|tier3)|^docs\/(dlp|tier3)\.md$|\.(json|jsonl|wasm|mmdb|onnx|bin|gz|csv)$/;

/**
 * Pieces of 12 to 80 words (as split by whitespace), in a fixed order, from the snapshot.
 * @example
 * const pieces = repositoryText(); // ['// `npm run bench`: every benchmark, one after …', …]
 */
export function repositoryText() {
  const snapshot = JSON.parse(gunzipSync(readFileSync(SNAPSHOT)).toString('utf8'));
  if (snapshot.commit !== TEXT_COMMIT) throw new Error(`${SNAPSHOT} holds ${snapshot.commit}, not ${TEXT_COMMIT}: run node scripts/tier3/repository-text.mjs --refresh`);
  return snapshot.pieces;
}

/** The same pieces read from git at `commit` (needs that commit in the clone). */
function repositoryTextFromGit(root, commit) {
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

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename) && process.argv[2] === '--refresh') {
  const commit = process.argv[3] ?? TEXT_COMMIT;
  const pieces = repositoryTextFromGit(resolve(import.meta.dirname, '..', '..'), commit);
  writeFileSync(SNAPSHOT, gzipSync(JSON.stringify({ commit, pieces }), { level: 9 }));
  console.log(`${SNAPSHOT}: ${pieces.length} pieces from ${commit}${commit === TEXT_COMMIT ? '' : ` (set TEXT_COMMIT to ${commit})`}`);
}
