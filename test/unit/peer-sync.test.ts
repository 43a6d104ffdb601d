/**
 * OUTPOST_WORKERS > 1: a policy change or knowledge import made in one process asks every other
 * process to reload before it resolves (cluster/policy-sync.ts, cluster/knowledge-sync.ts).
 */
import { describe, expect, it } from 'vitest';
import { policyFollowedByPeers } from '../../worker/cluster/policy-sync.js';
import { knowledgeFollowedByPeers } from '../../worker/cluster/knowledge-sync.js';
import type { PolicyChange, PolicyStore } from '../../worker/policy/index.js';
import type { KnowledgeStore } from '../../worker/knowledge/index.js';
import type { Logger } from '../../worker/log/index.js';

function peers(answer: (path: string) => Response | Promise<Response>) {
  const asked: string[] = [];
  const channel = { fetch: async (url: RequestInfo | URL) => (asked.push(new URL(String(url)).pathname), answer(new URL(String(url)).pathname)) };
  return { asked, env: { OUTPOST_PROCESS_INDEX: '0', OUTPOST_PROCESS_COUNT: '3', PEER_1: channel, PEER_2: channel } };
}

function logger() {
  const errors: string[] = [];
  const log: Logger = { debug() {}, info() {}, warn() {}, error: (m) => void errors.push(m) };
  return { log, errors };
}

const store = (change: PolicyChange) => ({ install: async () => change, rollback: async () => change, reload: async () => change, current: () => ({}), status: () => ({}), list: async () => [] }) as unknown as PolicyStore;
const ok = (version: string, unchanged = false): PolicyChange => ({ ok: true, version, previous: 'v1', unchanged });

describe('policyFollowedByPeers', () => {
  it('asks every peer to reload after a change, and only then resolves', async () => {
    const p = peers(() => Response.json(ok('v2')));
    const { log, errors } = logger();
    const followed = policyFollowedByPeers(store(ok('v2')), p.env, log);
    expect(await followed.install(new Uint8Array())).toEqual(ok('v2'));
    expect(p.asked).toEqual(['/internal/policy/reload', '/internal/policy/reload']);
    await followed.rollback();
    expect(p.asked).toHaveLength(4);
    expect(errors).toEqual([]);
  });

  it('asks nobody for an unchanged or refused bundle, nor in a single process', async () => {
    const p = peers(() => Response.json(ok('v2')));
    const { log } = logger();
    await policyFollowedByPeers(store(ok('v1', true)), p.env, log).install(new Uint8Array());
    await policyFollowedByPeers(store({ ok: false, status: 422, code: 'policy_invalid', message: 'bad', problems: [] }), p.env, log).install(new Uint8Array());
    expect(p.asked).toEqual([]);
    const single = store(ok('v2'));
    expect(policyFollowedByPeers(single, {}, log)).toBe(single);
  });

  it('logs a peer that does not take the change (unreachable or on another version) and still resolves', async () => {
    let n = 0;
    const p = peers(() => (n++ === 0 ? Promise.reject(new Error('connection refused')) : Response.json(ok('v1'))));
    const { log, errors } = logger();
    expect((await policyFollowedByPeers(store(ok('v2')), p.env, log).install(new Uint8Array())).ok).toBe(true);
    expect(errors.sort()).toEqual(['Policy: process 1 did not take version v2: connection refused', 'Policy: process 2 did not take version v2: it enforces version v1']);
  });
});

describe('knowledgeFollowedByPeers', () => {
  it('asks every peer to reload the imported assets after an import that succeeded, not after a refusal', async () => {
    const p = peers(() => Response.json({ ok: true }));
    const { log, errors } = logger();
    let result: Awaited<ReturnType<KnowledgeStore['importPackage']>> = { ok: true, assets: [] };
    const inner = { importPackage: async () => result } as unknown as KnowledgeStore;
    const followed = knowledgeFollowedByPeers(inner, p.env, log);
    await followed.importPackage(new Uint8Array(), null, {} as never);
    expect(p.asked).toEqual(['/internal/knowledge/reload', '/internal/knowledge/reload']);
    result = { ok: false, status: 400, code: 'knowledge_invalid', message: 'bad', problems: [] };
    await followed.importPackage(new Uint8Array(), null, {} as never);
    expect(p.asked).toHaveLength(2);
    expect(errors).toEqual([]);
  });
});
