// Types of names.mjs, for the TypeScript test of the fourth held-out generator.
export const TRADITIONS: Record<string, { given: string[]; surnames: string[] }>;
export const NATIVE: Record<string, { given: string[]; surnames: string[]; order: string; gap: string }>;
export const TITLES: string[];
export const REPORTING_VERBS: string[];
