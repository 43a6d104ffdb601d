/**
 * Per-project links in the audit chain (projects mode).
 *
 * The queue keeps ONE chain (seq, prev_hash, hash) over every event: delivery to the platform,
 * `audit verify` of the queue and the removed-events bookkeeping stay exactly as in standalone
 * mode. An event with a project_id also carries `project_seq` (1, 2, 3, ... per project) and
 * `project_prev_hash` (the `hash` of that project's previous event, GENESIS_HASH for its first),
 * both inside the hashed content. So a project's events alone form a chain too: its export
 * (`outpost audit export --project ID`) verifies on its own, naming any event of that project
 * that was edited, deleted or reordered, without anyone else's records in the file.
 *
 * Why not a separate chain per project: one global order keeps the queue's guarantees (no gap,
 * no reorder across the gateway) and the platform's sync unchanged, and the per-project link
 * gives each project's auditor a self-contained proof; two chains in one hash cost nothing more.
 *
 * The column project_id (PRODUCT.md's table plus one column, never renamed) and the table of
 * project heads are added the first time a project's event is appended, so a standalone queue's
 * schema stays exactly the contract's.
 */
import { GENESIS_HASH, hashInput, type ChainRow, type Digest } from './chain.js';

/** The SQL the heads need (store.ts's SqlPort has this shape; declared here so neither imports the other). */
interface HeadsSql {
  exec(sql: string, ...params: unknown[]): void;
  all<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[];
}

export const PROJECT_HEADS_SQL = `CREATE TABLE IF NOT EXISTS audit_project_chain (project_id TEXT PRIMARY KEY, last_seq INTEGER NOT NULL, last_hash TEXT NOT NULL)`;

export interface ProjectHead {
  readonly seq: number;
  readonly hash: string;
}

/**
 * The project heads of a queue, read once and kept in step with each append.
 * @example
 * const heads = new ProjectHeads(sql); heads.ensureSchema(); heads.next('research'); // { seq: 1, hash: GENESIS_HASH }
 */
export class ProjectHeads {
  private heads: Map<string, ProjectHead> | undefined;
  private schemaReady = false;

  constructor(private readonly sql: HeadsSql) {}

  /** Adds project_id to local_audit_queue and the heads table, once, inside the caller's transaction. */
  ensureSchema(): void {
    if (this.schemaReady) return;
    const table = this.sql.all<{ sql: string }>(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'local_audit_queue'`)[0];
    if (table && !/\bproject_id\b/.test(table.sql)) this.sql.exec(`ALTER TABLE local_audit_queue ADD COLUMN project_id TEXT`);
    this.sql.exec(PROJECT_HEADS_SQL);
    this.schemaReady = true;
  }

  /** The link the project's next event gets. */
  next(project: string): ProjectHead {
    const head = this.load().get(project);
    return head ? { seq: head.seq + 1, hash: head.hash } : { seq: 1, hash: GENESIS_HASH };
  }

  /** Records a project's new head (in the caller's transaction). */
  advance(project: string, head: ProjectHead): void {
    this.sql.exec(
      `INSERT INTO audit_project_chain (project_id, last_seq, last_hash) VALUES (?, ?, ?) ON CONFLICT (project_id) DO UPDATE SET last_seq = excluded.last_seq, last_hash = excluded.last_hash`,
      project,
      head.seq,
      head.hash,
    );
    this.load().set(project, head);
  }

  /** Forgets the in-memory heads (after a failed transaction: the table is the truth). */
  reset(): void {
    this.heads = undefined;
    this.schemaReady = false;
  }

  private load(): Map<string, ProjectHead> {
    if (!this.heads) {
      const exists = this.sql.all(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'audit_project_chain'`).length > 0;
      const rows = exists ? this.sql.all<{ project_id: string; last_seq: number; last_hash: string }>(`SELECT project_id, last_seq, last_hash FROM audit_project_chain`) : [];
      this.heads = new Map(rows.map((r) => [r.project_id, { seq: Number(r.last_seq), hash: r.last_hash }]));
    }
    return this.heads;
  }
}

