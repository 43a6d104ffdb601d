/**
 * Model access rules and the routing they imply. A model name matches the rule with the same
 * name first, then the rule with the longest matching prefix pattern (`llama3*`), then `*`.
 */
import type { TargetConfig } from '../config/index.js';
import { TargetRegistry } from '../proxy/targets.js';
import type { BundleModel } from './bundle.js';

/**
 * @example
 * const rules = new ModelRules([{ name: 'llama3*', risk_tier: 'low' }, { name: '*', risk_tier: 'high' }]);
 * rules.match('llama3.1')?.risk_tier; // 'low'
 */
export class ModelRules {
  private readonly exact = new Map<string, BundleModel>();
  /** Prefix rules, longest prefix first. */
  private readonly prefixes: Array<{ prefix: string; rule: BundleModel }> = [];
  private readonly any: BundleModel | undefined;

  constructor(readonly rules: readonly BundleModel[]) {
    let any: BundleModel | undefined;
    for (const rule of rules) {
      if (rule.name === '*') any ??= rule;
      else if (rule.name.endsWith('*')) this.prefixes.push({ prefix: rule.name.slice(0, -1), rule });
      else if (!this.exact.has(rule.name)) this.exact.set(rule.name, rule);
    }
    this.prefixes.sort((a, b) => b.prefix.length - a.prefix.length);
    this.any = any;
  }

  /** The rule governing `model`, or undefined when the bundle does not allow it at all. */
  match(model: string): BundleModel | undefined {
    const exact = this.exact.get(model);
    if (exact) return exact;
    for (const { prefix, rule } of this.prefixes) if (model.startsWith(prefix)) return rule;
    return this.any;
  }
}

/**
 * Routing under a bundle: a model rule that names a target routes there; otherwise the targets'
 * own claims decide (exact names first, then the first catch-all target).
 */
export class PolicyTargetRegistry extends TargetRegistry {
  private readonly byId: ReadonlyMap<string, TargetConfig>;

  constructor(
    targets: readonly TargetConfig[],
    private readonly models: ModelRules,
  ) {
    super(targets);
    this.byId = new Map(targets.map((t) => [t.id, t]));
  }

  override resolve(model: string): TargetConfig | undefined {
    const target = this.models.match(model)?.target;
    return (target !== undefined ? this.byId.get(target) : undefined) ?? super.resolve(model);
  }
}
