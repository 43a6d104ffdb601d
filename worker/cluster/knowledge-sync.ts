/**
 * A knowledge package imported through the admin API lands in one process's memory and in the
 * state folder; with OUTPOST_WORKERS > 1 that process then has every other one read the state
 * folder again (POST /internal/knowledge/reload) before the import answers.
 */
import type { Gateway } from '../gateway.js';
import { peerFetch, processTopology } from './topology.js';

/**
 * Resolves once every peer has answered; a peer that fails is logged (it reads the folder at its
 * next start).
 * @example
 * if (result.ok) await reloadPeersKnowledge(gw);
 */
export async function reloadPeersKnowledge(gw: Gateway): Promise<void> {
  const { peers } = processTopology(gw.runtime.env);
  await Promise.all(
    peers.map(async (peer) => {
      try {
        const res = await peerFetch(peer, '/internal/knowledge/reload', {});
        if (!res.ok) throw new Error(`it answered ${res.status}`);
        await res.body?.cancel();
      } catch (e) {
        gw.log.error(`Knowledge: process ${peer.index} did not reload the imported assets: ${(e as Error).message}`);
      }
    }),
  );
}