export interface ProjectVerifyResult {
  readonly ok: boolean;
  readonly checked: number;
  readonly firstSeq: number | null;
  readonly lastSeq: number | null;
  readonly headHash: string;
  readonly problem?: { readonly kind: 'edited' | 'deleted' | 'reordered' | 'malformed' | 'foreign'; readonly id: number | null; readonly message: string };
}

/**
 * Verifies one project's events on their own (an export of that project, in order): every event
 * is the project's, its hash matches its content, project_seq runs without gaps and each
 * project_prev_hash is the previous event's hash. The first event may start mid-chain (an export
 * after an earlier one); its project_prev_hash is where it joins.
 * @example
 * verifyProjectChain(rows, 'research', { sha256 }).ok; // true
 */
export function verifyProjectChain(rows: Iterable<ChainRow>, project: string, digests: { sha256: Digest; hmac?: Digest }, label = 'line'): ProjectVerifyResult {
  let checked = 0;
  let firstSeq: number | null = null;
  let lastSeq: number | null = null;
  let prevHash: string | null = null;
  const fail = (kind: NonNullable<ProjectVerifyResult['problem']>['kind'], id: number, message: string): ProjectVerifyResult => ({ ok: false, checked, firstSeq, lastSeq, headHash: prevHash ?? GENESIS_HASH, problem: { kind, id, message } });
  for (const row of rows) {
    let ev: Record<string, unknown>;
    try {
      ev = JSON.parse(row.event_json) as Record<string, unknown>;
    } catch {
      return fail('malformed', row.id, `${label} ${row.id} is not JSON`);
    }
    if (ev.project_id !== project) return fail('foreign', row.id, `${label} ${row.id} is not an event of project "${project}"`);
    const seq = ev.project_seq;
    if (typeof seq !== 'number' || typeof ev.project_prev_hash !== 'string' || typeof ev.hash !== 'string') return fail('malformed', row.id, `${label} ${row.id} carries no project chain link`);
    const digest = ev.hash_alg === 'hmac-sha256' ? digests.hmac : digests.sha256;
    if (!digest) return fail('edited', row.id, `${label} ${row.id} is HMAC-chained: set OUTPOST_AUDIT_HMAC_KEY to verify`);
    if (digest(hashInput(ev)) !== ev.hash) return fail('edited', row.id, `${label} ${row.id} (project seq ${seq}) was edited: its hash does not match its content`);
    if (lastSeq !== null && seq !== lastSeq + 1) {
      return seq > lastSeq + 1
        ? fail('deleted', row.id, `project seq ${lastSeq + 1}${seq - lastSeq > 2 ? `-${seq - 1}` : ''} is missing (deleted) before ${label} ${row.id}`)
        : fail('reordered', row.id, `${label} ${row.id} (project seq ${seq}) is out of order: project seq ${lastSeq + 1} was expected`);
    }
    if (prevHash !== null && ev.project_prev_hash !== prevHash) return fail('edited', row.id, `${label} ${row.id} (project seq ${seq}) was chained to a different event: the one before it was edited or replaced`);
    if (firstSeq === null && seq === 1 && ev.project_prev_hash !== GENESIS_HASH) return fail('edited', row.id, `${label} ${row.id} is the project's first event but does not start its chain`);
    firstSeq ??= seq;
    lastSeq = seq;
    prevHash = ev.hash as string;
    checked++;
  }
  return { ok: true, checked, firstSeq, lastSeq, headHash: prevHash ?? GENESIS_HASH };
}

/**
 * The manifest fields of a project export: the project, and where its first event joins the
 * project's chain.
 * @example
 * projectManifestFields('research', lines); // { project: 'research', project_prev_hash: '00…' }
 */
export function projectManifestFields(project: string, eventJsons: readonly string[]): { project: string; project_prev_hash: string | null } {
  const first = eventJsons[0] ? (JSON.parse(eventJsons[0]) as { project_prev_hash?: string }) : null;
  return { project, project_prev_hash: first?.project_prev_hash ?? null };
}
