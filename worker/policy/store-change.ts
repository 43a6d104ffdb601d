/**
 * The change steps of the policy store: install and rollback (through the admin API), the
 * activate step both end in, and the pruning of stored bundles after an activation. Each works
 * over the store's context and state (store-context.ts); store.ts runs them one at a time.
 */
import { BUNDLE_FILE, SIGNATURE_SUFFIX } from './bundle.js';
import { sha256Hex } from './check.js';
import { restartNeededMessage, targetsWithoutChannel } from './channels.js';
import { pruneStoredBundles } from './prune.js';
import { formatProblem, type Problem } from './schema.js';
import { MAX_HISTORY, type ActivePointer } from './state.js';
import { announce, nowIso, plural, readQuietly, type PolicyStoreContext, type PolicyStoreState } from './store-context.js';
import { prepareBundle, type Prepared } from './store-prepare.js';
import type { PolicyChange } from './store-types.js';
import { loadActivePolicy } from './store-load.js';

type RefusalStatus = 409 | 422 | 503;

/**
 * Runs changes one at a time, in arrival order; a failed change does not stop the next.
 * @example
 * await serialized(state, () => installBundle(context, state, bytes, null));
 */
export function serialized<T>(state: PolicyStoreState, task: () => Promise<T>): Promise<T> {
  const run = state.queue.then(task, task);
  state.queue = run.catch(() => undefined);
  return run;
}

/**
 * Checks a bundle and activates it, unless it is the active one already, needs a restart (a target
 * without a channel), or reuses a stored version with other content.
 * @example
 * const change = await installBundle(context, state, bytes, null);
 * if (change.ok) change.version;
 */
export async function installBundle(context: PolicyStoreContext, state: PolicyStoreState, bytes: Uint8Array, signature: Uint8Array | null): Promise<PolicyChange> {
  const origin = { source: 'installed', reason: `installed through the admin API at ${nowIso()}` } as const;
  const prepared = await prepareBundle(context, { bytes, signature }, origin, `${BUNDLE_FILE}${SIGNATURE_SUFFIX}`);
  if (!prepared.ok) return refuse(context, state, 'install', 422, 'policy_invalid', `the bundle has ${plural(prepared.problems.length, 'problem')}`, prepared.problems);
  const { snapshot } = prepared;
  const { active } = state;
  if (snapshot.version === active.version && snapshot.sha256 === active.sha256 && active.source !== 'last-known-good') {
    return { ok: true, version: snapshot.version, previous: active.version, unchanged: true };
  }
  const unreachable = targetsWithoutChannel(snapshot.targets.all, state.reachable);
  if (unreachable.length) return refuse(context, state, 'install', 409, 'policy_needs_restart', restartNeededMessage(unreachable, context.volumeFile));
  const { state: files } = context;
  const stored = await readQuietly(context, files.bundlePath(snapshot.version), () => files.readBundle(snapshot.version));
  if (stored && (await sha256Hex(stored.bytes)) !== snapshot.sha256) {
    return refuse(context, state, 'install', 409, 'policy_version_exists', `version ${snapshot.version} is already installed with other content; give the bundle a new version`);
  }
  const pointer = await readPointerForChange(context);
  const history = [...(pointer?.history ?? []).filter((v) => v !== snapshot.version), snapshot.version];
  return activate(context, state, prepared, history, 'installed');
}

/**
 * Returns to the version before the current one in the history, if it is stored and still valid.
 * @example
 * const change = await rollbackBundle(context, state);
 * if (!change.ok) change.code; // 'no_previous_version'
 */
export async function rollbackBundle(context: PolicyStoreContext, state: PolicyStoreState): Promise<PolicyChange> {
  const { state: files } = context;
  const history = (await readPointerForChange(context))?.history ?? [];
  const target = history.length >= 2 ? history[history.length - 2]! : undefined;
  if (!target) return refuse(context, state, 'rollback', 409, 'no_previous_version', 'there is no previous policy version to roll back to');
  const path = files.bundlePath(target);
  const stored = await readQuietly(context, path, () => files.readBundle(target));
  if (!stored) return refuse(context, state, 'rollback', 409, 'previous_version_missing', `the stored bundle of version ${target} is missing (${path})`);
  const origin = { source: 'installed', reason: `rolled back from ${state.active.version} at ${nowIso()}` } as const;
  const prepared = await prepareBundle(context, stored, origin, `${path}${SIGNATURE_SUFFIX}`);
  if (!prepared.ok) return refuse(context, state, 'rollback', 409, 'previous_version_refused', `version ${target} is refused now`, prepared.problems);
  const unreachable = targetsWithoutChannel(prepared.snapshot.targets.all, state.reachable);
  if (unreachable.length) return refuse(context, state, 'rollback', 409, 'policy_needs_restart', restartNeededMessage(unreachable, context.volumeFile));
  return activate(context, state, prepared, history.slice(0, -1), 'rolled back');
}

