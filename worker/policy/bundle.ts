/**
 * The policy bundle (schema_version 1) as TypeScript sees it once it passed validation. The JSON
 * Schema in assets/policy/policy_bundle.schema.json is the authority on structure; these types
 * mirror it for the code that turns a bundle into a snapshot.
 */
import type { ComplianceBundleId, CustomPatternRule, KeywordRule } from '../dlp/settings.js';
import type { GeoPolicyRule } from '../geoip/policy.js';
import type { DlpAction } from '../core/index.js';
import type { KnowledgeMode } from '../knowledge/types.js';

export const SCHEMA_VERSION = 1;

/** Bundles larger than this are refused before parsing (a bundle is rules, not data). */
export const MAX_BUNDLE_BYTES = 1024 * 1024;

/** The file names on the policy volume. */
export const BUNDLE_FILE = 'policy_bundle.json';
export const SIGNATURE_SUFFIX = '.sig';

/** Route ids a bundle may name (routes, geo rules). Model calls use the first six. */
export const ROUTE_IDS = ['openai.chat', 'openai.completions', 'openai.embeddings', 'ollama.chat', 'ollama.generate', 'ollama.embed', 'models.list'] as const;
export type RouteId = (typeof ROUTE_IDS)[number];

export type AuthMode = 'oauth' | 'api_key' | 'none';

export interface BundleTarget {
  readonly id: string;
  readonly kind: 'openai' | 'ollama';
  readonly base_url: string;
  readonly api_key_env?: string;
  readonly models?: readonly string[];
}

export interface BundleModel {
  /** Exact name, prefix pattern ending in '*', or '*'. */
  readonly name: string;
  readonly target?: string;
  readonly risk_tier: string;
  readonly scopes?: readonly string[];
  readonly groups?: readonly string[];
  readonly knowledge?: BundleKnowledgeBinding;
}

/** Knowledge assets for a model rule or a risk tier (docs/knowledge.md). */
export interface BundleKnowledgeBinding {
  readonly assets: readonly string[];
  readonly mode: KnowledgeMode;
  readonly budget_tokens?: number;
  readonly top_k?: number;
}

/** One knowledge asset: a file on the policy volume, or (without path) an imported asset. */
export interface BundleKnowledgeAsset {
  readonly name: string;
  readonly path?: string;
  readonly version?: string;
}

export interface BundleTier1 {
  readonly enabled?: boolean;
  readonly action?: DlpAction;
  readonly entity_actions?: Readonly<Record<string, DlpAction>>;
  readonly disabled_detectors?: readonly string[];
  readonly min_score?: number;
}

export type BundleComplianceChoice = Readonly<Partial<Record<ComplianceBundleId, { readonly action?: DlpAction }>>>;

export interface BundleTier3 {
  readonly mode?: 'always' | 'ambiguous' | 'off';
  readonly threshold?: number;
  readonly action?: DlpAction;
  readonly budget_ms?: number;
  readonly on_budget_exceeded?: 'block' | 'pass';
  /** Sequence models: the labels that count as sensitive (default: the model's own). */
  readonly sensitive_labels?: readonly string[];
  /** Token models: the entity types reported (default: all). */
  readonly entities?: readonly string[];
}

/** Operator patterns and keyword lists have exactly the DLP engine's shape. */
export type BundleCustomPattern = CustomPatternRule;
export type BundleKeywordRule = KeywordRule;

export interface BundleDlp {
  readonly tier1?: BundleTier1;
  readonly bundles?: BundleComplianceChoice;
  readonly custom_patterns?: readonly BundleCustomPattern[];
  readonly keywords?: readonly BundleKeywordRule[];
  readonly tier3?: BundleTier3;
  readonly redaction?: 'mask' | 'reversible';
  readonly scan_response?: boolean;
  readonly on_error?: 'block' | 'pass';
  /** DLP scan work per request before the call fails closed (docs/dlp.md). */
  readonly scan_budget_units?: number;
}

/** A risk tier's DLP choices: overrides of the global section, and which global rules run. */
export interface BundleTierDlp {
  readonly tier1?: BundleTier1;
  readonly bundles?: BundleComplianceChoice;
  readonly custom_patterns?: readonly string[];
  readonly keywords?: readonly string[];
  readonly rule_actions?: Readonly<Record<string, DlpAction>>;
  readonly tier3?: BundleTier3;
  readonly redaction?: 'mask' | 'reversible';
  readonly scan_response?: boolean;
  readonly on_error?: 'block' | 'pass';
  /** DLP scan work per request before the call fails closed (docs/dlp.md). */
  readonly scan_budget_units?: number;
}

export interface BundleRiskTier {
  readonly description?: string;
  readonly dlp?: BundleTierDlp;
  readonly knowledge?: BundleKnowledgeBinding;
}

/** A JSON Web Key as it appears in a bundle (public keys only). */
export interface BundleJwk {
  readonly kty: string;
  readonly kid?: string;
  readonly alg?: string;
  readonly [field: string]: unknown;
}

export interface BundleOAuth {
  readonly issuer: string;
  readonly audience: string | readonly string[];
  readonly jwks?: { readonly keys: readonly BundleJwk[] };
  readonly jwks_file?: string;
  readonly scope_claim?: string;
  readonly groups_claim?: string;
  readonly subject_claim?: string;
  readonly clock_skew_seconds?: number;
  readonly algorithms?: readonly string[];
}

export interface BundleAuth {
  readonly mode: AuthMode;
  readonly oauth?: BundleOAuth;
  readonly api_keys?: Readonly<Record<string, { readonly scopes?: readonly string[]; readonly groups?: readonly string[] }>>;
}

/** Country rules have exactly the shape the GeoIP stage evaluates (geoip/policy.ts). */
export type GeoRule = GeoPolicyRule;

export interface PolicyBundle {
  readonly schema_version: 1;
  readonly version: string;
  readonly created_at: string;
  readonly description?: string;
  readonly targets?: readonly BundleTarget[];
  readonly models: readonly BundleModel[];
  readonly risk_tiers: Readonly<Record<string, BundleRiskTier>>;
  readonly dlp?: BundleDlp;
  readonly auth: BundleAuth;
  readonly routes?: Readonly<Partial<Record<RouteId, { readonly scopes: readonly string[] }>>>;
  readonly geo?: { readonly rules: readonly GeoRule[] };
  readonly knowledge?: { readonly assets: readonly BundleKnowledgeAsset[] };
  readonly audit?: { readonly allow_unaudited?: boolean };
  /** Projects mode: the project this bundle governs (docs/projects.md). */
  readonly project?: BundleProject;
}

/** The project a bundle governs in projects mode: its id (= folder name), hostnames, token claim. */
export interface BundleProject {
  readonly id: string;
  readonly hostnames?: readonly string[];
  readonly token_claim?: string;
}

/**
 * The number reported as `rules=<n>` in `Policy bundle loaded: version=<v>, rules=<n>`: every
 * enforceable rule the bundle carries (custom patterns, keyword rules, enabled compliance
 * bundles, model access rules, route scope rules and geo rules).
 * @example
 * countRules(bundle); // 47
 */
export function countRules(bundle: PolicyBundle): number {
  const dlp = bundle.dlp ?? {};
  return (
    (dlp.custom_patterns?.length ?? 0) +
    (dlp.keywords?.length ?? 0) +
    Object.keys(dlp.bundles ?? {}).length +
    bundle.models.length +
    Object.keys(bundle.routes ?? {}).length +
    (bundle.geo?.rules.length ?? 0)
  );
}
