/**
 * Aho-Corasick keyword matching: every keyword of every list in one pass over the text,
 * case-insensitive, on word boundaries. ASCII transitions are a dense table (one array read per
 * character); other characters go through per-state maps.
 */

export interface KeywordHit {
  /** Index of the keyword in the list the automaton was built from. */
  readonly keyword: number;
  readonly start: number;
  readonly end: number;
}

const ASCII = 128;

/** Whether a character counts as part of a word for keyword boundaries (ASCII word characters and every non-ASCII one). */
export function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code > 127;
}

/** A character's code folded to lower case when that keeps it one UTF-16 unit. */
export function lowerCode(code: number): number {
  if (code >= 65 && code <= 90) return code | 0x20;
  if (code < ASCII) return code;
  const lowered = String.fromCharCode(code).toLowerCase();
  return lowered.length === 1 ? lowered.charCodeAt(0) : code;
}

export class KeywordAutomaton {
  /**
   * ASCII goto function completed with failure transitions (a DFA over ASCII), state * 128 + code,
   * capitals already folded (their columns repeat the lower-case ones): read directly by
   * single-pass callers (candidates.ts) whose hot loop cannot afford a call.
   */
  readonly table: Int32Array;
  /** Non-ASCII transitions per state (trie edges only; failure links resolve the rest). */
  private readonly wide: (Map<number, number> | undefined)[] = [];
  private readonly fail: Int32Array;
  /** Keyword indices ending at each state (own and inherited through failure links). */
  private readonly outputs: (number[] | undefined)[];
  /** 1 where `outputs` has entries: a typed-array check keeps the hot loop off the holey array. */
  readonly hasOutput: Uint8Array;
  private readonly lengths: number[];
  /** Whether each keyword starts / ends with a word character (only those need a boundary check). */
  private readonly boundedStart: boolean[];
  private readonly boundedEnd: boolean[];

  /**
   * @example
   * const ac = new KeywordAutomaton(['top secret', 'noforn']);
   * ac.search('This is TOP SECRET.'); // [{ keyword: 0, start: 8, end: 18 }]
   */
  constructor(keywords: readonly string[]) {
    const trie: Map<number, number>[] = [new Map()];
    const own: (number[] | undefined)[] = [undefined];
    this.lengths = [];
    this.boundedStart = [];
    this.boundedEnd = [];
    keywords.forEach((raw, index) => {
      const keyword = raw.trim();
      this.lengths.push(keyword.length);
      this.boundedStart.push(keyword.length > 0 && isWordChar(keyword.charCodeAt(0)));
      this.boundedEnd.push(keyword.length > 0 && isWordChar(keyword.charCodeAt(keyword.length - 1)));
      if (!keyword) return;
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const c = lowerCode(keyword.charCodeAt(i));
        let next = trie[state]!.get(c);
        if (next === undefined) {
          next = trie.length;
          trie.push(new Map());
          own.push(undefined);
          trie[state]!.set(c, next);
        }
        state = next;
      }
      (own[state] ??= []).push(index);
    });

    const n = trie.length;
    this.table = new Int32Array(n * ASCII);
    this.fail = new Int32Array(n);
    this.outputs = own.map((o) => (o ? [...o] : undefined));
    // Breadth-first: a state's failure target is always resolved before the state itself.
    const queue: number[] = [];
    for (let c = 0; c < ASCII; c++) {
      const next = trie[0]!.get(c);
      this.table[c] = next ?? 0;
      if (next !== undefined) queue.push(next);
    }
    for (const [c, next] of trie[0]!) {
      if (c < ASCII) continue;
      (this.wide[0] ??= new Map()).set(c, next);
      queue.push(next);
    }
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q]!;
      const failState = this.fail[state]!;
      const inherited = this.outputs[failState];
      if (inherited) this.outputs[state] = [...(this.outputs[state] ?? []), ...inherited];
      for (let c = 0; c < ASCII; c++) {
        const next = trie[state]!.get(c);
        if (next !== undefined) {
          this.fail[next] = this.table[failState * ASCII + c]!;
          this.table[state * ASCII + c] = next;
          queue.push(next);
        } else {
          this.table[state * ASCII + c] = this.table[failState * ASCII + c]!;
        }
      }
      for (const [c, next] of trie[state]!) {
        if (c < ASCII) continue;
        (this.wide[state] ??= new Map()).set(c, next);
        this.fail[next] = this.wideStep(failState, c);
        queue.push(next);
      }
    }
    this.hasOutput = Uint8Array.from(this.outputs, (o) => (o && o.length ? 1 : 0));
    // Capitals step as their lower-case letters do, so callers may index the table with any ASCII code unfolded.
    for (let state = 0; state < n; state++) {
      for (let c = 65; c <= 90; c++) this.table[state * ASCII + c] = this.table[state * ASCII + (c | 0x20)]!;
    }
  }

  /** The transition for a non-ASCII character (already folded by lowerCode). */
  wideStep(state: number, c: number): number {
    for (let s = state; ; s = this.fail[s]!) {
      const next = this.wide[s]?.get(c);
      if (next !== undefined) return next;
      if (s === 0) return 0;
    }
  }

  /**
   * One step of the automaton: the state after reading character `code` (folded to lower case).
   * For callers that walk a text themselves (candidates.ts reads other things on the same pass).
   * @example
   * let state = 0;
   * for (let i = 0; i < text.length; i++) state = ac.step(state, text.charCodeAt(i));
   */
  step(state: number, code: number): number {
    if (code < ASCII) return this.table[state * ASCII + (code >= 65 && code <= 90 ? code | 0x20 : code)]!;
    return this.wideStep(state, lowerCode(code));
  }

  /** Keyword indices that end at `state` (undefined when none): substrings, no boundary check. */
  endingAt(state: number): readonly number[] | undefined {
    return this.hasOutput[state] === 0 ? undefined : this.outputs[state];
  }

  /** Length of keyword `index` as matched (trimmed). */
  lengthOf(index: number): number {
    return this.lengths[index]!;
  }

  /** Every keyword occurrence in `text` that stands on word boundaries. */
  search(text: string): KeywordHit[] {
    const hits: KeywordHit[] = [];
    const table = this.table;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c < ASCII) {
        if (c >= 65 && c <= 90) c |= 0x20;
        state = table[state * ASCII + c]!;
      } else {
        state = this.wideStep(state, lowerCode(c));
      }
      if (this.hasOutput[state] === 0) continue;
      for (const keyword of this.outputs[state]!) {
        const end = i + 1;
        const start = end - this.lengths[keyword]!;
        if (this.boundedStart[keyword] && start > 0 && isWordChar(text.charCodeAt(start - 1))) continue;
        if (this.boundedEnd[keyword] && end < text.length && isWordChar(text.charCodeAt(end))) continue;
        hits.push({ keyword, start, end });
      }
    }
    return hits;
  }
}
