/**
 * The shape of a detector: one entry of data, like a Presidio recognizer or a gitleaks rule.
 * Adding a detector means adding one object to a list in detectors/*.ts; the scanner, the
 * bundles, the streaming hold-back and the docs all work from these fields.
 */

/** What a validator sees: the candidate and enough of its surroundings to judge it. */
export interface Candidate {
  /** The matched value (the capture group when the detector names one). */
  readonly value: string;
  /** The whole text being scanned, and the value's offsets in it. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * A validator's verdict: false drops the candidate, true keeps the detector's score, a number
 * replaces the score (e.g. a checksum that passes raises confidence).
 */
export type Validator = (candidate: Candidate) => boolean | number;

/**
 * Where a detector's matches can start, so the scanner runs its pattern only there (sticky) instead
 * of over the whole text. One pass over the text (candidates.ts) finds every anchor of every
 * detector. An anchor must be a superset of the positions where the pattern can match, since a
 * position it leaves out is never tried: test/dlp/anchors.test.ts compares each anchored detector
 * with a full scan. Without one, the pattern scans the whole text as before.
 */
export interface Anchor {
  /**
   * Starts of runs: 'digits' (a digit after a non-digit), 'capitals' (an ASCII capital or a
   * non-ASCII uppercase letter after a character that is not an ASCII letter, digit or '_'),
   * 'words' (a run of at least 16 ASCII letters, digits and '_': tokens, hashes, keys).
   */
  readonly runs?: readonly ('digits' | 'capitals' | 'words')[];
  /** Literals (compared case-insensitively) at or near which a match starts: 'ghp_', '@', '://'. */
  readonly literals?: readonly string[];
  /**
   * Where matches start relative to each literal's start: [0, 0] (the default) when the match
   * starts with the literal; [-64, -1] for the '@' inside an email.
   */
  readonly window?: readonly [number, number];
  /**
   * The literals are context words before the match: it starts after the literal ends and at most
   * this many characters after its start (the detector's context window).
   */
  readonly after?: number;
  /** ASCII characters a match can begin with (a character-class body, 'A-Za-z0-9'); non-ASCII ones always count. */
  readonly first?: string;
  /** ASCII characters that cannot precede a match (from its lookbehind or \b), a character-class body. */
  readonly notAfter?: string;
  /** ASCII characters the second character of a match can be (every match is at least two long). */
  readonly second?: string;
  /** ASCII characters the third character of a match can be (every match is at least three long). */
  readonly third?: string;
  /** For 'digits' runs: the lengths [min, max] the digit run a match starts with can have. */
  readonly digitRun?: readonly [number, number];
  /** For 'digits' runs: ASCII characters that can follow that digit run inside a match (the run never ends a match). */
  readonly afterDigits?: string;
  /**
   * A match holds at least `min` digits, in groups joined by at most `gap` characters of
   * `separators` (a character-class body), from its first character on. Read at each start (at most
   * min × (gap + 1) characters), so a log's "2026-05-13" never reaches a card's pattern. `min` may
   * come from the validator when it refuses every shorter value: what is found stays the same.
   */
  readonly digitChain?: { readonly min: number; readonly separators: string; readonly gap: number };
}

export interface Detector {
  /** Stable id used in findings and settings, e.g. 'tier1.credit_card'. */
  readonly id: string;
  /** Entity type reported, e.g. CREDIT_CARD. */
  readonly type: string;
  /** One-line description for the docs table. */
  readonly description: string;
  /** A credential, key or token: the SECRETS compliance bundle switches on every detector marked so. */
  readonly secret?: boolean;
  /**
   * Written to be linear: no nested quantifiers, no overlapping alternations under a quantifier, and
   * an unbounded run preceded by a lookbehind that forbids starting inside the same run (test/dlp/
   * linear.test.ts proves each built-in with adversarial input). Must carry the `g` flag. Runs over
   * the normalised text (worker/dlp/normalize.ts): ASCII digits, single spaces, no zero-width characters. Runs with native RegExp (built-ins) or re2js (operator patterns).
   */
  readonly pattern: RegExp;
  /** The capture group holding the sensitive value, when the pattern also matches its context. */
  readonly group?: number;
  /**
   * Prefilter: the pattern runs only when one of these literals occurs in the text. Cheap
   * `indexOf` checks that keep most detectors off most texts.
   */
  readonly keywords?: readonly string[];
  /** Whether `keywords` compare case-insensitively (default: case-sensitive literal prefixes). */
  readonly keywordsCaseInsensitive?: boolean;
  readonly validator?: Validator;
  /**
   * Words that, found shortly before the match (whole words, case-folded), raise confidence. With
   * `contextRequired` the match counts only when one is present.
   */
  readonly context?: readonly string[];
  readonly contextRequired?: boolean;
  /** How far before the match (characters) to look for context words. Default 48. */
  readonly contextWindow?: number;
  /** Whole words that, found shortly before the match, mean it is something else (order no., tracking no.). */
  readonly antiContext?: readonly string[];
  /** Score without context; with context the score rises by `contextBoost` (capped at 1). */
  readonly score: number;
  readonly contextBoost?: number;
  /**
   * Where the value really ends, found by a bounded scan from the pattern's match: further for an
   * open-ended value (a PEM body up to its END line), shorter for one whose length its content
   * decides (an IBAN's country). Keeps patterns free of long lazy scans that backtrack. Scanning
   * resumes after the returned end, so repeated prefixes stay linear.
   */
  readonly resolveEnd?: (text: string, start: number, end: number) => number;
  /** Where matches can start (one anchor, or several whose positions are merged); see Anchor. */
  readonly anchor?: Anchor | readonly Anchor[];
  /** Realistic samples (used by the docs and tests, never by the scanner). */
  readonly examples?: readonly string[];
}
