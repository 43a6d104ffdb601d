/**
 * Issue 21's operator path, end to end: unpack the workerd release, start it with its sh launcher
 * and a PATH that holds no node, send traffic, then follow OPERATIONS.md's backup and restore
 * lines as written (only /opt/outpost, /backup, the backup's name and sudo/systemctl swapped for
 * this test's folders and process), and find every event in the restored queue with the chain
 * verifying, through the release's own CLI (dist/cli.mjs, no node_modules beside it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildRelease, chat, startLauncher, type Launched } from './helpers.js';
import { freePort, startMock, type MockUpstream } from '../e2e/harness.js';
import { SKIP_WITHOUT_SQLITE3 } from '../sqlite3.js';

const VERSION = '0.0.0-audittest';
const NAME = `outpost-${VERSION}-linux-x64`;
let work: string;
let mock: MockUpstream;
let mockUrl: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'outpost-auditbackup-'));
  buildRelease(join(work, 'out'), ['--version', VERSION, '--runtime', 'workerd']);
  mkdirSync(join(work, 'opt'));
  execFileSync('tar', ['-xzf', join(work, 'out', `${NAME}.tar.gz`), '-C', join(work, 'opt')]);
  // A PATH with the system tools the launcher uses and no node or npm.
  mkdirSync(join(work, 'path'));
  for (const tool of ['sh', 'dirname', 'mkdir', 'chmod', 'cat', 'sed', 'rm', 'mv', 'mktemp', 'sleep', 'ln', 'readlink', 'cp', 'kill']) {
    const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    if (found.startsWith('/')) symlinkSync(found, join(work, 'path', tool));
  }
  ({ mock, url: mockUrl } = await startMock());
}, 240_000);

afterAll(async () => {
  await mock?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

function sh(command: string): string {
  // In the test's folder: the export line writes audit-export.jsonl into the working folder.
  const r = spawnSync('sh', ['-c', command], { encoding: 'utf8', cwd: work });
  if (r.status !== 0) throw new Error(`${command}\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

/** The fenced lines of OPERATIONS.md's backup and restore section. */
function backupSection(release: string): string[] {
  const ops = readFileSync(join(release, 'OPERATIONS.md'), 'utf8');
  const section = ops.slice(ops.indexOf('## 6. Backup and restore'), ops.indexOf('## 7.'));
  const fenced = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return fenced.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
}

// OPERATIONS.md's steps are sqlite3 commands: they need the command itself (test/sqlite3.ts).
it.skipIf(SKIP_WITHOUT_SQLITE3)('backs up and restores the live queue as OPERATIONS.md says, every event found, chain verifying', async () => {
  const release = join(work, 'opt', NAME);
  const root = join(work, 'site');
  const audit = join(root, 'state', 'audit');
  mkdirSync(audit, { recursive: true, mode: 0o750 });
  mkdirSync(join(work, 'backup'));
  const env = { PATH: join(work, 'path'), PORT: String(await freePort()), OUTPOST_AIRGAP: 'true', OUTPOST_UPSTREAM_URL: mockUrl, OUTPOST_STATE_DIR: join(root, 'state'), AIRGAP_POLICY_PATH: join(root, 'policies'), AUDIT_QUEUE_DB_PATH: join(audit, 'audit_queue.db'), TMPDIR: join(work, 'tmp') };
  mkdirSync(env.TMPDIR);
  expect(spawnSync('sh', ['-c', 'command -v node'], { env: { PATH: env.PATH } }).status).not.toBe(0);
  // Lines as written, with this test's folders for the site's, the backup's real name, and the
  // service manager's stop/start done by stopping and starting the launcher.
  const swap = (line: string, backup: string) =>
    line.replaceAll('/opt/outpost', root).replaceAll('/backup/', `${work}/backup/`).replaceAll('outpost-audit-YYYYMMDD-HHMMSS.db', backup).replaceAll('$(date +%Y%m%d-%H%M%S)', 'test').replace(/^sudo /, '').replaceAll('; sudo ', '; ');
  const lines = backupSection(release);

  let gw: Launched = await startLauncher(join(release, 'bin', 'outpost'), env);
  const sent = 5;
  try {
    for (let i = 0; i < sent; i++) expect((await chat(gw.url)).status).toBe(200);
    // The link to workerd's file appears once the queue exists.
    for (let i = 0; i < 100 && !existsSync(env.AUDIT_QUEUE_DB_PATH); i++) await new Promise((r) => setTimeout(r, 100));
    expect(readlinkSync(env.AUDIT_QUEUE_DB_PATH)).toMatch(/^outpost-audit\/[0-9a-f]{64}\.sqlite$/);
    for (const line of lines.slice(0, lines.indexOf('sudo systemctl stop outpost'))) {
      const out = sh(swap(line, 'outpost-audit-test.db'));
      if (line.includes('integrity_check')) expect(out.trim()).toBe('ok');
      if (line.includes('SELECT count(*)')) expect(Number(out.trim())).toBe(sent);
    }
    // An event after the backup: the restore brings the queue back to the backup's content.
    expect((await chat(gw.url)).status).toBe(200);
  } finally {
    expect(await gw.stop()).toBe(0);
  }
  const restore = lines.slice(lines.indexOf('sudo systemctl stop outpost') + 1, lines.indexOf('sudo systemctl start outpost'));
  expect(restore.some((l) => l.includes('-wal'))).toBe(true);
  sh(restore.filter((l) => !l.includes('chown')).map((l) => swap(l, 'outpost-audit-test.db')).join('\n'));

  gw = await startLauncher(join(release, 'bin', 'outpost'), env);
  try {
    expect((await chat(gw.url)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(Number(sh(`sqlite3 '${env.AUDIT_QUEUE_DB_PATH}' "SELECT count(*) FROM local_audit_queue;"`).trim())).toBe(sent + 1);
    // The release's own CLI, with no node_modules around it, verifies the restored chain.
    const verify = spawnSync(process.execPath, [join(release, 'dist', 'cli.mjs'), 'audit', 'verify'], { env: { ...env, PATH: process.env.PATH! }, encoding: 'utf8', cwd: work });
    expect(verify.stdout + verify.stderr).toContain(`OK ${sent + 1} events verified (seq 1-${sent + 1})`);
    expect(verify.status).toBe(0);
  } finally {
    expect(await gw.stop()).toBe(0);
  }
  // Never world-writable, and the launcher kept the operator's mode.
  expect(statSync(audit).mode & 0o777).toBe(0o750);
  expect(statSync(join(audit, 'outpost-audit')).mode & 0o002).toBe(0);
  expect(existsSync(join(env.TMPDIR))).toBe(true);
  expect(sh(`ls -A '${env.TMPDIR}'`).trim()).toBe('');
}, 240_000);
