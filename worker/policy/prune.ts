/**
 * Removes stored policy bundles beyond a count: the state folder keeps the active bundle, the last
 * known good one and the `keep` most recent others (OUTPOST_POLICY_BUNDLES_KEPT); everything older
 * is deleted with its signature. Most recent means: the rollback history first (last active
 * first), then the remaining bundles by their `created_at`, newest first.
 */
import { SIGNATURE_SUFFIX } from './bundle.js';
import type { PolicyState } from './state.js';
import type { Volumes } from '../runtime/index.js';

export interface PruneInput {
  /** Versions that were active, oldest first (active.json's history). */
  readonly history: readonly string[];
  readonly activeVersion: string;
  /** Version of last-known-good.json, when known. */
  readonly lastKnownGoodVersion: string | null;
  /** How many other versions to keep. */
  readonly keep: number;
}

/**
 * The versions to keep, given the history.
 * @example
 * keptVersions({ history: ['a', 'b', 'c', 'd'], activeVersion: 'd', lastKnownGoodVersion: 'd', keep: 2 }); // Set { 'd', 'c', 'b' }
 */
export function keptVersions(input: PruneInput, stored: ReadonlyArray<{ version: string; createdAt: string }> = []): Set<string> {
  const kept = new Set<string>([input.activeVersion]);
  if (input.lastKnownGoodVersion) kept.add(input.lastKnownGoodVersion);
  const byCreation = [...stored].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.version.localeCompare(a.version)).map((s) => s.version);
  const ranked = [...[...input.history].reverse(), ...byCreation];
  let others = 0;
  for (const version of ranked) {
    if (others >= input.keep) break;
    if (kept.has(version)) continue;
    kept.add(version);
    others++;
  }
  return kept;
}

/** A stored bundle's created_at ('' when unreadable: such a bundle ranks oldest). */
async function createdAtOf(state: PolicyState, version: string): Promise<string> {
  try {
    const stored = await state.readBundle(version);
    const parsed = stored ? (JSON.parse(new TextDecoder().decode(stored.bytes)) as { created_at?: unknown }) : null;
    return typeof parsed?.created_at === 'string' ? parsed.created_at : '';
  } catch {
    return '';
  }
}

/**
 * Deletes every stored bundle not kept; returns the removed versions.
 * @example
 * await pruneStoredBundles(state, volumes, { history, activeVersion, lastKnownGoodVersion, keep: 20 }); // ['2026-01-02']
 */
export async function pruneStoredBundles(state: PolicyState, volumes: Volumes, input: PruneInput): Promise<string[]> {
  const versions = await state.storedVersions();
  if (versions.length <= input.keep + 1) return [];
  const stored = await Promise.all(versions.map(async (version) => ({ version, createdAt: await createdAtOf(state, version) })));
  const kept = keptVersions(input, stored);
  const removed: string[] = [];
  for (const version of versions) {
    if (kept.has(version)) continue;
    const path = state.bundlePath(version);
    await volumes.remove(path + SIGNATURE_SUFFIX);
    await volumes.remove(path);
    removed.push(version);
  }
  return removed;
}
