/**
 * The merged model list (GET /v1/models, GET /api/tags): every target is asked for its models,
 * concurrently; a model is listed under the target that requests for it would actually reach.
 * A target that fails to answer still contributes the models it claims by name.
 */
import type { TargetConfig } from '../config/index.js';
import type { RuntimeAdapter } from '../runtime/index.js';
import { protocolNamed } from '../protocol/index.js';
import { forward } from './forward.js';

/** GatewayConfig.apiKeyOf: the value of the variable a target names for its API key. */
type ApiKeyLookup = (target: TargetConfig) => string | undefined;
import type { TargetRegistry } from './targets.js';

export interface ListedModel {
  readonly id: string;
  readonly target: TargetConfig;
  /** The upstream's own entry (Ollama tag details), when it gave one. */
  readonly upstream?: Record<string, unknown>;
}

async function modelsOf(runtime: RuntimeAdapter, target: TargetConfig, requestId: string, timeoutMs: number, apiKeyOf: ApiKeyLookup): Promise<ListedModel[]> {
  const models = protocolNamed(target.kind).models;
  const res = await forward(runtime, target, models.path, { method: 'GET', requestId, timeoutMs, apiKey: apiKeyOf(target) });
  if (!res.ok) {
    await res.body?.cancel();
    return [];
  }
  return models
    .entries(await res.json())
    .map((entry) => ({ id: String(entry.id ?? entry.name ?? entry.model ?? ''), target, upstream: entry }))
    .filter((m) => m.id);
}

/**
 * @example
 * const models = await listModels(runtime, registry, 'req-1', 5000, config.apiKeyOf);
 */
export async function listModels(runtime: RuntimeAdapter, targets: TargetRegistry, requestId: string, timeoutMs: number, apiKeyOf: ApiKeyLookup): Promise<ListedModel[]> {
  const answers = await Promise.allSettled(targets.all.map((t) => modelsOf(runtime, t, requestId, timeoutMs, apiKeyOf)));
  const byId = new Map<string, ListedModel>();
  for (const { model, target } of targets.namedModels()) byId.set(model, { id: model, target });
  for (const answer of answers) {
    if (answer.status !== 'fulfilled') continue;
    for (const listed of answer.value) {
      // List a model only under the target that routing would pick for it.
      if (targets.resolve(listed.id) !== listed.target) continue;
      byId.set(listed.id, listed);
    }
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}
