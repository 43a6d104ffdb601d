/**
 * A detector's anchors compiled for the scanner: per anchor, the source of its positions (digit
 * runs, capitalised words, or a group of literal hits turned into windows) and two 128-entry
 * tables for the first character of a match and the character before it. Non-ASCII characters
 * always pass both tables, so a table can only add positions to try, never drop a real one.
 */
import type { Anchor } from './detector.js';

/** Where an anchor's positions come from. */
export const SourceKind = { Digits: 0, Capitals: 1, Literals: 2, Words: 3 } as const;
export type SourceKind = (typeof SourceKind)[keyof typeof SourceKind];

/** One literal of a group and the window of match starts it implies, relative to its start. */
export interface GroupLiteral {
  readonly literal: string;
  readonly from: number;
  readonly to: number;
}

export interface CompiledAnchor {
  readonly kind: SourceKind;
  /** Index into CandidateFinder's literal groups (kind Literals). */
  readonly group: number;
  /** 1 for ASCII characters a match may begin with; null: any. */
  readonly first: Uint8Array | null;
  /** 1 for ASCII characters that cannot precede a match; null: none. */
  readonly notAfter: Uint8Array | null;
  /** 1 for ASCII characters a match's second character may be; null: any. */
  readonly second: Uint8Array | null;
  readonly third: Uint8Array | null;
  /** Bounds on the length of the digit run a match starts with (digits anchors); 0 and Infinity when unbounded. */
  readonly digitRunMin: number;
  readonly digitRunMax: number;
  /** 1 for ASCII characters that may follow the starting digit run (digits anchors); null: any. */
  readonly afterDigits: Uint8Array | null;
  /** Digits a match holds at least, in groups joined by up to `chainGap` of `chainSeparators` (0: unchecked). */
  readonly chainMin: number;
  readonly chainSeparators: Uint8Array | null;
  readonly chainGap: number;
}

/**
 * The ASCII characters of a character-class body ('A-Za-z0-9_.-'), as a 128-entry table. Matched
 * with a RegExp built once here from data written in this repository, never from input.
 * @example
 * asciiTable('0-9')![48]; // 1
 */
export function asciiTable(classBody: string | undefined): Uint8Array | null {
  if (classBody === undefined) return null;
  const matcher = new RegExp(`[${classBody}]`);
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) table[c] = matcher.test(String.fromCharCode(c)) ? 1 : 0;
  return table;
}

/** ASCII word characters: a table that holds all of them in `notAfter` refuses a start inside a word. */
const WORD_CHARS = asciiTable('A-Za-z0-9_')!;

/** Whether an anchor's matches start at its literals and never right after an ASCII word character. */
function startsOnlyAtWordStart(anchor: Anchor, notAfter: Uint8Array | null): boolean {
  const [from, to] = anchor.window ?? [0, 0];
  if (anchor.after !== undefined || from !== 0 || to !== 0 || notAfter === null) return false;
  return WORD_CHARS.every((isWord, c) => isWord === 0 || notAfter[c] === 1);
}

/** The literal groups several anchors share (one group per distinct list and window). */
export class LiteralGroups {
  readonly groups: GroupLiteral[][] = [];
  /**
   * Per group, whether every anchor that reads it refuses a start right after an ASCII word
   * character ('de' inside "model"): the candidate pass then drops such hits as it finds them.
   */
  readonly wordStartOnly: boolean[] = [];
  private readonly byKey = new Map<string, number>();

  /** Records what one more anchor reading `group` allows (compileAnchors calls it for each). */
  noteReader(group: number, anchor: Anchor, notAfter: Uint8Array | null): void {
    this.wordStartOnly[group] = (this.wordStartOnly[group] ?? true) && startsOnlyAtWordStart(anchor, notAfter);
  }

  /** The group index for an anchor's literals and window, creating it on first use. */
  groupOf(anchor: Anchor): number {
    const [from, to] = anchor.window ?? [0, 0];
    const literals = (anchor.literals ?? []).map((l) => l.toLowerCase());
    const key = JSON.stringify([literals, from, to, anchor.after ?? null]);
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.groups.length;
      this.groups.push(literals.map((literal) => (anchor.after === undefined ? { literal, from, to } : { literal, from: literal.length, to: anchor.after! })));
      this.byKey.set(key, index);
    }
    return index;
  }
}

const RUN_KINDS = { digits: SourceKind.Digits, capitals: SourceKind.Capitals, words: SourceKind.Words } as const;

/**
 * @example
 * compileAnchors({ runs: ['digits'], notAfter: '.-' }, groups); // [{ kind: SourceKind.Digits, … }]
 */
export function compileAnchors(anchor: Anchor | readonly Anchor[], groups: LiteralGroups): CompiledAnchor[] {
  const list: readonly Anchor[] = Array.isArray(anchor) ? anchor : [anchor as Anchor];
  const out: CompiledAnchor[] = [];
  for (const a of list) {
    const first = asciiTable(a.first);
    const notAfter = asciiTable(a.notAfter);
    const second = asciiTable(a.second);
    const third = asciiTable(a.third);
    const [digitRunMin, digitRunMax] = a.digitRun ?? [0, Infinity];
    const afterDigits = asciiTable(a.afterDigits);
    const chain = { chainMin: a.digitChain?.min ?? 0, chainSeparators: asciiTable(a.digitChain?.separators), chainGap: a.digitChain?.gap ?? 0 };
    const tables = { first, notAfter, second, third, digitRunMin: 0, digitRunMax: Infinity, afterDigits: null, chainMin: 0, chainSeparators: null, chainGap: 0 };
    for (const run of a.runs ?? []) {
      const kind = RUN_KINDS[run];
      out.push({ ...tables, kind, group: -1, ...(kind === SourceKind.Digits && { digitRunMin, digitRunMax, afterDigits, ...chain }) });
    }
    if (a.literals?.length) {
      const group = groups.groupOf(a);
      groups.noteReader(group, a, notAfter);
      out.push({ ...tables, ...chain, kind: SourceKind.Literals, group });
    }
  }
  return out;
}
