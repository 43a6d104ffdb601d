/**
 * Contiguous writes gathered into one: SQLite journals each page as three back-to-back writes
 * (page number, page, checksum), about a dozen write calls per commit, each a system call and,
 * on Deno, a permission-checked op. Gathered, a commit writes its journal in two or three calls.
 *
 * Nothing is held past the points where SQLite depends on the bytes: a sync, a read, a size
 * query, a truncate or a close writes the gathered bytes first. Durability is unchanged, since
 * SQLite relies on no write before its sync (synchronous=FULL syncs the journal before it touches
 * the database, and the database before the commit returns).
 */
import type { SyncFile } from './files.js';

/** Gathered bytes are written once they reach this size, to bound the copy held in memory. */
const MAX_GATHERED_BYTES = 256 * 1024;

/**
 * A SyncFile whose contiguous writes are gathered and written as one, before any call that
 * depends on them.
 * @example
 * const file = coalesceWrites(files.open(path, { create: true, readOnly: false })!);
 * file.write(a, 0); file.write(b, a.length); // nothing written yet
 * file.sync(); // one write of a + b, then the sync
 */
export function coalesceWrites(file: SyncFile): SyncFile {
  let chunks: Uint8Array[] = [];
  let start = 0;
  let length = 0;
  const flush = (): void => {
    if (length === 0) return;
    const bytes = chunks.length === 1 ? chunks[0]! : concat(chunks, length);
    chunks = [];
    length = 0;
    file.write(bytes, start);
  };
  return {
    read(buf, offset) {
      flush();
      return file.read(buf, offset);
    },
    write(buf, offset) {
      if (length > 0 && offset !== start + length) flush();
      if (length === 0) start = offset;
      // A copy: the caller's buffer (a view of wasm memory) is reused as soon as this returns.
      chunks.push(buf.slice());
      length += buf.length;
      if (length >= MAX_GATHERED_BYTES) flush();
    },
    size() {
      flush();
      return file.size();
    },
    truncate(size) {
      flush();
      file.truncate(size);
    },
    sync() {
      flush();
      file.sync();
    },
    linked: () => file.linked(),
    close() {
      try {
        flush();
      } finally {
        file.close();
      }
    },
  };
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
