/**
 * One pass over a text for every detector: starts of digit runs, of capitalised words, of long
 * tokens and of base64 runs, and every occurrence of every literal (anchor literals, prefilter
 * keywords, keyword-list entries) in one Aho-Corasick automaton. Detectors then try their patterns
 * only at the positions their anchors name (run.ts) and skip the text entirely when none of their
 * prefilter keywords occurred; base64.ts decodes the runs found here.
 */
import type { GroupLiteral } from './anchor.js';
import { isWordChar, KeywordAutomaton, lowerCode } from './keywords.js';
import { compactTransitions, type CompactTransitions } from './transitions.js';
import { ListHits, Positions } from './positions.js';

/**
 * What the pass found in one text. The finder reuses these buffers for the next text (scans are
 * synchronous and a scan reads its candidates before it scans the next text).
 */
export interface Candidates {
  /** Offsets of digits that follow a non-digit (or open the text). */
  readonly digits: Positions;
  /** Where each of those digit runs ends (`digitRunEnds.starts[k]` for `digits.starts[k]`). */
  readonly digitRunEnds: Positions;
  /** Offsets of capitals (ASCII, or non-ASCII uppercase, or an astral character) after a non-word ASCII character. */
  readonly capitals: Positions;
  /** Offsets where a run of at least LONG_WORD ASCII word characters starts. */
  readonly words: Positions;
  /** Offsets where a run of at least 16 base64 characters ([A-Za-z0-9+/_-]) starts. */
  readonly base64: Positions;
  /** Per literal group, the windows of possible match starts (count 0: no literal of the group occurred). */
  readonly groups: readonly Positions[];
  /** Per prefilter keyword id, whether it occurs (with its case, when case-sensitive). */
  readonly keywordSeen: Uint8Array;
  /** The ids keywordSeen marks, in the order first seen (`seenKeywords[0, seenKeywordCount)`). */
  readonly seenKeywords: Int32Array;
  readonly seenKeywordCount: number;
  /**
   * Keyword-list hits on word boundaries (compile.ts keywordOwners), as KeywordAutomaton.search
   * reports them: by end, then longest first, then by list order. `starts`/`ends` are offsets,
   * `owners` the keywordOwners index.
   */
  readonly listHits: ListHits;
  /** Whether lower-casing changes the text's length (U+0130), so lower-case offsets do not line up. */
  readonly lowerShifts: boolean;
}

/** A prefilter keyword as the detectors wrote it. */
export interface PrefilterKeyword {
  readonly keyword: string;
  readonly caseInsensitive: boolean;
}

/** Length from which a run of word characters counts as a token ('words' anchors). */
export const LONG_WORD = 16;

/** Length from which a run of the base64 alphabet is decoded (base64.ts, BASE64_MIN_CHARS). */
const BASE64_RUN = 16;

// Character classes of ASCII: 1 digit, 2 capital, 4 other word character (a-z, '_'), 8 base64-only ('+', '/', '-').
const DIGIT = 1;
const CAPITAL = 2;
const WORD = 7;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = DIGIT;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = CAPITAL;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = 4;
ASCII_CLASS[95] = 4;
for (const c of '+/-') ASCII_CLASS[c.charCodeAt(0)] = 8;

/** Whether the character before `start` is an ASCII letter, digit or '_'. */
function afterAsciiWordChar(text: string, start: number): boolean {
  if (start === 0) return false;
  const c = text.charCodeAt(start - 1);
  return c < 128 && (ASCII_CLASS[c]! & WORD) !== 0;
}

/** Uppercase verdicts for the Basic Multilingual Plane, filled on first sight: 0 unknown, 1 yes, 2 no. */
const UPPER = new Uint8Array(65536);
const UPPERCASE_LETTER = /^\p{Lu}$/u;
function isUpperOrAstral(c: number): boolean {
  // A high surrogate may start an astral capital: conservatively a candidate.
  if (c >= 0xd800 && c <= 0xdbff) return true;
  let verdict = UPPER[c]!;
  if (verdict === 0) UPPER[c] = verdict = UPPERCASE_LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return verdict === 1;
}

interface LiteralUse {
  /** Windows this literal opens, per group. */
  readonly windows: { readonly group: number; readonly from: number; readonly to: number }[];
  /** Keyword-list entries (keywordOwners indices) this literal stands for, and which of its ends need a word boundary. */
  readonly lists: { readonly owner: number; readonly boundedStart: boolean; readonly boundedEnd: boolean }[];
  /** Prefilter keywords this literal stands for, with the check their case or trimming needs. */
  readonly keywords: { readonly id: number; readonly exact: string | undefined; readonly folded: string | undefined }[];
}

/**
 * Built once per compiled configuration.
 * @example
 * const finder = new CandidateFinder([[{ literal: 'ghp_', from: 0, to: 0 }]], [{ keyword: 'ghp_', caseInsensitive: false }]);
 * finder.find('token ghp_abc').groups[0]!.starts[0]; // 6
 */
