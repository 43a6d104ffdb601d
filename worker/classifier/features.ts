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
  // The buckets written, so that scaling and normalising visit those only (a window touches a
  // few hundred of thousands).
  const touched: number[] = [];
  const add = (feature: string) => {
    const h = fnv1a(feature);
    const index = h % dimensions;
    if (out[index] === 0) touched.push(index);
    out[index]! += (h & 0x80000000) !== 0 ? -1 : 1;
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const glue = GLUE_WORDS.has(word);
    if (!glue) add(word);
    // A word's first five letters as well: "diagnosed", "diagnosis" and "diagnoses" share one
    // feature, so a form the training never saw still counts.
    if (word.length > 6) add(`${word.slice(0, 5)}~`);
    if (i + 1 < words.length && !(glue && GLUE_WORDS.has(words[i + 1]!))) add(`${words[i]} ${words[i + 1]}`);
  }
  let norm = 0;
  for (const i of touched) {
    const v = out[i]!;
    // A bucket whose signed hits cancelled out stays 0.
    const scaled = Math.sign(v) * Math.log1p(Math.abs(v));
    out[i] = scaled;
    norm += scaled * scaled;
  }
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (const i of touched) out[i]! *= inv;
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
