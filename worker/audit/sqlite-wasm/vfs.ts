/**
 * A synchronous, file-backed sqlite-wasm VFS over SyncFileApi: a real on-disk SQLite database
 * (the same bytes /usr/bin/sqlite3 reads) from Deno or Node.
 *
 * Locking is a no-op: the gateway is the database's only writer, and the file API offers no POSIX
 * (fcntl) locks that the sqlite3 command would see. Readers of a live Deno database should use
 * `sqlite3 -readonly` or `outpost audit export` (see docs/audit.md).
 */
import type { SyncFile, SyncFileApi } from './files.js';
import { coalesceWrites } from './coalesced-writes.js';
import type { Sqlite3Static, sqlite3_io_methods, sqlite3_vfs } from '@sqlite.org/sqlite-wasm';

type Sqlite3 = Sqlite3Static;
/** A VFS or file method as sqlite calls it: pointers and integers in, a result code out. */
type VfsMethod = (...args: never[]) => number;
// At runtime every struct member has a `$` accessor; sqlite-wasm's type file lists some of them
// without it (iVersion, xRandomness) and structInfo on instances instead of the class.
type IoMethodsStruct = sqlite3_io_methods & { $iVersion: number };
type VfsStruct = sqlite3_vfs & { $xRandomness: number };
const fileStructSize = (capi: Sqlite3['capi']): number => (capi.sqlite3_file as unknown as { structInfo: { sizeof: number } }).structInfo.sizeof;

/** A C string argument (a file name); sqlite never passes a null one where this is used. */
function cString(wasm: Sqlite3['wasm'], pointer: number): string {
  const value = wasm.cstrToJs(pointer);
  if (value === null) throw new Error('null file name');
  return value;
}

function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** What the file and VFS methods share: the sqlite3 instance, the files, the open handles. */
interface VfsContext {
  readonly capi: Sqlite3['capi'];
  readonly wasm: Sqlite3['wasm'];
  readonly files: SyncFileApi;
  readonly open: Map<number, { file: SyncFile; path: string; flags: number }>;
  /** The io_methods struct every opened file points at. */
  readonly io: IoMethodsStruct;
  /** Records an error for xGetLastError and maps it to a result code. */
  fail(e: unknown, rc: number): number;
  /** The open file behind a handle. */
  get(p: number): { file: SyncFile; path: string; flags: number };
}

/** The open files of every installed VFS (one per sqlite3 instance), for unlinkedWhileOpen. */
const openFilesOfAllVfs: Array<Map<number, { file: SyncFile; path: string }>> = [];

/**
 * Whether a file this VFS holds open at `path` has lost its name: deleted by another process
 * while open here, so what is written to it no longer reaches anyone who opens the path.
 * @example
 * if (unlinkedWhileOpen(`${dbPath}-wal`)) recreateWal();
 */
export function unlinkedWhileOpen(path: string): boolean {
  for (const open of openFilesOfAllVfs) {
    for (const f of open.values()) if (f.path === path && !f.file.linked()) return true;
  }
  return false;
}

function context(sqlite3: Sqlite3, files: SyncFileApi): VfsContext & { lastError(): Error | null } {
  const { capi, wasm } = sqlite3;
  const open = new Map<number, { file: SyncFile; path: string; flags: number }>();
  openFilesOfAllVfs.push(open);
  let lastError: Error | null = null;
  return {
    capi,
    wasm,
    files,
    open,
    io: new capi.sqlite3_io_methods() as IoMethodsStruct,
    lastError: () => lastError,
    fail(e, rc) {
      lastError = e instanceof Error ? e : new Error(String(e));
      // ENOSPC and EROFS are the failures an operator must see named: keep the message.
      const code = (e as { code?: string })?.code ?? (e as { name?: string })?.name;
      if (code === 'ENOSPC' || /No space left/i.test(String((e as Error)?.message))) return capi.SQLITE_FULL;
      return rc;
    },
    get(p) {
      const f = open.get(Number(p));
      if (!f) throw new Error('unknown sqlite file handle');
      return f;
    },
  };
}

