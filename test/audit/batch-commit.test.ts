/**
 * One transaction per batch in QueueCore (both backends run it): a batch is all or nothing, a
 * failed batch moves neither the stored rows nor the chain head, and the next batch continues the
 * chain with no gap; the stored rows (written from the hashed text) verify.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../worker/audit/chain.js';
import type { SqliteWasmStore } from '../../worker/audit/sqlite-wasm/store.js';
import { openNodeStore } from '../../worker/audit/sqlite-wasm/node.js';
import { sampleEvent } from './helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function store(hmacKey?: string): Promise<SqliteWasmStore> {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-batch-'));
  dirs.push(dir);
  return openNodeStore(join(dir, 'audit_queue.db'), { hmacKey });
}

function verify(s: SqliteWasmStore, hmacKey?: string) {
  return verifyChain(s.core.peek(10_000), { state: s.core.state(), removed: s.core.removedMap(), hmacKey });
}

describe('QueueCore batches', () => {
  it('a batch that fails part-way stores nothing, keeps the head, and the next batch chains on', async () => {
    const s = await store('k');
    s.core.append([sampleEvent(), sampleEvent()]);
    const head = s.core.state();
    // The third event of this batch cannot be serialised (a BigInt): the whole batch rolls back.
    const bad = sampleEvent({ bytes_in: 10n as unknown as number });
    expect(() => s.core.append([sampleEvent(), sampleEvent(), bad, sampleEvent()])).toThrow();
    expect(s.core.state()).toEqual(head);
    expect(s.core.depth()).toBe(2);
    const next = s.core.append([sampleEvent(), sampleEvent(), sampleEvent()]);
    expect(next.map((a) => a.seq)).toEqual([3, 4, 5]);
    expect(verify(s, 'k')).toMatchObject({ ok: true, checked: 5, firstSeq: 1, lastSeq: 5 });
    s.close();
  });

  it('every record of a failed group commit rejects, and the records after it commit', async () => {
    const s = await store();
    const bad = sampleEvent({ bytes_in: 10n as unknown as number });
    const batch = [s.append(sampleEvent()), s.append(bad), s.append(sampleEvent())];
    const settled = await Promise.allSettled(batch);
    expect(settled.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    const after = await Promise.all([s.append(sampleEvent()), s.append(sampleEvent())]);
    expect(after.map((a) => a.seq)).toEqual([1, 2]);
    expect(verify(s)).toMatchObject({ ok: true, checked: 2 });
    s.close();
  });

  it('batches of 1, 2, 255, 256 and 257 events chain and verify across their boundaries', async () => {
    const s = await store('k');
    let seq = 0;
    for (const size of [1, 2, 255, 256, 257]) {
      const appended = s.core.append(Array.from({ length: size }, () => sampleEvent()));
      expect(appended.map((a) => a.seq)).toEqual(Array.from({ length: size }, (_, i) => seq + i + 1));
      seq += size;
    }
    expect(verify(s, 'k')).toMatchObject({ ok: true, checked: seq, lastSeq: seq });
    // The stored JSON is the event with its links: geo outside the hash, every member kept.
    const row = JSON.parse(s.core.peek(1)[0]!.event_json) as Record<string, unknown>;
    expect(row).toMatchObject({ seq: 1, hash_alg: 'hmac-sha256', geo: { country_iso: 'DE', city: 'Berlin' }, findings: [{ type: 'EMAIL', action: 'redact' }] });
    s.close();
  });
});
