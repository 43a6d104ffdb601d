import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, chainDigest, chainEvent, GENESIS_HASH, verifyChain, type ChainRow } from '../../worker/audit/chain.js';
import { hmacSha256, sha256, toHex, utf8 } from '../../worker/crypto/sha256.js';
import { sampleEvent } from './helpers.js';

function chain(n: number, key?: string): ChainRow[] {
  const d = chainDigest(key);
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const e = chainEvent(sampleEvent(), i, prev, d);
    prev = e.hash;
    rows.push({ id: i, event_json: JSON.stringify(e) });
  }
  return rows;
}
const state = (rows: ChainRow[]) => {
  const last = JSON.parse(rows[rows.length - 1]!.event_json);
  return { baseSeq: 0, baseHash: GENESIS_HASH, lastSeq: last.seq, lastHash: last.hash };
};
const edit = (row: ChainRow, f: (e: Record<string, unknown>) => void): ChainRow => {
  const e = JSON.parse(row.event_json);
  f(e);
  return { ...row, event_json: JSON.stringify(e) };
};

describe('hashes', () => {
  it('matches node:crypto for SHA-256 and HMAC-SHA256, short and long inputs', () => {
    for (const text of ['', 'abc', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'ü€'.repeat(500)]) {
      expect(toHex(sha256(utf8(text)))).toBe(createHash('sha256').update(text).digest('hex'));
      expect(toHex(hmacSha256(utf8('k'.repeat(70)), utf8(text)))).toBe(createHmac('sha256', 'k'.repeat(70)).update(text).digest('hex'));
    }
  });
  it('canonical JSON sorts keys and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: [true, null, { d: undefined, c: 'x' }] })).toBe('{"a":[true,null,{"c":"x"}],"b":1}');
  });
  it('HMAC chains only verify with the key', () => {
    const rows = chain(3, 'secret');
    expect(verifyChain(rows, { state: state(rows), hmacKey: 'secret' }).ok).toBe(true);
    expect(verifyChain(rows, { state: state(rows) }).problem?.message).toMatch(/OUTPOST_AUDIT_HMAC_KEY/);
    expect(verifyChain(rows, { state: state(rows), hmacKey: 'wrong' }).problem?.kind).toBe('edited');
  });
});

describe('verifyChain names the first bad event', () => {
  it('accepts an intact chain, and a geo change', () => {
    const rows = chain(5);
    rows[2] = edit(rows[2]!, (e) => (e.geo = { country_iso: 'FR' }));
    expect(verifyChain(rows, { state: state(chain(5)) }).ok).toBe(false); // different events (fresh sample ids)
    const fresh = chain(5);
    const st = state(fresh);
    fresh[2] = edit(fresh[2]!, (e) => (e.geo = { country_iso: 'FR' }));
    expect(verifyChain(fresh, { state: st })).toMatchObject({ ok: true, checked: 5, firstSeq: 1, lastSeq: 5 });
  });
  it('edited content', () => {
    const rows = chain(5);
    const st = state(rows);
    rows[2] = edit(rows[2]!, (e) => (e.decision = 'block'));
    rows[3] = edit(rows[3]!, (e) => (e.status = 500));
    expect(verifyChain(rows, { state: st }).problem).toMatchObject({ kind: 'edited', id: 3, seq: 3 });
  });
  it('an edit with a recomputed hash (no HMAC key) is caught at the link', () => {
    const rows = chain(5);
    const st = state(rows);
    const d = chainDigest(undefined);
    const e3 = JSON.parse(rows[2]!.event_json);
    const forged = chainEvent({ ...e3, decision: 'block' }, 3, e3.prev_hash, d);
    rows[2] = { id: 3, event_json: JSON.stringify(forged) };
    expect(verifyChain(rows, { state: st }).problem).toMatchObject({ kind: 'edited', id: 3, seq: 3 });
  });
  it('deleted', () => {
    const rows = chain(6);
    const st = state(rows);
    rows.splice(3, 2);
    const r = verifyChain(rows, { state: st });
    expect(r.problem).toMatchObject({ kind: 'deleted', seq: 4 });
    expect(r.problem!.message).toBe('event seq 4-5 is missing (deleted) after id 3 (seq 3), before id 6 (seq 6)');
  });
  it('deleted at the tail', () => {
    const rows = chain(6);
    const st = state(rows);
    rows.pop();
    expect(verifyChain(rows, { state: st }).problem).toMatchObject({ kind: 'truncated', seq: 6 });
  });
  it('reordered', () => {
    const rows = chain(6);
    const st = state(rows);
    const a = rows[2]!.event_json;
    rows[2] = { id: 3, event_json: rows[3]!.event_json };
    rows[3] = { id: 4, event_json: a };
    expect(verifyChain(rows, { state: st }).problem).toMatchObject({ kind: 'reordered', id: 3, seq: 4 });
  });
  it('malformed', () => {
    const rows = chain(3);
    rows[1] = { id: 2, event_json: '{"oops":' };
    expect(verifyChain(rows, { state: state(chain(3)) }).problem).toMatchObject({ kind: 'malformed', id: 2 });
  });
  it('events removed by delivery are not deletions', () => {
    const rows = chain(6);
    const st = state(rows);
    const removed = new Map([[2, JSON.parse(rows[1]!.event_json).hash], [3, JSON.parse(rows[2]!.event_json).hash]]);
    rows.splice(1, 2);
    expect(verifyChain(rows, { state: st, removed }).ok).toBe(true);
  });
});
