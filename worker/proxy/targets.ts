/**
 * Named upstream targets and model routing.
 *
 * @example
 * const targets = new TargetRegistry([{ id: 'vllm', kind: 'openai', baseUrl: 'http://127.0.0.1:8000', models: ['llama3.1'] }]);
 * targets.resolve('llama3.1')?.id; // 'vllm'
 */
import type { TargetConfig } from '../config/index.js';

export class TargetRegistry {
  private readonly exact = new Map<string, TargetConfig>();
  private readonly catchAll: TargetConfig | undefined;
  private originList: readonly string[] | undefined;
  readonly all: readonly TargetConfig[];

  constructor(targets: readonly TargetConfig[]) {
    this.all = targets;
    let catchAll: TargetConfig | undefined;
    for (const target of targets) {
      for (const model of target.models) {
        if (model === '*') catchAll ??= target;
        else if (!this.exact.has(model)) this.exact.set(model, target);
      }
    }
    this.catchAll = catchAll;
  }

  /** The target serving `model`: an exact claim first, then the first catch-all target. */
  resolve(model: string): TargetConfig | undefined {
    return this.exact.get(model) ?? this.catchAll;
  }

  /** Whether `model` is claimed by name in the configuration (not only reached by a catch-all). */
  claims(model: string): boolean {
    return this.exact.has(model);
  }

  /** Models claimed by name (catch-all targets contribute what they list upstream). */
  namedModels(): Array<{ model: string; target: TargetConfig }> {
    return [...this.exact].map(([model, target]) => ({ model, target }));
  }

  /**
   * Origins (scheme://host:port) of all targets: the worker's egress allow-list, asked at every
   * guarded fetch. The URLs are parsed once per registry (a new bundle makes a new registry); the
   * set is the caller's own to extend.
   */
  origins(): Set<string> {
    return new Set((this.originList ??= this.all.map((t) => new URL(t.baseUrl).origin)));
  }
}
