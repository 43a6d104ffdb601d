// The Durable Object hashes the chain with crypto.subtle, awaited per event before its batch's
// transaction (QueueCore.appendTextsHashedBy); the JS path hashes inside it (appendTexts). Both
// must write the same rows, hash for hash, in standalone and projects mode, with and without a key.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chainDigest, verifyChain } from '../../worker/audit/chain.js';
import { eventText } from '../../worker/audit/event-text.js';
import { openNodeStore } from '../../worker/audit/sqlite-wasm/node.js';
import { subtleDigest } from '../../worker/crypto/subtle-digest.js';
import { sampleEvent } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'outpost-hashed-by-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('subtle digest', () => {
  for (const key of [undefined, 'chain-key', 'k'.repeat(100)]) {
    it(`equals the JS digest${key ? ` (HMAC, ${key.length}-character key)` : ''}`, async () => {
      const js = chainDigest(key).digest;
      const subtle = subtleDigest(key);
      for (const text of ['', '{"seq":1}', 'ü€😀'.repeat(300)]) expect(await subtle(text)).toBe(js(text));
    });
  }
});

describe('appendTextsHashedBy', () => {
  for (const key of [undefined, 'chain-key']) {
    it(`writes the rows appendTexts writes, batch for batch${key ? ' (HMAC)' : ''}`, async () => {
      const events = Array.from({ length: 7 }, (_, i) => sampleEvent({ request_id: `r${i}`, time: '2026-11-29T10:00:00.000Z', ...(i === 4 ? { project_id: 'beta' } : [1, 2, 5].includes(i) ? { project_id: 'alpha' } : {}) }));
      const texts = events.map(eventText);
      const stores = await Promise.all(['js', 'subtle'].map((name) => openNodeStore(join(dir, `${name}-${key ?? 'nokey'}.db`), { hmacKey: key })));
      const [js, subtle] = stores as [(typeof stores)[0], (typeof stores)[0]];
      const batches = [texts.slice(0, 1), texts.slice(1, 5), texts.slice(5)];
      for (const batch of batches) {
        const a = js.core.appendTexts(batch, 1000);
        const b = await subtle.core.appendTextsHashedBy(batch, subtleDigest(key), 1000);
        expect(b).toEqual(a);
      }
      const rows = (store: typeof js) => store.core.peek(100).map((r) => ({ id: r.id, event_json: r.event_json }));
      expect(rows(subtle)).toEqual(rows(js));
      expect(rows(js).map((r) => JSON.parse(r.event_json).project_seq)).toEqual([undefined, 1, 2, undefined, 1, 3, undefined]);
      expect(verifyChain(rows(subtle), { state: subtle.core.state(), hmacKey: key }).ok).toBe(true);
      expect(subtle.core.state()).toEqual(js.core.state());
      for (const s of stores) s.close();
    });
  }
});
