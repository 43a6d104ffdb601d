/**
 * A policy snapshot: one checked bundle turned into the pipeline's stages. Immutable; the store
 * swaps whole snapshots, and each call keeps the one it was given on arrival.
 */
import type { GatewayConfig, TargetConfig } from '../config/index.js';
import { normaliseBaseUrl } from '../config/index.js';
import type { DlpSettings } from '../dlp/settings.js';
import type { AuthorizeStage, IdentifyStage, InspectRequestStage, InspectResponseStage, RequestInspection } from '../core/index.js';
import type { TargetRegistry } from '../proxy/targets.js';
import { countRules, type GeoRule, type PolicyBundle } from './bundle.js';
import type { CheckedBundle } from './check.js';
import { createApiKeyIdentify, type ApiKeyEntry } from './auth/api-key.js';
import { createJwtIdentify } from './auth/jwt.js';
import { createAuthorizeStage } from './authorize.js';
import { resolveDlpSettings } from './dlp-settings.js';
import { ModelRules, PolicyTargetRegistry } from './models.js';
import { knowledgePolicy, type KnowledgePolicy } from './knowledge.js';
import { ENV_DEFAULT_TARGET_ID } from './validate.js';

/** Where the active bundle came from. */
export type PolicySource = 'volume' | 'installed' | 'last-known-good' | 'built-in';

/** The two inspection stages the DLP engine builds for one risk tier. */
export interface Inspection {
  readonly inspectRequest: InspectRequestStage;
  readonly inspectResponse: InspectResponseStage;
}

/** Injected by gateway.ts (the DLP engine): the inspection stages for one risk tier's settings. */
export type BuildInspection = (settings: DlpSettings, riskTier: string) => Inspection | Promise<Inspection>;

export interface PolicySnapshot {
  readonly version: string;
  readonly source: PolicySource;
  /** Why this bundle is the active one (shown by /readyz and the admin status). */
  readonly reason: string;
  readonly createdAt: string;
  /** Hex SHA-256 of the bundle file's bytes (the built-in baseline: of its canonical JSON). */
  readonly sha256: string;
  /** True when an Ed25519 signature verified. */
  readonly signed: boolean;
  /** The `rules=<n>` of the load log line. */
  readonly rules: number;
  readonly authMode: PolicyBundle['auth']['mode'];
  readonly targets: TargetRegistry;
  readonly identify: IdentifyStage;
  readonly authorize: AuthorizeStage;
  /** Dispatches to the inspection of the call's risk tier (set by authorize). */
  readonly inspectRequest: InspectRequestStage;
  readonly inspectResponse: InspectResponseStage;
  /** Resolved DLP settings per risk tier. */
  readonly dlp: ReadonlyMap<string, DlpSettings>;
  /** Country rules, decided by the GeoIP stage (geoip/policy.ts checkGeoPolicy). */
  readonly geoRules: readonly GeoRule[];
  /** Knowledge assets listed by the bundle and the binding each call gets. */
  readonly knowledge: KnowledgePolicy;
  /** audit.allow_unaudited: serve calls when the audit queue cannot commit. */
  readonly allowUnaudited: boolean;
  /** The validated bundle itself (read-only). */
  readonly bundle: PolicyBundle;
}

export interface SnapshotContext {
  readonly config: GatewayConfig;
  readonly apiKeys: readonly ApiKeyEntry[];
  readonly buildInspection: BuildInspection;
  /** Projects mode: the project this snapshot judges (its callers must belong to it). */
  readonly projectId?: string;
}

/** Inspection that allows everything: for tests, and until a DLP engine is injected. */
export const noInspection: BuildInspection = () => ({
  inspectRequest: async () => ({ decision: 'allow', findings: [] }),
  inspectResponse: { whole: async () => ({ decision: 'allow', findings: [] }), stream: () => null },
});

/**
 * The targets under a bundle: its own first, then the environment's default target, which a
 * bundle target with id "default" replaces. A model rule naming a target adds its exact name to
 * that target's models, so /v1/models lists it.
 */
