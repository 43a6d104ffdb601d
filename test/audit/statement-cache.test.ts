import { describe, expect, it } from 'vitest';
import { loadNodeSqlite } from '../../worker/audit/sqlite-wasm/node.js';
import { StatementCache } from '../../worker/audit/sqlite-wasm/statement-cache.js';

async function memoryDb() {
  const sqlite3 = await loadNodeSqlite();
  const db = new sqlite3.oo1.DB(':memory:', 'c');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)');
  return db;
}

describe('StatementCache (sqlite-wasm prepared statements reused across calls)', () => {
  it('reuses one prepared statement and binds fresh values each time', async () => {
    const db = await memoryDb();
    const statements = new StatementCache(db);
    for (const v of ['a', 'b', 'c']) statements.run('INSERT INTO t (v) VALUES (?)', [v]);
    expect(statements.rows<{ v: string }>('SELECT v FROM t WHERE id >= ? ORDER BY id', [2])).toEqual([{ v: 'b' }, { v: 'c' }]);
    expect(statements.rows<{ n: number }>('SELECT count(*) AS n FROM t', undefined)).toEqual([{ n: 3 }]);
    statements.clear();
    db.close();
  });

  it('stays usable after a statement fails (the failed step is reset, its bindings cleared)', async () => {
    const db = await memoryDb();
    const statements = new StatementCache(db);
    statements.run('INSERT INTO t (v) VALUES (?)', ['x']);
    expect(() => statements.run('INSERT INTO t (v) VALUES (?)', ['x'])).toThrow(/UNIQUE/);
    statements.run('INSERT INTO t (v) VALUES (?)', ['y']);
    expect(statements.rows<{ v: string }>('SELECT v FROM t ORDER BY id', undefined).map((r) => r.v)).toEqual(['x', 'y']);
    statements.clear();
    db.close();
  });

  it('runs every statement of a multi-statement text (not only the first)', async () => {
    const db = await memoryDb();
    const statements = new StatementCache(db);
    statements.run("INSERT INTO t (v) VALUES ('p'); INSERT INTO t (v) VALUES ('q');", undefined);
    expect(statements.rows<{ n: number }>('SELECT count(*) AS n FROM t;', undefined)).toEqual([{ n: 2 }]);
    statements.clear();
    db.close();
  });
});
