/**
 * Tier 3 gating and budget: when to ask the classifier, how long to wait, and how its spans join
 * the Tier 1/2 matches. The classifier itself lives in worker/classifier; this only uses its interface.
 */
import type { TextPart } from '../protocol/index.js';
import type { CompiledDlp } from './compile.js';
import type { Match } from './scan.js';
import type { Tier3Classifier, Tier3Result } from './settings.js';

/** Tier 1/2 matches below this score are "low confidence": Tier 3 gets a say in ambiguous mode. */
export const LOW_CONFIDENCE_SCORE = 0.8;
/** Texts at least this long with no Tier 1/2 match are worth a look in ambiguous mode. */
export const LONG_TEXT_CHARS = 256;
/** The finding a sequence classifier's verdict makes: the whole text is sensitive. */
export const WHOLE_TEXT = 'SENSITIVE_TEXT';

export interface Tier3Outcome {
  /** Tier 3 matches per text part (same order as the parts). */
  readonly matches: Match[][];
  readonly budgetExceeded: boolean;
  /** Parts the classifier was asked about. */
  readonly classified: number;
}

/** Whether a part goes to the classifier under the configured mode. */
export function needsTier3(mode: 'always' | 'ambiguous' | 'off', text: string, matches: readonly Match[]): boolean {
  if (mode === 'always') return true;
  if (mode === 'off') return false;
  if (matches.length === 0) return text.length >= LONG_TEXT_CHARS;
  return matches.some((m) => m.score < LOW_CONFIDENCE_SCORE);
}

const TIMED_OUT = Symbol('timed out');

/**
 * Classifies the gated parts in parallel within `budget_ms`. Over budget (wall clock, or the
 * classifier's own elapsed times added up): no Tier 3 matches, `budgetExceeded` set; the caller
 * decides block or pass. A classifier error propagates (the scanner failed).
 */
export async function runTier3(compiled: CompiledDlp, classifier: Tier3Classifier, parts: readonly TextPart[], tier12: readonly Match[][]): Promise<Tier3Outcome> {
  const settings = compiled.settings.tier3;
  const gated = parts.map((p, i) => needsTier3(settings.mode, p.text, tier12[i] ?? []));
  const empty = parts.map((): Match[] => []);
  if (!gated.includes(true)) return { matches: empty, budgetExceeded: false, classified: 0 };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), settings.budget_ms)));
  const work = Promise.all(parts.map((p, i) => (gated[i] ? classifier.classify(p.text) : null)));
  const results = await Promise.race([work, deadline]).finally(() => clearTimeout(timer));
  const classified = gated.filter(Boolean).length;
  if (results === TIMED_OUT) {
    work.catch(() => {}); // finishes unobserved; its outcome no longer matters
    return { matches: empty, budgetExceeded: true, classified };
  }
  const spent = results.reduce((sum, r) => sum + (r?.elapsedMs ?? 0), 0);
  if (spent > settings.budget_ms) return { matches: empty, budgetExceeded: true, classified };

  const matches = results.map((result, i): Match[] => (result ? tier3Matches(result, parts[i]!.text, compiled.settings.tier3, classifier) : []));
  return { matches, budgetExceeded: false, classified };
}

/**
 * One classification made findings under the policy tier's settings: the typed spans at or above
 * the threshold (the policy's, else the model's: either way, a policy may lower it as well as
 * raise it) and of the configured entity types; a sequence classifier's verdict, with no spans,
 * becomes one SENSITIVE_TEXT finding over the whole text. The gateway and `outpost scan` both
 * judge a classification here.
 *
 * @example
 * tier3Matches({ score: 0.9, label: 'sensitive', spans: [], elapsedMs: 1 }, text, { ...tier3, threshold: 0.7 }, classifier)
 * // [{ type: 'SENSITIVE_TEXT', tier: 3, score: 0.9, start: 0, end: text.length, ... }]
 */
export function tier3Matches(result: Tier3Result, text: string, settings: CompiledDlp['settings']['tier3'], classifier: Pick<Tier3Classifier, 'threshold' | 'modelVersion'>): Match[] {
  const threshold = settings.threshold ?? classifier.threshold;
  const rule = `tier3.${classifier.modelVersion}`;
  const entities = settings.entities ? new Set(settings.entities) : null;
  const spans = result.spans
    .filter((s) => s.score >= threshold && s.end > s.start && s.start >= 0 && s.end <= text.length && (!entities || entities.has(s.type)))
    .map((s): Match => ({ type: s.type, rule, tier: 3, score: s.score, start: s.start, end: s.end, action: settings.action }));
  const sensitive = sensitiveScore(result, settings.sensitive_labels);
  if (spans.length === 0 && sensitive !== null && sensitive >= threshold) {
    spans.push({ type: WHOLE_TEXT, rule, tier: 3, score: sensitive, start: 0, end: text.length, action: settings.action });
  }
  return spans;
}

/**
 * How sensitive a sequence classifier found a text: with the policy's `sensitive_labels`, the
 * highest probability among them (a label the model does not have counts as 0); otherwise the
 * probability of the model's sensitive label (0 from a model that only tags spans), whatever label
 * the model's own threshold gave. Null: no label of the list can be read.
 *
 * @example
 * sensitiveScore({ score: 0.1, label: 'clean', labelScores: { clean: 0.1, phi: 0.9 }, spans: [], elapsedMs: 1 }, ['phi']) // 0.9
 */
export function sensitiveScore(result: Tier3Result, labels: readonly string[] | undefined): number | null {
  if (!labels) return result.score;
  if (!result.labelScores) return null;
  return labels.reduce((best, l) => Math.max(best, result.labelScores![l] ?? 0), 0);
}
