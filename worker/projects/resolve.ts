/**
 * Which project a model call belongs to, in this order (docs/projects.md):
 *
 *   1. path     a /projects/<id>/ prefix in front of the usual routes (stripped before routing)
 *   2. host     the Host header matched against the projects' hostnames
 *   3. header   X-Project-Id
 *   4. token    the authenticated caller's project (a JWT claim named in the bundle, or the
 *               project whose bundle grants the API key)
 *
 * The first that names a project decides; a name that is no project is 404 project_not_found
 * (never a fall-through to a later step, which could land the call in another project). Whether
 * the caller belongs to the decided project is the project's identify stage's check (403).
 */
import { GatewayError } from '../core/index.js';
import type { ProjectCatalog } from './catalog.js';
import type { KeyNames } from '../policy/auth/key-names.js';
import { projectOfCaller } from './caller.js';
import { PROJECT_ID } from './folder.js';

export const PROJECT_HEADER = 'x-project-id';

export type ResolvedBy = 'path' | 'host' | 'header' | 'token';

export interface ResolvedProject {
  readonly id: string;
  readonly by: ResolvedBy;
}

function notFound(detail: string): GatewayError {
  return new GatewayError(404, 'project_not_found', detail, 'not_found_error');
}

function known(catalog: ProjectCatalog, id: string, by: ResolvedBy): ResolvedProject {
  if (!PROJECT_ID.test(id) || !catalog.has(id)) throw notFound(`No project ${JSON.stringify(id.slice(0, 64))} on this gateway (named by ${by})`);
  return { id, by };
}

/**
 * Resolves the call's project or throws 404 project_not_found.
 * @example
 * await resolveProject(request, 'research', catalog, keyNames); // { id: 'research', by: 'path' }
 */
export async function resolveProject(request: Request, pathProject: string | undefined, catalog: ProjectCatalog, keyNames: KeyNames): Promise<ResolvedProject> {
  if (pathProject !== undefined) return known(catalog, pathProject, 'path');
  const host = request.headers.get('host') ?? new URL(request.url).host;
  const byHost = host ? catalog.byHost(host) : undefined;
  if (byHost) return { id: byHost, by: 'host' };
  const header = request.headers.get(PROJECT_HEADER)?.trim();
  if (header) return known(catalog, header, 'header');
  const byToken = await projectOfCaller(request, catalog, keyNames);
  if (byToken) return { id: byToken, by: 'token' };
  throw notFound('No project named by the path (/projects/<id>/...), the Host header, X-Project-Id or the credential');
}
