/**
 * The sqlite-wasm queue (the Deno gateway's) in WAL mode under exclusive locking: one sync per
 * commit, the live file readable by `sqlite3 -readonly` between and during commits, and a
 * read-write `sqlite3` session (which deletes the WAL when it closes) losing no acknowledged
 * event: the store notices the WAL's lost name and moves its frames into the database before
 * the commit is acknowledged.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openNodeStore } from '../../worker/audit/sqlite-wasm/node.js';
import { SKIP_WITHOUT_SQLITE3 } from '../sqlite3.js';
import { sampleEvent } from './helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-wal-'));
  dirs.push(dir);
  return dir;
}
const count = (db: string, readonly = true) => Number(execFileSync('sqlite3', [...(readonly ? ['-readonly'] : []), db, 'SELECT count(*) FROM local_audit_queue;'], { encoding: 'utf8' }).trim());

/** What a crash leaves: the files reachable by name, copied while the store is still open. */
function crashCopy(db: string): string {
  const out = join(tempDir(), 'after-crash.db');
  copyFileSync(db, out);
  if (existsSync(`${db}-wal`)) copyFileSync(`${db}-wal`, `${out}-wal`);
  return out;
}

describe.skipIf(SKIP_WITHOUT_SQLITE3)('sqlite-wasm queue in WAL mode (Deno backend)', () => {
  it('keeps every acknowledged event on disk by name after a read-write sqlite3 session deleted the WAL', async () => {
    const db = join(tempDir(), 'audit_queue.db');
    const store = await openNodeStore(db);
    for (let i = 0; i < 20; i++) await store.append(sampleEvent());
    expect(existsSync(`${db}-wal`)).toBe(true);
    // Read-write, as docs/audit.md's export line is often typed: on close it checkpoints and deletes the WAL.
    expect(count(db, false)).toBe(20);
    expect(existsSync(`${db}-wal`)).toBe(false);
    for (let i = 0; i < 20; i++) await store.append(sampleEvent());
    expect(store.walRecreated).toBe(1);
    // A crash now (no close, no checkpoint) leaves the 40 acknowledged events to whoever opens the path.
    expect(count(crashCopy(db))).toBe(40);
    store.close();
    expect(count(db)).toBe(40);
  });

  it('is readable by sqlite3 -readonly while commits stream in', async () => {
    const db = join(tempDir(), 'audit_queue.db');
    const store = await openNodeStore(db);
    await store.append(sampleEvent());
    let acknowledged = 1;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        await Promise.all(Array.from({ length: 4 }, () => store.append(sampleEvent())));
        acknowledged += 4;
      }
    })();
    const seen: number[] = [];
    for (let i = 0; i < 15; i++) {
      const before = acknowledged;
      const n = await new Promise<number>((resolve, reject) => {
        const p = spawn('sqlite3', ['-readonly', db, 'SELECT count(*) FROM local_audit_queue;']);
        let out = '';
        let err = '';
        p.stdout.on('data', (d) => (out += d));
        p.stderr.on('data', (d) => (err += d));
        p.on('close', (code) => (code === 0 ? resolve(Number(out.trim())) : reject(new Error(`sqlite3 -readonly failed: ${err}`))));
      });
      // Every event acknowledged before the read started is visible to it.
      expect(n).toBeGreaterThanOrEqual(before);
      seen.push(n);
    }
    writing = false;
    await writer;
    store.close();
    expect(seen[seen.length - 1]!).toBeGreaterThan(seen[0]!);
    expect(count(db)).toBe(acknowledged);
  });
});
