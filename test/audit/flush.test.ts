/**
 * Connected mode against test/mock/platform.mjs: batches of 50, deletion of delivered events,
 * retry_count + 1 for failed ones, half-accepted batches, timeouts, and the breaker's
 * closed -> open -> half-open -> closed cycle. Also: the sqlite-wasm store under a full disk.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../worker/platform/circuit.js';
import { Flusher } from '../../worker/audit/flush.js';
import { openNodeStore } from '../../worker/audit/sqlite-wasm/node.js';
import { verifyDatabase } from '../../cli/audit.js';
// @ts-expect-error plain JS module without types
import { createMockPlatform } from '../mock/platform.mjs';
import { sampleEvent, sqlite3 } from './helpers.js';

interface Platform {
  mode: string;
  batches: { mode: string; events: { seq: number }[] }[];
  accepted: number[];
  hits: number;
  listen(port?: number): Promise<number>;
  close(): Promise<void>;
}

describe('flusher and circuit breaker', () => {
  let platform: Platform;
  let url: string;
  beforeAll(async () => {
    platform = createMockPlatform();
    url = `http://127.0.0.1:${await platform.listen(0)}`;
  });
  afterAll(() => platform.close());
  // Generous timings: the suite runs beside CPU-heavy tests on two cores, and a 300 ms fetch
  // timeout or a 200 ms cooldown measured wall time that the load, not the code, decided.

  async function setup(breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1500 })) {
    const path = join(mkdtempSync(join(tmpdir(), 'audit-flush-')), 'audit_queue.db');
    const store = await openNodeStore(path);
    const scheduled: number[] = [];
    const flusher = new Flusher(
      { peek: (n) => store.core.peek(n), remove: (ids) => store.core.remove(ids, 'delivered'), markFailed: (ids) => store.core.markFailed(ids) },
      { platformUrl: url, breaker, fetch: (u, i) => fetch(u, i), timeoutMs: 1000, schedule: (ms) => scheduled.push(ms) },
    );
    return { store, flusher, breaker, path, scheduled };
  }

  it('drains in batches of 50 and deletes what was delivered', async () => {
    platform.mode = 'accept';
    platform.batches.length = 0;
    const { store, flusher, path } = await setup();
    await Promise.all(Array.from({ length: 120 }, () => store.append(sampleEvent())));
    await flusher.kick();
    expect(platform.batches.map((b) => b.events.length)).toEqual([50, 50, 20]);
    expect(platform.batches[0]!.events[0]).toMatchObject({ seq: 1 });
    expect(store.core.depth()).toBe(0);
    store.close();
    expect((await verifyDatabase(path, undefined)).ok).toBe(true);
  });

  it('opens after N consecutive failures, counts retries, half-opens with one probe, then closes and drains', async () => {
    const { store, flusher, breaker, path } = await setup();
    await Promise.all(Array.from({ length: 60 }, () => store.append(sampleEvent())));
    platform.batches.length = 0;
    for (const mode of ['error', 'refuse', 'timeout']) {
      platform.mode = mode;
      expect(await flusher.flushOnce()).toBe('failed');
    }
    expect(breaker.state).toBe('open');
    expect(sqlite3(path, 'SELECT DISTINCT retry_count FROM local_audit_queue WHERE id <= 50;').trim()).toBe('3');
    expect(sqlite3(path, 'SELECT DISTINCT retry_count FROM local_audit_queue WHERE id > 50;').trim()).toBe('0');
    // Open: nothing is sent.
    const sent = platform.batches.length;
    expect(await flusher.flushOnce()).toBe('circuit-open');
    expect(platform.batches.length).toBe(sent);
    // After the cooldown: one probe; a failed probe opens it again at once.
    await new Promise((r) => setTimeout(r, 1600));
    expect(breaker.state).toBe('half-open');
    platform.mode = 'error';
    expect(await flusher.flushOnce()).toBe('failed');
    expect(breaker.state).toBe('open');
    await new Promise((r) => setTimeout(r, 1600));
    platform.mode = 'accept';
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false); // only one probe in half-open
    breaker.success();
    await flusher.kick();
    expect(breaker.state).toBe('closed');
    expect(store.core.depth()).toBe(0);
    store.close();
    expect((await verifyDatabase(path, undefined)).ok).toBe(true);
  });

  it('a half-accepted batch deletes the accepted half and retries the rest; nothing is dropped', async () => {
    const { store, flusher, path } = await setup();
    await Promise.all(Array.from({ length: 50 }, () => store.append(sampleEvent())));
    platform.mode = 'half';
    platform.accepted.length = 0;
    expect(await flusher.flushOnce()).toBe('delivered');
    expect(store.core.depth()).toBe(25);
    expect(sqlite3(path, 'SELECT min(retry_count), max(retry_count) FROM local_audit_queue;').trim()).toBe('1|1');
    // Verification does not mistake the delivered half for deletions.
    expect((await verifyDatabase(path, undefined)).ok).toBe(true);
    platform.mode = 'accept';
    await flusher.kick();
    expect(store.core.depth()).toBe(0);
    expect(new Set(platform.accepted).size).toBe(50);
    store.close();
  });
});

describe('a full disk', () => {
  const mount = join(tmpdir(), `audit-full-${process.pid}`);
  let mounted = false;
  beforeAll(() => {
    mkdirSync(mount, { recursive: true });
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=128k', 'tmpfs', mount]);
      mounted = true;
    } catch {
      // not root: the case is skipped below
    }
  });
  afterAll(() => {
    if (mounted) execFileSync('umount', [mount]);
  });

  it('rejects appends once the disk is full and keeps what was committed', async (ctx) => {
    if (!mounted) return ctx.skip();
    const path = join(mount, 'audit_queue.db');
    const store = await openNodeStore(path);
    let committed = 0;
    let error: unknown;
    const big = 'x'.repeat(2000);
    for (let i = 0; i < 200 && !error; i++) {
      try {
        await store.append(sampleEvent({ request_id: `${i}-${big}` }));
        committed++;
      } catch (e) {
        error = e;
      }
    }
    expect(String((error as Error)?.message)).toMatch(/SQLITE_FULL|disk is full|IOERR/);
    store.close();
    const result = await verifyDatabase(path, undefined);
    expect(result.ok, result.problem?.message).toBe(true);
    expect(result.checked).toBe(committed);
  });
});
