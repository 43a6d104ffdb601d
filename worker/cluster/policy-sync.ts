/**
 * A policy install or rollback through the admin API reaches one process; with OUTPOST_WORKERS
 * > 1 that process then asks every other one to decide again from the volumes (POST
 * /internal/policy/reload), before the admin call answers, so the whole gateway enforces the
 * new bundle once the operator sees the answer.
 */
import type { Gateway } from '../gateway.js';
import type { PolicyChange } from '../policy/index.js';
import { peerFetch, processTopology } from './topology.js';

/**
 * Resolves once every peer has answered (a peer that fails is logged, not thrown: the change
 * stands in the processes that took it, and the failing one takes it at its next start).
 * @example
 * if (change.ok && !change.unchanged) await reloadPeersPolicy(gw);
 */
export async function reloadPeersPolicy(gw: Gateway): Promise<void> {
  const { peers } = processTopology(gw.runtime.env);
  const version = gw.policy.current().version;
  await Promise.all(
    peers.map(async (peer) => {
      try {
        const res = await peerFetch(peer, '/internal/policy/reload', {});
        const change = (await res.json()) as PolicyChange;
        if (!change.ok) throw new Error(change.message);
        if (change.version !== version) throw new Error(`it enforces version ${change.version}`);
      } catch (e) {
        gw.log.error(`Policy: process ${peer.index} did not take version ${version}: ${(e as Error).message}`);
      }
    }),
  );
}
