/**
 * Knowledge assets: the site's own documents (policies, runbooks, glossaries) that the gateway
 * puts in front of a model. Shared shapes for the policy bundle, the store and the pipeline.
 */

/** One asset as the gateway holds it: text plus the identity operators see in audit records. */
export interface KnowledgeAsset {
  /** Stable name, e.g. "security-policy" (the policy bundle binds assets by name). */
  readonly name: string;
  /** The operator's version label, e.g. "2026-03-01". */
  readonly version: string;
  /** Hex SHA-256 of the text's UTF-8 bytes. */
  readonly sha256: string;
  readonly text: string;
  /** Where it came from: a file on the policy volume, or an import through the admin API. */
  readonly source: 'volume' | 'imported';
}

/** How assets reach the model. */
export type KnowledgeMode = 'system' | 'retrieve';

/** A binding from the policy bundle (on a model rule or a risk tier), with defaults applied. */
export interface KnowledgeBinding {
  /** Asset names, in the order their text is placed (system mode). */
  readonly assets: readonly string[];
  readonly mode: KnowledgeMode;
  /** Upper bound on the added text, in tokens (estimated as characters / 4). */
  readonly budgetTokens: number;
  /** retrieve: at most this many passages. */
  readonly topK: number;
}

/** What one call received, for its audit event (never the text itself). */
export interface KnowledgeUse {
  readonly mode: KnowledgeMode;
  readonly assets: readonly { readonly name: string; readonly version: string; readonly sha256: string }[];
  /** retrieve: the passages added, as `name@version#index`. */
  readonly chunks?: readonly string[];
  /** system: true when the budget cut the last asset short. */
  readonly truncated?: boolean;
  /** Estimated tokens added. */
  readonly tokens: number;
}

/** The estimate used for budgets: about four characters a token for English prose. */
export const estimateTokens = (text: string): number => Math.ceil(text.length / 4);

/** Response header naming the assets a call received. */
export const KNOWLEDGE_HEADER = 'x-outpost-knowledge';
