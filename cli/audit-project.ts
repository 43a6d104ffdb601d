/**
 * `outpost audit export --project ID` and `outpost audit verify --project ID` (projects mode): a
 * project's events on their own, verified by their per-project links (worker/audit/project-chain.ts),
 * so one project's records go to its auditor without anyone else's.
 */
import type { ChainRow } from '../worker/audit/chain.js';
import { verifyProjectChain, type ProjectVerifyResult } from '../worker/audit/project-chain.js';
import type { ExportManifest } from '../worker/audit/export.js';

/** The rows of one project, in queue order. */
export function projectRows(rows: readonly ChainRow[], project: string): ChainRow[] {
  return rows.filter((r) => {
    try {
      return (JSON.parse(r.event_json) as { project_id?: unknown }).project_id === project;
    } catch {
      return false;
    }
  });
}

/**
 * Verifies a project's export against its manifest (count, head hash, where it joins its chain).
 * @example
 * const result = verifyProjectExport(rows, manifest, digests);
 */
export function verifyProjectExport(rows: Iterable<ChainRow>, manifest: ExportManifest & { project: string }, digests: { sha256: (t: string) => string; hmac?: (t: string) => string }): ProjectVerifyResult {
  let firstPrev: string | null = null;
  const tapped = (function* () {
    for (const row of rows) {
      if (firstPrev === null) firstPrev = (JSON.parse(row.event_json) as { project_prev_hash?: string }).project_prev_hash ?? '';
      yield row;
    }
  })();
  const result = verifyProjectChain(tapped, manifest.project, digests);
  if (!result.ok) return result;
  const fail = (message: string): ProjectVerifyResult => ({ ...result, ok: false, problem: { kind: 'edited', id: null, message } });
  if (result.checked !== manifest.count || (manifest.count > 0 && result.headHash !== manifest.head_hash)) {
    return fail(`the events (${result.checked}) do not match the manifest (${manifest.count}, head ${manifest.head_hash})`);
  }
  if (manifest.count > 0 && firstPrev !== manifest.project_prev_hash) return fail(`the first event's project_prev_hash does not match the manifest`);
  return result;
}

export { projectManifestFields } from '../worker/audit/project-chain.js';
