/**
 * Where the gateway keeps policy bundles between boots, under ${OUTPOST_STATE_DIR}/policy/:
 *
 *   bundles/<version>.json(.sig)   every bundle that became active (exact bytes), by version
 *   active.json                    which version is active, how it came, the version history
 *   last-known-good.json(.sig)     the last bundle that loaded successfully, whatever its source
 *
 * Only runtime.volumes touches files (workerd disk services write atomically: temp + rename).
 */
import type { Volumes } from '../runtime/index.js';
import { SIGNATURE_SUFFIX } from './bundle.js';

/** The active pointer (active.json). */
export interface ActivePointer {
  readonly version: string;
  /** How the version became active: from the volume at boot, or installed / rolled back through the admin API. */
  readonly source: 'volume' | 'installed';
  /** SHA-256 of the volume's policy_bundle.json when this pointer was written (null: none there). */
  readonly volume_sha256: string | null;
  /** Versions that were active, oldest first; the last one is `version`. Rollback pops it. */
  readonly history: readonly string[];
  readonly updated_at: string;
}

export interface StoredFile {
  readonly bytes: Uint8Array;
  readonly signature: Uint8Array | null;
}

/** History entries kept in active.json (bundle files beyond OUTPOST_POLICY_BUNDLES_KEPT are removed: prune.ts). */
export const MAX_HISTORY = 50;

/**
 * @example
 * const state = new PolicyState(runtime.volumes, '/var/lib/outpost');
 * const pointer = await state.readPointer();
 */
export class PolicyState {
  readonly dir: string;

  constructor(
    private readonly volumes: Volumes,
    stateDir: string,
  ) {
    this.dir = `${stateDir.replace(/\/+$/, '')}/policy`;
  }

  bundlePath(version: string): string {
    return `${this.dir}/bundles/${version}.json`;
  }

  get pointerPath(): string {
    return `${this.dir}/active.json`;
  }

  get lastKnownGoodPath(): string {
    return `${this.dir}/last-known-good.json`;
  }

  /** The pointer, or null when there is none; throws when it exists but is unreadable. */
  async readPointer(): Promise<ActivePointer | null> {
    const bytes = await this.volumes.read(this.pointerPath);
    if (!bytes) return null;
    const value = JSON.parse(new TextDecoder().decode(bytes)) as ActivePointer;
    if (typeof value?.version !== 'string' || !Array.isArray(value.history)) throw new Error(`${this.pointerPath} is not an active pointer`);
    return value;
  }

  async writePointer(pointer: ActivePointer): Promise<void> {
    await this.volumes.write(this.pointerPath, JSON.stringify(pointer, null, 2) + '\n');
  }

  private async readPair(path: string): Promise<StoredFile | null> {
    const bytes = await this.volumes.read(path);
    if (!bytes) return null;
    return { bytes, signature: await this.volumes.read(path + SIGNATURE_SUFFIX) };
  }

  private async writePair(path: string, file: StoredFile): Promise<void> {
    // The old signature goes first: a bundle never sits beside a signature of other bytes (a
    // crash in between leaves it unsigned, which signature checks then refuse or note).
    await this.volumes.remove(path + SIGNATURE_SUFFIX);
    await this.volumes.write(path, file.bytes);
    if (file.signature) await this.volumes.write(path + SIGNATURE_SUFFIX, file.signature);
  }

  readBundle(version: string): Promise<StoredFile | null> {
    return this.readPair(this.bundlePath(version));
  }

  writeBundle(version: string, file: StoredFile): Promise<void> {
    return this.writePair(this.bundlePath(version), file);
  }

  readLastKnownGood(): Promise<StoredFile | null> {
    return this.readPair(this.lastKnownGoodPath);
  }

  writeLastKnownGood(file: StoredFile): Promise<void> {
    return this.writePair(this.lastKnownGoodPath, file);
  }

  /** Versions with a stored bundle file. */
  async storedVersions(): Promise<string[]> {
    const names = (await this.volumes.list(`${this.dir}/bundles`)) ?? [];
    return names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length)).sort();
  }
}
