/**
 * The policy store: decides at boot which bundle is active, swaps snapshots on install and
 * rollback, and persists what it needs to make the same decision after a restart.
 *
 * Precedence at boot (docs/policy.md):
 *   1. The installed bundle (state/policy/active.json) wins while the volume's policy_bundle.json
 *      is unchanged since the pointer was written (same SHA-256, or still absent): an install or
 *      rollback through the admin API is the operator's latest word.
 *   2. Otherwise the volume's policy_bundle.json wins: a changed volume is the newer word.
 *   3. The winner is refused (missing, invalid, bad signature): the last known good bundle, else
 *      the built-in baseline. The gateway never runs with no policy.
 * Each step is logged, naming the file and, for a refused one, every problem with its JSON path.
 */
import type { GatewayConfig } from '../config/index.js';
import type { Logger } from '../log/index.js';
import type { RuntimeAdapter } from '../runtime/index.js';
import { BUNDLE_FILE, SIGNATURE_SUFFIX } from './bundle.js';
import { parseApiKeys } from './auth/api-key.js';
import { baselineBytes } from './baseline.js';
import { checkBundle, sha256Hex, type CheckContext } from './check.js';
import { restartNeededMessage, targetAddress, targetsWithoutChannel } from './channels.js';
import { pruneStoredBundles } from './prune.js';
import { formatProblem, type Problem } from './schema.js';
import { loadSignaturePolicy } from './signature.js';
import { buildSnapshot, noInspection, type BuildInspection, type PolicySnapshot, type PolicySource, type SnapshotContext } from './snapshot.js';
import { MAX_HISTORY, PolicyState, type ActivePointer, type StoredFile } from './state.js';

export interface PolicyStatus {
  readonly version: string;
  readonly source: PolicySource;
  /** Why this bundle is the active one. */
  readonly reason: string;
  /** When this bundle is active because another was refused: that bundle's problems. */
  readonly problems: readonly string[];
  /** True when a refused bundle made the gateway fall back (last known good or baseline). */
  readonly fallback: boolean;
  readonly created_at: string;
  readonly sha256: string;
  readonly signed: boolean;
  readonly rules: number;
  readonly activated_at: string;
  /** The most recent refused install or rollback, if any since boot. */
  readonly last_refused?: { readonly what: string; readonly at: string; readonly problems: readonly string[] };
}

/** The outcome of install and rollback, shaped for the admin API. */
export type PolicyChange =
  | { readonly ok: true; readonly version: string; readonly previous: string; readonly unchanged: boolean }
  | { readonly ok: false; readonly status: 409 | 422 | 503; readonly code: string; readonly message: string; readonly problems: readonly string[] };

export interface InstalledBundle {
  readonly version: string;
  readonly created_at: string | null;
  readonly sha256: string;
  /** A signature file is stored beside it (verified when the bundle is activated). */
  readonly has_signature: boolean;
  readonly active: boolean;
  /** Position in the rollback history (0 = oldest), or null when not in it. */
  readonly history_index: number | null;
}

export interface PolicyStore {
  /** The active snapshot. Take it once per call: install swaps it atomically. */
  current(): PolicySnapshot;
  status(): PolicyStatus;
  /** Checks, persists and activates a bundle (exact file bytes and optional .sig bytes). */
  install(bundle: Uint8Array, signature?: Uint8Array | null): Promise<PolicyChange>;
  /** Returns to the version that was active before the current one. */
  rollback(): Promise<PolicyChange>;
  /** Stored bundle versions. */
  list(): Promise<InstalledBundle[]>;
}

export interface PolicyStoreDeps {
  /** The DLP engine's stages for one risk tier (gateway.ts injects it); default: no inspection. */
  readonly buildInspection?: BuildInspection;
}

interface Prepared {
  readonly ok: true;
  readonly snapshot: PolicySnapshot;
  readonly file: StoredFile;
}
type PrepareResult = Prepared | { readonly ok: false; readonly problems: readonly Problem[] };

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const nowIso = (): string => new Date().toISOString();

