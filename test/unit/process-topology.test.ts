import { describe, expect, it } from 'vitest';
import { processTopology, type PeerChannel } from '../../worker/cluster/topology.js';
import { TargetRegistry } from '../../worker/proxy/targets.js';

const channel = (name: string): PeerChannel => ({ fetch: () => Promise.resolve(new Response(name)) });

describe('processTopology (read once per env: internalOnly asks on every request)', () => {
  it('reads the index, the count and the peers of a clustered process', () => {
    const peer0 = channel('p0');
    const topology = processTopology({ OUTPOST_PROCESS_INDEX: '1', OUTPOST_PROCESS_COUNT: '2', PEER_0: peer0 });
    expect(topology.index).toBe(1);
    expect(topology.count).toBe(2);
    expect(topology.peers).toEqual([{ index: 0, channel: peer0 }]);
  });

  it('answers the same topology for the same env, and reads each env of its own', () => {
    const env = { OUTPOST_PROCESS_INDEX: '0', OUTPOST_PROCESS_COUNT: '3', PEER_1: channel('p1'), PEER_2: channel('p2') };
    const first = processTopology(env);
    expect(processTopology(env)).toBe(first);
    expect(first.peers.map((p) => p.index)).toEqual([1, 2]);
    const other = processTopology({ OUTPOST_PROCESS_INDEX: '2', OUTPOST_PROCESS_COUNT: '3', PEER_0: channel('p0'), PEER_1: channel('p1') });
    expect(other.index).toBe(2);
    expect(other.peers.map((p) => p.index)).toEqual([0, 1]);
  });

  it('treats a missing, single or inconsistent setting as one process', () => {
    for (const env of [{}, { OUTPOST_PROCESS_COUNT: '1' }, { OUTPOST_PROCESS_INDEX: '2', OUTPOST_PROCESS_COUNT: '2' }, { OUTPOST_PROCESS_INDEX: 'x', OUTPOST_PROCESS_COUNT: '2' }]) {
      expect(processTopology(env)).toEqual({ index: 0, count: 1, peers: [] });
    }
  });
});

describe('TargetRegistry.origins (parsed once per registry)', () => {
  it('gives the targets\' origins as a set the caller may extend without changing the next answer', () => {
    const registry = new TargetRegistry([
      { id: 'ollama', kind: 'ollama', baseUrl: 'http://127.0.0.1:11434/', models: ['llama3.1'] },
      { id: 'vllm', kind: 'openai', baseUrl: 'https://models.internal:8443/v1', models: ['*'] },
    ]);
    const first = registry.origins();
    expect([...first]).toEqual(['http://127.0.0.1:11434', 'https://models.internal:8443']);
    first.add('http://platform.internal');
    expect([...registry.origins()]).toEqual(['http://127.0.0.1:11434', 'https://models.internal:8443']);
  });
});
