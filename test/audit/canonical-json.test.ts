import { describe, expect, it } from 'vitest';
import type { Finding } from '../../worker/core/index.js';
import { canonicalJson, inKeyOrder } from '../../worker/audit/canonical-json.js';
import { chainDigest, chainedRow, chainEvent, GENESIS_HASH, hashInput, verifyChain, type ChainRow } from '../../worker/audit/chain.js';
import { sampleEvent } from './helpers.js';

/** The canonical form as the chain defined it before the native fast path: a walk over every key and leaf. */
function referenceCanonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : referenceCanonical(v))).join(',')}]`;
  const parts: string[] = [];
  for (const k of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined || typeof v === 'function') continue;
    parts.push(`${JSON.stringify(k)}:${referenceCanonical(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/** A deterministic pseudo-random JSON-like tree, with the odd values JSON.stringify treats its own way. */
function randomTree(seed: number): unknown {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff), s);
  const odd = [undefined, () => 1, Symbol('s'), new Date(0), { toJSON: () => 'x' }, -0, NaN, 'é\u2028"\\', '\ud800'];
  const keys = ['a', 'b', 'z', 'A', '10', '9', 'é', 'seq', 'hash_alg', '_'];
  const grow = (depth: number): unknown => {
    const r = next() % 10;
    if (depth > 3 || r < 3) return r === 0 ? odd[next() % odd.length] : r === 1 ? next() % 1000 : `v${next() % 50}`;
    if (r < 5) return Array.from({ length: next() % 4 }, () => grow(depth + 1));
    const out: Record<string, unknown> = {};
    const picked = keys.filter(() => next() % 2 === 0);
    if (next() % 2 === 0) picked.sort();
    for (const k of picked) out[k] = grow(depth + 1);
    return out;
  };
  return grow(0);
}

describe('canonical JSON', () => {
  it('writes exactly what the walk writes, in order or not, with odd values anywhere', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const tree = randomTree(seed);
      expect(canonicalJson(tree)).toBe(referenceCanonical(tree));
      const sorted = inKeyOrder(tree);
      expect(canonicalJson(sorted)).toBe(referenceCanonical(tree));
    }
  });
  it('keeps integer-like keys in string order (V8 lists them first, numerically)', () => {
    expect(canonicalJson({ '9': 1, '10': 2, a: 3 })).toBe('{"10":2,"9":1,"a":3}');
  });
  it('inKeyOrder sorts keys at every depth and keeps the content', () => {
    const finding = { type: 'EMAIL', rule: 'tier1.email', location: { side: 'request', path: '$.messages[0].content' }, action: 'redact' };
    const copy = inKeyOrder(finding);
    expect(Object.keys(copy)).toEqual(['action', 'location', 'rule', 'type']);
    expect(Object.keys(copy.location)).toEqual(['path', 'side']);
    expect(copy).toEqual(finding);
  });
});

describe('chainedRow', () => {
  const finding = { type: 'EMAIL', rule: 'tier1.email', tier: 1, score: 0.9, start: 3, end: 15, hash: 'ab12', location: { side: 'request', path: '$.x' }, action: 'redact' } as Finding;
  it('stores the members chainEvent gives, with the same hash, geo outside it', () => {
    for (const key of [undefined, 'secret']) {
      const d = chainDigest(key);
      const event = sampleEvent({ findings: [finding], geo: { country_iso: 'FR' } });
      const row = chainedRow(event, 7, 'f'.repeat(64), d, { seq: 2, hash: 'e'.repeat(64) });
      const chained = chainEvent(event, 7, 'f'.repeat(64), d, { seq: 2, hash: 'e'.repeat(64) });
      expect(JSON.parse(row.json)).toEqual(JSON.parse(JSON.stringify(chained)));
      expect(row).toMatchObject({ seq: 7, hash: chained.hash, projectSeq: 2 });
      expect(d.digest(hashInput(JSON.parse(row.json)))).toBe(row.hash);
    }
  });
  it('a chain of stored rows verifies, and an edit inside a finding is caught', () => {
    const d = chainDigest(undefined);
    const rows: ChainRow[] = [];
    let prev = GENESIS_HASH;
    for (let i = 1; i <= 4; i++) {
      const row = chainedRow(sampleEvent({ findings: [finding] }), i, prev, d);
      prev = row.hash;
      rows.push({ id: i, event_json: row.json });
    }
    const state = { baseSeq: 0, baseHash: GENESIS_HASH, lastSeq: 4, lastHash: prev };
    expect(verifyChain(rows, { state })).toMatchObject({ ok: true, checked: 4 });
    rows[1] = { id: 2, event_json: rows[1]!.event_json.replace('"start":3', '"start":4') };
    expect(verifyChain(rows, { state }).problem).toMatchObject({ kind: 'edited', id: 2, seq: 2 });
  });
  it('hashes an event with unsorted nested objects as the walk would', () => {
    const d = chainDigest(undefined);
    const event = sampleEvent({ findings: [finding] });
    const row = chainedRow(event, 1, GENESIS_HASH, d);
    const { geo: _g, ...rest } = { ...event, seq: 1, prev_hash: GENESIS_HASH, hash_alg: 'sha256' };
    expect(row.hash).toBe(d.digest(referenceCanonical(rest)));
  });
});
