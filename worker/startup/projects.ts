/**
 * Projects mode at startup: scan the project folders and set up the compiled-project cache. Each
 * project compiles on its first call into its own policy store (its folders, its state), served
 * through a view of the gateway whose policy is the project's; everything else (audit queue,
 * metrics, GeoIP, Tier 3 model) is the gateway's, shared.
 */
import type { GatewayConfig } from '../config/index.js';
import type { Logger } from '../log/index.js';
import type { RuntimeAdapter } from '../runtime/index.js';
import { createPolicyStore, type PolicyStore, type PolicyStoreDeps } from '../policy/index.js';
import { scanProjects } from '../projects/catalog.js';
import { projectFolder } from '../projects/folder.js';
import { ProjectRegistry } from '../projects/registry.js';
import type { SubsystemState } from './subsystems.js';

/**
 * Generic over what a project serves with, so this module does not import the gateway that calls it.
 * @example
 * const projects = await openProjects(config, runtime, log, { buildInspection }, (id, store) => ({ ...gateway, policy: store, project: id }));
 */
export async function openProjects<G>(config: GatewayConfig, runtime: RuntimeAdapter, log: Logger, deps: PolicyStoreDeps, serve: (id: string, store: PolicyStore) => G): Promise<ProjectRegistry<G>> {
  const catalog = await scanProjects(config, runtime.volumes, log);
  log.info(`Projects mode: up to ${config.projects.cacheSize} compiled projects kept, each dropped after ${config.projects.ttlMs} ms idle`);
  return new ProjectRegistry<G>({
    catalog,
    cacheSize: config.projects.cacheSize,
    ttlMs: config.projects.ttlMs,
    log,
    openStore: (id) => createPolicyStore(config, runtime, projectLog(log, id), { ...deps, project: projectFolder(config, id) }),
    serve,
  });
}

/** A project's store logs with its id in front, so every policy line says whose policy it is. */
function projectLog(log: Logger, id: string): Logger {
  const tag = `[project=${id}] `;
  return { debug: (m) => log.debug(tag + m), info: (m) => log.info(tag + m), warn: (m) => log.warn(tag + m), error: (m) => log.error(tag + m) };
}

/**
 * The policy subsystem in projects mode: the projects, not the gateway-wide baseline (per-project
 * states are in /readyz's `projects`).
 * @example
 * projectsPolicySubsystem(registry); // { state: 'active', reason: 'projects mode: 3 projects, 2 compiled' }
 */
export function projectsPolicySubsystem(registry: ProjectRegistry<unknown>): SubsystemState {
  const count = registry.catalog.size;
  return { state: count ? 'active' : 'disabled', reason: `projects mode: ${count} project${count === 1 ? '' : 's'}, ${registry.compiledIds().length} compiled (see projects)` };
}
