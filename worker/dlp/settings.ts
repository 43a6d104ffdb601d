/**
 * What the policy bundle tells the DLP engine for one risk tier, already resolved (the policy
 * module merges the bundle's global DLP rules with the tier's choices). The DLP engine never reads
 * the bundle itself; the policy module never runs a detector.
 */
import type { DlpAction } from '../core/index.js';

export type ComplianceBundleId = 'PCI' | 'HIPAA' | 'GDPR' | 'SECRETS' | 'CLASSIFICATION';

/** An operator's regular expression, run by a linear-time engine. */
export interface CustomPatternRule {
  readonly id: string;
  /** Entity type reported in findings, e.g. PROJECT_CODENAME. */
  readonly type: string;
  readonly pattern: string;
  readonly case_insensitive?: boolean;
  /** Optional prefilter: the pattern runs only when one of these occurs (case-insensitive). */
  readonly keywords?: readonly string[];
  readonly action: DlpAction;
  readonly score?: number;
}

/** A list of words or phrases (matched with Aho-Corasick, case-insensitive, on word boundaries). */
export interface KeywordRule {
  readonly id: string;
  readonly type: string;
  readonly keywords: readonly string[];
  readonly action: DlpAction;
}

export interface Tier3Settings {
  /** always: every text; ambiguous: only when Tier 1/2 left low-confidence hits or none on long text; off. */
  readonly mode: 'always' | 'ambiguous' | 'off';
  /** Overrides the model's own threshold. */
  readonly threshold?: number;
  readonly action: DlpAction;
  /** Per-request time budget for Tier 3. */
  readonly budget_ms: number;
  /** What happens when the budget is exceeded (audited either way). */
  readonly on_budget_exceeded: 'block' | 'pass';
  /** Sequence models: labels whose probability makes a text sensitive (the highest is the score); default the model's own sensitive label. */
  readonly sensitive_labels?: readonly string[];
  /** Token models: entity types reported; default every type the model tags. */
  readonly entities?: readonly string[];
}

export interface DlpSettings {
  /** Tier 1 detectors (PII, secrets) and the default action for their findings. */
  readonly tier1: {
    readonly enabled: boolean;
    readonly action: DlpAction;
    /** Per entity type overrides, e.g. { EMAIL: 'flag', US_SSN: 'block' }. */
    readonly entity_actions?: Readonly<Record<string, DlpAction>>;
    /** Detector ids switched off, e.g. ['tier1.person']. */
    readonly disabled_detectors?: readonly string[];
    /** Findings scoring below this are dropped. */
    readonly min_score?: number;
  };
  /** Enabled compliance bundles, each with an optional action overriding the bundle's default. */
  readonly bundles: Readonly<Partial<Record<ComplianceBundleId, { readonly action?: DlpAction }>>>;
  readonly custom_patterns: readonly CustomPatternRule[];
  readonly keywords: readonly KeywordRule[];
  /** mask: [EMAIL_1]-style placeholders; reversible: same placeholders, restored in the response to the caller. */
  readonly redaction: 'mask' | 'reversible';
  /** Scan model output (whole and streamed). */
  readonly scan_response: boolean;
  /** When the scanner itself fails: block (default) or pass (audited as unscanned). */
  readonly on_error: 'block' | 'pass';
  readonly tier3: Tier3Settings;
  /**
   * Characters of streamed output held back so that a value split across chunks is scanned whole
   * (default 128, the longest fixed-shape secret with margin). Open-ended values (a token still
   * growing, a PEM block without its END line) are held until complete, up to 16 KiB.
   */
  readonly stream_hold_back_chars?: number;
  /**
   * Hard limit on scanning work per request, in work units (characters times detector passes plus
   * characters of matches examined; clocks do not advance during CPU work in workerd). Past it the
   * call fails closed with dlp_unavailable whatever on_error says. Default 67108864 (64 Mi).
   */
  readonly scan_budget_units?: number;
}

/** The Tier 3 classifier as the DLP engine sees it (implemented in worker/classifier). */
export interface Tier3Classifier {
  readonly modelVersion: string;
  readonly threshold: number;
  /** Scores a text; spans are typed entities (token-classification models), offsets in the text. */
  classify(text: string): Promise<Tier3Result>;
}

export interface Tier3Result {
  /** Probability that the text is sensitive (sequence classification), 0 when the model only tags spans. */
  readonly score: number;
  readonly label: string;
  /** Sequence classification: the highest probability each label reached (any window), for a policy's own sensitive_labels. */
  readonly labelScores?: Readonly<Record<string, number>>;
  readonly spans: readonly { readonly type: string; readonly start: number; readonly end: number; readonly score: number }[];
  /** Milliseconds spent (measured across I/O boundaries where the runtime allows). */
  readonly elapsedMs: number;
}
