/**
 * AUDIT_QUEUE_DB_PATH under workerd is a link to the Durable Object's file, which the gateway
 * creates while it starts. "Outpost ready" is said only once the link is there, so an operator (or
 * a script) reading the queue with sqlite3 as soon as the gateway says ready finds it.
 */
import { lstatSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { querySqlite } from '../sqlite3.js';
import { startGateway, type RunningGateway } from './harness.js';

describe('the audit queue file at "ready"', () => {
  const gateways: RunningGateway[] = [];
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
  });

  it.each(['1', '2'])('is readable with sqlite3 the moment the launcher says ready (OUTPOST_WORKERS=%s)', async (workers) => {
    const state = mkdtempSync(join(tmpdir(), 'outpost-audit-file-'));
    const db = join(state, 'audit', 'audit_queue.db');
    const gateway = await startGateway({ OUTPOST_STATE_DIR: state, OUTPOST_WORKERS: workers });
    gateways.push(gateway);
    // No request yet: only the readiness probe has run.
    expect(lstatSync(db).isSymbolicLink()).toBe(true);
    expect(querySqlite(db, 'SELECT count(*) FROM local_audit_queue;').trim()).toBe('0');
  });
});
