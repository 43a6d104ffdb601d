/**
 * Anchors only decide where a detector's pattern is tried (candidates.ts, run.ts); they must never
 * change what is found. Every anchored built-in detector is run twice over the same texts, once at
 * its anchors and once as a whole-text scan of its pattern, and the findings must be identical.
 * The texts: the project corpus, each detector's examples in several surroundings, and shapes that
 * sit on an anchor's edges (values at the start and end of a text, after the characters a lookbehind
 * forbids, split by Unicode spaces, next to non-ASCII capitals and U+0130).
 */
import { describe, expect, it } from 'vitest';
import { CandidateFinder } from '../../worker/dlp/candidates.js';
import { compileDlp, type CompiledDlp, type CompiledDetector } from '../../worker/dlp/compile.js';
import { BUILTIN_DETECTORS } from '../../worker/dlp/detectors/index.js';
import { scanText } from '../../worker/dlp/scan.js';
import { generateCorpus } from './corpus.js';
import { settingsWith } from './fixtures.js';

const all = compileDlp(settingsWith({ bundles: { SECRETS: {}, CLASSIFICATION: {}, PCI: {}, HIPAA: {}, GDPR: {} } }));

const only = (detector: CompiledDetector): CompiledDlp => ({ ...all, detectors: [detector], automaton: null, customPatterns: [] });
const whole = (detector: CompiledDetector): CompiledDlp => only({ ...detector, anchors: undefined, sticky: undefined });

const examples = [...BUILTIN_DETECTORS.values()].flatMap((d) => d.examples ?? []);
const SURROUNDINGS = [
  (v: string) => v,
  (v: string) => `x${v}`,
  (v: string) => `${v}x`,
  (v: string) => `.${v}.`,
  (v: string) => `-${v}-`,
  (v: string) => `(${v})`,
  (v: string) => `"${v}"`,
  (v: string) => `@${v}`,
  (v: string) => `Name: ${v}\nphone ${v}, DOB ${v}; SSN ${v}`,
  (v: string) => `İ ${v} Ö${v} é${v}`,
  (v: string) => v.replace(/ /g, '\u00a0'),
  (v: string) => `${v}${v} ${v}-${v}`,
];
const edgeTexts = [
  '4111111111111111', '4111 1111 1111 1111 4111 1111 1111 1111', '12345678901234567890123', '(415) 555-2671 (0)20 7946 0958 +44 20 5144 0676',
  '536-22-8712536-22-8712', 'SSN 536221234 DL D1234567 passport C12345678', 'a@b.co x.y@z.io @@a@b.cd', 'jane [at] acme [dot] com',
  'redis://:pw@host postgres://u:p@h smtp://a:b@c://d:e@f', 'ghp_ghp_ghp_' + 'a'.repeat(36), 'AKIA AKIAZ7VRSQ2LMXK4P3TN akiaz7vrsq2lmxk4p3tn',
  'Dear Ms. Tran, Okonkwo said Castillo, Chidi and O\u2019Brien-Smith met Žofia Nováková', 'DOB: 03/14/1985 born 14 March 1985, March 3rd, 1985',
  'aws secret key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY1', 'SECRET//NOFORN (TS//SI) TOP SECRET\nCONFIDENTIAL\n', '12345678:AA' + 'b'.repeat(33),
  'SK' + 'a1'.repeat(16) + ' twilio ' + 'ab12'.repeat(8), 'password="hK8#vQ2!mZr9" api_key: 9fK2mQ7xLp3Vz8Rt',
  'NINO AB 12 34 56 C, JG103759A; CVV: 123 exp 04/27 MRN: 12345678 member id: ABC-123456 NPI 1234567893', '2001:db8::1 ::1 fe80::', '---- BEGIN PRIVATE KEY ----- MIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
];

const texts = [
  ...generateCorpus(20260513, 600).map((d) => d.text),
  ...examples.flatMap((e) => SURROUNDINGS.map((s) => s(e))),
  ...edgeTexts,
  ...edgeTexts.map((t) => t.toLowerCase()),
  ...edgeTexts.map((t) => t.replace(/ /g, '')),
];

describe('anchored detectors find what a whole-text scan finds', () => {
  const anchored = all.detectors.filter((d) => d.anchors);

  it('anchors most built-in detectors', () => {
    expect(anchored.length).toBeGreaterThan(all.detectors.length * 0.9);
  });

  it.each(anchored.map((d) => [d.detector.id, d] as const))('%s', (_id, detector) => {
    const atAnchors = only(detector);
    const reference = whole(detector);
    let findings = 0;
    for (const text of texts) {
      const expected = scanText(reference, text);
      findings += expected.length;
      expect(scanText(atAnchors, text), JSON.stringify(text.slice(0, 120))).toEqual(expected);
    }
    // The comparison means something only where the detector finds things.
    if ((detector.detector.examples ?? []).length > 0) expect(findings).toBeGreaterThan(0);
  });
});

describe('candidate pass', () => {
  it('finds digit runs, capitals, long words and literal windows in one pass', () => {
    const finder = new CandidateFinder([[{ literal: '@', from: -2, to: -1 }]], [{ keyword: 'AIza', caseInsensitive: false }, { keyword: 'dob', caseInsensitive: true }]);
    const found = finder.find('Mail ab@c.io at 10:42, DOB 1985 aiza Émile ' + 'x'.repeat(16));
    expect(Array.from(found.digits.starts.slice(0, found.digits.count))).toEqual([16, 19, 27]);
    expect(Array.from(found.capitals.starts.slice(0, found.capitals.count))).toEqual([0, 23, 37]);
    expect(Array.from(found.words.starts.slice(0, found.words.count))).toEqual([43]);
    expect([found.groups[0]!.starts[0], found.groups[0]!.ends[0]]).toEqual([5, 6]);
    // 'aiza' is not 'AIza' (case-sensitive); 'DOB' is 'dob' (case-insensitive).
    expect(Array.from(found.keywordSeen)).toEqual([0, 1]);
  });
});
