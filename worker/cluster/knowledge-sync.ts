/**
 * A knowledge package imported through the admin API lands in one process's memory and in the
 * state folder; with OUTPOST_WORKERS > 1 that process then has every other one read the state
 * folder again (POST /internal/knowledge/reload) before the import resolves.
 */
import type { Logger } from '../log/index.js';
import type { KnowledgeStore } from '../knowledge/index.js';
import { peerFetch, processTopology } from './topology.js';

async function reloadPeers(env: Readonly<Record<string, unknown>>, log: Logger): Promise<void> {
  const { peers } = processTopology(env);
  await Promise.all(
    peers.map(async (peer) => {
      try {
        const res = await peerFetch(peer, '/internal/knowledge/reload', {});
        if (!res.ok) throw new Error(`it answered ${res.status}`);
        await res.body?.cancel();
      } catch (e) {
        // A process that missed it reads the folder at its next start.
        log.error(`Knowledge: process ${peer.index} did not reload the imported assets: ${(e as Error).message}`);
      }
    }),
  );
}

/**
 * The store itself in a single process; with peers, one whose imports reach them.
 * @example
 * const knowledge = knowledgeFollowedByPeers(await openKnowledge(config, runtime, log), runtime.env, log);
 */
export function knowledgeFollowedByPeers(store: KnowledgeStore, env: Readonly<Record<string, unknown>>, log: Logger): KnowledgeStore {
  if (processTopology(env).peers.length === 0) return store;
  return {
    list: (policy) => store.list(policy),
    exportPackage: (policy) => store.exportPackage(policy),
    apply: (policy, call, body, query) => store.apply(policy, call, body, query),
    reloadImported: () => store.reloadImported(),
    async importPackage(bytes, signature, policy) {
      const result = await store.importPackage(bytes, signature, policy);
      if (result.ok) await reloadPeers(env, log);
      return result;
    },
  };
}
