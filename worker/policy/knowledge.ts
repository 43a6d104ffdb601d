/**
 * The bundle's knowledge section as the pipeline needs it: the listed assets, and for one call the
 * binding that applies (the model rule's own, else its risk tier's), with defaults filled in.
 */
import type { KnowledgeBinding } from '../knowledge/types.js';
import type { BundleKnowledgeAsset, BundleKnowledgeBinding, PolicyBundle } from './bundle.js';
import type { ModelRules } from './models.js';

export const DEFAULT_KNOWLEDGE_BUDGET_TOKENS = 1024;
export const DEFAULT_KNOWLEDGE_TOP_K = 4;

export interface KnowledgePolicy {
  /** The assets the bundle lists, in its order. */
  readonly assets: readonly BundleKnowledgeAsset[];
  /** The binding for a call to `model` in `riskTier`, or null when none applies. */
  bindingFor(model: string, riskTier: string | undefined): KnowledgeBinding | null;
}

const withDefaults = (b: BundleKnowledgeBinding): KnowledgeBinding => ({
  assets: b.assets,
  mode: b.mode,
  budgetTokens: b.budget_tokens ?? DEFAULT_KNOWLEDGE_BUDGET_TOKENS,
  topK: b.top_k ?? DEFAULT_KNOWLEDGE_TOP_K,
});

/**
 * @example
 * const knowledge = knowledgePolicy(bundle, new ModelRules(bundle.models));
 * knowledge.bindingFor('llama3.1', 'internal'); // { assets: ['security-policy'], mode: 'system', budgetTokens: 1024, topK: 4 }
 */
export function knowledgePolicy(bundle: PolicyBundle, models: ModelRules): KnowledgePolicy {
  const byTier = new Map<string, KnowledgeBinding>();
  for (const [tier, t] of Object.entries(bundle.risk_tiers)) if (t.knowledge) byTier.set(tier, withDefaults(t.knowledge));
  const byRule = new Map(bundle.models.filter((m) => m.knowledge).map((m) => [m, withDefaults(m.knowledge!)]));
  return {
    assets: bundle.knowledge?.assets ?? [],
    bindingFor(model, riskTier) {
      if (!byRule.size && !byTier.size) return null;
      const rule = models.match(model);
      return (rule && byRule.get(rule)) ?? (riskTier !== undefined ? byTier.get(riskTier) : undefined) ?? null;
    },
  };
}
