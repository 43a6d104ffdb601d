/**
 * The default Tier 3 model's input: a hashing vectoriser over words and word pairs. One
 * implementation, used by the worker and by the training script (scripts/train-tier3.mjs bundles
 * this file), so that training and inference can never featurise differently.
 *
 * Tokens: lower-cased runs of letters or digits (digits collapsed to '0', so that amounts and
 * dates generalise); features: unigrams and bigrams hashed (FNV-1a, 32 bit) into `dimensions`
 * buckets with a sign bit, log-scaled counts, L2-normalised. Glue words (GLUE_WORDS) are no
 * unigram features, and a pair of two glue words is no bigram: on their own they say how
 * conversational a text is, not whether it is sensitive, and a model that weighs them flags
 * every first-person chat (measured: bench/tier3-eval). In pairs with content words they stay
 * ("my doctor", "not announced"). Words longer than six letters add their first five letters as
 * a feature (a crude stem).
 */

/** Function words that carry no topic; "not", "between", "us", "only" are kept (secrecy cues). */
const GLUE_WORDS = new Set(
  ('a an the and or but of to in on at for with by from as into about over after before than then ' +
    'is are was were be been being am it its this that these those there here ' +
    'i me my mine we our ours you your yours he him his she her hers they them their theirs ' +
    'if so do does did done have has had having can could will would should shall may might must ' +
    'what which who whom whose how when where why all any some each every both more most other such ' +
    'up out just also very too again once own same few').split(' '),
);

/** Words of a text, in order, as the vectoriser sees them. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}]+|[0-9]+/gu)) out.push(/^[0-9]/.test(match[0]) ? '0' : match[0]);
  return out;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 0x20;
const TILDE = 0x7e;

/** FNV-1a (32 bit) of `text`'s UTF-16 code units, continued from `h`: no string is built for a feature. */
function fnvOf(text: string, h: number, end = text.length): number {
  for (let i = 0; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** A feature row: the buckets that are not zero, and their values. */
export interface SparseRow {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

// Per-width scratch rows (the isolate runs one request's featurisation at a time): counting into
// a dense array and remembering the buckets touched costs no allocation per feature.
// `seen` marks a bucket once: a bucket whose signed hits pass through 0 is still one entry.
const scratch = new Map<number, { counts: Float64Array; seen: Uint8Array }>();

/**
 * The features of `words` (unigrams, pairs, stems; see the top of this file) hashed into
 * `dimensions` buckets: log-scaled signed counts, L2-normalised, as a sparse row.
 * @example
 * const row = sparseFeatures(tokens('the patient was diagnosed'), 16384); row.indices.length; // 7
 */
export function sparseFeatures(words: readonly string[], dimensions: number): SparseRow {
  let rows = scratch.get(dimensions);
  if (!rows) scratch.set(dimensions, (rows = { counts: new Float64Array(dimensions), seen: new Uint8Array(dimensions) }));
  const { counts, seen } = rows;
  const touched: number[] = [];
  const add = (h: number) => {
    const unsigned = h >>> 0;
    const index = unsigned % dimensions;
    if (seen[index] === 0) {
      seen[index] = 1;
      touched.push(index);
    }
    counts[index]! += unsigned >= 0x80000000 ? -1 : 1;
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const glue = GLUE_WORDS.has(word);
    const h = fnvOf(word, FNV_OFFSET);
    if (!glue) add(h);
    // A word's first five letters as well: "diagnosed", "diagnosis" and "diagnoses" share one
    // feature, so a form the training never saw still counts.
    if (word.length > 6) add(Math.imul(fnvOf(word, FNV_OFFSET, 5) ^ TILDE, FNV_PRIME));
    const next = words[i + 1];
    if (next !== undefined && !(glue && GLUE_WORDS.has(next))) add(fnvOf(next, Math.imul(h ^ SPACE, FNV_PRIME)));
  }
  const values = new Float32Array(touched.length);
  let norm = 0;
  for (let n = 0; n < touched.length; n++) {
    const v = counts[touched[n]!]!;
    // A bucket whose signed hits cancelled out stays 0.
    const scaled = Math.sign(v) * Math.log1p(Math.abs(v));
    values[n] = scaled;
    norm += scaled * scaled;
    counts[touched[n]!] = 0;
    seen[touched[n]!] = 0;
  }
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let n = 0; n < values.length; n++) values[n]! *= inv;
  }
  return { indices: Int32Array.from(touched), values };
}

/**
 * Writes the feature vector of `words` into `out` (length `dimensions`, zeroed here): the dense
 * form of `sparseFeatures`, for graphs run by onnxruntime.
 * @example
 * const v = new Float32Array(4096); featurise(tokens('the patient was diagnosed'), v);
 */
export function featurise(words: readonly string[], out: Float32Array): Float32Array {
  out.fill(0);
  const row = sparseFeatures(words, out.length);
  for (let n = 0; n < row.indices.length; n++) out[row.indices[n]!] = row.values[n]!;
  return out;
}

/** Overlapping windows of at most `maxLength` words, `stride` apart (one window for short texts). */
export function windows(words: readonly string[], maxLength: number, stride: number): string[][] {
  if (words.length <= maxLength) return [words.slice()];
  const out: string[][] = [];
  for (let start = 0; ; start += stride) {
    out.push(words.slice(start, start + maxLength));
    if (start + maxLength >= words.length) break;
  }
  return out;
}
