/**
 * Sorts the digit runs and capitals of one text to the anchors that may start a match there, in
 * one pass for all of them. Each anchor's first checks (the length of the digit run, the
 * character before it, its first, second and next characters) become bits in a few 32-bit masks
 * per character, so a run is tested against every anchor with four table reads and an AND,
 * instead of each anchor reading every run of the text. Digit chains (runs joined by short
 * separators, as in a grouped card number) are counted once per text, from the last run back, for
 * each distinct chain rule. Only the third character is left to the anchor (run.ts).
 */
import { SourceKind, type CompiledAnchor } from './anchor.js';
import type { Candidates } from './candidates.js';

/** Anchors one sieve sorts to (one bit each in a 32-bit mask); further anchors read their runs themselves. */
const MAX_SLOTS = 32;

/** Table index for "no character" (the text starts or ends there) and for any non-ASCII character. */
const NON_ASCII = 128;
const NONE = 129;

/** Index of a character code in the 130-entry tables. */
const indexOf = (c: number): number => (c < 128 ? c : NON_ASCII);

/** A growable list of integers, reused from text to text. */
class IntList {
  items = new Int32Array(64);
  count = 0;
  push(value: number): void {
    if (this.count === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.count++] = value;
  }
}

/** Per table index, the bits of the slots whose `table` lets it pass (a null table lets all pass). */
function maskTable(anchors: readonly CompiledAnchor[], table: (a: CompiledAnchor) => Uint8Array | null, passes: (t: Uint8Array, index: number) => boolean): Uint32Array {
  const masks = new Uint32Array(130);
  anchors.forEach((anchor, slot) => {
    const t = table(anchor);
    for (let index = 0; index < 130; index++) if (t === null || passes(t, index)) masks[index]! |= 1 << slot;
  });
  return masks;
}

/** notAfter: the text's start and a non-ASCII character before always pass. */
const notAfterPasses = (t: Uint8Array, index: number): boolean => index >= 128 || t[index] === 0;
/** first: a non-ASCII character always passes (the text has one there, never NONE). */
const firstPasses = (t: Uint8Array, index: number): boolean => index >= 128 || t[index] === 1;
/** second and afterDigits: non-ASCII passes, the text's end does not. */
const nextPasses = (t: Uint8Array, index: number): boolean => index === NON_ASCII || (index < 128 && t[index] === 1);

/** A digit chain rule some anchors share: which characters join two runs, and how many at most. */
interface ChainRule {
  readonly separators: Uint8Array;
  readonly gap: number;
  /** Per digit run of the current text, the digits its chain holds from the run's start on (at most `cap`). */
  digits: Int32Array;
  /** Per chain length (up to the longest chainMin among its slots), the slots it falls short of. */
  readonly shortOf: Uint32Array;
}

/** The anchors of one kind (digit runs or capitals) and the masks their checks compile to. */
class KindSieve {
  readonly anchors: readonly CompiledAnchor[];
  private readonly before: Uint32Array;
  private readonly first: Uint32Array;
  private readonly second: Uint32Array;
  /** Digit runs: the character after the run, and the run's length (capped at `lengthCap`). */
  private readonly afterRun: Uint32Array;
  private readonly lengths: Uint32Array;
  private readonly lengthCap: number;
  /** Per slot, the accepted items of the current text: digit run indices, or capital offsets. */
  readonly lists: IntList[];
  /** Digit runs: the distinct chain rules and the slots that have one. */
  private readonly chainRules: ChainRule[] = [];
  private readonly chainSlots: number;
  /** Chains are counted up to this many digits (the longest chainMin): enough to compare. */
  private readonly chainCap: number;
  /** Per ASCII character, the chain rules (one bit each) whose separators hold it. */
  private readonly separatorRules = new Uint32Array(128);
  /** The widest gap of any chain rule: a longer gap joins no runs. */
  private readonly widestGap: number;
  /** Per chain rule, the chain of the run after the current one (countChains's scratch). */
  private readonly following: Int32Array;
  /** Whether the lists hold the current text's runs (the sieve runs at most once per text and kind). */
  filled = false;

