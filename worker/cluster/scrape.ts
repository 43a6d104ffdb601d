/**
 * One process's metrics as text: the gauges read from the subsystems at scrape time, then the
 * registry rendered. /metrics sums this over every process (metrics-merge.ts).
 */
import type { Gateway } from '../gateway.js';
import { mergeExpositions } from './metrics-merge.js';
import { peerFetch, processTopology } from './topology.js';

/**
 * @example
 * const text = await ownMetricsText(gateway);
 */
export async function ownMetricsText(gw: Gateway): Promise<string> {
  const depth = await gw.audit.depth();
  if (depth !== null) gw.metrics.auditQueueDepth.set(depth);
  for (const [name, s] of Object.entries(gw.subsystems())) gw.metrics.subsystemUp.set(s.state === 'active' ? 1 : s.state === 'degraded' ? 0.5 : 0, { subsystem: name });
  return gw.metrics.render();
}

/**
 * The gateway's metrics summed over its processes (the process serving the scrape asks the
 * others on their internal sockets). A peer that does not answer is left out and counted in
 * outpost_metrics_peers_missing, so a scrape never fails because one process is busy.
 * @example
 * return c.body(await gatewayMetricsText(gw), 200, { 'content-type': METRICS_CONTENT_TYPE });
 */
export async function gatewayMetricsText(gw: Gateway): Promise<string> {
  const own = await ownMetricsText(gw);
  const { peers } = processTopology(gw.runtime.env);
  if (peers.length === 0) return own;
  const texts = await Promise.all(
    peers.map(async (peer) => {
      try {
        const res = await peerFetch(peer, '/internal/metrics');
        return res.ok ? await res.text() : null;
      } catch {
        return null;
      }
    }),
  );
  const answered = texts.filter((t): t is string => t !== null);
  const missing = `# HELP outpost_metrics_peers_missing Processes whose metrics this scrape could not read.\n# TYPE outpost_metrics_peers_missing gauge\noutpost_metrics_peers_missing ${texts.length - answered.length}\n`;
  return mergeExpositions(own + missing, answered);
}
