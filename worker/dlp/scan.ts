/**
 * Runs a compiled DLP configuration over one text: prefilter, pattern, validator, context, then
 * keyword lists and operator patterns, and finally one winner per overlapping span.
 */
import type { Finding } from '../core/index.js';
import { base64Runs } from './base64.js';
import { ScanBudget } from './budget.js';
import type { CompiledDetector, CompiledDlp } from './compile.js';
import { hasWholeWord } from './context.js';
import { normalizeText } from './normalize.js';

/**
 * A hit inside one text: a Finding before it is hashed and placed (no hash, no location). Carries
 * offsets, never the value (callers slice it when they must).
 */
export type Match = Omit<Finding, 'hash' | 'location'>;

const DEFAULT_CONTEXT_WINDOW = 48;
const ANTI_CONTEXT_WINDOW = 24;

/** Lowercased text, computed once per scan and only if a case-insensitive check needs it. */
class LowerText {
  private value: string | undefined;
  constructor(private readonly text: string) {}
  get(): string {
    return (this.value ??= this.text.toLowerCase());
  }
}

function prefilterPasses(compiled: CompiledDetector, text: string, lower: LowerText): boolean {
  const { keywords } = compiled;
  if (!keywords) return true;
  const haystack = compiled.detector.keywordsCaseInsensitive ? lower.get() : text;
  for (const k of keywords) if (haystack.includes(k)) return true;
  return false;
}

/** A match in the scanned (normalised) text, before offsets are mapped back. */
type RawMatch = Match;

function runDetector(compiled: CompiledDetector, text: string, lower: LowerText, minScore: number, budget: ScanBudget, out: RawMatch[]): void {
  const { detector, tier, action } = compiled;
  const pattern = detector.pattern;
  pattern.lastIndex = 0;
  budget.charge(text.length);
  const window = detector.contextWindow ?? DEFAULT_CONTEXT_WINDOW;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    budget.charge(1 + m[0].length);
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    let start = m.index;
    let end = start + m[0].length;
    if (detector.group !== undefined) {
      const span = m.indices?.[detector.group];
      if (!span) continue;
      [start, end] = span;
    }
    if (detector.resolveEnd) {
      end = detector.resolveEnd(text, start, end);
      budget.charge(Math.abs(end - start));
      if (end > pattern.lastIndex) pattern.lastIndex = end;
    }
    if (detector.antiContext && hasWholeWord(lower.get(), start - ANTI_CONTEXT_WINDOW, start, detector.antiContext)) continue;
    let score = detector.score;
    if (detector.context) {
      const hasContext = hasWholeWord(lower.get(), start - window, start, detector.context);
      if (detector.contextRequired && !hasContext) continue;
      if (hasContext && detector.contextBoost) score = Math.min(1, score + detector.contextBoost);
    }
    if (detector.validator) {
      const verdict = detector.validator({ value: text.slice(start, end), text, start, end });
      if (verdict === false) continue;
      if (typeof verdict === 'number') score = verdict;
    }
    if (score < minScore) continue;
    out.push({ type: detector.type, rule: detector.id, tier, score, start, end, action });
  }
}

/** Keeps one match per overlapping span: the higher score, then the longer. */
export function resolveOverlaps(matches: Match[]): Match[] {
  if (matches.length < 2) return matches;
  matches.sort((a, b) => a.start - b.start || b.score - a.score || b.end - a.end);
  const kept: Match[] = [];
  for (const m of matches) {
    const last = kept[kept.length - 1];
    if (!last || m.start >= last.end) {
      kept.push(m);
      continue;
    }
    const better = m.score > last.score || (m.score === last.score && m.end - m.start > last.end - last.start);
    if (better) kept[kept.length - 1] = m;
  }
  return kept;
}

/** Built-in detectors, keyword lists and operator patterns over one (normalised) text. */
function scanNormalized(compiled: CompiledDlp, text: string, budget: ScanBudget, out: RawMatch[]): void {
  const lower = new LowerText(text);
  const minScore = compiled.settings.tier1.min_score ?? 0;

  for (const detector of compiled.detectors) {
    if (prefilterPasses(detector, text, lower)) runDetector(detector, text, lower, minScore, budget, out);
  }

  if (compiled.automaton) {
    budget.charge(text.length);
    for (const hit of compiled.automaton.search(text)) {
      const { rule, keyword } = compiled.keywordOwners[hit.keyword]!;
      if (rule.caseSensitive && text.slice(hit.start, hit.end) !== keyword) continue;
      if (rule.score < minScore) continue;
      out.push({ type: rule.type, rule: rule.id, tier: rule.tier, score: rule.score, start: hit.start, end: hit.end, action: rule.action });
    }
  }

  for (const custom of compiled.customPatterns) {
    if (custom.keywords && !custom.keywords.some((k) => lower.get().includes(k))) continue;
    budget.charge(text.length);
    const matcher = custom.regex.matcher(text);
    let from = 0;
    while (from <= text.length && matcher.find(from)) {
      const start = matcher.start();
      const end = matcher.end();
      budget.charge(1 + end - start);
      from = end > start ? end : end + 1;
      if (end > start && custom.score >= minScore) {
        out.push({ type: custom.type, rule: custom.id, tier: 2, score: custom.score, start, end, action: custom.action });
      }
    }
  }
}

/**
 * Every Tier 1 and Tier 2 match in `text`, non-overlapping, ordered by offset. Detectors read the
 * normalised text (normalize.ts) and, once, the decoded form of base64 runs (base64.ts); offsets
 * are always into the original `text`. Spends `budget` (one per request when the caller shares it)
 * and throws ScanBudgetExceededError when it runs out.
 * @example
 * const dlp = compileDlp(settings);
 * scanText(dlp, 'mail jane@acme.io'); // [{ type: 'EMAIL', rule: 'tier1.email', tier: 1, score: 0.95, start: 5, end: 17, action: 'redact' }]
 */
export function scanText(compiled: CompiledDlp, text: string, budget: ScanBudget = new ScanBudget(compiled.scanBudgetUnits)): Match[] {
  const out: Match[] = [];
  if (!text) return out;
  budget.charge(text.length);
  const normalized = normalizeText(text);
  const raw: RawMatch[] = [];
  scanNormalized(compiled, normalized.text, budget, raw);
  for (const run of base64Runs(normalized.text, budget)) {
    const inner: RawMatch[] = [];
    scanNormalized(compiled, run.decoded, budget, inner);
    // A value found inside the decoded text covers the whole base64 run in the original.
    for (const m of inner) raw.push({ ...m, start: run.start, end: run.end });
  }
  for (const m of raw) {
    const start = normalized.toOriginalStart(m.start);
    const end = normalized.toOriginalEnd(m.end);
    if (end > start) out.push({ ...m, start, end });
  }
  const kept = resolveOverlaps(out);
  budget.noteFindings(kept.length);
  return kept;
}
