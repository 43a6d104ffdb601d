/**
 * Prepared statements kept per SQL text, so that a commit runs its four or five statements
 * without compiling them again: on sqlite-wasm the parse and code generation of each statement
 * cost about as much as executing it (a CPU profile of the Deno gateway's commit, issue 15).
 *
 * Only single statements are cached (text without an inner `;`): preparing a multi-statement
 * string would compile its first statement alone, so those go through db.exec as before.
 */
import type { BindingSpec, Database, PreparedStatement } from '@sqlite.org/sqlite-wasm';

/**
 * Statement texts kept. A batch's INSERT has one text per batch size (up to ROWS_PER_INSERT), so
 * the working set is a few dozen; past the bound the oldest is finalized.
 */
const MAX_STATEMENTS = 96;

/** A single statement: no `;` except trailing ones. */
function isSingleStatement(sql: string): boolean {
  const body = sql.trimEnd().replace(/;+$/, '');
  return !body.includes(';');
}

/**
 * Runs SQL through prepared statements that are reused across calls.
 * @example
 * const statements = new StatementCache(db);
 * statements.run('INSERT INTO t (a) VALUES (?)', [1]);
 * statements.rows<{ a: number }>('SELECT a FROM t WHERE a > ?', [0]); // [{ a: 1 }]
 */
export class StatementCache {
  private readonly statements = new Map<string, PreparedStatement>();

  constructor(private readonly db: Database) {}

  /** Runs a statement for its effect. */
  run(sql: string, bind: BindingSpec | undefined): void {
    const stmt = this.prepared(sql);
    if (!stmt) {
      this.db.exec({ sql, bind });
      return;
    }
    this.using(stmt, bind, () => {
      while (stmt.step()) {
        // a statement run for its effect (e.g. INSERT ... RETURNING) may still yield rows
      }
    });
  }

  /** A statement's rows, each as an object keyed by column name. */
  rows<T>(sql: string, bind: BindingSpec | undefined): T[] {
    const stmt = this.prepared(sql);
    if (!stmt) return this.db.exec({ sql, bind, rowMode: 'object', returnValue: 'resultRows' }) as unknown as T[];
    return this.using(stmt, bind, () => {
      const out: T[] = [];
      while (stmt.step()) out.push(stmt.get({}) as T);
      return out;
    });
  }

  /** Finalizes every cached statement (before the database closes). */
  clear(): void {
    for (const stmt of this.statements.values()) stmt.finalize();
    this.statements.clear();
  }

  private prepared(sql: string): PreparedStatement | null {
    const cached = this.statements.get(sql);
    if (cached) return cached;
    if (!isSingleStatement(sql)) return null;
    const stmt = this.db.prepare(sql);
    if (this.statements.size >= MAX_STATEMENTS) {
      const [oldestSql, oldest] = this.statements.entries().next().value as [string, PreparedStatement];
      this.statements.delete(oldestSql);
      oldest.finalize();
    }
    this.statements.set(sql, stmt);
    return stmt;
  }

  /** Binds, runs `fn`, and always resets the statement (clearing its bindings) for the next use. */
  private using<R>(stmt: PreparedStatement, bind: BindingSpec | undefined, fn: () => R): R {
    try {
      if (bind !== undefined) stmt.bind(bind);
      return fn();
    } finally {
      // A failed step leaves its error in the reset's result code, already reported by step().
      stmt.clearBindings();
      try {
        stmt.reset();
      } catch {
        // the step's own error is the one being thrown
      }
    }
  }
}
