/**
 * DLP findings: what a detector hit, never the value it hit. Produced by dlp/, carried in the
 * audit event, counted by metrics.
 */

export type DlpTier = 1 | 2 | 3;
export type DlpAction = 'block' | 'redact' | 'flag';

/** One DLP hit. Never carries the matched value: only where it was and a salted hash of it. */
export interface Finding {
  /** Entity type, e.g. EMAIL, CREDIT_CARD, AWS_ACCESS_KEY, CLASSIFICATION_MARKING. */
  readonly type: string;
  /** Detector or rule id, e.g. 'tier1.credit_card' or 'custom.project-x'. */
  readonly rule: string;
  readonly tier: DlpTier;
  readonly score: number;
  /** JavaScript string offsets in the text part (end exclusive). */
  readonly start: number;
  readonly end: number;
  /** Salted SHA-256 of the matched value (hex, truncated), for correlation without disclosure. */
  readonly hash: string;
  /** Where the text was: 'request' or 'response', and the JSON path inside the body. */
  readonly location?: { readonly side: 'request' | 'response'; readonly path: string };
  /** The action the policy assigned to this finding. */
  readonly action: DlpAction;
}
