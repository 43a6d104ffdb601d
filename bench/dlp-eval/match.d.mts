// Types of match.mjs, for the TypeScript test that checks the scorer.
export interface Span { start: number; end: number; type: string }
export interface ScoredDocument {
  id: string;
  text: string;
  spans: readonly Span[];
  negatives?: ReadonlyArray<{ start: number; end: number; kind?: string }>;
  ignore?: ReadonlyArray<{ start: number; end: number }>;
  scope?: readonly string[];
}
export interface TypeRow { gold: number; found: number; predicted: number; truePredictions: number; goldChars: number; visibleChars: number; precision: number | null; recall: number | null; visibleShare: number | null }
export interface Score {
  documents: number;
  micro: { gold: number; found: number; predicted: number; truePredictions: number; precision: number | null; recall: number | null; f1: number | null };
  visible: { goldChars: number; visibleChars: number; share: number | null };
  negatives: { total: number; flagged: number; share: number | null; byKind: Record<string, { total: number; flagged: number }> };
  perType: Record<string, TypeRow>;
}
export const SECRET_TYPES: Set<string>;
export function family(type: string): string;
export function coveredShare(span: { start: number; end: number }, cover: ReadonlyArray<{ start: number; end: number }>): number;
export function goldFound(gold: Span, predictions: readonly Span[]): boolean;
export function predictionCorrect(prediction: Span, gold: readonly Span[]): boolean;
export function scoreDocuments<D extends ScoredDocument>(docs: readonly D[], predict: (doc: D) => readonly Span[]): Score;
