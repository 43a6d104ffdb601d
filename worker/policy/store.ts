/**
 * The policy store: decides at boot which bundle is active, swaps snapshots on install and
 * rollback, and persists what it needs to make the same decision after a restart.
 *
 * Precedence at boot (docs/policy.md):
 *   1. The installed bundle (state/policy/active.json) wins while the volume's policy_bundle.json
 *      is unchanged since the pointer was written (same SHA-256, or still absent): an install or
 *      rollback through the admin API is the operator's latest word.
 *   2. Otherwise the volume's policy_bundle.json wins: a changed volume is the newer word.
 *   3. The winner is refused (missing, invalid, bad signature): the last known good bundle, else
 *      the built-in baseline. The gateway never runs with no policy.
 * Each step is logged, naming the file and, for a refused one, every problem with its JSON path.
 *
 * The store is named steps over an explicit state (store-context.ts): load at boot (store-load.ts),
 * prepare a bundle (store-prepare.ts), install / rollback / activate (store-change.ts), list
 * (store-list.ts). This file wires them and keeps the public interface (store-types.ts).
 */
import type { GatewayConfig } from '../config/index.js';
import type { Logger } from '../log/index.js';
import type { RuntimeAdapter } from '../runtime/index.js';
import { targetAddress } from './channels.js';
import { announce, createStoreContext, type PolicyStoreDeps, type PolicyStoreState } from './store-context.js';
import { installBundle, pruneBundles, reloadActive, rollbackBundle, serialized } from './store-change.js';
import { listBundles } from './store-list.js';
import { loadActivePolicy } from './store-load.js';
import type { PolicyStatus, PolicyStore } from './store-types.js';

export type { PolicyStoreDeps } from './store-context.js';
export type { InstalledBundle, PolicyChange, PolicyStatus, PolicyStore } from './store-types.js';

/**
 * Loads the active policy (see the precedence above) and returns the store the pipeline reads.
 * Never throws for a bad bundle: it falls back and says why in status().
 * @example
 * const policy = await createPolicyStore(config, runtime, log, { buildInspection: dlp.buildInspection });
 * policy.current().version; // '2026-03-13'
 */
export async function createPolicyStore(config: GatewayConfig, runtime: RuntimeAdapter, log: Logger, deps: PolicyStoreDeps = {}): Promise<PolicyStore> {
  const activatedAt = new Date().toISOString();
  const context = await createStoreContext(config, runtime, log, deps);
  const loaded = await loadActivePolicy(context);
  announce(context, loaded.active);
  const state: PolicyStoreState = {
    active: loaded.active,
    activatedAt,
    bootProblems: loaded.bootProblems,
    fallback: loaded.fallback,
    lastRefused: undefined,
    reachable: new Set([...config.targets, ...loaded.active.targets.all].map(targetAddress)),
    queue: Promise.resolve(),
  };
  if (loaded.winnerLoaded) await pruneBundles(context, state);

  return {
    current: () => state.active,
    status: () => statusOf(state),
    install: (bytes, signature = null) => serialized(state, () => installBundle(context, state, bytes, signature)),
    rollback: () => serialized(state, () => rollbackBundle(context, state)),
    reload: () => serialized(state, () => reloadActive(context, state)),
    list: () => listBundles(context, state),
  };
}

function statusOf(state: PolicyStoreState): PolicyStatus {
  const { active } = state;
  return {
    version: active.version,
    source: active.source,
    reason: active.reason,
    problems: state.bootProblems,
    fallback: state.fallback,
    created_at: active.createdAt,
    sha256: active.sha256,
    signed: active.signed,
    rules: active.rules,
    activated_at: state.activatedAt,
    ...(state.lastRefused ? { last_refused: state.lastRefused } : {}),
  };
}
