/**
 * The audit queue's file under workerd: workerd names the Durable Object's SQLite file itself, so
 * the launcher links AUDIT_QUEUE_DB_PATH to it once the gateway has created it (a launch step;
 * `outpost audit` only finds the file).
 */
import { existsSync, lstatSync, readdirSync, readlinkSync, symlinkSync, unlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { AUDIT_UNIQUE_KEY } from './render-workerd.js';

/** The Durable Object's file under the audit folder, if workerd has created it. */
export function workerdDatabaseFile(dbPath: string): string | null {
  const dir = join(dirname(dbPath), AUDIT_UNIQUE_KEY);
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite');
  return files.length === 1 ? join(dir, files[0]!) : null;
}

/**
 * Makes AUDIT_QUEUE_DB_PATH a relative symlink to workerd's Durable Object file (created on the
 * gateway's first request), so that `sqlite3 "$AUDIT_QUEUE_DB_PATH"` reads the live queue.
 * SQLite resolves the link, so it finds the -wal and -shm files beside the real file.
 * @example
 * void linkWorkerdDatabase(values.AUDIT_QUEUE_DB_PATH);
 */
export async function linkWorkerdDatabase(dbPath: string, timeoutMs = 60_000, isDone: () => boolean = () => false): Promise<string | null> {
  const started = Date.now();
  for (;;) {
    const file = workerdDatabaseFile(dbPath);
    if (file) {
      const target = relative(dirname(dbPath), file);
      let stat;
      try {
        stat = lstatSync(dbPath);
      } catch {
        stat = null;
      }
      // An empty regular file is what sqlite3 leaves when run on the path before the link
      // exists: replace it. A non-empty one is another queue: keep it.
      if (stat && !stat.isSymbolicLink() && stat.size === 0) {
        unlinkSync(dbPath);
        stat = null;
      }
      if (stat && !stat.isSymbolicLink()) {
        console.error(`WARN Audit queue: ${dbPath} is a regular file (a Deno-backend queue?); workerd's queue is ${file}. Export the old one with: outpost audit export --db ${dbPath} --out FILE`);
        return null;
      }
      if (stat && readlinkSync(dbPath) === target) return file;
      if (stat) unlinkSync(dbPath);
      symlinkSync(target, dbPath);
      return file;
    }
    if (Date.now() - started > timeoutMs || isDone()) return null;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Waits (at most `boundMs`) for the link above: the readiness probe builds the gateway, which
 * creates the queue's file, and "ready" is said only once `sqlite3 "$AUDIT_QUEUE_DB_PATH"` can
 * read it, so a reader started at "ready" never finds the path missing.
 * @example
 * await auditFileLinked(linked); console.log('INFO Outpost ready on ...');
 */
export async function auditFileLinked(linked: Promise<unknown>, boundMs = 2000): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([linked, new Promise((r) => (timer = setTimeout(r, boundMs)))]).finally(() => clearTimeout(timer));
}
