// Types of corpora.mjs, for the TypeScript tests of the evaluation's data.
export interface EvalRecord {
  id: string;
  text: string;
  source: string;
  spans: Array<{ start: number; end: number; type: string; form?: string }>;
  negatives?: Array<{ start: number; end: number; kind: string }>;
  ignore?: Array<{ start: number; end: number }>;
  scope?: string[];
}
export function publicCorpus(): EvalRecord[];
export function generatedCorpus(options?: { seed?: number; count?: number }): EvalRecord[];
export function heldoutCorpus(options?: { seed?: number; count?: number }): EvalRecord[];
export function heldout3Corpus(options?: { seed?: number; count?: number }): EvalRecord[];
export function heldout4Corpus(options?: { seed?: number; count?: number }): EvalRecord[];
export function projectCorpus(generateCorpus: (seed: number, count: number) => unknown[], seed?: number, count?: number): EvalRecord[];
