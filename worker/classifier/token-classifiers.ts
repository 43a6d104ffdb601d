/**
 * Classifiers over token ids (Hugging Face …ForSequenceClassification and
 * …ForTokenClassification exports): the text is tokenised once, fed in windows of `max_length`
 * ids (special tokens included) `stride` apart, and the windows' outputs combined.
 */
import type { Tier3Classifier, Tier3Result } from '../dlp/settings.js';
import type { HfTokenizer } from './hf-tokenizer.js';
import type { ModelPackage } from './model-package.js';
import type { OrtModel } from './ort.js';
import { bioSpans, tokenWindows } from './tokens.js';

type OnInference = ((windows: number, elapsedMs: number) => void) | undefined;

/**
 * Sequence classification: every window is scored and, per label, the highest probability any
 * window gave is kept; the sensitive label's decides.
 *
 * @example
 * const classifier = tokenSequenceClassifier(model, pkg, tokenizer);
 * await classifier.classify('The board will announce the acquisition on Monday.') // { score, label, labelScores, spans: [] }
 */
export function tokenSequenceClassifier(model: OrtModel, pkg: ModelPackage, tokenizer: HfTokenizer, onInference?: OnInference): Tier3Classifier {
  return {
    modelVersion: pkg.version,
    threshold: pkg.threshold,
    async classify(text: string): Promise<Tier3Result> {
      const started = Date.now();
      const best = new Array<number>(pkg.labels.length).fill(0);
      let count = 0;
      for (const { ids } of tokenWindows(tokenizer.encode(text).ids, tokenizer, pkg)) {
        const [row] = await model.runTokens(ids);
        for (let k = 0; k < best.length; k++) best[k] = Math.max(best[k]!, row![k]!);
        count++;
      }
      const elapsedMs = Date.now() - started;
      onInference?.(count, elapsedMs);
      const score = best[pkg.positiveIndex]!;
      return {
        score,
        label: score >= pkg.threshold ? pkg.labels[pkg.positiveIndex]! : pkg.labels.find((_, i) => i !== pkg.positiveIndex)!,
        labelScores: Object.fromEntries(pkg.labels.map((l, i) => [l, best[i]!])),
        spans: [],
        elapsedMs,
      };
    },
  };
}

/**
 * Per-token label probabilities of a text under a token model; a token seen by several windows
 * keeps the prediction made with the most context on both sides (where it sat most centrally).
 *
 * @example
 * const { offsets, probabilities } = await tokenProbabilities(model, pkg, tokenizer, 'Alice met Bob');
 */
export async function tokenProbabilities(model: OrtModel, pkg: Pick<ModelPackage, 'maxLength' | 'stride'>, tokenizer: HfTokenizer, text: string): Promise<{ ids: number[]; offsets: Array<readonly [number, number]>; probabilities: Float32Array[]; windows: number }> {
  const encoded = tokenizer.encode(text);
  const probabilities: Float32Array[] = new Array(encoded.ids.length);
  const centrality: number[] = new Array(encoded.ids.length).fill(-1);
  const offset = tokenizer.prefixIds.length;
  let windows = 0;
  for (const { start, slice, ids } of tokenWindows(encoded.ids, tokenizer, pkg)) {
    const rows = await model.runTokens(ids);
    windows++;
    slice.forEach((_, j) => {
      const central = Math.min(j, slice.length - 1 - j);
      if (central > centrality[start + j]!) {
        centrality[start + j] = central;
        probabilities[start + j] = rows[j + offset]!;
      }
    });
  }
  return { ids: encoded.ids, offsets: encoded.offsets, probabilities, windows };
}

/**
 * Token classification: each token's most probable BIO tag, decoded to typed character spans,
 * each with its mean tag probability (the policy tier's threshold keeps or drops it).
 *
 * @example
 * const classifier = tokenClassifier(model, pkg, tokenizer);
 * (await classifier.classify('Alice visited London')).spans // [{ type: 'PERSON', start: 0, end: 5, score: 0.93 }, ...]
 */
export function tokenClassifier(model: OrtModel, pkg: ModelPackage, tokenizer: HfTokenizer, onInference?: OnInference): Tier3Classifier {
  return {
    modelVersion: pkg.version,
    threshold: pkg.threshold,
    async classify(text: string): Promise<Tier3Result> {
      const started = Date.now();
      const { offsets, probabilities, windows } = await tokenProbabilities(model, pkg, tokenizer, text);
      const tags = probabilities.map((row) => {
        let best = 0;
        for (let k = 1; k < row.length; k++) if (row[k]! > row[best]!) best = k;
        return { label: pkg.labels[best]!, score: row[best]! };
      });
      // Every tagged span, with its score: the threshold is the caller's (a policy tier may set its
      // own, lower or higher than the model's: dlp/tier3.ts); the label says what the model's own gives.
      const spans = bioSpans(tags, offsets);
      const elapsedMs = Date.now() - started;
      onInference?.(windows, elapsedMs);
      return { score: 0, label: spans.some((s) => s.score >= pkg.threshold) ? 'entities' : 'O', spans, elapsedMs };
    },
  };
}
