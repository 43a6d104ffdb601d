/**
 * Target addresses known before start: the runtime's egress channels (workerd `external`
 * services, Deno's --allow-net) are fixed when the runtime starts, so the launcher reads every
 * policy bundle the gateway might activate: the volume's, and each one installed in the state
 * folder (rollback can bring any of them back). Bundles that do not validate are skipped: the
 * gateway will refuse them too.
 */
import { join } from 'node:path';
import { normaliseBaseUrl, type TargetConfig } from '../../worker/config/index.js';
import { validateBundle } from '../../worker/policy/validate.js';
import { BUNDLE_FILE } from '../../worker/policy/bundle.js';
import type { LaunchFiles } from './files.js';

function targetsOf(bytes: Uint8Array): TargetConfig[] {
  try {
    const result = validateBundle(bytes);
    if (!result.ok) return [];
    return (result.bundle.targets ?? []).map((t) => ({
      id: t.id,
      kind: t.kind,
      baseUrl: normaliseBaseUrl(`target ${t.id} base_url`, t.base_url),
      models: [...(t.models ?? [])],
      ...(t.api_key_env ? { apiKeyEnv: t.api_key_env } : {}),
    }));
  } catch {
    return [];
  }
}

/** The volume's bundle file, when AIRGAP_POLICY_PATH is set. */
export function volumeBundleFile(values: Record<string, string>): string | undefined {
  return values.AIRGAP_POLICY_PATH ? join(values.AIRGAP_POLICY_PATH, BUNDLE_FILE) : undefined;
}

/** The folder of installed bundles, when OUTPOST_STATE_DIR is set. */
export function installedBundlesDir(values: Record<string, string>): string | undefined {
  return values.OUTPOST_STATE_DIR ? join(values.OUTPOST_STATE_DIR, 'policy', 'bundles') : undefined;
}

/**
 * The bundle files among a folder listing, in the order the launcher reads them.
 * @example
 * installedBundleFiles('/s/policy/bundles', ['b.json', 'a.json', 'x.txt']); // ['/s/policy/bundles/a.json', '/s/policy/bundles/b.json']
 */
export function installedBundleFiles(dir: string, names: readonly string[]): string[] {
  return [...names].sort().filter((name) => name.endsWith('.json')).map((name) => join(dir, name));
}

/**
 * Targets of every bundle on disk: $AIRGAP_POLICY_PATH/policy_bundle.json and $OUTPOST_STATE_DIR/policy/bundles/*.json.
 * @example
 * bundleTargets(values, nodeLaunchFiles).map((t) => t.baseUrl);
 */
export function bundleTargets(values: Record<string, string>, files: LaunchFiles): TargetConfig[] {
  const paths: string[] = [];
  const volume = volumeBundleFile(values);
  if (volume) paths.push(volume);
  const installed = installedBundlesDir(values);
  const names = installed && files.exists(installed) ? files.list(installed) : undefined;
  if (installed && names) paths.push(...installedBundleFiles(installed, names));
  paths.push(...projectBundleFiles(values, files));
  return paths.filter((f) => files.exists(f)).flatMap((f) => {
    const bytes = files.read(f);
    return bytes ? targetsOf(bytes) : [];
  });
}

/**
 * Projects mode: every project's volume bundle and installed bundles
 * ($AIRGAP_POLICY_PATH/projects/<id>/policy_bundle.json, $OUTPOST_STATE_DIR/projects/<id>/policy/bundles/*.json).
 * @example
 * projectBundleFiles({ OUTPOST_MODE: 'projects', AIRGAP_POLICY_PATH: '/p' }, nodeLaunchFiles); // ['/p/projects/a/policy_bundle.json', ...]
 */
export function projectBundleFiles(values: Record<string, string>, files: LaunchFiles): string[] {
  if ((values.OUTPOST_MODE ?? '').trim().toLowerCase() !== 'projects' || !values.AIRGAP_POLICY_PATH) return [];
  const dir = join(values.AIRGAP_POLICY_PATH, 'projects');
  try {
    const ids = files.exists(dir) ? [...(files.list(dir) ?? [])].sort() : [];
    return ids.flatMap((id) => {
      const installed = values.OUTPOST_STATE_DIR ? join(values.OUTPOST_STATE_DIR, 'projects', id, 'policy', 'bundles') : undefined;
      const names = (installed && files.exists(installed) ? files.list(installed) : undefined) ?? [];
      return [join(dir, id, BUNDLE_FILE), ...(installed ? installedBundleFiles(installed, names) : [])];
    });
  } catch (e) {
    // The release's snapshot renderer knows only launchPaths(), which do not list project
    // folders yet: projects there route to the environment's targets only (docs/projects.md).
    console.error(`WARN projects mode: project bundles' own targets not read (${(e as Error).message}); projects may use the environment's targets only`);
    return [];
  }
}
