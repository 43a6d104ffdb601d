/**
 * Runs one detector over one (normalised) text: either its pattern over the whole text (a detector
 * without anchors), or its sticky twin at the positions its anchors name, in increasing order. Both
 * judge each regex match the same way (judgeMatch), and since an anchor covers every position where
 * the pattern can match, both see the same matches.
 */
import type { Finding } from '../core/index.js';
import { SourceKind, type CompiledAnchor } from './anchor.js';
import { VALIDATION_UNITS, type ScanBudget } from './budget.js';
import type { Candidates } from './candidates.js';
import type { CompiledDetector } from './compile.js';
import type { Positions } from './positions.js';
import type { RunSieve, SievedRuns } from './run-sieve.js';
import { mergeAscendingRuns } from './merge-runs.js';
import { allows, digitRunAllows, restAllows, thirdAllows } from './anchor-checks.js';
import { hasWholeWord } from './context.js';

/**
 * A hit inside one text: a Finding before it is hashed and placed (no hash, no location). Carries
 * offsets, never the value (callers slice it when they must).
 */
export type Match = Omit<Finding, 'hash' | 'location'>;

const DEFAULT_CONTEXT_WINDOW = 48;
const ANTI_CONTEXT_WINDOW = 24;

/** Lowercased text, computed once per scan and only if a case-insensitive check needs it. */
export class LowerText {
  private value: string | undefined;
  constructor(private readonly text: string) {}
  get(): string {
    return (this.value ??= this.text.toLowerCase());
  }
}

/** What every run of every detector over one text shares. */
export interface RunInput {
  readonly text: string;
  readonly lower: LowerText;
  readonly minScore: number;
  readonly budget: ScanBudget;
  readonly out: Match[];
  /** Digit runs and capitals sorted to the anchors that may start there (reset for each text). */
  readonly sieve: RunSieve;
}

/** Judges one regex match (span, context, validator) and returns where the search resumes. */
function judgeMatch(compiled: CompiledDetector, m: RegExpExecArray, resume: number, input: RunInput): number {
  const { detector, tier, action } = compiled;
  const { text, lower, budget } = input;
  budget.charge(1 + m[0].length);
  if (m[0].length === 0) return m.index + 1;
  let start = m.index;
  let end = start + m[0].length;
  if (detector.group !== undefined) {
    const span = m.indices?.[detector.group];
    if (!span) return resume;
    [start, end] = span;
  }
  if (detector.resolveEnd) {
    end = detector.resolveEnd(text, start, end);
    budget.charge(Math.abs(end - start));
    // Further (a PEM body): resume after it. Shorter (an IBAN whose country fixes its length): the
    // pattern read on into what follows, which may be the next value, so resume where this one
    // ends. Still linear: every built-in pattern with resolveEnd matches a bounded length.
    if (end > start) resume = end;
  }
  if (detector.antiContext && hasWholeWord(lower.get(), start - ANTI_CONTEXT_WINDOW, start, detector.antiContext)) return resume;
  let score = detector.score;
  if (detector.context) {
    const hasContext = hasWholeWord(lower.get(), start - (detector.contextWindow ?? DEFAULT_CONTEXT_WINDOW), start, detector.context);
    if (detector.contextRequired && !hasContext) return resume;
    if (hasContext && detector.contextBoost) score = Math.min(1, score + detector.contextBoost);
  }
  if (detector.validator) {
    budget.charge(VALIDATION_UNITS);
    const verdict = detector.validator({ value: text.slice(start, end), text, start, end });
    if (verdict === false) return resume;
    if (typeof verdict === 'number') score = verdict;
  }
  if (score >= input.minScore) {
    budget.noteMatch();
    input.out.push({ type: detector.type, rule: detector.id, tier, score, start, end, action });
  }
  return resume;
}

/** The pattern over the whole text: detectors without anchors. */
export function runWhole(compiled: CompiledDetector, input: RunInput): void {
  const pattern = compiled.detector.pattern;
  const { text } = input;
  pattern.lastIndex = 0;
  input.budget.charge(text.length);
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    pattern.lastIndex = judgeMatch(compiled, m, pattern.lastIndex, input);
  }
}

function windowsOf(anchor: CompiledAnchor, candidates: Candidates): Positions {
  if (anchor.kind === SourceKind.Digits) return candidates.digits;
  if (anchor.kind === SourceKind.Capitals) return candidates.capitals;
  if (anchor.kind === SourceKind.Words) return candidates.words;
  const group = candidates.groups[anchor.group]!;
  group.sort();
  return group;
}

/** eachMatch for a digits anchor: one position per digit run, judged by digitRunAllows. */
function eachDigitRunMatch(compiled: CompiledDetector, anchor: CompiledAnchor, candidates: Candidates, sticky: RegExp, input: RunInput): void {
  const { text } = input;
  const sieved = input.sieve.sievedFor(anchor, text, candidates);
  if (sieved) return eachSievedMatch(compiled, anchor, sieved, candidates.digits.starts, sticky, input);
  const { starts, count } = candidates.digits;
  const runEnds = candidates.digitRunEnds.starts;
  let p = 0;
  for (let k = 0; k < count; k++) {
    const q = starts[k]!;
    if (q < p || !digitRunAllows(anchor, text, q, runEnds[k]!)) continue;
    p = q + 1;
    sticky.lastIndex = q;
    const m = sticky.exec(text);
    if (m !== null) p = Math.max(p, judgeMatch(compiled, m, sticky.lastIndex, input));
  }
}

/**
 * eachMatch over the runs the sieve passed (digit run indices into `digitStarts`, or capital
 * offsets when `digitStarts` is null): only the later checks are left to make.
 */
