/**
 * The load step of the policy store: which bundle is active at boot (precedence in store.ts's
 * header and docs/policy.md). Reads the volume and the state folder, prepares the winner, records
 * a volume bundle like an install, and falls back (last known good, then the built-in baseline)
 * when the winner is refused.
 */
import { BUNDLE_FILE, SIGNATURE_SUFFIX } from './bundle.js';
import { baselineBytes } from './baseline.js';
import { sha256Hex } from './check.js';
import { formatProblem } from './schema.js';
import type { PolicySnapshot } from './snapshot.js';
import { MAX_HISTORY, type ActivePointer, type StoredFile } from './state.js';
import { nowIso, readQuietly, type PolicyStoreContext } from './store-context.js';
import { prepareBundle, refusedLine, type Prepared, type PrepareResult } from './store-prepare.js';

/** The outcome of boot: the snapshot to enforce and what status() says about it. */
export interface LoadedPolicy {
  readonly active: PolicySnapshot;
  readonly bootProblems: readonly string[];
  readonly fallback: boolean;
  /** The precedence winner loaded (no fallback): stored bundles are pruned after boot. */
  readonly winnerLoaded: boolean;
}

/** What boot reads before deciding. */
interface BootInputs {
  readonly volume: StoredFile | null;
  readonly volumeSha: string | null;
  readonly pointer: ActivePointer | null;
}

/** The precedence winner (null: no bundle anywhere) and the file it came from. */
interface Choice {
  readonly result: PrepareResult | null;
  readonly file: string;
  /** Set when there is no winner: why. */
  readonly problems: readonly string[];
}

/**
 * Decides, prepares and records the active bundle at boot. Never throws for a bad bundle; only a
 * broken built-in baseline throws.
 * @example
 * const loaded = await loadActivePolicy(context);
 * loaded.active.version; // '2026-03-13'
 */
export async function loadActivePolicy(context: PolicyStoreContext): Promise<LoadedPolicy> {
  if (context.baselineOnly) {
    context.log.info(context.baselineOnly);
    return { active: (await loadBaseline(context, context.baselineOnly)).snapshot, bootProblems: [], fallback: false, winnerLoaded: false };
  }
  const inputs = await readBootInputs(context);
  const choice = await chooseBundle(context, inputs);
  if (choice.result?.ok) {
    const winner = choice.result;
    if (winner.snapshot.source === 'volume' && inputs.volume) await recordVolumeBundle(context, inputs, winner.snapshot, inputs.volume);
    const { state, log } = context;
    await state.writeLastKnownGood(winner.file).catch((e: unknown) => log.warn(`Policy: cannot write ${state.lastKnownGoodPath}: ${(e as Error).message}`));
    return { active: winner.snapshot, bootProblems: choice.problems, fallback: false, winnerLoaded: true };
  }
  return fallBack(context, choice);
}

async function readBootInputs(context: PolicyStoreContext): Promise<BootInputs> {
  const { volumeFile, state, log } = context;
  const read = (path: string): Promise<Uint8Array | null> => readQuietly(context, path, () => context.volumes.read(path));
  const volumeBytes = await read(volumeFile);
  const volume: StoredFile | null = volumeBytes ? { bytes: volumeBytes, signature: await read(volumeFile + SIGNATURE_SUFFIX) } : null;
  const volumeSha = volume ? await sha256Hex(volume.bytes) : null;
  let pointer: ActivePointer | null = null;
  try {
    pointer = await state.readPointer();
  } catch (e) {
    log.warn(`Policy: ignoring ${state.pointerPath}: ${(e as Error).message}`);
  }
  return { volume, volumeSha, pointer };
}

