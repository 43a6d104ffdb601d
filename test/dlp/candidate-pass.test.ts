/**
 * The cheap checks that keep detectors off most of a text (digit-run ends, digit chains, literals
 * dropped inside words, the normaliser's skip over plain ASCII, the CSV header index's line filter)
 * must never change what is found. Number-shaped texts from a seeded generator are scanned by each
 * digit-anchored detector at its anchors and by a whole-text scan of its pattern, and the findings
 * must be identical; the building blocks are checked on small texts whose answers are known.
 */
import { describe, expect, it } from 'vitest';
import { compileAnchors, LiteralGroups } from '../../worker/dlp/anchor.js';
import { CandidateFinder } from '../../worker/dlp/candidates.js';
import { compileDlp, type CompiledDlp, type CompiledDetector } from '../../worker/dlp/compile.js';
import { columnHeaderAt } from '../../worker/dlp/detectors/context/table-columns.js';
import { normalizeText } from '../../worker/dlp/normalize.js';
import { scanText } from '../../worker/dlp/scan.js';
import { settingsWith } from './fixtures.js';

const all = compileDlp(settingsWith({ bundles: { SECRETS: {}, CLASSIFICATION: {}, PCI: {}, HIPAA: {}, GDPR: {} } }));
const only = (detector: CompiledDetector): CompiledDlp => ({ ...all, detectors: [detector], automaton: null, customPatterns: [] });
const whole = (detector: CompiledDetector): CompiledDlp => only({ ...detector, anchors: undefined, sticky: undefined });

/** A deterministic generator of number-shaped text: digit groups, separators, labels, brackets. */
function numberShapedTexts(count: number, seed = 7): string[] {
  let s = seed;
  const random = (): number => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const labels = ['phone', 'tel:', 'card', 'DL', 'license', 'SSN', 'call', 'fax', 'order', 'id', 'cc', 'Mobile:', 'at', 'x', ''];
  const separators = [' ', '-', '.', '/', '(', ')', ') ', ' (', '  ', '\n', ':', ',', '', 'x', ' ext. ', '+', '+1 ', '*'];
  const texts: string[] = [];
  for (let t = 0; t < count; t++) {
    let text = random() < 0.5 ? `${pick(labels)} ` : '';
    const groups = 1 + Math.floor(random() * 7);
    for (let g = 0; g < groups; g++) {
      const length = 1 + Math.floor(random() * (random() < 0.2 ? 16 : 5));
      for (let d = 0; d < length; d++) text += String(Math.floor(random() * 10));
      if (g < groups - 1 || random() < 0.3) text += pick(separators);
      if (random() < 0.1) text += pick(['A', 'B', 'WDL', 'k', 'Z']);
    }
    // Now and then a real-shaped value (Luhn-valid cards, NANP and national phones, licences), split at random.
    if (random() < 0.25) {
      const value = pick(['4111111111111111', '5555 5555 5555 4444', '378282246310005', '(415) 555-2671', '378-849-0221', '261.739.3313', '07899 913263', '606 01 34 48', '123 456 789', '12-345-6789', 'D1234567', 'WDL7X9Q2M4K1', '12ABC34567']);
      const cut = 1 + Math.floor(random() * (value.length - 2));
      text += ` ${pick(labels)} ${random() < 0.5 ? value : `${value.slice(0, cut)}${pick(separators)}${value.slice(cut)}`}`;
    }
    texts.push(random() < 0.3 ? `${text} ${pick(labels)}` : text);
  }
  return texts;
}

describe('digit anchors find what a whole-text scan finds on number-shaped text', () => {
  const texts = numberShapedTexts(3000);
  const digitAnchored = all.detectors.filter((d) => d.anchors?.some((a) => a.kind === 0 || a.chainMin > 0));

  it('covers the detectors that read digit runs or digit chains', () => {
    const ids = digitAnchored.map((d) => d.detector.id);
    for (const id of ['tier1.credit_card', 'tier1.phone.nanp', 'tier1.phone.grouped', 'tier1.phone.national', 'tier1.driver_license', 'tier1.ipv4', 'tier1.us_ssn']) expect(ids).toContain(id);
  });

  it.each(digitAnchored.map((d) => [d.detector.id, d] as const))('%s', (_id, detector) => {
    const atAnchors = only(detector);
    const reference = whole(detector);
    for (const text of texts) expect(scanText(atAnchors, text), JSON.stringify(text)).toEqual(scanText(reference, text));
  });

  it('the generator makes texts where the phone, card and licence detectors find something', () => {
    const types = new Set(texts.flatMap((t) => scanText(all, t).map((m) => m.rule)));
    for (const rule of ['tier1.credit_card', 'tier1.phone.nanp', 'tier1.phone.grouped', 'tier1.driver_license']) expect(types).toContain(rule);
  });
});

