// A Durable Object that commits one audit-shaped row per call in one of several statement shapes,
// for bench/audit-commit.mjs: where the CPU of the audit queue's SQLite commit goes inside workerd.
// Each shape gets its own object (idFromName(shape)), so each has its own SQLite file.
// The queue table is PRODUCT.md's (AUTOINCREMENT), except in the shape 'no-autoincrement', which
// exists only to price the sqlite_sequence update; the contract keeps AUTOINCREMENT.
import { DurableObject } from 'cloudflare:workers';

const QUEUE = `CREATE TABLE IF NOT EXISTS local_audit_queue (id INTEGER PRIMARY KEY AUTOINCREMENT, event_json TEXT NOT NULL, queued_at REAL NOT NULL, retry_count INTEGER NOT NULL DEFAULT 0)`;
const QUEUE_PLAIN = QUEUE.replace(' AUTOINCREMENT', '');
const CHAIN = `CREATE TABLE IF NOT EXISTS audit_chain (id INTEGER PRIMARY KEY CHECK (id = 1), base_seq INTEGER NOT NULL, base_hash TEXT NOT NULL, last_seq INTEGER NOT NULL, last_hash TEXT NOT NULL)`;
// The chain-head statement worker/audit/store.ts runs once per commit.
const HEAD = `INSERT INTO audit_chain (id, base_seq, base_hash, last_seq, last_hash) VALUES (1, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET base_seq = excluded.base_seq, base_hash = excluded.base_hash, last_seq = excluded.last_seq, last_hash = excluded.last_hash`;
const INSERT_RETURNING = `INSERT INTO local_audit_queue (event_json, queued_at) VALUES (?, ?) RETURNING id`;
const INSERT = `INSERT INTO local_audit_queue (event_json, queued_at) VALUES (?, ?)`;

/** What each shape runs inside one transactionSync (null: no SQL at all, only the sync). */
const SHAPES = {
  'sync-only': null,
  'kv-put': (s, json) => s.kv.put('last', json),
  'store.ts (insert returning + head)': (s, json, n) => {
    s.sql.exec(INSERT_RETURNING, json, Date.now() / 1000).toArray();
    s.sql.exec(HEAD, 0, 'g', n, `h${n}`).toArray();
  },
  'insert + head, no RETURNING': (s, json, n) => {
    s.sql.exec(INSERT, json, Date.now() / 1000).toArray();
    s.sql.exec(HEAD, 0, 'g', n, `h${n}`).toArray();
  },
  'insert returning only (no head)': (s, json) => s.sql.exec(INSERT_RETURNING, json, Date.now() / 1000).toArray(),
  'no-autoincrement (insert + head)': (s, json, n) => {
    s.sql.exec(INSERT_RETURNING, json, Date.now() / 1000).toArray();
    s.sql.exec(HEAD, 0, 'g', n, `h${n}`).toArray();
  },
  'store.ts shape, no transactionSync': null,
};

export class CommitShapes extends DurableObject {
  n = 0;
  ready = false;

  async commit(shape, json) {
    const storage = this.ctx.storage;
    if (!this.ready) {
      storage.sql.exec(shape.startsWith('no-autoincrement') ? QUEUE_PLAIN : QUEUE);
      storage.sql.exec(CHAIN);
      this.ready = true;
    }
    const n = ++this.n;
    if (shape === 'store.ts shape, no transactionSync') SHAPES['store.ts (insert returning + head)'](storage, json, n);
    else if (SHAPES[shape]) storage.transactionSync(() => SHAPES[shape](storage, json, n));
    await storage.sync();
    return n;
  }
}

export default {
  async fetch(request, env) {
    const shape = decodeURIComponent(new URL(request.url).pathname.slice(1));
    if (shape === '') return Response.json(Object.keys(SHAPES));
    if (!(shape in SHAPES)) return new Response('unknown shape', { status: 404 });
    const stub = env.SHAPES.get(env.SHAPES.idFromName(shape));
    return new Response(String(await stub.commit(shape, await request.text())));
  },
};
