/**
 * `outpost audit`: the operator's side of the audit queue, with no sqlite3 binary needed
 * (sqlite-wasm over node:fs, the same VFS the Deno gateway uses).
 *
 *   outpost audit path                         the SQLite file AUDIT_QUEUE_DB_PATH leads to
 *   outpost audit verify [--db FILE]           verify the chain; names the first bad event, exits 1
 *   outpost audit verify --export FILE         verify an export (manifest, file hash, chain)
 *   outpost audit export --out FILE [--since T] [--until T] [--db FILE] [--delete]
 *                                              JSONL + FILE.manifest.json; --delete removes the
 *                                              exported events after the export verified
 *                                              (gateway stopped)
 *
 * A live database is never read in place: verify and export read a consistent snapshot (see
 * snapshotDatabase), so a running gateway is neither blocked nor disturbed.
 */
import { createHash, createHmac } from 'node:crypto';
import { exportManifest, type ExportManifest } from '../worker/audit/export.js';
import { copyFileSync, createReadStream, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync, openSync, readSync, writeSync, closeSync, fsyncSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { verifyChain, type ChainRow, type VerifyResult } from '../worker/audit/chain.js';
import { openNodeStore } from '../worker/audit/sqlite-wasm/node.js';
import { resolveEnvironment } from './environment.js';
import { workerdDatabaseFile } from './launch/audit-database.js';
import { parseFlags, usageExit, type ParsedFlags } from './flags.js';
import { auditHmacKey } from './operator-env.js';
import { projectManifestFields, projectRows, verifyProjectExport } from './audit-project.js';
import { verifyProjectChain } from '../worker/audit/project-chain.js';

/**
 * The SQLite file behind AUDIT_QUEUE_DB_PATH: the file itself (Deno backend), the target of its
 * link, or workerd's Durable Object file when the link is not made yet.
 * @example
 * auditDatabaseFile('/var/lib/outpost/audit/audit_queue.db');
 */
export function auditDatabaseFile(dbPath: string): string {
  if (existsSync(dbPath)) return realpathSync(dbPath);
  return workerdDatabaseFile(dbPath) ?? dbPath;
}

/**
 * Copies a database into a private folder, consistently, while a gateway may be writing it.
 * WAL (workerd): copy the WAL, then the database, then the WAL again, and retry unless the WAL
 * header (its salts) stayed the same: then every page a checkpoint wrote into the database
 * during the copy is also in the second WAL copy, which SQLite replays over it. Rollback journal
 * (Deno): retry until no journal header was set around the copy and the header's change counter held.
 */
export function snapshotDatabase(file: string): { path: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-audit-'));
  const path = join(dir, 'audit.db');
  const header = (f: string, n: number) => {
    try {
      return readFileSync(f).subarray(0, n).toString('hex');
    } catch {
      return '';
    }
  };
  for (let attempt = 0; attempt < 50; attempt++) {
    const wal = `${file}-wal`;
    if (existsSync(wal)) {
      const before = header(wal, 32);
      copyFileSync(wal, `${path}-wal`);
      copyFileSync(file, path);
      copyFileSync(wal, `${path}-wal`);
      if (header(`${path}-wal`, 32) === before) return { path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
    } else {
      const journal = `${file}-journal`;
      // A write transaction is under way while the journal's header is set: the Deno queue keeps
      // its journal (journal_mode=PERSIST) and zeroes the header at each commit's end.
      const busy = () => /[^0]/.test(header(journal, 28));
      const counter = header(file, 100).slice(48, 56);
      if (!busy()) {
        copyFileSync(file, path);
        if (!busy() && header(path, 100).slice(48, 56) === counter) return { path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
      }
    }
    rmSync(`${path}-wal`, { force: true });
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`could not take a consistent snapshot of ${file} (busy); try again`);
}

/** Chain digests via node:crypto (much faster than the worker's JS SHA-256 for big exports). */
function nodeDigests(hmacKey: string | undefined) {
  return {
    sha256: (text: string) => createHash('sha256').update(text).digest('hex'),
    ...(hmacKey ? { hmac: (text: string) => createHmac('sha256', hmacKey).update(text).digest('hex') } : {}),
  };
}

/** Opens a snapshot of the queue for reading. WAL files need exclusive locking (no shm in the VFS). */
async function openSnapshot(file: string, hmacKey: string | undefined) {
  const snap = snapshotDatabase(file);
  // A private copy: opened read-write so SQLite may replay (and checkpoint) the copied WAL.
  const store = await openNodeStore(snap.path, { hmacKey, exclusive: true });
  return {
    store,
    close() {
      store.close();
      snap.cleanup();
    },
  };
}

function allRows(store: Awaited<ReturnType<typeof openNodeStore>>): ChainRow[] {
  const rows: ChainRow[] = [];
  let after = 0;
  for (;;) {
    const page = store.core.peek(10_000, after);
    if (page.length === 0) return rows;
    for (const r of page) rows.push({ id: r.id, event_json: r.event_json });
    after = page[page.length - 1]!.id;
  }
}

/**
 * Verifies the queue's chain.
 * @example
 * const result = await verifyDatabase('/var/lib/outpost/audit/audit_queue.db', auditHmacKey(process.env));
 */
export async function verifyDatabase(dbPath: string, hmacKey: string | undefined, project?: string): Promise<VerifyResult & { depth: number }> {
  const file = auditDatabaseFile(dbPath);
  if (!existsSync(file)) throw new Error(`no audit database at ${dbPath}`);
  const db = await openSnapshot(file, hmacKey);
  try {
    const rows = allRows(db.store);
    const result = verifyChain(rows, { state: db.store.core.state(), removed: db.store.core.removedMap(), digest: nodeDigests(hmacKey) });
    if (!result.ok || project === undefined) return { ...result, depth: rows.length };
    // The queue verified as a whole; then the project's own links among its rows.
    const own = projectRows(rows, project);
    const mine = verifyProjectChain(own, project, nodeDigests(hmacKey), 'id');
    const problem = mine.problem ? { kind: mine.problem.kind === 'foreign' ? ('malformed' as const) : mine.problem.kind, id: mine.problem.id, seq: null, message: mine.problem.message } : undefined;
    return { ok: mine.ok, checked: mine.checked, firstSeq: mine.firstSeq, lastSeq: mine.lastSeq, headHash: mine.headHash, ...(problem ? { problem } : {}), depth: own.length };
  } finally {
    db.close();
  }
}

export type { ExportManifest };

function sha256File(path: string): Promise<string> {
  return new Promise((res, rej) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (d) => h.update(d))
      .on('end', () => res(h.digest('hex')))
      .on('error', rej);
  });
}

/**
 * Writes the queue (or the contiguous seq range covering [since, until)) as JSONL plus a manifest.
 * @example
 * await exportDatabase(dbPath, { out: '/media/usb/audit-2026-11.jsonl' });
 */
export async function exportDatabase(dbPath: string, options: { out: string; since?: string; until?: string; hmacKey?: string; delete?: boolean; project?: string }): Promise<ExportManifest> {
  const file = auditDatabaseFile(dbPath);
  if (!existsSync(file)) throw new Error(`no audit database at ${dbPath}`);
  const db = await openSnapshot(file, options.hmacKey);
  let manifest: ExportManifest;
  let ids: number[] = [];
  try {
    const all = allRows(db.store);
    const rows = options.project === undefined ? all : projectRows(all, options.project);
    const since = options.since ? Date.parse(options.since) : -Infinity;
    const until = options.until ? Date.parse(options.until) : Infinity;
    if (Number.isNaN(since) || Number.isNaN(until)) throw new Error('--since and --until take ISO-8601 times');
    // A contiguous range keeps the export verifiable on its own: from the first event at or
    // after --since to the last one before --until, whatever lies between.
    const times = rows.map((r) => Date.parse((JSON.parse(r.event_json) as { time: string }).time));
    const first = times.findIndex((t) => t >= since);
    let last = -1;
    for (let i = times.length - 1; i >= 0; i--) if (times[i]! < until) { last = i; break; }
    const picked = first >= 0 && last >= first ? rows.slice(first, last + 1) : [];
    ids = picked.map((r) => r.id);
    const fd = openSync(options.out, 'w', 0o600);
    try {
      let buffer = '';
      for (const r of picked) {
        buffer += `${r.event_json}\n`;
        if (buffer.length > 1 << 20) {
          writeSync(fd, buffer);
          buffer = '';
        }
      }
      writeSync(fd, buffer);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    manifest = exportManifest(
      picked.map((r) => r.event_json),
      { file: basename(options.out), sha256: await sha256File(options.out), source: file, since: options.since ?? null, until: options.until ?? null },
    );
    if (options.project !== undefined) manifest = { ...manifest, ...projectManifestFields(options.project, picked.map((r) => r.event_json)) };
    writeFileSync(`${options.out}.manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  } finally {
    db.close();
  }
  if (options.delete && ids.length) {
    const check = await verifyExport(options.out, options.hmacKey);
    if (!check.ok) throw new Error(`the export did not verify (${check.problem?.message}); nothing deleted`);
    const store = await openNodeStore(file, { hmacKey: options.hmacKey, exclusive: true });
    try {
      store.core.remove(ids, 'exported');
    } finally {
      store.close();
    }
  }
  return manifest;
}

/**
 * Verifies an export offline: the manifest's file hash and counts, and the chain inside.
 * @example
 * const result = await verifyExport('/media/usb/audit-2026-11.jsonl');
 */
/** The lines of a file (without the newline), read in 4 MiB chunks: no whole-file string. */
function* fileLines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(4 << 20);
  const decoder = new TextDecoder();
  let rest = '';
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      const text = rest + decoder.decode(buffer.subarray(0, n), { stream: true });
      const lines = text.split('\n');
      rest = lines.pop()!;
      yield* lines;
    }
    rest += decoder.decode();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

export async function verifyExport(path: string, hmacKey?: string): Promise<VerifyResult & { manifest: ExportManifest }> {
  const manifest = JSON.parse(readFileSync(`${path}.manifest.json`, 'utf8')) as ExportManifest;
  const fail = (message: string): VerifyResult & { manifest: ExportManifest } => ({ ok: false, checked: 0, firstSeq: null, lastSeq: null, headHash: '', manifest, problem: { kind: 'edited', id: null, seq: null, message } });
  const digest = await sha256File(path);
  if (digest !== manifest.sha256) return fail(`the file's SHA-256 (${digest}) differs from the manifest's (${manifest.sha256}): the export was altered`);
  // Streamed line by line: an export of millions of events is larger than one JS string may be.
  let firstRow: ChainRow | undefined;
  const rows = (function* (): Generator<ChainRow> {
    let id = 0;
    for (const event_json of fileLines(path)) {
      const row = { id: ++id, event_json };
      firstRow ??= row;
      yield row;
    }
  })();
  if (manifest.project !== undefined) {
    const own = verifyProjectExport(rows, manifest as ExportManifest & { project: string }, nodeDigests(hmacKey));
    const problem = own.problem ? { kind: own.problem.kind === 'foreign' ? ('malformed' as const) : own.problem.kind, id: own.problem.id, seq: null, message: own.problem.message } : undefined;
    return { ok: own.ok, checked: own.checked, firstSeq: own.firstSeq, lastSeq: own.lastSeq, headHash: own.headHash, ...(problem ? { problem } : {}), manifest };
  }
  const result = verifyChain(rows, { rowLabel: 'line', digest: nodeDigests(hmacKey) });
  if (!result.ok) return { ...result, manifest };
  if (result.checked !== manifest.count || result.firstSeq !== manifest.first_seq || result.lastSeq !== manifest.last_seq || (manifest.count > 0 && result.headHash !== manifest.head_hash)) {
    return fail(`the events (${result.checked}, seq ${result.firstSeq}-${result.lastSeq}) do not match the manifest (${manifest.count}, seq ${manifest.first_seq}-${manifest.last_seq})`);
  }
  if (manifest.count > 0) {
    const firstPrev = (JSON.parse(firstRow!.event_json) as { prev_hash: string }).prev_hash;
    if (firstPrev !== manifest.prev_hash) return fail(`the first event's prev_hash does not match the manifest`);
  }
  return { ...result, manifest };
}

const AUDIT_USAGE = 'Usage: outpost audit path | verify [--db FILE] [--export FILE] [--project ID] | export --out FILE [--since T] [--until T] [--db FILE] [--project ID] [--delete] | query "SQL" [--db FILE]';

/** The flags of each audit subcommand (--db everywhere). */
const AUDIT_FLAGS = {
  path: { db: { type: 'string' } },
  verify: { db: { type: 'string' }, export: { type: 'string' }, project: { type: 'string' } },
  export: { db: { type: 'string' }, out: { type: 'string' }, since: { type: 'string' }, until: { type: 'string' }, delete: { type: 'boolean' }, project: { type: 'string' } },
  query: { db: { type: 'string' } },
} as const;

/** `outpost audit ...`; returns the exit code. */
export async function auditCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'path' && sub !== 'verify' && sub !== 'export' && sub !== 'query') {
    console.error(AUDIT_USAGE);
    return 2;
  }
  let parsed: ParsedFlags<(typeof AUDIT_FLAGS)['export'] & (typeof AUDIT_FLAGS)['verify']>;
  try {
    parsed = parseFlags(rest, AUDIT_FLAGS[sub], { positionals: sub === 'query' ? 1 : 0 });
  } catch (e) {
    return usageExit(e, AUDIT_USAGE);
  }
  const { flags } = parsed;
  const { values } = resolveEnvironment();
  const dbPath = resolve(flags.db ?? values.AUDIT_QUEUE_DB_PATH!);
  const hmacKey = auditHmacKey(process.env);
  switch (sub) {
    case 'path':
      console.log(auditDatabaseFile(dbPath));
      return 0;
    case 'verify': {
      const exportFile = flags.export;
      const result = exportFile ? await verifyExport(resolve(exportFile), hmacKey) : await verifyDatabase(dbPath, hmacKey, flags.project);
      if (!result.ok) {
        console.error(`FAIL ${result.problem!.message}`);
        return 1;
      }
      const range = result.firstSeq === null ? 'no events' : `${flags.project || ('manifest' in result && result.manifest.project) ? 'project seq' : 'seq'} ${result.firstSeq}-${result.lastSeq}`;
      console.log(`OK ${result.checked} events verified (${range}), chain head ${result.headHash}`);
      return 0;
    }
    case 'export': {
      const out = flags.out;
      if (!out) {
        console.error('ERROR outpost audit export needs --out FILE');
        return 2;
      }
      const manifest = await exportDatabase(dbPath, { out: resolve(out), since: flags.since, until: flags.until, hmacKey, delete: flags.delete === true, ...(flags.project ? { project: flags.project } : {}) });
      console.log(`OK exported ${manifest.count} events (seq ${manifest.first_seq ?? '-'}-${manifest.last_seq ?? '-'}) to ${resolve(out)}; manifest ${resolve(out)}.manifest.json sha256 ${manifest.sha256}`);
      return 0;
    }
    case 'query': {
      // The queue read with SQL on a host without the sqlite3 command: a consistent private
      // snapshot, so nothing here can write to (or lock) the live queue.
      const [sql] = parsed.positionals;
      if (!sql) {
        console.error('ERROR outpost audit query needs an SQL statement, e.g. "SELECT count(*) FROM local_audit_queue;"');
        return 2;
      }
      const snapshot = await openSnapshot(auditDatabaseFile(dbPath), hmacKey);
      try {
        for (const row of snapshot.store.query(sql)) console.log(row.map((v) => (v === null ? '' : String(v))).join('|'));
      } catch (e) {
        console.error(`ERROR ${(e as Error).message}`);
        return 1;
      } finally {
        snapshot.close();
      }
      return 0;
    }
  }
}