/** Applies the precedence: the installed bundle while the volume is unchanged, else the volume. */
async function chooseBundle(context: PolicyStoreContext, { volume, volumeSha, pointer }: BootInputs): Promise<Choice> {
  const { volumeFile, policyDir, state, log } = context;
  if (pointer && (volume === null || volumeSha === pointer.volume_sha256)) {
    const file = state.bundlePath(pointer.version);
    const kind = pointer.source === 'installed' ? 'installed' : 'stored';
    log.info(
      `Policy bundle precedence: ${kind} version=${pointer.version} (${file}) wins: ` +
        (volume ? `${volumeFile} is unchanged since it was activated` : `${volumeFile} is absent`),
    );
    const stored = await readQuietly(context, file, () => state.readBundle(pointer.version));
    const reason = `${pointer.source === 'installed' ? 'installed' : 'loaded from the volume'} ${pointer.updated_at}, re-registered at boot`;
    const result: PrepareResult = stored
      ? await prepareBundle(context, stored, { source: pointer.source, reason }, `${file}${SIGNATURE_SUFFIX}`)
      : { ok: false, problems: [{ path: '$', message: 'the file is missing from the state folder' }] };
    return { result, file, problems: [] };
  }
  if (volume) {
    log.info(`Policy bundle precedence: ${volumeFile} wins: ${pointer ? `it changed since version=${pointer.version} was activated` : 'no bundle is installed'}`);
    const result = await prepareBundle(context, volume, { source: 'volume', reason: `loaded from ${volumeFile}` }, `${BUNDLE_FILE}${SIGNATURE_SUFFIX}`);
    return { result, file: volumeFile, problems: [] };
  }
  const folder = await readQuietly(context, policyDir, () => context.volumes.list(policyDir));
  const message = folder === null ? `No policy volume at ${policyDir}` : `No ${BUNDLE_FILE} in ${policyDir}`;
  if (folder === null) log.warn(message);
  else log.error(message);
  return { result: null, file: '', problems: [`${volumeFile}: not found`] };
}

/**
 * Remembers the volume's bundle like an install, so rollback can return to it and the next boot
 * knows whether the volume changed since. A failure only warns.
 */
async function recordVolumeBundle(context: PolicyStoreContext, { volumeSha, pointer }: BootInputs, active: PolicySnapshot, volume: StoredFile): Promise<void> {
  const { state, log, volumeFile } = context;
  const changed = pointer?.version !== active.version || pointer?.volume_sha256 !== volumeSha;
  try {
    const previousStored = await state.readBundle(active.version);
    if (previousStored && (await sha256Hex(previousStored.bytes)) !== active.sha256) {
      log.warn(`Policy bundle ${volumeFile} has version=${active.version} but other content than the stored bundle of that version; the volume's content replaces it (give every change a new version)`);
    }
    await state.writeBundle(active.version, volume);
    if (changed) {
      await state.writePointer({
        version: active.version,
        source: 'volume',
        volume_sha256: volumeSha,
        history: [...(pointer?.history ?? []).filter((v) => v !== active.version), active.version].slice(-MAX_HISTORY),
        updated_at: nowIso(),
      });
    }
  } catch (e) {
    log.warn(`Policy: cannot record the active bundle in ${state.dir}: ${(e as Error).message}`);
  }
}

/** The winner was refused or there is none: the last known good bundle, else the built-in baseline. */
async function fallBack(context: PolicyStoreContext, choice: Choice): Promise<LoadedPolicy> {
  const { state, log, volumeFile } = context;
  let bootProblems = choice.problems;
  if (choice.result && !choice.result.ok) {
    log.error(refusedLine(choice.file, choice.result.problems));
    bootProblems = choice.result.problems.map((p) => `${choice.file}: ${formatProblem(p)}`);
  }
  const fallback = choice.result !== null;
  const why = choice.result ? `${choice.file} was refused` : `${volumeFile} is missing`;
  const lkg = await readQuietly(context, state.lastKnownGoodPath, () => state.readLastKnownGood());
  const lkgResult = lkg
    ? await prepareBundle(context, lkg, { source: 'last-known-good', reason: `${why}; enforcing the last known good bundle` }, `${state.lastKnownGoodPath}${SIGNATURE_SUFFIX}`)
    : null;
  if (lkgResult?.ok) {
    log.warn(`Policy: ${why}; enforcing the last known good bundle version=${lkgResult.snapshot.version} (${state.lastKnownGoodPath})`);
    return { active: lkgResult.snapshot, bootProblems, fallback, winnerLoaded: false };
  }
  if (lkgResult && !lkgResult.ok) log.error(refusedLine(state.lastKnownGoodPath, lkgResult.problems));
  const baseline = await loadBaseline(context, why);
  log.warn(`Policy: ${why}; enforcing the built-in baseline bundle version=${baseline.snapshot.version} (no authentication)`);
  return { active: baseline.snapshot, bootProblems, fallback, winnerLoaded: false };
}

async function loadBaseline(context: PolicyStoreContext, why: string): Promise<Prepared> {
  const origin = { source: 'built-in', reason: `${why}; no usable last known good bundle; enforcing the built-in baseline` } as const;
  const baseline = await prepareBundle(context, { bytes: baselineBytes(), signature: null }, origin, 'baseline', true);
  if (!baseline.ok) throw new Error(`the built-in baseline policy is invalid: ${baseline.problems.map(formatProblem).join('; ')}`);
  return baseline;
}
