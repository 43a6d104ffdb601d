/**
 * The export format for carrying audit events across the gap: JSONL (one event_json per line,
 * exactly as stored) plus a manifest. One definition for `outpost audit export` (local file) and
 * the admin API's export (remote operators); `outpost audit verify --export FILE` checks either.
 */

export const EXPORT_FORMAT = 'outpost-audit-export/1';

export interface ExportManifest {
  readonly format: typeof EXPORT_FORMAT;
  readonly file: string;
  readonly count: number;
  readonly first_seq: number | null;
  readonly last_seq: number | null;
  /** prev_hash of the first exported event: where this export joins the chain. */
  readonly prev_hash: string | null;
  /** hash of the last exported event: the chain head carried across. */
  readonly head_hash: string | null;
  /** SHA-256 of the JSONL file's bytes. */
  readonly sha256: string;
  readonly since: string | null;
  readonly until: string | null;
  readonly exported_at: string;
  readonly source: string;
  /** Projects mode: the project whose events alone this export holds (verified by their project links). */
  readonly project?: string;
  /** project_prev_hash of the first exported event: where the export joins the project's chain. */
  readonly project_prev_hash?: string | null;
}

/** The JSONL text of a run of stored events. */
export function exportLines(eventJsons: readonly string[]): string {
  return eventJsons.map((e) => `${e}\n`).join('');
}

/**
 * The manifest of an export whose JSONL has the given SHA-256.
 * @example
 * const manifest = exportManifest(rows.map((r) => r.event_json), { file: 'audit.jsonl', sha256, source: dbPath });
 */
export function exportManifest(
  eventJsons: readonly string[],
  options: { file: string; sha256: string; source: string; since?: string | null; until?: string | null },
): ExportManifest {
  const first = eventJsons[0] ? (JSON.parse(eventJsons[0]) as { seq: number; prev_hash: string }) : null;
  const last = eventJsons.length ? (JSON.parse(eventJsons[eventJsons.length - 1]!) as { seq: number; hash: string }) : null;
  return {
    format: EXPORT_FORMAT,
    file: options.file,
    count: eventJsons.length,
    first_seq: first?.seq ?? null,
    last_seq: last?.seq ?? null,
    prev_hash: first?.prev_hash ?? null,
    head_hash: last?.hash ?? null,
    sha256: options.sha256,
    since: options.since ?? null,
    until: options.until ?? null,
    exported_at: new Date().toISOString(),
    source: options.source,
  };
}
