/**
 * Readiness over every process (OUTPOST_WORKERS > 1): /readyz on any process says ready only
 * when each of the others answers 200 on its internal /internal/ready.
 */
import { peerFetch, processTopology } from './topology.js';

/**
 * Null when every peer is ready, else why the first one that is not.
 * @example
 * const reason = gw.notReadyReason() ?? (await peersNotReadyReason(gw.runtime.env));
 */
export async function peersNotReadyReason(env: Readonly<Record<string, unknown>>): Promise<string | null> {
  const { peers } = processTopology(env);
  const reasons = await Promise.all(
    peers.map(async (peer) => {
      try {
        const res = await peerFetch(peer, '/internal/ready');
        const body = (await res.json()) as { reason?: string };
        return res.ok ? null : `process ${peer.index} is not ready: ${body.reason ?? res.status}`;
      } catch {
        return `process ${peer.index} does not answer`;
      }
    }),
  );
  return reasons.find((r) => r !== null) ?? null;
}