/** The per-file methods (sqlite3_io_methods): reads, writes, sync, size; locking is a no-op. */
function fileMethods(ctx: VfsContext): Record<string, VfsMethod> {
  const { capi, wasm, files, open, fail, get } = ctx;
  return {
    xClose(pFile: number) {
      try {
        const f = get(pFile);
        open.delete(Number(pFile));
        f.file.close();
        if (f.flags & capi.SQLITE_OPEN_DELETEONCLOSE) files.remove(f.path);
        return 0;
      } catch (e) {
        return fail(e, capi.SQLITE_IOERR_CLOSE);
      }
    },
    xRead(pFile: number, pDest: number, n: number, offset64: bigint) {
      try {
        const heap = wasm.heap8u().subarray(Number(pDest), Number(pDest) + n);
        const got = get(pFile).file.read(heap, Number(offset64));
        if (got < n) {
          wasm.heap8u().fill(0, Number(pDest) + got, Number(pDest) + n);
          return capi.SQLITE_IOERR_SHORT_READ;
        }
        return 0;
      } catch (e) {
        return fail(e, capi.SQLITE_IOERR_READ);
      }
    },
    xWrite(pFile: number, pSrc: number, n: number, offset64: bigint) {
      try {
        get(pFile).file.write(wasm.heap8u().subarray(Number(pSrc), Number(pSrc) + n), Number(offset64));
        return 0;
      } catch (e) {
        return fail(e, capi.SQLITE_IOERR_WRITE);
      }
    },
    xTruncate(pFile: number, sz64: bigint) {
      try {
        get(pFile).file.truncate(Number(sz64));
        return 0;
      } catch (e) {
        return fail(e, capi.SQLITE_IOERR_TRUNCATE);
      }
    },
    xSync(pFile: number) {
      try {
        get(pFile).file.sync();
        return 0;
      } catch (e) {
        return fail(e, capi.SQLITE_IOERR_FSYNC);
      }
    },
    xFileSize(pFile: number, pSz64: number) {
      try {
        wasm.poke64(pSz64, BigInt(get(pFile).file.size()));
        return 0;
      } catch (e) {
        return fail(e, capi.SQLITE_IOERR_FSTAT);
      }
    },
    xLock: () => 0,
    xUnlock: () => 0,
    xCheckReservedLock(_pFile: number, pOut: number) {
      wasm.poke32(pOut, 0);
      return 0;
    },
    xFileControl: () => capi.SQLITE_NOTFOUND,
    xSectorSize: () => 4096,
    // As SQLite's unix VFS by default: a write never damages bytes outside its range on power loss.
    xDeviceCharacteristics: () => capi.SQLITE_IOCAP_POWERSAFE_OVERWRITE,
  };
}