function eachSievedMatch(compiled: CompiledDetector, anchor: CompiledAnchor, sieved: SievedRuns, digitStarts: Int32Array | null, sticky: RegExp, input: RunInput): void {
  const { text } = input;
  const { items, count } = sieved;
  const third = anchor.third;
  let p = 0;
  for (let k = 0; k < count; k++) {
    const q = digitStarts === null ? items[k]! : digitStarts[items[k]!]!;
    if (q < p || (third !== null && !thirdAllows(third, text, q))) continue;
    p = q + 1;
    sticky.lastIndex = q;
    const m = sticky.exec(text);
    if (m !== null) p = Math.max(p, judgeMatch(compiled, m, sticky.lastIndex, input));
  }
}

/**
 * Tries the sticky pattern at each position of one anchor's windows, in order, and judges every
 * match, resuming past it as a global search does.
 */
function eachMatch(compiled: CompiledDetector, anchor: CompiledAnchor, windows: Positions, sticky: RegExp, input: RunInput): void {
  const { text } = input;
  const { starts, ends, count } = windows;
  const { first, notAfter } = anchor;
  const checkRest = anchor.second !== null || anchor.third !== null || anchor.chainMin > 0;
  const last = text.length - 1;
  let p = 0;
  for (let k = 0; k < count; k++) {
    const end = Math.min(ends[k]!, last);
    for (let q = Math.max(starts[k]!, p); q <= end; q++) {
      p = q + 1;
      if (first !== null) {
        const c = text.charCodeAt(q);
        if (c < 128 && first[c] === 0) continue;
      }
      if (notAfter !== null && q > 0) {
        const b = text.charCodeAt(q - 1);
        if (b < 128 && notAfter[b] === 1) continue;
      }
      if (checkRest && !restAllows(anchor, text, q)) continue;
      sticky.lastIndex = q;
      const m = sticky.exec(text);
      if (m === null) continue;
      p = Math.max(p, judgeMatch(compiled, m, sticky.lastIndex, input));
      q = p - 1;
    }
  }
}

/** Start positions several anchors allow, gathered for one text (reused: scans are synchronous). */
let allowedBuffer = new Int32Array(1024);
let allowedCount = 0;

function pushAllowed(q: number): void {
  if (allowedCount === allowedBuffer.length) {
    const grown = new Int32Array(allowedBuffer.length * 2);
    grown.set(allowedBuffer);
    allowedBuffer = grown;
  }
  allowedBuffer[allowedCount++] = q;
}

/** Every position of one anchor's (sorted) windows that the anchor allows, each once. */
function gatherAllowed(anchor: CompiledAnchor, candidates: Candidates, input: RunInput): void {
  const { text } = input;
  const sieved = anchor.kind === SourceKind.Digits || anchor.kind === SourceKind.Capitals ? input.sieve.sievedFor(anchor, text, candidates) : undefined;
  if (sieved) {
    const digitStarts = anchor.kind === SourceKind.Digits ? candidates.digits.starts : null;
    const third = anchor.third;
    for (let k = 0; k < sieved.count; k++) {
      const q = digitStarts === null ? sieved.items[k]! : digitStarts[sieved.items[k]!]!;
      if (third === null || thirdAllows(third, text, q)) pushAllowed(q);
    }
    return;
  }
  if (anchor.kind === SourceKind.Digits) {
    const { starts, count } = candidates.digits;
    const runEnds = candidates.digitRunEnds.starts;
    for (let k = 0; k < count; k++) if (digitRunAllows(anchor, text, starts[k]!, runEnds[k]!)) pushAllowed(starts[k]!);
    return;
  }
  const { starts, ends, count } = windowsOf(anchor, candidates);
  const last = text.length - 1;
  let next = 0;
  for (let k = 0; k < count; k++) {
    const end = Math.min(ends[k]!, last);
    for (let q = Math.max(starts[k]!, next); q <= end; q++) if (allows(anchor, text, q)) pushAllowed(q);
    if (end + 1 > next) next = end + 1;
  }
}

/**
 * The sticky pattern at every position an anchor allows, in increasing order, resuming after each
 * match as a global search would (so a long match is read once, however many anchors lie inside
 * it). Charges the budget as a whole-text pass does.
 */
export function runAnchored(compiled: CompiledDetector, anchors: readonly CompiledAnchor[], sticky: RegExp, candidates: Candidates, input: RunInput): void {
  const { text } = input;
  input.budget.charge(text.length);
  if (anchors.length === 1) {
    const anchor = anchors[0]!;
    if (anchor.kind === SourceKind.Digits) eachDigitRunMatch(compiled, anchor, candidates, sticky, input);
    else {
      const sieved = anchor.kind === SourceKind.Capitals ? input.sieve.sievedFor(anchor, text, candidates) : undefined;
      if (sieved) eachSievedMatch(compiled, anchor, sieved, null, sticky, input);
      else eachMatch(compiled, anchor, windowsOf(anchor, candidates), sticky, input);
    }
    return;
  }
  // Several anchors: the positions each allows (each position at most once per anchor, so linear),
  // in increasing order; a position read by an earlier match is skipped as a global search skips it.
  allowedCount = 0;
  // Each anchor's positions come in increasing order: merging those runs orders them all.
  const bounds = [0];
  for (const anchor of anchors) {
    gatherAllowed(anchor, candidates, input);
    if (allowedCount > bounds[bounds.length - 1]!) bounds.push(allowedCount);
  }
  if (allowedCount === 0) return;
  const allowed = mergeAscendingRuns(allowedBuffer, bounds);
  let p = 0;
  for (let i = 0; i < allowedCount; i++) {
    const at = allowed[i]!;
    if (at < p) continue;
    p = at + 1;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (m !== null) p = Math.max(p, judgeMatch(compiled, m, sticky.lastIndex, input));
  }
}
