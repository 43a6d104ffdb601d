/**
 * The evaluation scorer's matching rules (bench/dlp-eval/match.mjs) on hand-made documents whose
 * precision, recall, visible characters and flagged negatives are worked out by hand. This tests
 * the ruler, not the detectors.
 */
import { describe, expect, it } from 'vitest';
import { scoreDocuments } from '../../bench/dlp-eval/match.mjs';

type Span = { start: number; end: number; type: string };
type Doc = { id: string; text: string; spans: Span[]; negatives?: Array<{ start: number; end: number; kind?: string }>; ignore?: Array<{ start: number; end: number }>; scope?: string[] };

/** Span of the first occurrence of `value` in `text`. */
function at(text: string, value: string, type = ''): Span {
  const start = text.indexOf(value);
  if (start < 0) throw new Error(`${value} not in ${text}`);
  return { start, end: start + value.length, type };
}

const A = 'Call Ana Lima at 415-555-0132 today.';
const B = 'Ms. Tran sent ORD-2024-118734 and key=abcd1234efgh5678';
const C = 'Castillo, Chidi at Atlas Freight; mail bo.li@x.org';

const docs: Doc[] = [
  { id: 'A', text: A, spans: [at(A, 'Ana Lima', 'PERSON'), at(A, '415-555-0132', 'PHONE')], negatives: [at(A, 'today')] },
  { id: 'B', text: B, spans: [at(B, 'Tran', 'PERSON'), at(B, 'abcd1234efgh5678', 'GENERIC_SECRET')], negatives: [at(B, 'ORD-2024-118734')] },
  { id: 'C', text: C, spans: [at(C, 'Castillo, Chidi', 'PERSON'), at(C, 'bo.li@x.org', 'EMAIL')], negatives: [at(C, 'Atlas Freight')] },
];
const predictions: Record<string, Span[]> = {
  // "Ana" covers 3 of 8 characters of "Ana Lima": a correct prediction, but the name is not found.
  A: [at(A, 'Ana', 'PERSON'), at(A, '415-555-0132', 'PHONE')],
  // "Ms. Tran" is half inside gold "Tran": correct and found. A phone inside the order id: a false
  // positive that flags the negative. A Slack type on a generic secret: same family, correct.
  B: [at(B, 'Ms. Tran', 'PERSON'), at(B, '2024-118734', 'PHONE'), at(B, 'abcd1234efgh5678', 'SLACK_TOKEN')],
  // Two halves of "Castillo, Chidi" cover 13 of 15: found, both correct. The company: a false
  // positive. "bo.li" inside the email: nested, not scored, and the email itself is missed.
  C: [at(C, 'Castillo', 'PERSON'), at(C, 'Chidi', 'PERSON'), at(C, 'Atlas Freight', 'PERSON'), at(C, 'bo.li', 'PERSON')],
};

describe('dlp-eval scorer', () => {
  const score = scoreDocuments(docs, (d: Doc) => predictions[d.id]!);

  it('counts micro precision, recall and F1 by the coverage rule', () => {
    expect(score.micro).toMatchObject({ gold: 6, found: 4, predicted: 8, truePredictions: 6 });
    expect(score.micro.precision).toBeCloseTo(0.75, 6);
    expect(score.micro.recall).toBeCloseTo(4 / 6, 6);
    expect(score.micro.f1).toBeCloseTo((2 * 0.75 * (4 / 6)) / (0.75 + 4 / 6), 6);
  });

  it('reports precision by predicted type and recall by gold type', () => {
    expect(score.perType.PERSON).toMatchObject({ gold: 3, found: 2, predicted: 5, truePredictions: 4 });
    expect(score.perType.PHONE).toMatchObject({ gold: 1, found: 1, predicted: 2, truePredictions: 1 });
    expect(score.perType.SLACK_TOKEN).toMatchObject({ gold: 0, predicted: 1, truePredictions: 1 });
    expect(score.perType.GENERIC_SECRET).toMatchObject({ gold: 1, found: 1, predicted: 0 });
    expect(score.perType.EMAIL).toMatchObject({ gold: 1, found: 0, predicted: 0 });
  });

  it('counts visible characters and flagged hard negatives', () => {
    // A: "Lima" and the space before it (5 of 20); B: none of 20; C: ", " and "@x.org" (8 of 26).
    expect(score.visible).toEqual({ goldChars: 66, visibleChars: 13, share: 13 / 66 });
    expect(score.negatives).toMatchObject({ total: 3, flagged: 2 });
  });

  it('leaves out predictions outside the scope or inside an ignored region', () => {
    const text = 'Mail a@b.co or call 212-555-0100; lives at 12 Elm St';
    const doc: Doc = { id: 'D', text, spans: [at(text, '212-555-0100', 'PHONE')], ignore: [at(text, '12 Elm St')], scope: ['PHONE', 'PERSON'] };
    const s = scoreDocuments([doc], () => [at(text, 'a@b.co', 'EMAIL'), at(text, '212-555-0100', 'PHONE'), at(text, 'Elm St', 'PERSON')]);
    expect(s.micro).toMatchObject({ gold: 1, found: 1, predicted: 1, truePredictions: 1 });
  });
});
