/**
 * Install -> upgrade -> rollback, as OPERATIONS.md describes it: two releases side by side under
 * <root>/releases, one symlink <root>/current selecting the active one, state (OUTPOST_STATE_DIR,
 * the audit database) under <root>/state. Each step runs the gateway through `current/bin/outpost
 * start` (real workerd, no Node on PATH), sends traffic, and checks that the state survived:
 * a marker file we control, every state file kept, the audit database's row count never
 * decreasing (once the audit queue writes one at AUDIT_QUEUE_DB_PATH), and the release folders
 * still verifying (nothing was written into them).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listFiles } from '../../cli/release.js';
import { buildRelease, chat, startLauncher } from './helpers.js';
import { freePort, startMock, type MockUpstream } from '../e2e/harness.js';
import { querySqlite } from '../sqlite3.js';

const OLD = '0.0.1-old';
const NEW = '0.0.2-new';
let root: string;
let out: string;
let mock: MockUpstream;
let mockUrl: string;
const rowCounts: number[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'outpost-opt-'));
  out = mkdtempSync(join(tmpdir(), 'outpost-upgrade-build-'));
  // Folders only (no tarball): the tarball path is covered by release.test.ts.
  for (const version of [OLD, NEW]) buildRelease(out, ['--version', version, '--runtime', 'workerd', '--no-tarball']);
  mkdirSync(join(root, 'releases'));
  for (const version of [OLD, NEW]) renameSync(join(out, `outpost-${version}-linux-x64`), join(root, 'releases', `outpost-${version}-linux-x64`));
  for (const d of ['state', 'policies']) mkdirSync(join(root, d));
  writeFileSync(join(root, 'state', 'marker.json'), JSON.stringify({ installed: 'before install' }));
  ({ mock, url: mockUrl } = await startMock());
}, 180_000);

afterAll(async () => {
  await mock?.close();
  for (const dir of [root, out]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Repoints <root>/current atomically (a new symlink renamed over the old one), as documented. */
function select(version: string): void {
  const next = join(root, 'current.next');
  symlinkSync(join('releases', `outpost-${version}-linux-x64`), next);
  renameSync(next, join(root, 'current'));
}

function stateFiles(): string[] {
  // SQLite's -wal/-shm come and go with checkpoints: not state of their own.
  // The AUDIT_QUEUE_DB_PATH link (made by the launcher) points at a file listed itself: set aside.
  const link = join(root, 'state', 'audit', 'audit_queue.db');
  const target = existsSync(link) && lstatSync(link).isSymbolicLink() ? readlinkSync(link) : null;
  if (target) unlinkSync(link);
  try {
    return listFiles(join(root, 'state')).filter((f) => !f.startsWith('.run/') && !/-(wal|shm)$/.test(f));
  } finally {
    if (target) symlinkSync(target, link);
  }
}

/**
 * Rows in local_audit_queue: in the database at AUDIT_QUEUE_DB_PATH, or (workerd) in the audit
 * Durable Object's SQLite files beside it. Undefined while no audit database exists.
 */
function auditRows(): number | undefined {
  const dir = join(root, 'state', 'audit');
  // AUDIT_QUEUE_DB_PATH (the launcher's link to workerd's file, once made), else workerd's file.
  const objects = join(dir, 'outpost-audit');
  const candidates = existsSync(join(dir, 'audit_queue.db'))
    ? [join(dir, 'audit_queue.db')]
    : existsSync(objects) ? listFiles(objects).filter((f) => f.endsWith('.sqlite') && !f.endsWith('metadata.sqlite')).map((f) => join(objects, f)) : [];
  let total: number | undefined;
  for (const db of candidates.filter((f) => existsSync(f))) {
    try {
      total = (total ?? 0) + Number(querySqlite(db, 'SELECT count(*) FROM local_audit_queue;').trim());
    } catch {
      // not (yet) a queue database: the next candidate
    }
  }
  return total;
}

async function runStep(expectedVersion: string, before: string[]): Promise<string[]> {
  const port = await freePort();
  const env = {
    PORT: String(port),
    OUTPOST_AIRGAP: 'true',
    OUTPOST_UPSTREAM_URL: mockUrl,
    OUTPOST_STATE_DIR: join(root, 'state'),
    AIRGAP_POLICY_PATH: join(root, 'policies'),
    AUDIT_QUEUE_DB_PATH: join(root, 'state', 'audit', 'audit_queue.db'),
  };
  const launcher = join(root, 'current', 'bin', 'outpost');
  expect(execFileSync(launcher, ['version'], { encoding: 'utf8' }).trim()).toBe(expectedVersion);
  const gw = await startLauncher(launcher, env);
  try {
    for (let i = 0; i < 3; i++) {
      const r = await chat(gw.url);
      expect(r.status).toBe(200);
    }
    expect(gw.output()).toContain(`INFO Outpost ${expectedVersion} starting (workerd, release ${join(root, 'releases')}`);
    const health = spawnSync(launcher, ['health'], { env: { PATH: '/usr/bin:/bin', ...env }, encoding: 'utf8' });
    expect(health.status, health.stderr).toBe(0);
  } finally {
    expect(await gw.stop()).toBe(0);
  }
  // State survived and nothing was lost.
  expect(JSON.parse(readFileSync(join(root, 'state', 'marker.json'), 'utf8'))).toEqual({ installed: 'before install' });
  const after = stateFiles();
  for (const f of before) expect(after, `state file ${f} survived`).toContain(f);
  const rows = auditRows();
  if (rows !== undefined) {
    // Three requests per step were recorded on top of what earlier releases wrote.
    if (rowCounts.length) expect(rows).toBeGreaterThan(rowCounts[rowCounts.length - 1]!);
    rowCounts.push(rows);
  }
  // Releases are immutable: both still verify after running.
  for (const v of [OLD, NEW]) {
    const r = spawnSync(join(root, 'releases', `outpost-${v}-linux-x64`, 'bin', 'outpost'), ['verify'], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
    expect(r.status, `${v}: ${r.stdout}${r.stderr}`).toBe(0);
  }
  return after;
}

it('installs, upgrades and rolls back with the state kept outside the releases', async () => {
  select(OLD);
  const afterInstall = await runStep(OLD, ['marker.json']);

  select(NEW);
  const afterUpgrade = await runStep(NEW, afterInstall);

  select(OLD);
  await runStep(OLD, afterUpgrade);

  console.log(`state files: ${stateFiles().join(', ')}; audit rows per step: ${rowCounts.length ? rowCounts.join(' -> ') : '(no audit database at AUDIT_QUEUE_DB_PATH yet)'}`);
}, 120_000);