/**
 * Loads the active policy (see the precedence above) and returns the store the pipeline reads.
 * Never throws for a bad bundle: it falls back and says why in status().
 * @example
 * const policy = await createPolicyStore(config, runtime, log, { buildInspection: dlp.buildInspection });
 * policy.current().version; // '2026-03-13'
 */
export async function createPolicyStore(config: GatewayConfig, runtime: RuntimeAdapter, log: Logger, deps: PolicyStoreDeps = {}): Promise<PolicyStore> {
  const volumes = runtime.volumes;
  const policyDir = config.policyPath.replace(/\/+$/, '');
  const volumeFile = `${policyDir}/${BUNDLE_FILE}`;
  const state = new PolicyState(volumes, config.stateDir);

  const signatures = await loadSignaturePolicy(config.policy, (path) => volumes.read(path));
  if (signatures.keyError) log.error(`Policy signatures: ${signatures.keyError}; every policy bundle is refused until this is fixed`);
  else if (signatures.key) log.info(`Policy signatures: Ed25519 public key loaded${signatures.required ? '; unsigned bundles are refused' : ''}`);

  const apiKeys = parseApiKeys(config.policy.apiKeys);
  for (const warning of apiKeys.warnings) log.warn(warning);
  const checkContext: CheckContext = { signatures, readPolicyFile: (relative) => volumes.read(`${policyDir}/${relative}`) };
  const snapshotContext: SnapshotContext = { config, apiKeys: apiKeys.keys, buildInspection: deps.buildInspection ?? noInspection };

  /** Reads a file; an unreadable volume counts as absent, with a warning. */
  const readQuietly = async <T>(what: string, read: () => Promise<T | null>): Promise<T | null> => {
    try {
      return await read();
    } catch (e) {
      log.warn(`Policy: cannot read ${what}: ${(e as Error).message}`);
      return null;
    }
  };

  const prepare = async (file: StoredFile, origin: { source: PolicySource; reason: string }, signatureName: string, trusted = false): Promise<PrepareResult> => {
    const context: CheckContext = trusted ? { ...checkContext, signatures: { key: null, required: false }, signatureName } : { ...checkContext, signatureName };
    const checked = await checkBundle(file.bytes, file.signature, context);
    if (!checked.ok) return checked;
    for (const warning of checked.warnings) log.warn(`Policy bundle ${origin.reason}: ${formatProblem(warning)}`);
    for (const note of checked.notes) log.warn(`Policy bundle version=${checked.bundle.version}: ${note}`);
    if (checked.bundle.auth.mode === 'api_key' && apiKeys.keys.length === 0) {
      log.warn(`Policy bundle version=${checked.bundle.version}: auth mode "api_key" but OUTPOST_API_KEYS holds no keys; every model call will be refused with 401`);
    }
    try {
      return { ok: true, snapshot: await buildSnapshot(checked, origin, snapshotContext), file };
    } catch (e) {
      return { ok: false, problems: [{ path: '$', message: `cannot be enforced: ${(e as Error).message}` }] };
    }
  };

  const refusedLine = (file: string, problems: readonly Problem[]): string =>
    `Policy bundle ${file} refused (${plural(problems.length, 'problem')}): ${problems.map(formatProblem).join('; ')}`;

  const announce = (snapshot: PolicySnapshot): void => {
    if (config.airGap) log.info(`air_gap=True policy_bundle version=${snapshot.version}`);
    log.info(`Policy bundle loaded: version=${snapshot.version}, rules=${snapshot.rules}`);
  };

  const volumeSha = async (): Promise<string | null> => {
    const bytes = await readQuietly(volumeFile, () => volumes.read(volumeFile));
    return bytes ? sha256Hex(bytes) : null;
  };

  // ---- boot ----
  let active: PolicySnapshot;
  let activatedAt = nowIso();
  let bootProblems: string[] = [];
  let fallback = false;
  let lastRefused: PolicyStatus['last_refused'];

  const volumeBytes = await readQuietly(volumeFile, () => volumes.read(volumeFile));
  const volume: StoredFile | null = volumeBytes ? { bytes: volumeBytes, signature: await readQuietly(volumeFile + SIGNATURE_SUFFIX, () => volumes.read(volumeFile + SIGNATURE_SUFFIX)) } : null;
  const currentVolumeSha = volume ? await sha256Hex(volume.bytes) : null;
  let pointer: ActivePointer | null = null;
  try {
    pointer = await state.readPointer();
  } catch (e) {
    log.warn(`Policy: ignoring ${state.pointerPath}: ${(e as Error).message}`);
  }

  const installedWins = pointer !== null && (volume === null || currentVolumeSha === pointer.volume_sha256);
  let chosen: PrepareResult | null = null;
  let chosenFile = '';
  if (pointer && installedWins) {
    chosenFile = state.bundlePath(pointer.version);
    log.info(
      `Policy bundle precedence: ${pointer.source === 'installed' ? 'installed' : 'stored'} version=${pointer.version} (${chosenFile}) wins: ` +
        (volume ? `${volumeFile} is unchanged since it was activated` : `${volumeFile} is absent`),
    );
    const stored = await readQuietly(chosenFile, () => state.readBundle(pointer!.version));
    chosen = stored
      ? await prepare(stored, { source: pointer.source, reason: `${pointer.source === 'installed' ? 'installed' : 'loaded from the volume'} ${pointer.updated_at}, re-registered at boot` }, `${chosenFile}${SIGNATURE_SUFFIX}`)
      : { ok: false, problems: [{ path: '$', message: 'the file is missing from the state folder' }] };
  } else if (volume) {
    chosenFile = volumeFile;
    log.info(`Policy bundle precedence: ${volumeFile} wins: ${pointer ? `it changed since version=${pointer.version} was activated` : 'no bundle is installed'}`);
    chosen = await prepare(volume, { source: 'volume', reason: `loaded from ${volumeFile}` }, `${BUNDLE_FILE}${SIGNATURE_SUFFIX}`);
  } else {
    const folder = await readQuietly(policyDir, () => volumes.list(policyDir));
    const message = folder === null ? `No policy volume at ${policyDir}` : `No ${BUNDLE_FILE} in ${policyDir}`;
    if (folder === null) log.warn(message);
    else log.error(message);
    bootProblems = [`${volumeFile}: not found`];
  }

  if (chosen?.ok) {
    active = chosen.snapshot;
    if (chosen.snapshot.source === 'volume' && volume) {
      // Remember the volume's bundle like an install, so rollback can return to it and the next
      // boot knows whether the volume changed since.
      const changed = pointer?.version !== active.version || pointer?.volume_sha256 !== currentVolumeSha;
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
            volume_sha256: currentVolumeSha,
            history: [...(pointer?.history ?? []).filter((v) => v !== active.version), active.version].slice(-MAX_HISTORY),
            updated_at: nowIso(),
          });
        }
      } catch (e) {
        log.warn(`Policy: cannot record the active bundle in ${state.dir}: ${(e as Error).message}`);
      }
    }
    await state.writeLastKnownGood(chosen.file).catch((e: unknown) => log.warn(`Policy: cannot write ${state.lastKnownGoodPath}: ${(e as Error).message}`));
  } else {
    if (chosen && !chosen.ok) {
      log.error(refusedLine(chosenFile, chosen.problems));
      bootProblems = chosen.problems.map((p) => `${chosenFile}: ${formatProblem(p)}`);
    }
    fallback = chosen !== null;
    const why = chosen ? `${chosenFile} was refused` : `${volumeFile} is missing`;
    const lkg = await readQuietly(state.lastKnownGoodPath, () => state.readLastKnownGood());
    const lkgResult = lkg ? await prepare(lkg, { source: 'last-known-good', reason: `${why}; enforcing the last known good bundle` }, `${state.lastKnownGoodPath}${SIGNATURE_SUFFIX}`) : null;
    if (lkgResult?.ok) {
      active = lkgResult.snapshot;
      log.warn(`Policy: ${why}; enforcing the last known good bundle version=${active.version} (${state.lastKnownGoodPath})`);
    } else {
      if (lkgResult && !lkgResult.ok) log.error(refusedLine(state.lastKnownGoodPath, lkgResult.problems));
      const baseline = await prepare({ bytes: baselineBytes(), signature: null }, { source: 'built-in', reason: `${why}; no usable last known good bundle; enforcing the built-in baseline` }, 'baseline', true);
      if (!baseline.ok) throw new Error(`the built-in baseline policy is invalid: ${baseline.problems.map(formatProblem).join('; ')}`);
      active = baseline.snapshot;
      log.warn(`Policy: ${why}; enforcing the built-in baseline bundle version=${active.version} (no authentication)`);
    }
  }
  announce(active);

  // Target addresses with a runtime channel: those the gateway started with.
  const reachable = new Set([...config.targets, ...active.targets.all].map(targetAddress));

  /** Deletes stored bundles beyond OUTPOST_POLICY_BUNDLES_KEPT; a failure only warns. */
  const prune = async (): Promise<void> => {
    try {
      const history = (await state.readPointer())?.history ?? [];
      const removed = await pruneStoredBundles(state, volumes, { history, activeVersion: active.version, lastKnownGoodVersion: active.version, keep: config.policyBundlesKept });
      if (removed.length) log.info(`Policy: removed ${plural(removed.length, 'stored bundle')} beyond OUTPOST_POLICY_BUNDLES_KEPT=${config.policyBundlesKept}: ${removed.join(', ')}`);
    } catch (e) {
      log.warn(`Policy: cannot clean up stored bundles in ${state.dir}: ${(e as Error).message}`);
    }
  };
  if (chosen?.ok) await prune();

  // ---- install / rollback, one at a time ----
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const refuse = (what: string, status: 409 | 422 | 503, code: string, message: string, problems: readonly Problem[] | readonly string[] = []): PolicyChange => {
    const lines = problems.map((p) => (typeof p === 'string' ? p : formatProblem(p)));
    lastRefused = { what, at: nowIso(), problems: lines.length ? lines : [message] };
    log.error(`Policy ${what} refused: ${message}${lines.length ? `: ${lines.join('; ')}` : ''}`);
    return { ok: false, status, code, message, problems: lines };
  };

  /** Persists and swaps in a prepared snapshot; the active one stays if persisting fails. */
  const activate = async (prepared: Prepared, history: readonly string[], what: string): Promise<PolicyChange> => {
    const previous = active.version;
    const snapshot = prepared.snapshot;
    try {
      await state.writeBundle(snapshot.version, prepared.file);
      await state.writePointer({ version: snapshot.version, source: 'installed', volume_sha256: await volumeSha(), history: history.slice(-MAX_HISTORY), updated_at: nowIso() });
      await state.writeLastKnownGood(prepared.file);
    } catch (e) {
      return refuse(what, 503, 'policy_state_unwritable', `cannot persist the bundle in ${state.dir} (${(e as Error).message}); the active bundle is unchanged`);
    }
    active = snapshot;
    activatedAt = nowIso();
    bootProblems = [];
    fallback = false;
    log.info(`Policy bundle ${what}: version=${snapshot.version} (previous=${previous})`);
    announce(snapshot);
    await prune();
    return { ok: true, version: snapshot.version, previous, unchanged: false };
  };

  const readPointerForChange = async (): Promise<ActivePointer | null> => {
    try {
      return await state.readPointer();
    } catch {
      return null;
    }
  };

  return {
    current: () => active,

    status: () => ({
      version: active.version,
      source: active.source,
      reason: active.reason,
      problems: bootProblems,
      fallback,
      created_at: active.createdAt,
      sha256: active.sha256,
      signed: active.signed,
      rules: active.rules,
      activated_at: activatedAt,
      ...(lastRefused ? { last_refused: lastRefused } : {}),
    }),

    install: (bytes, signature = null) =>
      serialized(async () => {
        const prepared = await prepare({ bytes, signature }, { source: 'installed', reason: `installed through the admin API at ${nowIso()}` }, `${BUNDLE_FILE}${SIGNATURE_SUFFIX}`);
        if (!prepared.ok) return refuse('install', 422, 'policy_invalid', `the bundle has ${plural(prepared.problems.length, 'problem')}`, prepared.problems);
        const { snapshot } = prepared;
        if (snapshot.version === active.version && snapshot.sha256 === active.sha256 && active.source !== 'last-known-good') {
          return { ok: true, version: snapshot.version, previous: active.version, unchanged: true };
        }
        const unreachable = targetsWithoutChannel(snapshot.targets.all, reachable);
        if (unreachable.length) return refuse('install', 409, 'policy_needs_restart', restartNeededMessage(unreachable, volumeFile));
        const stored = await readQuietly(state.bundlePath(snapshot.version), () => state.readBundle(snapshot.version));
        if (stored && (await sha256Hex(stored.bytes)) !== snapshot.sha256) {
          return refuse('install', 409, 'policy_version_exists', `version ${snapshot.version} is already installed with other content; give the bundle a new version`);
        }
        const pointerNow = await readPointerForChange();
        const history = [...(pointerNow?.history ?? []).filter((v) => v !== snapshot.version), snapshot.version];
        return activate(prepared, history, 'installed');
      }),

    rollback: () =>
      serialized(async () => {
        const pointerNow = await readPointerForChange();
        const history = pointerNow?.history ?? [];
        const target = history.length >= 2 ? history[history.length - 2]! : undefined;
        if (!target) return refuse('rollback', 409, 'no_previous_version', 'there is no previous policy version to roll back to');
        const stored = await readQuietly(state.bundlePath(target), () => state.readBundle(target));
        if (!stored) return refuse('rollback', 409, 'previous_version_missing', `the stored bundle of version ${target} is missing (${state.bundlePath(target)})`);
        const prepared = await prepare(stored, { source: 'installed', reason: `rolled back from ${active.version} at ${nowIso()}` }, `${state.bundlePath(target)}${SIGNATURE_SUFFIX}`);
        if (!prepared.ok) return refuse('rollback', 409, 'previous_version_refused', `version ${target} is refused now`, prepared.problems);
        const unreachable = targetsWithoutChannel(prepared.snapshot.targets.all, reachable);
        if (unreachable.length) return refuse('rollback', 409, 'policy_needs_restart', restartNeededMessage(unreachable, volumeFile));
        return activate(prepared, history.slice(0, -1), 'rolled back');
      }),

    list: async () => {
      const pointerNow = await readPointerForChange();
      const history = pointerNow?.history ?? [];
      const out: InstalledBundle[] = [];
      for (const version of await state.storedVersions()) {
        const stored = await readQuietly(state.bundlePath(version), () => state.readBundle(version));
        if (!stored) continue;
        let createdAt: string | null = null;
        try {
          const parsed = JSON.parse(new TextDecoder().decode(stored.bytes)) as { created_at?: unknown };
          createdAt = typeof parsed.created_at === 'string' ? parsed.created_at : null;
        } catch {
          // listed anyway: the check refuses it when someone tries to activate it
        }
        const sha256 = await sha256Hex(stored.bytes);
        const index = history.lastIndexOf(version);
        out.push({
          version,
          created_at: createdAt,
          sha256,
          has_signature: stored.signature !== null,
          active: version === active.version && sha256 === active.sha256,
          history_index: index >= 0 ? index : null,
        });
      }
      return out.sort((a, b) => (a.created_at ?? '').localeCompare(b.created_at ?? '') || a.version.localeCompare(b.version));
    },
  };
}
