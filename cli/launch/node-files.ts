/**
 * LaunchFiles over node:fs (also Deno's node:fs in the Deno release's renderer).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { LaunchFiles } from './files.js';

/**
 * @example
 * gatherLaunchFacts(values, distDir, nodeLaunchFiles);
 */
export const nodeLaunchFiles: LaunchFiles = {
  exists: (path) => existsSync(path),
  read(path) {
    try {
      return readFileSync(path);
    } catch {
      return undefined;
    }
  },
  list(dir) {
    try {
      return readdirSync(dir);
    } catch {
      return undefined;
    }
  },
};
