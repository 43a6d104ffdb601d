/**
 * The shared steps that keep a scan fast must answer exactly what the slower steps they replace
 * answered: the run sieve (run-sieve.ts) against a plain reading of each anchor's checks, done here
 * from the text character by character; the merge of several anchors' positions against a sort;
 * the prefilter index against each detector's own keyword loop; and a detector run on its own (a
 * subset of the compiled list, as the benchmarks and tests run it) against the full configuration.
 */
import { describe, expect, it } from 'vitest';
import { SourceKind, type CompiledAnchor } from '../../worker/dlp/anchor.js';
import { compileDlp, type CompiledDlp } from '../../worker/dlp/compile.js';
import { mergeAscendingRuns } from '../../worker/dlp/merge-runs.js';
import { PrefilterIndex } from '../../worker/dlp/prefilter.js';
import { RunSieve } from '../../worker/dlp/run-sieve.js';
import { scanText } from '../../worker/dlp/scan.js';
import { generateCorpus } from './corpus.js';
import { settingsWith } from './fixtures.js';

const all = compileDlp(settingsWith({ bundles: { SECRETS: {}, CLASSIFICATION: {}, PCI: {}, HIPAA: {}, GDPR: {} } }));
const anchors = all.detectors.flatMap((d) => d.anchors ?? []);
const sievable = anchors.filter((a) => a.kind === SourceKind.Digits || a.kind === SourceKind.Capitals);

/** A seeded generator of texts dense in digit runs, separators and capitals, ASCII and not. */
function denseTexts(count: number, seed = 11): string[] {
  let s = seed;
  const random = (): number => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const pieces = ['4111', '1111', '12', '345', '6789', '0', '2026', '555', '07899', ' ', '-', '.', '(', ')', '/', '\n', '+', ':', 'A', 'GB', 'Ab', "O'", 'Élodie', 'İ', 'ß', 'x', 'Maria', 'DE89', 'eyJ', 'é', '\u00a0', ',', '*', 'WDL'];
  return Array.from({ length: count }, () => {
    let text = '';
    const length = 1 + Math.floor(random() * 40);
    for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
    return text;
  });
}

const passesTable = (table: Uint8Array | null, c: number): boolean => table === null || c >= 128 || table[c] === 1;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Digits of the chain that starts at p: runs joined by 1 to `gap` separators, read from the text. */
function chainDigits(anchor: CompiledAnchor, text: string, p: number): number {
  let digits = 0;
  let i = p;
  for (;;) {
    for (; i < text.length && isDigit(text.charCodeAt(i)); i++) digits++;
    let gap = 0;
    while (i + gap < text.length && gap < anchor.chainGap && !isDigit(text.charCodeAt(i + gap)) && text.charCodeAt(i + gap) < 128 && anchor.chainSeparators![text.charCodeAt(i + gap)] === 1) gap++;
    if (gap === 0 || i + gap >= text.length || !isDigit(text.charCodeAt(i + gap))) return digits;
    i += gap;
  }
}

/** The positions an anchor's own checks (all but the third character) let through, read plainly. */
function plainReading(anchor: CompiledAnchor, text: string): number[] {
  const out: number[] = [];
  for (let p = 0; p < text.length; p++) {
    const c = text.charCodeAt(p);
    const previous = p > 0 ? text.charCodeAt(p - 1) : -1;
    if (anchor.kind === SourceKind.Digits) {
      if (!isDigit(c) || (previous >= 0 && isDigit(previous))) continue;
      let end = p;
      while (end < text.length && isDigit(text.charCodeAt(end))) end++;
      if (end - p < anchor.digitRunMin || end - p > anchor.digitRunMax) continue;
      if (anchor.afterDigits !== null && (end >= text.length || !passesTable(anchor.afterDigits, text.charCodeAt(end)))) continue;
      if (anchor.chainMin > 0 && chainDigits(anchor, text, p) < anchor.chainMin) continue;
    } else {
      const wordBefore = previous >= 0 && previous < 128 && /[A-Za-z0-9_]/.test(String.fromCharCode(previous));
      const capital = (c >= 65 && c <= 90) || (c >= 128 && /\p{Lu}/u.test(String.fromCharCode(c))) || (c >= 0xd800 && c <= 0xdbff);
      if (!capital || wordBefore) continue;
    }
    if (previous >= 0 && previous < 128 && anchor.notAfter !== null && anchor.notAfter[previous] === 1) continue;
    if (!passesTable(anchor.first, c)) continue;
    if (anchor.second !== null && (p + 1 >= text.length || !passesTable(anchor.second, text.charCodeAt(p + 1)))) continue;
    out.push(p);
  }
  return out;
}