/**
 * Runs the boot decision again (store-load.ts) and swaps in its winner when it differs from the
 * active bundle: how the other processes of the gateway follow an install or rollback that one
 * of them made (the installed pointer in the state folder is the shared word).
 * @example
 * const change = await reloadActive(context, state);
 */
export async function reloadActive(context: PolicyStoreContext, state: PolicyStoreState): Promise<PolicyChange> {
  const loaded = await loadActivePolicy(context);
  const previous = state.active.version;
  if (loaded.active.sha256 === state.active.sha256 && loaded.active.version === previous && loaded.active.source === state.active.source) {
    return { ok: true, version: previous, previous, unchanged: true };
  }
  state.active = loaded.active;
  state.activatedAt = nowIso();
  state.bootProblems = loaded.bootProblems;
  state.fallback = loaded.fallback;
  announce(context, loaded.active);
  return { ok: true, version: loaded.active.version, previous, unchanged: false };
}

/** Persists and swaps in a prepared snapshot; the active one stays if persisting fails. */
async function activate(context: PolicyStoreContext, state: PolicyStoreState, prepared: Prepared, history: readonly string[], what: string): Promise<PolicyChange> {
  const { state: files, log } = context;
  const previous = state.active.version;
  const snapshot = prepared.snapshot;
  try {
    await files.writeBundle(snapshot.version, prepared.file);
    await files.writePointer({ version: snapshot.version, source: 'installed', volume_sha256: await volumeSha(context), history: history.slice(-MAX_HISTORY), updated_at: nowIso() });
    await files.writeLastKnownGood(prepared.file);
  } catch (e) {
    return refuse(context, state, what, 503, 'policy_state_unwritable', `cannot persist the bundle in ${files.dir} (${(e as Error).message}); the active bundle is unchanged`);
  }
  state.active = snapshot;
  state.activatedAt = nowIso();
  state.bootProblems = [];
  state.fallback = false;
  log.info(`Policy bundle ${what}: version=${snapshot.version} (previous=${previous})`);
  announce(context, snapshot);
  await pruneBundles(context, state);
  return { ok: true, version: snapshot.version, previous, unchanged: false };
}

/**
 * Deletes stored bundles beyond OUTPOST_POLICY_BUNDLES_KEPT; a failure only warns.
 * @example
 * await pruneBundles(context, state);
 */
export async function pruneBundles(context: PolicyStoreContext, state: PolicyStoreState): Promise<void> {
  const { state: files, log, config } = context;
  try {
    const history = (await files.readPointer())?.history ?? [];
    const active = state.active.version;
    const removed = await pruneStoredBundles(files, context.volumes, { history, activeVersion: active, lastKnownGoodVersion: active, keep: config.policyBundlesKept });
    if (removed.length) log.info(`Policy: removed ${plural(removed.length, 'stored bundle')} beyond OUTPOST_POLICY_BUNDLES_KEPT=${config.policyBundlesKept}: ${removed.join(', ')}`);
  } catch (e) {
    log.warn(`Policy: cannot clean up stored bundles in ${files.dir}: ${(e as Error).message}`);
  }
}

/** Records and logs a refused change, and shapes it for the admin API. */
function refuse(
  context: PolicyStoreContext,
  state: PolicyStoreState,
  what: string,
  status: RefusalStatus,
  code: string,
  message: string,
  problems: readonly Problem[] = [],
): PolicyChange {
  const lines = problems.map(formatProblem);
  state.lastRefused = { what, at: nowIso(), problems: lines.length ? lines : [message] };
  context.log.error(`Policy ${what} refused: ${message}${lines.length ? `: ${lines.join('; ')}` : ''}`);
  return { ok: false, status, code, message, problems: lines };
}

/** The active pointer for a change; an unreadable one counts as none. */
export async function readPointerForChange(context: PolicyStoreContext): Promise<ActivePointer | null> {
  try {
    return await context.state.readPointer();
  } catch {
    return null;
  }
}

async function volumeSha(context: PolicyStoreContext): Promise<string | null> {
  const bytes = await readQuietly(context, context.volumeFile, () => context.volumes.read(context.volumeFile));
  return bytes ? sha256Hex(bytes) : null;
}
