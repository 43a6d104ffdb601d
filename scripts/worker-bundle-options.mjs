// The esbuild options of the worker bundle (dist/worker.js), shared by scripts/build.mjs and the
// benchmarks that rebuild another tree's worker readable with a source map (bench/stage-profile.mjs),
// so that what they profile is what ships.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The gateway's version, compiled in (`__OUTPOST_VERSION__`): logged at startup, in /readyz and the
 * admin status, and compared with the Tier 3 model's version. The CLI bundles carry it too.
 * @example
 * versionDefine('.'); // { __OUTPOST_VERSION__: '"0.9.0"' }
 */
export function versionDefine(tree) {
  const { version } = JSON.parse(readFileSync(join(tree, 'package.json'), 'utf8'));
  return { __OUTPOST_VERSION__: JSON.stringify(version) };
}

/**
 * The bundle's options for the tree at `tree` (its worker/index.ts and its package.json version),
 * without output, minification and source-map choices, which each caller adds.
 * @example
 * await build({ ...workerBundleOptions(root), outfile: 'dist/worker.js', minify: true });
 */
export function workerBundleOptions(tree, nodeModulesRoot = tree) {
  return {
    entryPoints: [join(tree, 'worker/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    external: ['*.wasm', 'node:*', 'cloudflare:*', './ort-module.js'],
    supported: { 'import-source': true },
    define: versionDefine(tree),
    nodePaths: [join(nodeModulesRoot, 'node_modules')],
    legalComments: 'none',
  };
}
