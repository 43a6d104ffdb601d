// Imports a TypeScript module of this repository from a plain .mjs script: esbuild bundles it
// (local imports inlined, node: builtins left alone) into a temporary .mjs file, which is imported.
// The release tooling uses it so that the variable table and the config generator stay the single
// source of truth instead of being copied.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * @param {string} relPath path of a .ts file relative to the repository root
 * @returns {Promise<Record<string, any>>} the module's exports
 */
export async function importTs(relPath) {
  const out = await build({
    entryPoints: [join(ROOT, relPath)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    write: false,
    logLevel: 'warning',
  });
  // Inside the repository, so that the bundle's bare imports (npm packages) resolve.
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'outpost-ts-'));
  const file = join(dir, 'module.mjs');
  writeFileSync(file, out.outputFiles[0].text);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
