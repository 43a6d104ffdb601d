/**
 * Every built-in detector runs in linear time, shown with adversarial input: for each detector and
 * each anchor it uses (its prefilter keywords, the start of its examples, and shapes every pattern
 * family reacts to), 1 MB of repeated prefixes, near-misses and unterminated runs must scan within
 * a fixed multiple of the time the whole engine takes on 1 MB of ordinary text. Detectors are
 * enumerated from the detector list, so a new one is covered without editing this file.
 */
import { describe, expect, it } from 'vitest';
import { ScanBudget } from '../../worker/dlp/budget.js';
import { compileDlp, type CompiledDlp } from '../../worker/dlp/compile.js';
import { BUILTIN_DETECTORS } from '../../worker/dlp/detectors/index.js';
import { scanText } from '../../worker/dlp/scan.js';
import { generateCorpus } from './corpus.js';
import { settingsWith } from './fixtures.js';

const MB = 1 << 20;
/** Generous: a quadratic pattern on 1 MB is thousands of times slower, a linear one a few times. */
const MAX_RATIO = 20;

const all = compileDlp(settingsWith({ bundles: { SECRETS: {}, CLASSIFICATION: {}, PCI: {}, HIPAA: {}, GDPR: {} } }));
const only = (id: string): CompiledDlp => ({ ...all, detectors: all.detectors.filter((d) => d.detector.id === id), automaton: null, customPatterns: [] });
const unlimited = () => new ScanBudget(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);

const fill = (unit: string): string => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);

/** Shapes that stress the pattern families: digit runs, separators, '@', '://', dashes, base64, markings. */
const GENERIC_ANCHORS = ['1', '1 ', '1-', '1.', '1/', 'a@', 'a.', 'a [at] b ', '://', '-----', 'A', 'a', 'Aa1', ':', 'a:', '(S//', 'S//A', 'Dear ', 'Name: ', 'eyJ', 'eyJ-', 'MIIE', 'DE89 '];

/** The inputs built from a detector's own anchor: repeated, repeated with near-miss tails, and an unterminated run after it. */
function adversarialInputs(anchor: string): string[] {
  return [fill(anchor), fill(`${anchor}-`), fill(`${anchor}1`), fill(`${anchor}A `), anchor + fill('A'), anchor + fill('1'), anchor + fill('a-')];
}

/** Generic shapes: repeated, and repeated with a near-miss tail. */
const genericInputs = (anchor: string): string[] => [fill(anchor), fill(`${anchor}-`)];

function inputsOf(id: string): { anchor: string; input: string }[] {
  const d = BUILTIN_DETECTORS.get(id)!;
  // Literal words of the pattern itself too, so a detector without keywords or examples is covered.
  const literals = (d.pattern.source.match(/[A-Za-z]{3,}/g) ?? []).slice(0, 6);
  const own = new Set([...(d.keywords ?? []), ...(d.context ?? []).slice(0, 3), ...(d.examples ?? []).flatMap((e) => [e.slice(0, 4), e.slice(0, -1)]), ...literals]);
  return [
    ...[...own].flatMap((anchor) => adversarialInputs(anchor).map((input) => ({ anchor, input }))),
    ...GENERIC_ANCHORS.filter((a) => !own.has(a)).flatMap((anchor) => genericInputs(anchor).map((input) => ({ anchor, input }))),
  ];
}

function seconds(compiled: CompiledDlp, text: string): number {
  const started = performance.now();
  scanText(compiled, text, unlimited());
  return (performance.now() - started) / 1000;
}

let ordinary = '';
for (const doc of generateCorpus(7, 4000)) {
  if (ordinary.length >= MB) break;
  ordinary += `${doc.text}\n`;
}
ordinary = ordinary.slice(0, MB);

describe('linear-time detectors', () => {
  it('compiles every built-in detector when every bundle is on', () => {
    expect(all.detectors.map((d) => d.detector.id).sort()).toEqual([...BUILTIN_DETECTORS.keys()].sort());
  });

  // Best of three: a scan is as fast as it can be once the JIT and the caches are warm.
  seconds(all, ordinary);
  const baseline = Math.min(seconds(all, ordinary), seconds(all, ordinary), seconds(all, ordinary));

  it.each([...BUILTIN_DETECTORS.keys()])('%s stays within a fixed multiple of ordinary text on adversarial input', (id) => {
    const compiled = only(id);
    let worst = { ratio: 0, anchor: '' };
    for (const { anchor, input } of inputsOf(id)) {
      const ratio = seconds(compiled, input) / baseline;
      if (ratio > worst.ratio) worst = { ratio, anchor };
    }
    expect(worst.ratio, `worst anchor ${JSON.stringify(worst.anchor)}: ${worst.ratio.toFixed(1)}x the whole engine on ordinary text (${(baseline * 1000).toFixed(0)} ms)`).toBeLessThan(MAX_RATIO);
  }, 120_000);
});

describe('context lookups on a text of one long line', () => {
  // Each candidate asks which line, column header or record key it sits under; answered by a scan
  // back to the previous newline (or a search of the whole text for one), that cost grew with the
  // line: a 1 MB one-line text of dates took the birth-date detector 0.6 s, 2 MB of one name
  // repeated took the name detectors 31 s. 8x the text must cost about 8x, not 64x.
  const cases: [string, string][] = [
    ['tier1.date_of_birth', '"birthDate": "1985-03-14 '],
    ['tier1.person.full_name', 'John Smith '],
  ];
  it.each(cases)('%s costs in proportion to the text', (id, unit) => {
    const compiled = only(id);
    const best = (text: string) => Math.min(seconds(compiled, text), seconds(compiled, text), seconds(compiled, text));
    const line = (bytes: number) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
    const small = best(line(MB / 4));
    const large = best(line(2 * MB));
    expect(large / small, `256 KB ${(small * 1000).toFixed(0)} ms, 2 MB ${(large * 1000).toFixed(0)} ms`).toBeLessThan(24);
  }, 120_000);
});
