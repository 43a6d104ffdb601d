/**
 * `outpost start` (Node launcher) leaves nothing in the temp folder once the gateway stops, logs a
 * shutdown line on SIGTERM, and keeps the audit folder private (issue 21).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startGateway } from './harness.js';

const scratch = mkdtempSync(join(tmpdir(), 'outpost-cleanup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('removes its config folder from TMPDIR, logs the shutdown, leaves the audit folder 0700', async () => {
  const tmp = join(scratch, 'tmp');
  const state = join(scratch, 'state');
  mkdirSync(tmp);
  mkdirSync(state); // the harness runs the launcher in it
  const gw = await startGateway({ TMPDIR: tmp, OUTPOST_STATE_DIR: state, AUDIT_QUEUE_DB_PATH: join(state, 'audit', 'audit_queue.db') });
  // While it runs, the rendered config is there (workerd reads it at start).
  expect(readdirSync(tmp).filter((f) => f.startsWith('outpost-'))).toHaveLength(1);
  expect(await gw.stop('SIGTERM')).toBe(0);
  expect(gw.output()).toMatch(/INFO Outpost shutting down \(SIGTERM\)/);
  expect(readdirSync(tmp)).toEqual([]);
  expect(statSync(join(state, 'audit')).mode & 0o777).toBe(0o700);
}, 60_000);
