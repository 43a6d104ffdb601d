/**
 * Projects mode units: the LRU+TTL cache of compiled projects, the catalog's lookups, the
 * resolution order, and the per-project audit chain.
 */
import { describe, expect, it } from 'vitest';
import { LruTtlCache } from '../../worker/projects/cache.js';
import { ProjectCatalog, entryOf } from '../../worker/projects/catalog.js';
import { KeyNames } from '../../worker/policy/auth/key-names.js';
import { resolveProject } from '../../worker/projects/resolve.js';
import { GatewayError } from '../../worker/core/index.js';
import { chainDigest, chainEvent, GENESIS_HASH } from '../../worker/audit/chain.js';
import { verifyProjectChain } from '../../worker/audit/project-chain.js';
import type { AuditEvent } from '../../worker/audit/event.js';

describe('LruTtlCache', () => {
  it('drops the least recently used beyond its size, and idle entries past the TTL', () => {
    let now = 0;
    const evicted: string[] = [];
    const cache = new LruTtlCache<number>({ maxSize: 2, ttlMs: 100, now: () => now, onEvict: (k, why) => evicted.push(`${k}:${why}`) });
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.keys()).toEqual(['a', 'c']);
    expect(evicted).toEqual(['b:size']);
    now = 150;
    expect(cache.get('a')).toBeUndefined();
    expect(evicted).toContain('a:idle');
    cache.sweep();
    expect(cache.size).toBe(0);
  });
});

const catalog = new ProjectCatalog([
  entryOf('alpha', { project: { id: 'alpha', hostnames: ['Alpha.Test'] }, auth: { mode: 'api_key', api_keys: { 'alpha-ci': {} } } }),
  entryOf('beta', { project: { id: 'beta', hostnames: ['beta.test'], token_claim: 'tenant' }, auth: { mode: 'none' } }),
  // A bundle that names another project gives its folder no routing facts.
  entryOf('gamma', { project: { id: 'alpha', hostnames: ['gamma.test'] }, auth: { mode: 'none' } }),
]);
const keys = new KeyNames([{ name: 'alpha-ci', key: 'alpha-key-0123456789' }]);
const req = (headers: Record<string, string>) => new Request('http://127.0.0.1/v1/chat/completions', { method: 'POST', headers });
const jwt = (claims: Record<string, unknown>) => `${Buffer.from('{"alg":"ES256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('project resolution order', () => {
  it('path, then Host, then X-Project-Id, then the credential', async () => {
    const all = { host: 'beta.test', 'x-project-id': 'gamma', authorization: 'Bearer alpha-key-0123456789' };
    expect(await resolveProject(req(all), 'alpha', catalog, keys)).toEqual({ id: 'alpha', by: 'path' });
    expect(await resolveProject(req(all), undefined, catalog, keys)).toEqual({ id: 'beta', by: 'host' });
    expect(await resolveProject(req({ host: 'alpha.test:8443' }), undefined, catalog, keys)).toEqual({ id: 'alpha', by: 'host' });
    expect(await resolveProject(req({ host: '127.0.0.1', 'x-project-id': 'gamma' }), undefined, catalog, keys)).toEqual({ id: 'gamma', by: 'header' });
    expect(await resolveProject(req({ host: '127.0.0.1', authorization: 'Bearer alpha-key-0123456789' }), undefined, catalog, keys)).toEqual({ id: 'alpha', by: 'token' });
    expect(await resolveProject(req({ host: '127.0.0.1', authorization: `Bearer ${jwt({ tenant: 'beta' })}` }), undefined, catalog, keys)).toEqual({ id: 'beta', by: 'token' });
  });

  it('a name that is no project is 404 project_not_found, never a fall-through', async () => {
    const refusal = (p: Promise<unknown>) => p.then(() => null, (e: GatewayError) => [e.status, e.code]);
    expect(await refusal(resolveProject(req({ authorization: 'Bearer alpha-key-0123456789' }), 'nosuch', catalog, keys))).toEqual([404, 'project_not_found']);
    expect(await refusal(resolveProject(req({ 'x-project-id': '../alpha', authorization: 'Bearer alpha-key-0123456789' }), undefined, catalog, keys))).toEqual([404, 'project_not_found']);
    expect(await refusal(resolveProject(req({ host: 'gamma.test' }), undefined, catalog, keys))).toEqual([404, 'project_not_found']);
    expect(await refusal(resolveProject(req({ authorization: 'Bearer not-a-known-key-000000' }), undefined, catalog, keys))).toEqual([404, 'project_not_found']);
  });
});

const event = (project: string, n: number): AuditEvent =>
  ({ schema: 1, time: '2026-11-29T00:00:00Z', request_id: `r${n}`, project_id: project, caller: null, client_ip: null, route: 'openai.chat', model: null, target: null, policy_version: 'v', risk_tier: null, decision: 'allow', reason: null, findings: [], response_scanned: false, response_scanned_fully: false, stream: false, status: 200, bytes_in: 0, bytes_out: 0, timings_ms: { total: 1, upstream: 1 } }) as AuditEvent;

describe('per-project audit chain', () => {
  const d = chainDigest(undefined);
  // Interleaved projects on one global chain, each with its own links.
  const rows: { id: number; event_json: string }[] = [];
  let prev = GENESIS_HASH;
  const heads = new Map<string, { seq: number; hash: string }>();
  ['a', 'b', 'a', 'a', 'b'].forEach((p, i) => {
    const head = heads.get(p);
    const chained = chainEvent(event(p, i), i + 1, prev, d, head ? { seq: head.seq + 1, hash: head.hash } : { seq: 1, hash: GENESIS_HASH });
    heads.set(p, { seq: chained.project_seq!, hash: chained.hash });
    prev = chained.hash;
    rows.push({ id: i + 1, event_json: JSON.stringify(chained) });
  });
  const of = (p: string) => rows.filter((r) => JSON.parse(r.event_json).project_id === p);

  it('a project\'s events verify on their own', () => {
    expect(verifyProjectChain(of('a'), 'a', { sha256: d.digest })).toMatchObject({ ok: true, checked: 3, firstSeq: 1, lastSeq: 3 });
    expect(verifyProjectChain(of('b'), 'b', { sha256: d.digest })).toMatchObject({ ok: true, checked: 2 });
  });

  it('names a deleted, edited or foreign event', () => {
    const a = of('a');
    expect(verifyProjectChain([a[0]!, a[2]!], 'a', { sha256: d.digest }).problem?.kind).toBe('deleted');
    const edited = { ...a[1]!, event_json: a[1]!.event_json.replace('"status":200', '"status":201') };
    expect(verifyProjectChain([a[0]!, edited, a[2]!], 'a', { sha256: d.digest }).problem?.kind).toBe('edited');
    expect(verifyProjectChain([a[0]!, of('b')[0]!], 'a', { sha256: d.digest }).problem?.kind).toBe('foreign');
  });
});
