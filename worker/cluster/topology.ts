/**
 * Which of the gateway's workerd processes this isolate is, and how it reaches the others
 * (OUTPOST_WORKERS > 1; cli/launch/render-processes.ts writes the bindings read here).
 *
 * - OUTPOST_PROCESS_INDEX / OUTPOST_PROCESS_COUNT: text bindings; absent in a single process.
 * - PEER_<j>: an external service to process j's private unix socket, which answers only the
 *   /internal/ routes (internal-routes.ts).
 * - AUDIT_OWNER: PEER_0's channel, given to every process but the audit queue's owner.
 */

/** A service binding as workerd passes it. */
export interface PeerChannel {
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
}

export interface Peer {
  readonly index: number;
  readonly channel: PeerChannel;
}

export interface ProcessTopology {
  readonly index: number;
  /** 1 for a single process (and on Deno). */
  readonly count: number;
  /** Every other process of the gateway. */
  readonly peers: readonly Peer[];
}

const SINGLE: ProcessTopology = { index: 0, count: 1, peers: [] };

/** workerd's env is fixed for the isolate's life, and every request asks (internalOnly): read it once per env. */
const topologies = new WeakMap<object, ProcessTopology>();

/**
 * @example
 * processTopology({ OUTPOST_PROCESS_INDEX: '1', OUTPOST_PROCESS_COUNT: '2', PEER_0: channel }); // { index: 1, count: 2, peers: [{ index: 0, channel }] }
 * processTopology({}); // { index: 0, count: 1, peers: [] }
 */
export function processTopology(env: Readonly<Record<string, unknown>>): ProcessTopology {
  let topology = topologies.get(env);
  if (topology === undefined) topologies.set(env, (topology = readTopology(env)));
  return topology;
}

function readTopology(env: Readonly<Record<string, unknown>>): ProcessTopology {
  const count = Number(env.OUTPOST_PROCESS_COUNT ?? '1');
  const index = Number(env.OUTPOST_PROCESS_INDEX ?? '0');
  if (!Number.isInteger(count) || count <= 1 || !Number.isInteger(index) || index < 0 || index >= count) return SINGLE;
  const peers: Peer[] = [];
  for (let j = 0; j < count; j++) {
    const channel = env[`PEER_${j}`] as PeerChannel | undefined;
    if (j !== index && channel) peers.push({ index: j, channel });
  }
  return { index, count, peers };
}

/**
 * createMetrics' options: a per-process request count only when there are several processes.
 * @example
 * createMetrics(processMetricsOptions(runtime.env)); // {} in a single process, { process: '1' } in the second of two
 */
export function processMetricsOptions(env: Readonly<Record<string, unknown>>): { process?: string } {
  const topology = processTopology(env);
  return topology.count > 1 ? { process: String(topology.index) } : {};
}

/**
 * GET (or POST with a JSON body) on a peer's internal socket. The host part is ignored by the
 * unix-socket channel; it only makes the URL absolute.
 * @example
 * const text = await (await peerFetch(peer, '/internal/metrics')).text();
 */
export function peerFetch(peer: Peer, path: string, body?: unknown): Promise<Response> {
  const init: RequestInit = body === undefined ? {} : { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
  return peer.channel.fetch(`http://outpost-internal${path}`, init);
}
