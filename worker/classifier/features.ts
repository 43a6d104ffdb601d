/**
 * The default Tier 3 model's input: a hashing vectoriser over words and word pairs. One
 * implementation, used by the worker and by the training script (scripts/train-tier3.mjs bundles
 * this file), so that training and inference can never featurise differently.
 *
 * Tokens: lower-cased runs of letters or digits (digits collapsed to '0', so that amounts and
 * dates generalise); features: unigrams and bigrams hashed (FNV-1a, 32 bit) into `dimensions`
 * buckets with a sign bit, log-scaled counts, L2-normalised.
 */

/** Words of a text, in order, as the vectoriser sees them. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}]+|[0-9]+/gu)) out.push(/^[0-9]/.test(match[0]) ? '0' : match[0]);
  return out;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Writes the feature vector of `words` into `out` (length `dimensions`, zeroed here).
 * @example
 * const v = new Float32Array(4096); featurise(tokens('the patient was diagnosed'), v);
 */
export function featurise(words: readonly string[], out: Float32Array): Float32Array {
  out.fill(0);
  const dimensions = out.length;
  const add = (feature: string) => {
    const h = fnv1a(feature);
    const index = h % dimensions;
    out[index]! += (h & 0x80000000) !== 0 ? -1 : 1;
  };
  for (let i = 0; i < words.length; i++) {
    add(words[i]!);
    if (i + 1 < words.length) add(`${words[i]} ${words[i + 1]}`);
  }
  let norm = 0;
  for (let i = 0; i < dimensions; i++) {
    const v = out[i]!;
    if (v !== 0) {
      const scaled = Math.sign(v) * Math.log1p(Math.abs(v));
      out[i] = scaled;
      norm += scaled * scaled;
    }
  }
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let i = 0; i < dimensions; i++) if (out[i] !== 0) out[i]! *= inv;
  }
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
