// Types of index.mjs, for the TypeScript test of the third held-out generator.
export interface Heldout3Document {
  id: string;
  text: string;
  source: string;
  spans: Array<{ start: number; end: number; type: string; form?: string }>;
  negatives: Array<{ start: number; end: number; kind: string }>;
}
export const DEFAULT_SEED: number;
export const DEFAULT_COUNT: number;
export const KINDS: Array<[number, string, unknown]>;
export function generateHeldout3(options?: { seed?: number; count?: number }): Heldout3Document[];
