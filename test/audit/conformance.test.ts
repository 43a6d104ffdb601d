/**
 * One suite, both backends: the workerd Durable Object (a real workerd, killed with SIGKILL to
 * restart) and sqlite-wasm over node:fs (the Deno backend's VFS). Each case reads the file
 * with /usr/bin/sqlite3, as an operator would.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_TABLE_SQL } from '../../worker/audit/store.js';
import { verifyDatabase } from '../../cli/audit.js';
import { nodeDriver, sampleEvent, sqlite3, workerdDriver, type Driver } from './helpers.js';
import { SKIP_WITHOUT_SQLITE3, writeSqlite } from '../sqlite3.js';

const factories: Record<string, (dir: string) => Promise<Driver>> = {
  workerd: (dir) => workerdDriver(dir),
  'sqlite-wasm': (dir) => nodeDriver(dir),
};

for (const [name, make] of Object.entries(factories)) {
  describe(`audit queue conformance: ${name}`, () => {
    let driver: Driver;
    beforeAll(async () => {
      driver = await make(join(mkdtempSync(join(tmpdir(), `audit-${name}-`)), 'audit'));
    });
    afterAll(() => driver?.close());

    it('creates local_audit_queue exactly as PRODUCT.md writes it', async () => {
      await driver.append([sampleEvent()]);
      expect(sqlite3(driver.file(), '.schema local_audit_queue').trim()).toBe(`${QUEUE_TABLE_SQL};`);
    });

    it('stores chained events that the sqlite3 command reads', async () => {
      const appended = await driver.append([sampleEvent(), sampleEvent(), sampleEvent()]);
      expect(appended.map((a) => a.seq)).toEqual([2, 3, 4]);
      const lines = sqlite3(driver.file(), 'SELECT event_json FROM local_audit_queue;').trim().split('\n');
      expect(lines).toHaveLength(4);
      const events = lines.map((l) => JSON.parse(l));
      expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
      expect(events[1].prev_hash).toBe(events[0].hash);
      expect(events[0].findings[0]).toMatchObject({ type: 'EMAIL', hash: 'ab12cd34' });
      const row = sqlite3(driver.file(), 'SELECT typeof(queued_at), retry_count FROM local_audit_queue WHERE id = 1;').trim();
      expect(row).toBe('real|0');
    });

    it('shares commits between concurrent appends (group commit)', async () => {
      const before = await driver.commits();
      const appended = await driver.appendConcurrently(Array.from({ length: 32 }, () => sampleEvent()));
      const seqs = appended.map((a) => a.seq).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 32 }, (_, i) => seqs[0]! + i));
      const commits = (await driver.commits()) - before;
      expect(commits).toBeLessThan(32);
      const result = await verifyDatabase(driver.file(), undefined);
      expect(result.ok, result.problem?.message).toBe(true);
    });

    it('keeps every event across a hard restart and continues the chain', async () => {
      const count = Number(sqlite3(driver.file(), 'SELECT count(*) FROM local_audit_queue;').trim());
      await driver.restart();
      expect(Number(sqlite3(driver.file(), 'SELECT count(*) FROM local_audit_queue;').trim())).toBe(count);
      const [next] = await driver.append([sampleEvent()]);
      expect(next!.seq).toBe(count + 1);
      const result = await verifyDatabase(driver.file(), undefined);
      expect(result.ok, result.problem?.message).toBe(true);
      expect(result.checked).toBe(count + 1);
    });

    it.skipIf(SKIP_WITHOUT_SQLITE3)('does not count delivered events as tampering, but names a deleted one', async () => {
      await driver.remove([1, 2, 5]);
      let result = await verifyDatabase(driver.file(), undefined);
      expect(result.ok, result.problem?.message).toBe(true);
      writeSqlite(driver.file(), 'DELETE FROM local_audit_queue WHERE id = 7;');
      result = await verifyDatabase(driver.file(), undefined);
      expect(result.ok).toBe(false);
      expect(result.problem).toMatchObject({ kind: 'deleted', seq: 7 });
      expect(result.problem!.message).toContain('seq 7');
    });

    it.skipIf(SKIP_WITHOUT_SQLITE3)('keeps geo outside the hash', async () => {
      writeSqlite(driver.file(), `UPDATE local_audit_queue SET event_json = json_set(event_json, '$.geo.city', 'Hamburg') WHERE id = 8;`);
      const result = await verifyDatabase(driver.file(), undefined);
      // Still only the deletion of seq 7 is reported: the geo edit is not tampering.
      expect(result.problem?.seq).toBe(7);
    });
  });
}