describe('candidate pass', () => {
  it('records where every digit run ends, including one that ends the text', () => {
    const found = new CandidateFinder([], []).find('a12 345\n6x 7890');
    expect(Array.from(found.digits.starts.subarray(0, found.digits.count))).toEqual([1, 4, 8, 11]);
    expect(Array.from(found.digitRunEnds.starts.subarray(0, found.digitRunEnds.count))).toEqual([3, 7, 9, 15]);
  });

  it('drops a literal inside a word only when every anchor reading it refuses a start there', () => {
    const groups = new LiteralGroups();
    compileAnchors({ literals: ['de'], notAfter: 'A-Za-z0-9_' }, groups);
    expect(groups.wordStartOnly).toEqual([true]);
    const guarded = new CandidateFinder(groups.groups, [], [], groups.wordStartOnly).find('model de la Cruz, (de)');
    expect(Array.from(guarded.groups[0]!.starts.subarray(0, guarded.groups[0]!.count))).toEqual([6, 19]);

    // A second reader that may start inside a word keeps every hit.
    compileAnchors({ literals: ['de'] }, groups);
    expect(groups.wordStartOnly).toEqual([false]);
    const open = new CandidateFinder(groups.groups, [], [], groups.wordStartOnly).find('model de la Cruz, (de)');
    expect(Array.from(open.groups[0]!.starts.subarray(0, open.groups[0]!.count))).toEqual([2, 6, 19]);
  });

  it('keeps a literal that is also a prefilter keyword, even inside a word', () => {
    const groups = new LiteralGroups();
    compileAnchors({ literals: ['dl'], notAfter: 'A-Za-z0-9_' }, groups);
    const found = new CandidateFinder(groups.groups, [{ keyword: 'dl', caseInsensitive: true }], [], groups.wordStartOnly).find('handler');
    expect(Array.from(found.keywordSeen)).toEqual([1]);
  });
});

describe('normaliser fast path', () => {
  it.each([
    ['plain ascii, single spaces\nand lines', 'plain ascii, single spaces\nand lines'],
    ['two  spaces', 'two spaces'],
    ['indent\n    code', 'indent\ncode'],
    ['tab\there', 'tab\there'],
    ['tab\t \t run', 'tab\trun'],
    ['tab \n run', 'tab\nrun'],
    ['digits 555\t123\t4567 and 12 \t34', 'digits 555 123 4567 and 12 34'],
    ['del\u007f and bell\u0007 go', 'del and bell go'],
    ['trailing space ', 'trailing space '],
    ['ends in a run  \n', 'ends in a run\n'],
    ['nbsp\u00a0and\u00a0\u00a0runs', 'nbsp and runs'],
    ['zero\u200bwidth caf\u00e9 \uff11\uff12', 'zerowidth café 12'],
  ])('%j', (input, expected) => {
    expect(normalizeText(input).text).toBe(expected);
  });

  it('maps offsets after skipped ASCII back to the original', () => {
    const original = 'id  4111\u200b1111 x';
    const n = normalizeText(original);
    const start = n.text.indexOf('4111');
    expect(original.slice(n.toOriginalStart(start), n.toOriginalEnd(start + 8))).toBe('4111\u200b1111');
  });
});

describe('CSV header index', () => {
  it('finds headers, including one after a byte-order mark (non-ASCII whitespace the line filter leaves to the cell check)', () => {
    expect(columnHeaderAt('id,phone\n7,555-0100\n', 11, 19)).toBe('phone');
    expect(columnHeaderAt('\ufeffid,phone\n7,555-0100\n', 12, 20)).toBe('phone');
  });

  it('does not read prose with a comma, or a line with a long stretch, as a header', () => {
    expect(columnHeaderAt('Thanks, we moved the call to the afternoon slot on Friday as agreed\n7, 555-0100\n', 71, 79)).toBeUndefined();
    expect(columnHeaderAt('name:x,phone\n7,555-0100\n', 15, 23)).toBeUndefined();
  });

  it("keeps the table's header under a data row whose cells all start with letters (only a table's first line names its columns)", () => {
    const text = 'dl_number,state\nX1234567,NY\n39481726,TX\n';
    const at = text.indexOf('39481726');
    expect(columnHeaderAt(text, at, at + 8)).toBe('dl_number');
    const people = 'name,city,dob\nAna Lima,Lisbon,Sales\nBo Chen,Porto,3/7/1969\n';
    const dob = people.indexOf('3/7/1969');
    expect(columnHeaderAt(people, dob, dob + 8)).toBe('dob');
    expect(scanText(all, text).map((f) => text.slice(f.start, f.end))).toEqual(['X1234567', '39481726']);
  });
});
