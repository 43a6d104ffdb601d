/**
 * LaunchFiles answered from a snapshot taken up front: for a renderer with no host file system
 * (the workerd release's, which reaches "/" through a read-only disk service). The snapshot holds
 * exactly the paths launchPaths() names, plus the bundle files its folder listings reveal, each
 * fetched once; a question about any other path is a launcher bug and fails loudly rather than
 * rendering a config that silently lacks something.
 */
import { gatherLaunchFacts, launchPaths, type LaunchFacts } from './facts.js';
import { installedBundleFiles } from './bundle-targets.js';
import type { LaunchFiles } from './files.js';

/** What one path is, as far as the launcher asked. */
export type SnapshotEntry = { kind: 'missing' } | { kind: 'dir'; entries?: string[] } | { kind: 'file'; data?: Uint8Array };

/** How the snapshot is taken: one question per path, asked once. */
export interface PathProbe {
  /** What the path is; `list` asks for a folder's entries, `read` for a file's bytes. */
  probe(path: string, need: 'exists' | 'read' | 'list'): Promise<SnapshotEntry>;
}

/**
 * @example
 * gatherLaunchFacts(values, distDir, snapshotFiles(await takeLaunchSnapshot(values, distDir, probe)));
 */
export function snapshotFiles(snapshot: ReadonlyMap<string, SnapshotEntry>): LaunchFiles {
  const entry = (path: string) => {
    const found = snapshot.get(path);
    if (!found) throw new Error(`renderer: ${path} is not among the launch paths`);
    return found;
  };
  return {
    exists: (path) => entry(path).kind !== 'missing',
    read(path) {
      const e = entry(path);
      return e.kind === 'file' ? e.data : undefined;
    },
    list(dir) {
      const e = entry(dir);
      return e.kind === 'dir' ? e.entries : undefined;
    },
  };
}

/**
 * Takes the snapshot of every launch path (reads and listings win over a plain existence check).
 * @example
 * const snapshot = await takeLaunchSnapshot(values, distDir, diskProbe);
 */
export async function takeLaunchSnapshot(values: Record<string, string>, distDir: string, probe: PathProbe): Promise<Map<string, SnapshotEntry>> {
  const paths = launchPaths(values, distDir);
  const need = new Map<string, 'exists' | 'read' | 'list'>();
  for (const p of paths.exists) need.set(p, 'exists');
  for (const p of paths.read) need.set(p, 'read');
  for (const p of paths.list) need.set(p, 'list');
  const snapshot = new Map<string, SnapshotEntry>();
  for (const [path, what] of need) snapshot.set(path, await probe.probe(path, what));
  for (const dir of paths.list) {
    const listed = snapshot.get(dir);
    if (listed?.kind !== 'dir' || !listed.entries) continue;
    for (const file of installedBundleFiles(dir, listed.entries)) snapshot.set(file, await probe.probe(file, 'read'));
  }
  return snapshot;
}

/**
 * Launch facts from a snapshot: the same gatherLaunchFacts, over the snapshot's answers.
 * @example
 * renderWorkerdConfig(await gatherFactsFromSnapshot(values, distDir, diskProbe));
 */
export async function gatherFactsFromSnapshot(values: Record<string, string>, distDir: string, probe: PathProbe): Promise<LaunchFacts> {
  return gatherLaunchFacts(values, distDir, snapshotFiles(await takeLaunchSnapshot(values, distDir, probe)));
}
