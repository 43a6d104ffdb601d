/**
 * The launcher's view of the file system: the three questions launch facts ask (does a path
 * exist, what does a file hold, what does a folder list). `outpost config` and `outpost start`
 * answer them from node:fs (node-files.ts); the workerd release's renderer, which has no host
 * file system, answers them from a snapshot of the paths launchPaths() names, fetched once.
 */
export interface LaunchFiles {
  /** Whether a file or folder exists at the path. */
  exists(path: string): boolean;
  /** The file's bytes; undefined when it is missing or not a readable file. */
  read(path: string): Uint8Array | undefined;
  /** The folder's entry names; undefined when it is missing or not a folder. */
  list(dir: string): string[] | undefined;
}

/** Every path launch facts look at, by what is asked of it. */
export interface LaunchPaths {
  readonly exists: readonly string[];
  readonly read: readonly string[];
  readonly list: readonly string[];
}
