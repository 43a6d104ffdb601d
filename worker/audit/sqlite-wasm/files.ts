/**
 * The small synchronous file API the sqlite-wasm VFS needs, with two implementations: Deno's sync
 * file API (the gateway on Deno) and node:fs (the CLI and tests). Kept tiny so that both are
 * obviously equivalent.
 */
export interface SyncFile {
  /** Reads into buf at a file offset; returns the bytes read (short at end of file). */
  read(buf: Uint8Array, offset: number): number;
  /** Writes all of buf at a file offset. */
  write(buf: Uint8Array, offset: number): void;
  size(): number;
  truncate(size: number): void;
  /**
   * fdatasync: the data, and the metadata needed to read it back (the size), on stable storage.
   * What SQLite's own unix VFS does on Linux for every xSync; a full fsync adds a file system
   * journal commit for the mtime, per call.
   */
  sync(): void;
  /**
   * False once the file's name is gone (no link left): another process deleted it while it is
   * open here. A read-write `sqlite3` session does that to a WAL file when it closes.
   */
  linked(): boolean;
  close(): void;
}

export interface SyncFileApi {
  /** Opens read-write (or read-only); null when the file does not exist and create is false. */
  open(path: string, options: { create: boolean; readOnly: boolean }): SyncFile | null;
  exists(path: string): boolean;
  remove(path: string): void;
  /** fsyncs a folder, so that a created or deleted file name is durable. Best effort. */
  syncDir(path: string): void;
}

interface DenoFsFile {
  seekSync(offset: number, whence: number): number;
  readSync(buf: Uint8Array): number | null;
  writeSync(buf: Uint8Array): number;
  truncateSync(len?: number): void;
  syncSync(): void;
  syncDataSync(): void;
  statSync(): { size: number; nlink?: number | null };
  close(): void;
}
export interface DenoSyncApi {
  openSync(path: string, options: { read?: boolean; write?: boolean; create?: boolean }): DenoFsFile;
  statSync(path: string): unknown;
  removeSync(path: string): void;
  errors: { NotFound: new (...args: never[]) => Error };
}

/**
 * Deno's sync file API as a SyncFileApi.
 * @example
 * const files = denoFiles(Deno);
 */
export function denoFiles(deno: DenoSyncApi): SyncFileApi {
  // Deno's sync API has no positional read or write: seek, then read or write. The file position
  // is tracked so that a seek is skipped where the last call left it (SQLite writes a journal
  // page's header, body and checksum back to back: a third of the calls of a commit).
  const wrap = (f: DenoFsFile): SyncFile => {
    let position = 0;
    const seek = (offset: number) => {
      if (offset !== position) position = f.seekSync(offset, 0);
    };
    return {
      read(buf, offset) {
        seek(offset);
        let done = 0;
        try {
          while (done < buf.length) {
            const n = f.readSync(buf.subarray(done));
            if (n === null || n === 0) break;
            done += n;
          }
        } finally {
          position = offset + done;
        }
        return done;
      },
      write(buf, offset) {
        seek(offset);
        let done = 0;
        try {
          while (done < buf.length) done += f.writeSync(buf.subarray(done));
        } finally {
          position = offset + done;
        }
      },
      size: () => f.statSync().size,
      truncate: (size) => f.truncateSync(size),
      sync: () => f.syncDataSync(),
      // nlink is null where the platform does not report it: taken as linked.
      linked: () => f.statSync().nlink !== 0,
      close: () => f.close(),
    };
  };
  return {
    open(path, { create, readOnly }) {
      try {
        return wrap(deno.openSync(path, { read: true, write: !readOnly, create: create && !readOnly }));
      } catch (e) {
        if (e instanceof deno.errors.NotFound) return null;
        throw e;
      }
    },
    exists(path) {
      try {
        deno.statSync(path);
        return true;
      } catch {
        return false;
      }
    },
    remove(path) {
      try {
        deno.removeSync(path);
      } catch (e) {
        if (!(e instanceof deno.errors.NotFound)) throw e;
      }
    },
    syncDir(path) {
      try {
        const d = deno.openSync(path, { read: true });
        try {
          d.syncSync();
        } finally {
          d.close();
        }
      } catch {
        // Some file systems refuse to fsync a folder; the data itself is synced regardless.
      }
    },
  };
}

type NodeFs = typeof import('node:fs');

/**
 * node:fs as a SyncFileApi.
 * @example
 * const files = nodeFiles(await import('node:fs'));
 */
export function nodeFiles(fs: NodeFs): SyncFileApi {
  const wrap = (fd: number): SyncFile => ({
    read: (buf, offset) => {
      let done = 0;
      while (done < buf.length) {
        const n = fs.readSync(fd, buf, done, buf.length - done, offset + done);
        if (n === 0) break;
        done += n;
      }
      return done;
    },
    write: (buf, offset) => {
      let done = 0;
      while (done < buf.length) done += fs.writeSync(fd, buf, done, buf.length - done, offset + done);
    },
    size: () => fs.fstatSync(fd).size,
    truncate: (size) => fs.ftruncateSync(fd, size),
    sync: () => fs.fdatasyncSync(fd),
    linked: () => fs.fstatSync(fd).nlink !== 0,
    close: () => fs.closeSync(fd),
  });
  return {
    open(path, { create, readOnly }) {
      try {
        return wrap(fs.openSync(path, readOnly ? 'r' : create ? fs.constants.O_RDWR | fs.constants.O_CREAT : 'r+', 0o640));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    exists: (path) => fs.existsSync(path),
    remove(path) {
      try {
        fs.unlinkSync(path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    },
    syncDir(path) {
      try {
        const fd = fs.openSync(path, 'r');
        try {
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
      } catch {
        // best effort, as for Deno
      }
    },
  };
}