export class CandidateFinder {
  private readonly automaton: KeywordAutomaton;
  private readonly transitions: CompactTransitions;
  private readonly uses: LiteralUse[] = [];
  private readonly groupCount: number;
  private readonly keywordCount: number;

  /**
   * Per compact state (transitions.ts): 0 nothing ends here, 1 record what ends here, 2 record it
   * only when the character before it is not an ASCII word character (its one literal only opens
   * windows of groups whose anchors all refuse a start inside a word), with that literal's length
   * in `guardLength`. Only states from `transitions.recordFrom` on are non-zero.
   */
  private readonly recordAt: Uint8Array;
  private readonly guardLength: Int32Array;
  /** Per automaton state, the windows its literals open: (group, start, end) triples relative to where the literals end. */
  private readonly stateWindows: Int32Array[] = [];
  /** Per automaton state, 1 when one of its literals is also a keyword-list entry or a prefilter keyword. */
  private readonly stateHasMore: Uint8Array;
  /**
   * stateHasMore for the current text, cleared for a state once every prefilter keyword ending
   * there has been seen and none of its literals is a keyword-list entry: a frequent literal that
   * is also a keyword (':' or '"') then costs nothing more after its first hit.
   */
  private readonly pendingMore: Uint8Array;

  constructor(groups: readonly (readonly GroupLiteral[])[], keywords: readonly PrefilterKeyword[], listKeywords: readonly string[] = [], wordStartOnly: readonly boolean[] = []) {
    const index = new Map<string, number>();
    const literals: string[] = [];
    const useOf = (literal: string): LiteralUse | undefined => {
      const key = literal.trim().toLowerCase();
      if (!key) return undefined;
      let at = index.get(key);
      if (at === undefined) {
        at = literals.length;
        index.set(key, at);
        literals.push(key);
        this.uses.push({ windows: [], keywords: [], lists: [] });
      }
      return this.uses[at];
    };
    groups.forEach((group, g) => {
      for (const { literal, from, to } of group) {
        // Trimming only shortens a literal at its end: its start, and so the window, stay right.
        if (literal.trimStart() !== literal) throw new Error(`anchor literal ${JSON.stringify(literal)} starts with a space`);
        useOf(literal)?.windows.push({ group: g, from, to });
      }
    });
    keywords.forEach(({ keyword, caseInsensitive }, id) => {
      const trimmed = keyword.trim();
      const use = useOf(keyword);
      if (!use) return;
      // The automaton folds case and trims: check the original when either matters.
      const exact = caseInsensitive ? undefined : keyword;
      const folded = caseInsensitive && (trimmed !== keyword || trimmed.toLowerCase().length !== trimmed.length) ? keyword.toLowerCase() : undefined;
      use.keywords.push({ id, exact, folded });
    });
    listKeywords.forEach((keyword, owner) => {
      const trimmed = keyword.trim();
      useOf(trimmed)?.lists.push({ owner, boundedStart: isWordChar(trimmed.charCodeAt(0)), boundedEnd: isWordChar(trimmed.charCodeAt(trimmed.length - 1)) });
    });
    this.automaton = new KeywordAutomaton(literals);
    this.transitions = compactTransitions(this.automaton, ASCII_CLASS);
    this.groupCount = groups.length;
    this.keywordCount = keywords.length;
    const states = this.automaton.hasOutput.length;
    this.recordAt = new Uint8Array(states);
    this.guardLength = new Int32Array(states);
    this.stateHasMore = new Uint8Array(states);
    this.pendingMore = new Uint8Array(states);
    for (let state = 0; state < states; state++) {
      const ending = this.automaton.endingAt(state);
      const windows: number[] = [];
      for (const literal of ending ?? []) {
        const length = this.automaton.lengthOf(literal);
        const use = this.uses[literal]!;
        for (const w of use.windows) windows.push(w.group, w.from - length, w.to - length);
        if (use.lists.length > 0 || use.keywords.length > 0) this.stateHasMore[state] = 1;
      }
      this.stateWindows.push(Int32Array.from(windows));
      if (!ending) continue;
      const use = ending.length === 1 ? this.uses[ending[0]!]! : undefined;
      const guarded = use !== undefined && use.lists.length === 0 && use.keywords.length === 0 && use.windows.length > 0 && use.windows.every((w) => wordStartOnly[w.group] === true);
      const at = this.transitions.compact[state]!;
      this.recordAt[at] = guarded ? 2 : 1;
      if (guarded) this.guardLength[at] = this.automaton.lengthOf(ending[0]!);
    }
  }

  private readonly digits = new Positions(256);
  private readonly digitRunEnds = new Positions(256);
  private readonly capitals = new Positions(256);
  private readonly words = new Positions(32);
  private readonly base64 = new Positions(32);
  private groups: Positions[] = [];
  private keywordSeen = new Uint8Array(0);
  private seenKeywords = new Int32Array(0);
  private seenKeywordCount = 0;
  private readonly listHits = new ListHits();