describe('run sieve', () => {
  it('has slots for every digit and capital anchor of the built-in detectors (at most 32 of each kind)', () => {
    expect(sievable.filter((a) => a.kind === SourceKind.Digits).length).toBeGreaterThan(5);
    expect(sievable.filter((a) => a.kind === SourceKind.Digits).length).toBeLessThanOrEqual(32);
    expect(sievable.filter((a) => a.kind === SourceKind.Capitals).length).toBeLessThanOrEqual(32);
  });

  it('passes each anchor exactly the positions its checks pass when read character by character', () => {
    const sieve = new RunSieve(anchors);
    let passed = 0;
    for (const text of [...denseTexts(400), ...generateCorpus(3, 60).map((d) => d.text)]) {
      const candidates = all.candidates.find(text);
      sieve.reset();
      for (const anchor of sievable) {
        const sieved = sieve.sievedFor(anchor, text, candidates)!;
        const items = Array.from(sieved.items.subarray(0, sieved.count));
        const positions = anchor.kind === SourceKind.Digits ? items.map((k) => candidates.digits.starts[k]!) : items;
        expect(positions, `${JSON.stringify(text)} ${JSON.stringify(anchor)}`).toEqual(plainReading(anchor, text));
        passed += positions.length;
      }
    }
    expect(passed).toBeGreaterThan(1000);
  });

  it('sifts a new text after reset, not the previous one again', () => {
    const sieve = new RunSieve(anchors);
    const ssn = all.detectors.find((d) => d.detector.id === 'tier1.us_ssn')!.anchors![0]!;
    for (const text of ['SSN 536-22-8712', 'no digits', 'id 123 and 456-']) {
      sieve.reset();
      const sieved = sieve.sievedFor(ssn, text, all.candidates.find(text))!;
      expect(sieved.count).toBe(plainReading(ssn, text).length);
    }
  });
});

describe('merging the positions of several anchors', () => {
  it('orders ascending runs as a sort does, duplicates kept', () => {
    let s = 5;
    const random = (n: number): number => Math.floor(((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32) * n);
    for (let round = 0; round < 200; round++) {
      const runs = Array.from({ length: 1 + random(5) }, () => Array.from({ length: random(30) }, () => random(100)).sort((a, b) => a - b));
      const values = Int32Array.from(runs.flat());
      const bounds = [0];
      for (const run of runs) if (run.length > 0) bounds.push(bounds[bounds.length - 1]! + run.length);
      const merged = mergeAscendingRuns(values.slice(), bounds);
      expect(Array.from(merged.subarray(0, values.length))).toEqual(Array.from(values).sort((a, b) => a - b));
    }
  });
});

describe('prefilter index', () => {
  it('lets a detector run when one of its keywords was seen, and always when it has none', () => {
    const index = new PrefilterIndex([[0, 1], undefined, [2], [1]]);
    expect(Array.from(index.passing(Int32Array.of(1), 1))).toEqual([1, 1, 0, 1]);
    expect(Array.from(index.passing(Int32Array.of(2, 9), 1))).toEqual([0, 1, 1, 0]);
  });

  it('agrees with each detector asking about its own keywords', () => {
    for (const text of generateCorpus(5, 80).map((d) => d.text)) {
      const candidates = all.candidates.find(text);
      const passing = all.prefilter.passing(candidates.seenKeywords, candidates.seenKeywordCount);
      for (const d of all.detectors) {
        const own = d.keywordIds === undefined || d.keywordIds.some((id) => candidates.keywordSeen[id] === 1);
        expect(passing[d.index] === 1, `${d.detector.id} on ${JSON.stringify(text.slice(0, 60))}`).toBe(own);
      }
    }
  });

  it('keeps each detector its own verdict when a caller runs a subset of the compiled list', () => {
    const corpus = generateCorpus(9, 120).map((d) => d.text);
    const prefiltered = all.detectors.filter((d) => d.keywordIds !== undefined);
    expect(prefiltered.length).toBeGreaterThan(3);
    for (const detector of prefiltered) {
      const alone: CompiledDlp = { ...all, detectors: [detector], automaton: null, customPatterns: [] };
      for (const text of corpus) {
        const expected = scanText(all, text).filter((m) => m.rule === detector.detector.id);
        const found = scanText(alone, text);
        // Alone, a detector's match is never displaced by another detector's: it holds at least the full run's.
        for (const m of expected) expect(found, `${detector.detector.id}`).toContainEqual(m);
      }
    }
  });
});
