// Types of index.mjs, for the TypeScript test of the fourth held-out generator.
export interface Heldout4Document {
  id: string;
  text: string;
  source: string;
  spans: Array<{ start: number; end: number; type: string; form: string }>;
  negatives: Array<{ start: number; end: number; kind: string }>;
  ignore: Array<{ start: number; end: number }>;
}
export const DEFAULT_SEED: number;
export const DEFAULT_COUNT: number;
export const KINDS: Array<[number, string, unknown]>;
export function generateHeldout4(options?: { seed?: number; count?: number }): Heldout4Document[];