  constructor(anchors: readonly CompiledAnchor[]) {
    this.anchors = anchors;
    this.before = maskTable(anchors, (a) => a.notAfter, notAfterPasses);
    this.first = maskTable(anchors, (a) => a.first, firstPasses);
    this.second = maskTable(anchors, (a) => a.second, nextPasses);
    this.afterRun = maskTable(anchors, (a) => a.afterDigits, nextPasses);
    const bounds = anchors.flatMap((a) => [a.digitRunMin, a.digitRunMax]).filter((b) => Number.isFinite(b));
    this.lengthCap = Math.max(1, ...bounds) + 1;
    this.lengths = new Uint32Array(this.lengthCap + 1);
    anchors.forEach((anchor, slot) => {
      for (let length = 0; length <= this.lengthCap; length++) {
        // The cap stands for every longer run: it passes only an unbounded maximum.
        const passes = length >= anchor.digitRunMin && (length < this.lengthCap ? length <= anchor.digitRunMax : anchor.digitRunMax === Infinity);
        if (passes) this.lengths[length]! |= 1 << slot;
      }
    });
    this.lists = anchors.map(() => new IntList());
    this.chainCap = Math.max(0, ...anchors.map((a) => (a.kind === SourceKind.Digits ? a.chainMin : 0)));
    let chainSlots = 0;
    const ruleOf: number[] = [];
    anchors.forEach((anchor, slot) => {
      if (anchor.kind !== SourceKind.Digits || anchor.chainMin <= 0) return;
      const separators = anchor.chainSeparators!;
      let rule = this.chainRules.findIndex((r) => r.gap === anchor.chainGap && r.separators.every((v, c) => v === separators[c]));
      if (rule < 0) rule = this.chainRules.push({ separators, gap: anchor.chainGap, digits: new Int32Array(64), shortOf: new Uint32Array(this.chainCap + 1) }) - 1;
      ruleOf[slot] = rule;
      chainSlots |= 1 << slot;
    });
    anchors.forEach((anchor, slot) => {
      const rule = ruleOf[slot];
      if (rule === undefined) return;
      const { shortOf } = this.chainRules[rule]!;
      for (let length = 0; length < anchor.chainMin; length++) shortOf[length]! |= 1 << slot;
    });
    this.chainSlots = chainSlots;
    this.chainRules.forEach((rule, r) => {
      for (let c = 0; c < 128; c++) if (rule.separators[c] === 1) this.separatorRules[c]! |= 1 << r;
    });
    this.widestGap = Math.max(0, ...this.chainRules.map((r) => r.gap));
    this.following = new Int32Array(this.chainRules.length);
  }

  /**
   * For each chain rule, the digits of the chain that starts at each run: the run's own digits,
   * plus the next run's chain when 1 to `gap` separators (and nothing else) lie between them. The
   * same count as reading the text on from the run until chainMin digits (run.ts chainReaches).
   */
  private countChains(text: string, candidates: Candidates): void {
    const { starts, count } = candidates.digits;
    const runEnds = candidates.digitRunEnds.starts;
    const cap = this.chainCap;
    const { chainRules, separatorRules, widestGap, following } = this;
    const rules = chainRules.length;
    for (const rule of chainRules) if (rule.digits.length < count) rule.digits = new Int32Array(Math.max(count, rule.digits.length * 2));
    following.fill(0);
    // The gap to the next run is read once for all rules: the rules whose separators hold each of its characters.
    const everyRule = rules >= 32 ? 0xffffffff : (1 << rules) - 1;
    for (let k = count - 1; k >= 0; k--) {
      const end = runEnds[k]!;
      const own = end - starts[k]!;
      const gap = k + 1 < count ? starts[k + 1]! - end : Infinity;
      let joining = 0;
      if (gap <= widestGap) {
        joining = everyRule;
        for (let i = end; joining !== 0 && i < end + gap; i++) {
          const c = text.charCodeAt(i);
          joining &= c < 128 ? separatorRules[c]! : 0;
        }
      }
      for (let r = 0; r < rules; r++) {
        const rule = chainRules[r]!;
        const joined = (joining & (1 << r)) !== 0 && gap <= rule.gap;
        const digits = Math.min(cap, own + (joined ? following[r]! : 0));
        following[r] = digits;
        rule.digits[k] = digits;
      }
    }
  }

  private clear(): void {
    for (const list of this.lists) list.count = 0;
    this.filled = true;
  }

