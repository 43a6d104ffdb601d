/**
 * Where projects live on disk in projects mode (docs/projects.md):
 *
 *   $AIRGAP_POLICY_PATH/projects/<id>/policy_bundle.json(.sig)   the project's bundle (read-only volume)
 *   $OUTPOST_STATE_DIR/projects/<id>/policy/...                  its installs, history, last known good
 */
import type { GatewayConfig } from '../config/index.js';
import type { ProjectFolder } from '../policy/store-context.js';

/** A project id: the folder name and what bundles, headers, paths and tokens name (the schema's pattern). */
export const PROJECT_ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** The folder holding one sub-folder per project. */
export function projectsDir(config: GatewayConfig): string {
  return `${config.policyPath.replace(/\/+$/, '')}/projects`;
}

/**
 * The folders of one project's policy store.
 * @example
 * projectFolder(config, 'research'); // { id: 'research', policyDir: '/etc/outpost/policy/projects/research', stateDir: 'state/projects/research' }
 */
export function projectFolder(config: GatewayConfig, id: string): ProjectFolder {
  return { id, policyDir: `${projectsDir(config)}/${id}`, stateDir: `${config.stateDir.replace(/\/+$/, '')}/projects/${id}` };
}
