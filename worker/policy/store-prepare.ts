/**
 * The prepare step of the policy store: bundle bytes -> checked bundle -> snapshot, or the
 * problems that refuse it. Shared by boot, install and rollback; it never changes the state.
 */
import { checkBundle, type CheckContext } from './check.js';
import { formatProblem, type Problem } from './schema.js';
import { buildSnapshot, type PolicySnapshot, type PolicySource } from './snapshot.js';
import type { StoredFile } from './state.js';
import { plural, type PolicyStoreContext } from './store-context.js';

export interface Prepared {
  readonly ok: true;
  readonly snapshot: PolicySnapshot;
  readonly file: StoredFile;
}
export type PrepareResult = Prepared | { readonly ok: false; readonly problems: readonly Problem[] };

/** Where a bundle comes from and why it is being loaded (shown by status()). */
export interface PrepareOrigin {
  readonly source: PolicySource;
  readonly reason: string;
}

/**
 * Checks a bundle and builds its snapshot; `trusted` skips the signature check (the baseline).
 * @example
 * const prepared = await prepareBundle(context, { bytes, signature: null }, { source: 'installed', reason: 'installed' }, 'policy_bundle.json.sig');
 * if (prepared.ok) prepared.snapshot.version;
 */
export async function prepareBundle(context: PolicyStoreContext, file: StoredFile, origin: PrepareOrigin, signatureName: string, trusted = false): Promise<PrepareResult> {
  const { log } = context;
  const checkContext: CheckContext = trusted
    ? { ...context.checkContext, signatures: { key: null, required: false }, signatureName }
    : { ...context.checkContext, signatureName };
  const checked = await checkBundle(file.bytes, file.signature, checkContext);
  if (!checked.ok) return checked;
  const projectProblem = trusted ? null : projectMismatch(context.projectId, checked.bundle.project?.id);
  if (projectProblem) return { ok: false, problems: [projectProblem] };
  for (const warning of checked.warnings) log.warn(`Policy bundle ${origin.reason}: ${formatProblem(warning)}`);
  for (const note of checked.notes) log.warn(`Policy bundle version=${checked.bundle.version}: ${note}`);
  if (checked.bundle.auth.mode === 'api_key' && context.snapshotContext.apiKeys.length === 0) {
    log.warn(`Policy bundle version=${checked.bundle.version}: auth mode "api_key" but OUTPOST_API_KEYS holds no keys; every model call will be refused with 401`);
  }
  try {
    return { ok: true, snapshot: await buildSnapshot(checked, origin, context.snapshotContext), file };
  } catch (e) {
    return { ok: false, problems: [{ path: '$', message: `cannot be enforced: ${(e as Error).message}` }] };
  }
}

/**
 * The log line of a refused bundle, naming every problem with its JSON path.
 * @example
 * refusedLine('/etc/outpost/policy/policy_bundle.json', problems); // "Policy bundle … refused (2 problems): …"
 */
export function refusedLine(file: string, problems: readonly Problem[]): string {
  return `Policy bundle ${file} refused (${plural(problems.length, 'problem')}): ${problems.map(formatProblem).join('; ')}`;
}

/** Projects mode: a bundle must name the project of its folder (standalone: no check). */
function projectMismatch(expected: string | undefined, named: string | undefined): Problem | null {
  if (expected === undefined || named === expected) return null;
  if (named === undefined) return { path: '$.project', message: `missing: a bundle in the folder of project "${expected}" must name it (project.id)` };
  return { path: '$.project.id', message: `names project "${named}" but lies in the folder of project "${expected}"` };
}
