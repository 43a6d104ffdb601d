// Types of names.mjs, for the TypeScript test of the third held-out generator.
export const TRADITIONS: Record<string, { given: string[]; surnames: string[] }>;
export const NATIVE: Record<string, { given: string[]; surnames: string[]; familyFirst: boolean; joiner: string }>;
