/**
 * What every step of the policy store works over: the fixed context built once at boot (paths,
 * signature policy, API keys, the snapshot builder) and the mutable state that install and
 * rollback swap (the active snapshot and what status() reports). The steps are plain functions
 * over these two objects (store-load.ts, store-change.ts, store-list.ts); store.ts wires them.
 */
import type { GatewayConfig } from '../config/index.js';
import type { Logger } from '../log/index.js';
import type { RuntimeAdapter, Volumes } from '../runtime/index.js';
import { BUNDLE_FILE } from './bundle.js';
import { parseApiKeys } from './auth/api-key.js';
import type { CheckContext } from './check.js';
import { loadSignaturePolicy } from './signature.js';
import { noInspection, type BuildInspection, type PolicySnapshot, type SnapshotContext } from './snapshot.js';
import { PolicyState } from './state.js';

export interface PolicyStoreDeps {
  /** The DLP engine's stages for one risk tier (gateway.ts injects it); default: no inspection. */
  readonly buildInspection?: BuildInspection;
  /**
   * Projects mode: the project whose folder this store reads. A bundle naming another project
   * (or none) is refused, so a bundle copied into the wrong folder never governs that project.
   */
  readonly project?: ProjectFolder;
  /**
   * Projects mode, the gateway-wide store: no volume bundle is read (each project has its own);
   * the built-in baseline is enforced for nothing but status, and this says why in the log.
   */
  readonly baselineOnly?: string;
}

/** Where one project's store reads and keeps its bundles (projects/registry.ts builds it). */
export interface ProjectFolder {
  readonly id: string;
  /** The project's policy folder, e.g. <AIRGAP_POLICY_PATH>/projects/<id>. */
  readonly policyDir: string;
  /** The project's state folder, e.g. <OUTPOST_STATE_DIR>/projects/<id>. */
  readonly stateDir: string;
}

/** Fixed for the life of the store. */
export interface PolicyStoreContext {
  readonly config: GatewayConfig;
  readonly log: Logger;
  readonly volumes: Volumes;
  /** The state folder (active pointer, stored bundles, last known good). */
  readonly state: PolicyState;
  /** The policy volume folder, without a trailing slash. */
  readonly policyDir: string;
  /** The volume's policy_bundle.json. */
  readonly volumeFile: string;
  readonly checkContext: CheckContext;
  readonly snapshotContext: SnapshotContext;
  /** Projects mode: the id every bundle of this store must name (undefined in standalone mode). */
  readonly projectId?: string;
  /** Projects mode, the gateway-wide store: why only the baseline is loaded. */
  readonly baselineOnly?: string;
}

/** The most recent refused install or rollback. */
export interface RefusedChange {
  readonly what: string;
  readonly at: string;
  readonly problems: readonly string[];
}

/** Swapped by install and rollback; read by current() and status(). */
export interface PolicyStoreState {
  active: PolicySnapshot;
  activatedAt: string;
  /** Problems of the bundle that was refused at boot (cleared by the next activation). */
  bootProblems: readonly string[];
  /** True while a refused bundle made the gateway fall back. */
  fallback: boolean;
  lastRefused: RefusedChange | undefined;
  /** Target addresses with a runtime channel: those the gateway started with. */
  readonly reachable: ReadonlySet<string>;
  /** The tail of the install / rollback queue (one change at a time). */
  queue: Promise<unknown>;
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
export const nowIso = (): string => new Date().toISOString();

/**
 * Builds the fixed context: loads the signature key and parses the API keys, logging what it finds.
 * @example
 * const context = await createStoreContext(config, runtime, log, { buildInspection });
 * context.volumeFile; // '/etc/outpost/policy/policy_bundle.json'
 */
export async function createStoreContext(config: GatewayConfig, runtime: RuntimeAdapter, log: Logger, deps: PolicyStoreDeps): Promise<PolicyStoreContext> {
  const volumes = runtime.volumes;
  const policyDir = (deps.project?.policyDir ?? config.policyPath).replace(/\/+$/, '');

  const signatures = await loadSignaturePolicy(config.policy, (path) => volumes.read(path));
  if (signatures.keyError) log.error(`Policy signatures: ${signatures.keyError}; every policy bundle is refused until this is fixed`);
  else if (signatures.key) log.info(`Policy signatures: Ed25519 public key loaded${signatures.required ? '; unsigned bundles are refused' : ''}`);

  const apiKeys = parseApiKeys(config.policy.apiKeys);
  for (const warning of apiKeys.warnings) log.warn(warning);

  return {
    config,
    log,
    volumes,
    state: new PolicyState(volumes, deps.project?.stateDir ?? config.stateDir),
    policyDir,
    volumeFile: `${policyDir}/${BUNDLE_FILE}`,
    checkContext: { signatures, readPolicyFile: (relative) => volumes.read(`${policyDir}/${relative}`) },
    snapshotContext: { config, apiKeys: apiKeys.keys, buildInspection: deps.buildInspection ?? noInspection, ...(deps.project ? { projectId: deps.project.id } : {}) },
    ...(deps.project ? { projectId: deps.project.id } : {}),
    ...(deps.baselineOnly ? { baselineOnly: deps.baselineOnly } : {}),
  };
}

/**
 * Reads a file; an unreadable volume counts as absent, with a warning.
 * @example
 * const bytes = await readQuietly(context, path, () => context.volumes.read(path));
 */
export async function readQuietly<T>(context: PolicyStoreContext, what: string, read: () => Promise<T | null>): Promise<T | null> {
  try {
    return await read();
  } catch (e) {
    context.log.warn(`Policy: cannot read ${what}: ${(e as Error).message}`);
    return null;
  }
}

/**
 * Logs the lines every activation writes (the air-gap line and the load line).
 * @example
 * announce(context, snapshot); // "Policy bundle loaded: version=2026-03-13, rules=4"
 */
export function announce(context: PolicyStoreContext, snapshot: PolicySnapshot): void {
  if (context.config.airGap) context.log.info(`air_gap=True policy_bundle version=${snapshot.version}`);
  context.log.info(`Policy bundle loaded: version=${snapshot.version}, rules=${snapshot.rules}`);
}