  /** The single pass: classes of characters and literal hits, in text order. */
  find(text: string): Candidates {
    const n = text.length;
    const { digits, digitRunEnds, capitals, words, base64 } = this;
    digits.clear();
    digitRunEnds.clear();
    capitals.clear();
    words.clear();
    base64.clear();
    if (this.groups.length !== this.groupCount) this.groups = Array.from({ length: this.groupCount }, () => new Positions(16));
    for (const group of this.groups) group.clear();
    if (this.keywordSeen.length !== this.keywordCount) {
      this.keywordSeen = new Uint8Array(this.keywordCount);
      this.seenKeywords = new Int32Array(this.keywordCount);
    } else {
      for (let k = 0; k < this.seenKeywordCount; k++) this.keywordSeen[this.seenKeywords[k]!] = 0;
    }
    this.seenKeywordCount = 0;
    this.listHits.count = 0;
    this.pendingMore.set(this.stateHasMore);
    const automaton = this.automaton;
    const { charInfo, next, columnShift, recordFrom, compact, original } = this.transitions;
    const { recordAt, guardLength } = this;
    let wordStart = -1;
    let base64Start = -1;
    let lowerShifts = false;
    let state = 0;
    let previous = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      let kind = 0;
      if (c < 128) {
        const info = charInfo[c]!;
        kind = info & 15;
        state = next[(state << columnShift) | (info >> 4)]!;
      } else {
        if ((previous & WORD) === 0 && isUpperOrAstral(c)) capitals.push(i, i);
        if (c === 0x130) lowerShifts = true;
        state = compact[automaton.wideStep(original[state]!, lowerCode(c))]!;
      }
      // Inside a run of one class (most characters) nothing starts or ends.
      if (kind !== previous) {
        if (previous === DIGIT) digitRunEnds.push(i, i);
        if (kind === DIGIT) digits.push(i, i);
        else if (kind === CAPITAL && (previous & WORD) === 0) capitals.push(i, i);
        if ((kind & WORD) !== 0) {
          if ((previous & WORD) === 0) wordStart = i;
        } else if ((previous & WORD) !== 0 && i - wordStart >= LONG_WORD) {
          words.push(wordStart, wordStart);
        }
        if (kind !== 0) {
          if (previous === 0) base64Start = i;
        } else if (i - base64Start >= BASE64_RUN) {
          base64.push(base64Start, base64Start);
        }
        previous = kind;
      }
      // Recording states are numbered last (transitions.ts): one comparison for the common case.
      if (state >= recordFrom && (recordAt[state] === 1 || !afterAsciiWordChar(text, i + 1 - guardLength[state]!))) this.record(text, i + 1, original[state]!);
    }
    if ((previous & WORD) !== 0 && n - wordStart >= LONG_WORD) words.push(wordStart, wordStart);
    if (previous !== 0 && n - base64Start >= BASE64_RUN) base64.push(base64Start, base64Start);
    if (previous === DIGIT) digitRunEnds.push(n, n);
    const { keywordSeen, seenKeywords, seenKeywordCount } = this;
    return { digits, digitRunEnds, capitals, words, base64, groups: this.groups, keywordSeen, seenKeywords, seenKeywordCount, listHits: this.listHits, lowerShifts };
  }

  /** Every literal that ends at `end` (automaton state `state`, in the automaton's numbering): windows, prefilter keywords, keyword-list hits. */
  private record(text: string, end: number, state: number): void {
    const windows = this.stateWindows[state]!;
    const groups = this.groups;
    for (let j = 0; j < windows.length; j += 3) groups[windows[j]!]!.push(end + windows[j + 1]!, end + windows[j + 2]!);
    if (this.pendingMore[state] === 1) this.recordListsAndKeywords(text, end, state);
  }

  /** The keyword-list hits and prefilter keywords among the literals that end at `end`. */
  private recordListsAndKeywords(text: string, end: number, state: number): void {
    const { keywordSeen, listHits, automaton } = this;
    const batch = listHits.count;
    // Whether a later hit at this state can still add something: a list entry, or a keyword not yet seen.
    let open = false;
    for (const literal of automaton.endingAt(state)!) {
      const start = end - automaton.lengthOf(literal);
      const use = this.uses[literal]!;
      if (use.lists.length > 0) open = true;
      for (const l of use.lists) {
        if (l.boundedStart && start > 0 && isWordChar(text.charCodeAt(start - 1))) continue;
        if (l.boundedEnd && end < text.length && isWordChar(text.charCodeAt(end))) continue;
        listHits.push(l.owner, start, end);
      }
      for (const k of use.keywords) {
        if (keywordSeen[k.id] === 1) continue;
        if ((k.exact !== undefined && !text.startsWith(k.exact, start)) || (k.folded !== undefined && text.slice(start, start + k.folded.length).toLowerCase() !== k.folded)) {
          open = true;
          continue;
        }
        keywordSeen[k.id] = 1;
        this.seenKeywords[this.seenKeywordCount++] = k.id;
      }
    }
    if (!open) this.pendingMore[state] = 0;
    if (listHits.count - batch > 1) listHits.orderBatch(batch);
  }
}
