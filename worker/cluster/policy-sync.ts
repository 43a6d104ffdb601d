/**
 * A policy change (install or rollback, through the admin API or the platform's sync) happens in
 * one process; with OUTPOST_WORKERS > 1 that process then asks every other one to decide again
 * from the volumes (POST /internal/policy/reload) before the change resolves, so the whole
 * gateway enforces the new bundle once the caller sees the answer.
 *
 * The peers are asked after the change has left the store's one-at-a-time queue: two processes
 * changing at once then never wait on each other's queue.
 */
import type { Logger } from '../log/index.js';
import type { PolicyChange, PolicyStore } from '../policy/index.js';
import { peerFetch, processTopology } from './topology.js';

async function reloadPeers(env: Readonly<Record<string, unknown>>, log: Logger, version: string): Promise<void> {
  const { peers } = processTopology(env);
  await Promise.all(
    peers.map(async (peer) => {
      try {
        const res = await peerFetch(peer, '/internal/policy/reload', {});
        const change = (await res.json()) as PolicyChange;
        if (!change.ok) throw new Error(change.message);
        if (change.version !== version) throw new Error(`it enforces version ${change.version}`);
      } catch (e) {
        // The change stands where it was taken; a process that missed it takes it at its next start.
        log.error(`Policy: process ${peer.index} did not take version ${version}: ${(e as Error).message}`);
      }
    }),
  );
}

/**
 * The store itself in a single process; with peers, one whose changes reach them.
 * @example
 * const policy = policyFollowedByPeers(await createPolicyStore(config, runtime, log), runtime.env, log);
 */
export function policyFollowedByPeers(store: PolicyStore, env: Readonly<Record<string, unknown>>, log: Logger): PolicyStore {
  if (processTopology(env).peers.length === 0) return store;
  const followed = async (change: PolicyChange): Promise<PolicyChange> => {
    if (change.ok && !change.unchanged) await reloadPeers(env, log, change.version);
    return change;
  };
  return {
    current: () => store.current(),
    status: () => store.status(),
    list: () => store.list(),
    reload: () => store.reload(),
    install: async (...args) => followed(await store.install(...args)),
    rollback: async () => followed(await store.rollback()),
  };
}