/** The VFS methods: open, delete, access, paths, errors, time. */
function vfsMethods(ctx: VfsContext & { lastError(): Error | null }): Record<string, VfsMethod> {
  const { capi, wasm, files, open, fail, io } = ctx;
  let tempCounter = 0;
  return {
    xOpen(_pVfs: number, zName: number, pFile: number, flags: number, pOutFlags: number) {
      try {
        const path = zName && wasm.peek8(zName) ? cString(wasm, zName) : `/tmp/outpost-sqlite-temp-${Date.now()}-${tempCounter++}`;
        const readOnly = (flags & capi.SQLITE_OPEN_READONLY) !== 0;
        const create = (flags & capi.SQLITE_OPEN_CREATE) !== 0;
        const existed = files.exists(path);
        const opened = files.open(path, { create, readOnly });
        if (!opened) return capi.SQLITE_CANTOPEN;
        const file = readOnly ? opened : coalesceWrites(opened);
        // A new journal's name must be durable before the commit that relies on it.
        if (!existed && create) files.syncDir(dirname(path));
        open.set(Number(pFile), { file, path, flags });
        const sq3File = new capi.sqlite3_file(pFile);
        sq3File.$pMethods = io.pointer;
        sq3File.dispose();
        if (pOutFlags) wasm.poke32(pOutFlags, flags);
        return 0;
      } catch (e) {
        return fail(e, capi.SQLITE_CANTOPEN);
      }
    },
    xDelete(_pVfs: number, zName: number, syncDir: number) {
      try {
        const path = cString(wasm, zName);
        files.remove(path);
        if (syncDir) files.syncDir(dirname(path));
        return 0;
      } catch (e) {
        return fail(e, capi.SQLITE_IOERR_DELETE);
      }
    },
    xAccess(_pVfs: number, zName: number, _flags: number, pOut: number) {
      const path = wasm.cstrToJs(zName);
      wasm.poke32(pOut, path !== null && files.exists(path) ? 1 : 0);
      return 0;
    },
    xFullPathname(_pVfs: number, zName: number, nOut: number, pOut: number) {
      return wasm.cstrncpy(pOut, zName, nOut) < nOut ? 0 : capi.SQLITE_CANTOPEN;
    },
    xGetLastError(_pVfs: number, nOut: number, pOut: number) {
      const lastError = ctx.lastError();
      if (!lastError) return 0;
      const scope = wasm.scopedAllocPush();
      try {
        const [cMsg] = wasm.scopedAllocCString(lastError.message, true);
        wasm.cstrncpy(pOut, cMsg, nOut);
      } finally {
        wasm.scopedAllocPop(scope);
      }
      return capi.SQLITE_IOERR;
    },
    xCurrentTime(_pVfs: number, pOut: number) {
      wasm.poke(pOut, 2440587.5 + Date.now() / 864e5, 'double');
      return 0;
    },
    xCurrentTimeInt64(_pVfs: number, pOut: number) {
      wasm.poke(pOut, 0xbfc83e532200 + Date.now(), 'i64');
      return 0;
    },
    // Never sleep: the only contention is within this thread, which sleeping cannot resolve.
    xSleep: () => 0,
  };
}

/**
 * Registers the VFS under `name` (once per sqlite3 instance).
 * @example
 * installFileVfs(sqlite3, nodeFiles(fs), 'outpost-file');
 * new sqlite3.oo1.DB({ filename: '/data/audit_queue.db', flags: 'c', vfs: 'outpost-file' });
 */
export function installFileVfs(sqlite3: Sqlite3, files: SyncFileApi, name: string): void {
  const { capi, wasm } = sqlite3;
  if (capi.sqlite3_vfs_find(name)) return;
  const ctx = context(sqlite3, files);
  ctx.io.$iVersion = 1;
  sqlite3.vfs.installVfs({ io: { struct: ctx.io, methods: fileMethods(ctx) } });

  const vfs = new capi.sqlite3_vfs() as VfsStruct;
  const pDefault = capi.sqlite3_vfs_find(null);
  const dflt = pDefault ? (new capi.sqlite3_vfs(pDefault) as VfsStruct) : null;
  vfs.$iVersion = 2;
  vfs.$szOsFile = fileStructSize(capi);
  vfs.$mxPathname = 1024;
  if (dflt) {
    vfs.$xRandomness = dflt.$xRandomness;
    dflt.dispose();
  }
  const methods = vfsMethods(ctx);
  if (!vfs.$xRandomness) {
    methods.xRandomness = (_pVfs: number, nOut: number, pOut: number) => {
      const heap = wasm.heap8u();
      crypto.getRandomValues(heap.subarray(Number(pOut), Number(pOut) + nOut));
      return nOut;
    };
  }
  sqlite3.vfs.installVfs({ vfs: { struct: vfs, methods, name } });
}

/** The last VFS error message, for errors that SQLite reports only as an I/O code. */
export type { SyncFileApi };
