/**
 * What one risk tier means for the DLP engine: the bundle's global dlp section, overridden by the
 * tier's choices, with defaults for whatever neither says. The result is a complete DlpSettings,
 * so the DLP engine never reads a bundle.
 *
 * Merge rules (docs/policy.md): tier1, tier3 and the scalar fields override field by field
 * (entity_actions merge by entity); a tier's `bundles` replaces the set of enabled compliance
 * bundles (an action it omits inherits the global one); a tier's `custom_patterns` / `keywords`
 * list the ids of global rules that run (omitted: all), and `rule_actions` re-assigns actions.
 */
import type { ComplianceBundleId, CustomPatternRule, DlpSettings, KeywordRule } from '../dlp/settings.js';
import type { DlpAction } from '../core/index.js';
import type { BundleComplianceChoice, PolicyBundle } from './bundle.js';

/** What a bundle gets for every field it leaves out. */
export const DLP_DEFAULTS: DlpSettings = {
  tier1: { enabled: true, action: 'redact' },
  bundles: {},
  custom_patterns: [],
  keywords: [],
  redaction: 'mask',
  scan_response: true,
  on_error: 'block',
  tier3: { mode: 'ambiguous', action: 'flag', budget_ms: 100, on_budget_exceeded: 'pass' },
};

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function mergeBundles(global: BundleComplianceChoice, tier: BundleComplianceChoice | undefined): DlpSettings['bundles'] {
  const chosen = tier ?? global;
  const out: Partial<Record<ComplianceBundleId, { action?: DlpAction }>> = {};
  for (const [id, choice] of Object.entries(chosen) as Array<[ComplianceBundleId, { action?: DlpAction } | undefined]>) {
    const action = choice?.action ?? global[id]?.action;
    out[id] = action ? { action } : {};
  }
  return out;
}

/**
 * The full DLP settings for `tierName` (which must be a key of bundle.risk_tiers).
 * @example
 * resolveDlpSettings(bundle, 'high').tier1.action; // 'block'
 */
export function resolveDlpSettings(bundle: PolicyBundle, tierName: string): DlpSettings {
  const global = bundle.dlp ?? {};
  const tier = bundle.risk_tiers[tierName]?.dlp ?? {};
  const ruleActions = tier.rule_actions ?? {};
  const select = <R extends { id: string; action: DlpAction }>(rules: readonly R[], ids: readonly string[] | undefined): R[] =>
    rules.filter((r) => !ids || ids.includes(r.id)).map((r) => ({ ...r, action: ruleActions[r.id] ?? r.action }));

  const customPatterns: CustomPatternRule[] = select(global.custom_patterns ?? [], tier.custom_patterns).map((r) => withoutUndefined({ ...r }));
  const keywords: KeywordRule[] = select(global.keywords ?? [], tier.keywords).map((r) => ({ id: r.id, type: r.type, keywords: [...r.keywords], action: r.action }));

  return {
    tier1: withoutUndefined({
      ...DLP_DEFAULTS.tier1,
      ...global.tier1,
      ...tier.tier1,
      entity_actions: global.tier1?.entity_actions || tier.tier1?.entity_actions ? { ...global.tier1?.entity_actions, ...tier.tier1?.entity_actions } : undefined,
    }),
    bundles: mergeBundles(global.bundles ?? {}, tier.bundles),
    custom_patterns: customPatterns,
    keywords,
    redaction: tier.redaction ?? global.redaction ?? DLP_DEFAULTS.redaction,
    scan_response: tier.scan_response ?? global.scan_response ?? DLP_DEFAULTS.scan_response,
    on_error: tier.on_error ?? global.on_error ?? DLP_DEFAULTS.on_error,
    scan_budget_units: tier.scan_budget_units ?? global.scan_budget_units,
    tier3: withoutUndefined({ ...DLP_DEFAULTS.tier3, ...global.tier3, ...tier.tier3 }),
  };
}
