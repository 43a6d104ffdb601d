/**
 * Compact ASCII transitions for the candidate pass (candidates.ts): the keyword automaton's table with
 * equal columns merged, and each character's class packed beside its column.
 */
import type { KeywordAutomaton } from './keywords.js';

/**
 * The automaton's ASCII transitions, narrowed for the hot loop: characters that step alike in every
 * state share one column (some 60 columns rather than 128), in 16-bit cells when the states fit,
 * so the table is a quarter of the automaton's (about 0.3 MB rather than 1.1 MB) and stays in cache.
 */
export interface CompactTransitions {
  /** Per ASCII character: its character class (the caller's, below 16) in the low 4 bits, its column above them. */
  readonly charInfo: Uint16Array;
  /** Row-major transitions: the next state for (state, column) at state << columnShift | column. */
  readonly next: Uint16Array | Int32Array;
  readonly columnShift: number;
  /**
   * States are renumbered so that those where something may be recorded come last: the hot loop
   * tests `state >= recordFrom` instead of reading a per-state table. `compact[automatonState]` and
   * `original[compactState]` translate between the two numberings.
   */
  readonly recordFrom: number;
  readonly compact: Int32Array;
  readonly original: Int32Array;
}

/**
 * Groups the automaton's ASCII columns that are equal in every state, and packs each character's
 * class (`charClass`, values below 16) beside its column so the hot loop reads one table per character.
 * @example
 * const { charInfo, next, columnShift, recordFrom } = compactTransitions(new KeywordAutomaton(['ghp_']), classes);
 * state = next[(state << columnShift) | (charInfo[c]! >> 4)]!;
 * if (state >= recordFrom) record(state); // a compact state: `original[state]` is the automaton's
 */
export function compactTransitions(automaton: KeywordAutomaton, charClass: Uint8Array, records: (state: number) => boolean = (state) => automaton.hasOutput[state] === 1): CompactTransitions {
  const states = automaton.hasOutput.length;
  // State 0 (the root) stays 0: it never records, since no literal is empty.
  const quiet: number[] = [];
  const recording: number[] = [];
  for (let state = 0; state < states; state++) (state !== 0 && records(state) ? recording : quiet).push(state);
  const original = Int32Array.from([...quiet, ...recording]);
  const compact = new Int32Array(states);
  original.forEach((state, at) => (compact[state] = at));
  const { table } = automaton;
  const columnOf = new Map<string, number>();
  const representative: number[] = [];
  const charInfo = new Uint16Array(128);
  for (let c = 0; c < 128; c++) {
    const cells: number[] = [];
    for (let state = 0; state < states; state++) cells.push(table[(state << 7) | c]!);
    const key = cells.join(',');
    let column = columnOf.get(key);
    if (column === undefined) {
      column = representative.length;
      columnOf.set(key, column);
      representative.push(c);
    }
    charInfo[c] = charClass[c]! | (column << 4);
  }
  const columnShift = Math.max(1, Math.ceil(Math.log2(representative.length)));
  const next = states <= 0x10000 ? new Uint16Array(states << columnShift) : new Int32Array(states << columnShift);
  for (let at = 0; at < states; at++) {
    const state = original[at]!;
    representative.forEach((c, column) => (next[(at << columnShift) | column] = compact[table[(state << 7) | c]!]!));
  }
  return { charInfo, next, columnShift, recordFrom: quiet.length, compact, original };
}