export function bundleTargets(bundle: PolicyBundle, envTargets: readonly TargetConfig[]): TargetConfig[] {
  const routedTo = new Map<string, string[]>();
  for (const m of bundle.models) {
    if (m.target && !m.name.endsWith('*')) routedTo.set(m.target, [...(routedTo.get(m.target) ?? []), m.name]);
  }
  const own: TargetConfig[] = (bundle.targets ?? []).map((t) => ({
    id: t.id,
    kind: t.kind,
    baseUrl: normaliseBaseUrl(`target ${t.id} base_url`, t.base_url),
    models: [...new Set([...(t.models ?? []), ...(routedTo.get(t.id) ?? [])])],
    ...(t.api_key_env ? { apiKeyEnv: t.api_key_env } : {}),
  }));
  const ownIds = new Set(own.map((t) => t.id));
  const env = envTargets
    .filter((t) => !ownIds.has(t.id))
    .map((t) => (t.id === ENV_DEFAULT_TARGET_ID && routedTo.has(t.id) ? { ...t, models: [...new Set([...t.models, ...routedTo.get(t.id)!])] } : t));
  return [...own, ...env];
}

function identifyStage(checked: CheckedBundle, apiKeys: readonly ApiKeyEntry[], projectId: string | undefined): IdentifyStage {
  const { auth } = checked.bundle;
  // Projects mode: an authenticated caller must belong to the project that judges the call.
  const project = projectId !== undefined ? { id: projectId, ...(checked.bundle.project?.token_claim ? { tokenClaim: checked.bundle.project.token_claim } : {}) } : undefined;
  if (auth.mode === 'oauth') return createJwtIdentify(auth.oauth!, checked.jwks!, project);
  if (auth.mode === 'api_key') return createApiKeyIdentify(auth, apiKeys, project);
  return async () => ({ subject: 'anonymous', groups: [], scopes: [], method: 'none' });
}

/**
 * @example
 * const snapshot = await buildSnapshot(checked, { source: 'volume', reason: 'policy_bundle.json' }, { config, apiKeys, buildInspection });
 */
export async function buildSnapshot(checked: CheckedBundle, origin: { source: PolicySource; reason: string }, ctx: SnapshotContext): Promise<PolicySnapshot> {
  const { bundle } = checked;
  const models = new ModelRules(bundle.models);
  const dlp = new Map<string, DlpSettings>();
  const inspections = new Map<string, Inspection>();
  for (const tier of Object.keys(bundle.risk_tiers)) {
    const settings = resolveDlpSettings(bundle, tier);
    dlp.set(tier, settings);
    inspections.set(tier, await ctx.buildInspection(settings, tier));
  }
  // Authorize always sets a tier; a call that never reached it (refused earlier) is never inspected.
  const inspectionFor = (tier: string | undefined): Inspection => {
    const found = tier !== undefined ? inspections.get(tier) : undefined;
    if (!found) throw new Error(`no inspection for risk tier ${JSON.stringify(tier)} in policy ${bundle.version}`);
    return found;
  };
  const inspectResponse: InspectResponseStage = {
    whole: (call, body, contentType, request: RequestInspection) => inspectionFor(call.riskTier).inspectResponse.whole(call, body, contentType, request),
    stream: (call, request) => inspectionFor(call.riskTier).inspectResponse.stream(call, request),
  };
  return {
    version: bundle.version,
    source: origin.source,
    reason: origin.reason,
    createdAt: bundle.created_at,
    sha256: checked.sha256,
    signed: checked.signed,
    rules: countRules(bundle),
    authMode: bundle.auth.mode,
    targets: new PolicyTargetRegistry(bundleTargets(bundle, ctx.config.targets), models),
    identify: identifyStage(checked, ctx.apiKeys, ctx.projectId),
    authorize: createAuthorizeStage(bundle, models),
    inspectRequest: (call, body, parts) => inspectionFor(call.riskTier).inspectRequest(call, body, parts),
    inspectResponse,
    dlp,
    geoRules: bundle.geo?.rules ?? [],
    knowledge: knowledgePolicy(bundle, models),
    allowUnaudited: bundle.audit?.allow_unaudited === true,
    bundle,
  };
}
