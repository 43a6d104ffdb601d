/**
 * The admin API's recent decisions over every process (OUTPOST_WORKERS > 1): each process keeps
 * its own ring (metrics/recent.ts); the one serving /admin/api/decisions adds its peers' and
 * lists the newest first, as many as one ring holds.
 */
import type { Gateway } from '../gateway.js';
import type { RecentDecision } from '../metrics/recent.js';
import { peerFetch, processTopology } from './topology.js';

/**
 * @example
 * admin.get('/decisions', async (c) => c.json({ decisions: await gatewayDecisions(c.get('gateway')) }));
 */
/** With a project (projects mode), only that project's decisions, from every process. */
export async function gatewayDecisions(gw: Gateway, project?: string): Promise<RecentDecision[]> {
  const own = gw.recent.list(project);
  const { peers } = processTopology(gw.runtime.env);
  if (peers.length === 0) return own;
  const lists = await Promise.all(
    peers.map(async (peer) => {
      try {
        const res = await peerFetch(peer, '/internal/decisions');
        const decisions = res.ok ? ((await res.json()) as { decisions: RecentDecision[] }).decisions : [];
        return project === undefined ? decisions : decisions.filter((d) => d.project_id === project);
      } catch {
        return [];
      }
    }),
  );
  // ISO times sort as text; ties keep the order each process listed them in.
  return [own, ...lists]
    .flat()
    .sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0))
    .slice(0, Math.max(own.length, ...lists.map((l) => l.length)));
}
