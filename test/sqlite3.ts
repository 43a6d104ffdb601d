/**
 * Reading an audit database in the tests the way operators do: the sqlite3 command when the
 * machine has it (CI installs it), else the project's own reader, `outpost audit query` (a
 * consistent snapshot read by sqlite-wasm), so that `npm test` passes on a machine with only Node.
 * Tests that must change a database behind the gateway's back (tampering) need the real command:
 * outside CI they are skipped, saying so; in CI a missing sqlite3 fails.
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const IN_CI = /^(true|1)$/i.test(process.env.CI ?? '');

function probe(): boolean {
  try {
    execFileSync('sqlite3', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether the sqlite3 command is on this machine. */
export const HAS_SQLITE3 = probe();

/** Tests that need the sqlite3 command itself skip outside CI when it is missing. */
export const SKIP_WITHOUT_SQLITE3 = !HAS_SQLITE3 && !IN_CI;
if (SKIP_WITHOUT_SQLITE3) {
  console.warn('SKIP (some audit tests): no sqlite3 command; the tests that edit an audit database behind the gateway need it. Install Debian\'s sqlite3 package (.ci/run does) to run them.');
}

/** `.schema TABLE`, which only the sqlite3 shell knows, as SQL. */
const SCHEMA = /^\.schema\s+(\w+)$/;

/**
 * The output of a read-only statement in sqlite3's list mode (columns joined by |, a row a line).
 * @example
 * querySqlite(dbPath, 'SELECT count(*) FROM local_audit_queue;'); // '12\n'
 */
export function querySqlite(dbPath: string, sql: string): string {
  if (HAS_SQLITE3) return execFileSync('sqlite3', ['-readonly', dbPath, sql], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const schema = SCHEMA.exec(sql.trim());
  const statement = schema ? `SELECT sql || ';' FROM sqlite_master WHERE name = '${schema[1]}';` : sql;
  return execFileSync(process.execPath, [join(ROOT, 'bin', 'outpost.mjs'), 'audit', 'query', statement, '--db', dbPath], { encoding: 'utf8', maxBuffer: 1 << 30 });
}

/** A statement that changes the database: the sqlite3 command only (see SKIP_WITHOUT_SQLITE3). */
export function writeSqlite(dbPath: string, sql: string): string {
  return execFileSync('sqlite3', [dbPath, sql], { encoding: 'utf8' });
}
