/**
 * Runs a compiled DLP configuration over one text: prefilter, pattern, validator, context, then
 * keyword lists and operator patterns, and finally one winner per overlapping span.
 */
import { base64Runs } from './base64.js';
import { ScanBudget } from './budget.js';
import type { Candidates } from './candidates.js';
import { SourceKind, type CompiledAnchor } from './anchor.js';
import type { CompiledDlp } from './compile.js';
import { normalizeText } from './normalize.js';
import { withDocumentPersons } from './detectors/person-document.js';
import { resolveFindings } from './overlaps.js';
import { LowerText, runAnchored, runWhole, type Match, type RunInput } from './run.js';

export type { Match } from './run.js';

/** Whether an anchored detector has no position to try: every source its anchors read is empty in this text. */
function nothingAnchored(anchors: readonly CompiledAnchor[], candidates: Candidates): boolean {
  for (const anchor of anchors) {
    const source = anchor.kind === SourceKind.Digits ? candidates.digits : anchor.kind === SourceKind.Capitals ? candidates.capitals : anchor.kind === SourceKind.Words ? candidates.words : candidates.groups[anchor.group]!;
    if (source.count > 0) return false;
  }
  return true;
}

/** A match in the scanned (normalised) text, before offsets are mapped back. */
type RawMatch = Match;

/** Overlap resolution lives in overlaps.ts; re-exported for the callers that merge matches of several scans. */
export { resolveOverlaps } from './overlaps.js';

/** Built-in detectors, keyword lists and operator patterns over one (normalised) text. */
function scanNormalized(compiled: CompiledDlp, text: string, candidates: Candidates, budget: ScanBudget, out: RawMatch[]): void {
  const lower = new LowerText(text);
  const minScore = compiled.settings.tier1.min_score ?? 0;
  compiled.sieve.reset();
  const input: RunInput = { text, lower, minScore, budget, out, sieve: compiled.sieve };

  // Whether each detector's prefilter keywords occur (all found by the candidate pass).
  const passing = compiled.prefilter.passing(candidates.seenKeywords, candidates.seenKeywordCount);
  for (const detector of compiled.detectors) {
    if (passing[detector.index] === 0) continue;
    const { anchors, sticky } = detector;
    // Anchors that follow context words read lower-case offsets, which U+0130 shifts.
    if (anchors && sticky && !(candidates.lowerShifts && detector.detector.context)) {
      // No position to try: charged as the run would have been, without the run.
      if (nothingAnchored(anchors, candidates)) budget.charge(text.length);
      else runAnchored(detector, anchors, sticky, candidates, input);
    } else runWhole(detector, input);
  }

  if (compiled.automaton) {
    // The keyword lists' hits came with the candidate pass (the same automaton semantics).
    budget.charge(text.length);
    const { owners, starts, ends, count } = candidates.listHits;
    for (let h = 0; h < count; h++) {
      const { rule, keyword } = compiled.keywordOwners[owners[h]!]!;
      const start = starts[h]!;
      const end = ends[h]!;
      if (rule.caseSensitive && text.slice(start, end) !== keyword) continue;
      if (rule.score < minScore) continue;
      out.push({ type: rule.type, rule: rule.id, tier: rule.tier, score: rule.score, start, end, action: rule.action });
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
  const candidates = compiled.candidates.find(normalized.text);
  scanNormalized(compiled, normalized.text, candidates, budget, raw);
  // The runs are read before the decoded texts' own passes reuse the candidate buffers.
  for (const run of base64Runs(normalized.text, budget, candidates.base64)) {
    const inner: RawMatch[] = [];
    scanNormalized(compiled, run.decoded, compiled.candidates.find(run.decoded), budget, inner);
    // A value found inside the decoded text covers the whole base64 run in the original.
    for (const m of inner) raw.push({ ...m, start: run.start, end: run.end });
  }
  for (const m of raw) {
    const start = normalized.toOriginalStart(m.start);
    const end = normalized.toOriginalEnd(m.end);
    if (end > start) out.push({ ...m, start, end });
  }
  // Persons found lead to the same text's other mentions of them (lists, a surname alone later).
  const kept = withDocumentPersons(text, resolveFindings(text, out));
  budget.noteFindings(kept.length);
  return kept;
}
