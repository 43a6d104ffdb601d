// CycloneDX SBOM of the shipped npm dependency tree, made by the maintained @cyclonedx/cyclonedx-npm
// from package-lock.json alone (--package-lock-only: what the lockfile pins, not whatever
// node_modules holds; --omit dev: the bundle carries runtime dependencies only). The release
// script appends the runtime binary it ships.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './load-ts.mjs';


/**
 * @param {{ version: string }} options the release version, recorded as the main component's
 * @returns {any} the CycloneDX 1.6 JSON document
 */
export function sbom({ version }) {
  const cli = join(ROOT, 'node_modules', '@cyclonedx', 'cyclonedx-npm', 'bin', 'cyclonedx-npm-cli.js');
  const json = execFileSync(
    process.execPath,
    [cli, '--output-format', 'JSON', '--spec-version', '1.6', '--package-lock-only', '--omit', 'dev', '--output-reproducible', '--mc-type', 'application', '--output-file', '-', join(ROOT, 'package.json')],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const bom = JSON.parse(json);
  if (bom.bomFormat !== 'CycloneDX' || !Array.isArray(bom.components)) throw new Error('cyclonedx-npm did not produce a CycloneDX document');
  if (bom.metadata?.component) bom.metadata.component.version = version;
  return bom;
}
