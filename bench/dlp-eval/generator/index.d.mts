// Types of index.mjs, for the TypeScript test of the generator.
export interface GeneratedDocument {
  id: string;
  text: string;
  source: string;
  spans: Array<{ start: number; end: number; type: string }>;
  negatives: Array<{ start: number; end: number; kind: string }>;
}
export const DEFAULT_SEED: number;
export const DEFAULT_COUNT: number;
export function generateDocuments(options?: { seed?: number; count?: number }): GeneratedDocument[];
