/**
 * Opening an audit database from Node (the CLI, tests, the benchmark), through node:fs.
 */
import * as fs from 'node:fs';
import { nodeFiles } from './files.js';
import { SqliteWasmStore } from './store.js';
import type { Sqlite3Static } from '@sqlite.org/sqlite-wasm';

/** sqlite-wasm's init; its type omits the Emscripten module options (print, printErr) it takes. */
type InitSqlite = (options: { print(message: string): void; printErr(message: string): void }) => Promise<Sqlite3Static>;

let sqlite: Promise<Sqlite3Static> | undefined;

/** sqlite-wasm's Node build, loaded once. */
export function loadNodeSqlite(): Promise<Sqlite3Static> {
  // Quiet: sqlite-wasm logs every failed statement to the console; callers report errors themselves.
  (globalThis as { sqlite3ApiConfig?: object }).sqlite3ApiConfig = { warn: () => {}, error: () => {}, debug: () => {}, log: () => {} };
  sqlite ??= import('@sqlite.org/sqlite-wasm').then((m) => (m.default as unknown as InitSqlite)({ print: () => {}, printErr: () => {} }));
  return sqlite;
}

/**
 * @example
 * const store = await openNodeStore('/var/lib/outpost/audit_queue.db', { hmacKey });
 */
export function openNodeStore(path: string, options: { hmacKey?: string; readOnly?: boolean; exclusive?: boolean } = {}): Promise<SqliteWasmStore> {
  return SqliteWasmStore.open({ path, files: nodeFiles(fs), loadSqlite: loadNodeSqlite, ...options });
}
