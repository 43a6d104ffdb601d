// What the in-process DLP benchmarks share: bundling modules of a source tree for Node, and a
// `--baseline <git rev>` tree to measure beside the working one, in the same process.
import { execSync } from 'node:child_process';
import { build } from 'esbuild';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = new URL('..', import.meta.url).pathname;

/** The revision after --baseline on the command line, if any. */
export function baselineRevision(argv = process.argv) {
  const at = argv.indexOf('--baseline');
  return at > 0 ? argv[at + 1] : undefined;
}

/**
 * Bundles `exportLines(at)` (ES export statements; `at(path)` names a file of `tree`) for Node and
 * imports the result.
 * @example
 * const dlp = await loadFrom(root, (at) => [`export * from ${at('worker/dlp/index.ts')};`]);
 */
export async function loadFrom(tree, exportLines) {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-'));
  const entry = join(dir, 'entry.ts');
  const outfile = join(dir, 'bench.mjs');
  writeFileSync(entry, exportLines((p) => JSON.stringify(join(tree, p))).join('\n'));
  await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], outfile, logLevel: 'warning', nodePaths: [join(root, 'node_modules')] });
  const mod = await import(pathToFileURL(outfile).href);
  rmSync(dir, { recursive: true, force: true });
  return mod;
}

/** Runs `measure(label, tree)` on the baseline revision's worker/ and test/dlp (if given), then on this tree. */
export async function beforeAndNow(revision, measure) {
  if (revision) {
    const tree = mkdtempSync(join(tmpdir(), 'outpost-bench-baseline-'));
    execSync(`git -C ${JSON.stringify(root)} archive ${revision} worker test/dlp | tar -x -C ${JSON.stringify(tree)}`);
    symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'));
    await measure(`before (${revision})`, tree);
    rmSync(tree, { recursive: true, force: true });
  }
  await measure('now', root);
}
