/**
 * Runs one detector over one (normalised) text: either its pattern over the whole text (a detector
 * without anchors), or its sticky twin at the positions its anchors name, in increasing order. Both
 * judge each regex match the same way (judgeMatch), and since an anchor covers every position where
 * the pattern can match, both see the same matches.
 */
import type { Finding } from '../core/index.js';
import { SourceKind, type CompiledAnchor } from './anchor.js';
import type { ScanBudget } from './budget.js';
import type { Candidates } from './candidates.js';
import type { CompiledDetector } from './compile.js';
import type { Positions } from './positions.js';
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

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** The checks past the first character and the one before it: rarer, kept out of the hot loop. */
function restAllows(anchor: CompiledAnchor, text: string, p: number): boolean {
  if (anchor.second !== null) {
    if (p + 1 >= text.length) return false;
    const c = text.charCodeAt(p + 1);
    if (c < 128 && anchor.second[c] === 0) return false;
  }
  if (anchor.third !== null) {
    if (p + 2 >= text.length) return false;
    const c = text.charCodeAt(p + 2);
    if (c < 128 && anchor.third[c] === 0) return false;
  }
  if (anchor.digitRunMin > 1 || anchor.digitRunMax < Infinity || anchor.afterDigits !== null) {
    // Reads at most digitRunMax + 1 characters; each run start is read once per detector.
    let end = p;
    const limit = Math.min(text.length, p + anchor.digitRunMax + 1);
    while (end < limit && isDigit(text.charCodeAt(end))) end++;
    const length = end - p;
    if (length < anchor.digitRunMin || length > anchor.digitRunMax) return false;
    if (anchor.afterDigits !== null) {
      if (end >= text.length) return false;
      const c = text.charCodeAt(end);
      if (c < 128 && anchor.afterDigits[c] === 0) return false;
    }
  }
  return true;
}

/**
 * Tries the sticky pattern at each position of one anchor's windows, in order, and judges every
 * match, resuming past it as a global search does.
 */
function eachMatch(compiled: CompiledDetector, anchor: CompiledAnchor, windows: Positions, sticky: RegExp, input: RunInput): void {
  const { text } = input;
  const { starts, ends, count } = windows;
  const { first, notAfter } = anchor;
  const checkRest = anchor.second !== null || anchor.third !== null || anchor.digitRunMin > 1 || anchor.digitRunMax < Infinity || anchor.afterDigits !== null;
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

/** One anchor's windows, walked in order alongside the others' (several anchors). */
class AnchorCursor {
  private next = 0;
  /** The furthest end of the windows that start at or before the current position. */
  private coveredTo = -1;
  constructor(
    readonly anchor: CompiledAnchor,
    private readonly windows: Positions,
  ) {}

  /** The first position at or after `p` inside one of the windows (Infinity when none is left). */
  firstFrom(p: number): number {
    const { starts, ends, count } = this.windows;
    while (this.next < count && starts[this.next]! <= p) {
      if (ends[this.next]! > this.coveredTo) this.coveredTo = ends[this.next]!;
      this.next++;
    }
    if (this.coveredTo >= p) return p;
    return this.next < count ? starts[this.next]! : Infinity;
  }
}

/** Whether `anchor` lets a match start at `p`. */
function allows(anchor: CompiledAnchor, text: string, p: number): boolean {
  const { first, notAfter } = anchor;
  if (first !== null) {
    const c = text.charCodeAt(p);
    if (c < 128 && first[c] === 0) return false;
  }
  if (notAfter !== null && p > 0) {
    const b = text.charCodeAt(p - 1);
    if (b < 128 && notAfter[b] === 1) return false;
  }
  return restAllows(anchor, text, p);
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
    eachMatch(compiled, anchors[0]!, windowsOf(anchors[0]!, candidates), sticky, input);
    return;
  }
  const cursors: AnchorCursor[] = [];
  for (const anchor of anchors) {
    const windows = windowsOf(anchor, candidates);
    if (windows.count > 0) cursors.push(new AnchorCursor(anchor, windows));
  }
  const n = text.length;
  let p = 0;
  while (p < n) {
    let at = Infinity;
    for (const cursor of cursors) {
      const q = cursor.firstFrom(p);
      if (q < at) at = q;
    }
    if (at >= n) return;
    let allowed = false;
    for (const cursor of cursors) {
      if (cursor.firstFrom(at) === at && allows(cursor.anchor, text, at)) {
        allowed = true;
        break;
      }
    }
    p = at + 1;
    if (!allowed) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (m !== null) p = Math.max(p, judgeMatch(compiled, m, sticky.lastIndex, input));
  }
}