  /** Sends each digit run to the slots whose length, before, first, second, after and chain checks it passes. */
  siftDigits(text: string, candidates: Candidates): void {
    this.clear();
    const { starts, count } = candidates.digits;
    const runEnds = candidates.digitRunEnds.starts;
    const n = text.length;
    const cap = this.lengthCap;
    const { before, first, second, afterRun, lengths, lists, chainSlots, chainRules } = this;
    if (chainSlots !== 0) this.countChains(text, candidates);
    for (let k = 0; k < count; k++) {
      const p = starts[k]!;
      const end = runEnds[k]!;
      const length = end - p;
      let mask = lengths[length < cap ? length : cap]!;
      if (mask === 0) continue;
      mask &= first[text.charCodeAt(p)]! & afterRun[end < n ? indexOf(text.charCodeAt(end)) : NONE]!;
      if (mask === 0) continue;
      mask &= before[p > 0 ? indexOf(text.charCodeAt(p - 1)) : NONE]! & second[p + 1 < n ? indexOf(text.charCodeAt(p + 1)) : NONE]!;
      if ((mask & chainSlots) !== 0) for (const rule of chainRules) mask &= ~rule.shortOf[rule.digits[k]!]!;
      while (mask !== 0) {
        const slot = 31 - Math.clz32(mask);
        mask ^= 1 << slot;
        lists[slot]!.push(k);
      }
    }
  }

  /** Sends each capital to the slots whose before, first and second checks it passes. */
  siftCapitals(text: string, candidates: Candidates): void {
    this.clear();
    const { starts, count } = candidates.capitals;
    const n = text.length;
    const { before, first, second, lists } = this;
    for (let k = 0; k < count; k++) {
      const p = starts[k]!;
      let mask = first[indexOf(text.charCodeAt(p))]! & second[p + 1 < n ? indexOf(text.charCodeAt(p + 1)) : NONE]!;
      if (mask === 0) continue;
      mask &= before[p > 0 ? indexOf(text.charCodeAt(p - 1)) : NONE]!;
      while (mask !== 0) {
        const slot = 31 - Math.clz32(mask);
        mask ^= 1 << slot;
        lists[slot]!.push(p);
      }
    }
  }
}

/** What the sieve holds for one anchor in the current text. */
export interface SievedRuns {
  /** Digit run indices (into Candidates.digits) or capital offsets, in increasing order. */
  readonly items: Int32Array;
  readonly count: number;
}

/**
 * Built once per compiled configuration from every detector's anchors.
 * @example
 * const sieve = new RunSieve(compiled.detectors.flatMap((d) => d.anchors ?? []));
 * sieve.reset(); // a new text
 * sieve.sievedFor(anchor, text, candidates); // { items, count } or undefined (not sieved: read the runs)
 */
export class RunSieve {
  private readonly digits: KindSieve;
  private readonly capitals: KindSieve;
  private readonly slotOf = new Map<CompiledAnchor, number>();

  constructor(anchors: readonly CompiledAnchor[]) {
    const digitAnchors = anchors.filter((a) => a.kind === SourceKind.Digits).slice(0, MAX_SLOTS);
    const capitalAnchors = anchors.filter((a) => a.kind === SourceKind.Capitals).slice(0, MAX_SLOTS);
    digitAnchors.forEach((a, slot) => this.slotOf.set(a, slot));
    capitalAnchors.forEach((a, slot) => this.slotOf.set(a, slot));
    this.digits = new KindSieve(digitAnchors);
    this.capitals = new KindSieve(capitalAnchors);
  }

  /** Forgets the previous text's lists: called before each text is scanned. */
  reset(): void {
    this.digits.filled = false;
    this.capitals.filled = false;
  }

  /**
   * The runs of `text` that pass `anchor`'s length, before, first, second, after and chain checks,
   * in increasing order (the third character is left to the caller); undefined when the anchor has
   * no slot (its caller checks the runs itself).
   */
  sievedFor(anchor: CompiledAnchor, text: string, candidates: Candidates): SievedRuns | undefined {
    const slot = this.slotOf.get(anchor);
    if (slot === undefined) return undefined;
    const kind = anchor.kind === SourceKind.Digits ? this.digits : this.capitals;
    if (!kind.filled) {
      if (kind === this.digits) kind.siftDigits(text, candidates);
      else kind.siftCapitals(text, candidates);
    }
    const list = kind.lists[slot]!;
    return { items: list.items, count: list.count };
  }
}
