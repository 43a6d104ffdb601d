// Types of report.mjs (the part the tests use).
import type { EvalRecord } from './corpora.d.mts';
type Span = { start: number; end: number; type: string };
export interface FormRow { type: string; form: string; gold: number; found: number; recall: number }
export function recallByForm(docs: Array<Pick<EvalRecord, 'id' | 'text' | 'spans'>>, predict: (doc: Pick<EvalRecord, 'id' | 'text' | 'spans'>) => Span[]): { rows: FormRow[]; text: string };
export function summaryTable(scores: Record<string, unknown>): string;
export function perTypeTable(score: unknown): string;
export function negativesTable(score: unknown): string;
export function markdownPerType(scores: Record<string, unknown>): string;
