/**
 * Projects mode in the policy admin API: `?project=ID` puts the request on that project's policy
 * store (compiled on demand), so install, rollback and list act on it alone; without it the call
 * is refused (400 project_required), since the gateway-wide store governs no model call there.
 * After a change, the project's routing facts (hostnames, token claim, key names) follow the
 * bundle now active.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { GatewayError } from '../core/index.js';
import { DEFAULT_PROTOCOL, errorResponse } from '../protocol/index.js';
import { PROJECT_ID } from '../projects/folder.js';

/**
 * @example
 * api.use('*', projectScope());
 */
export function projectScope(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const gw = c.get('gateway');
    const projects = gw.projects;
    if (!projects) return next();
    const id = requestedProject(c);
    if (id instanceof Response) return id;
    if (id === undefined) return refusal(c, 400, 'project_required', 'Projects mode: name the project (?project=ID, or --project ID on the CLI)');
    const project = await projects.project(id);
    c.set('gateway', project.serving);
    await next();
    if (c.req.method === 'POST') projects.refresh(id, project.store);
  };
}

function refusal(c: Context<AppEnv>, status: number, code: string, message: string): Response {
  const type = status === 404 ? 'not_found_error' : status === 403 ? 'permission_error' : 'invalid_request_error';
  return errorResponse(DEFAULT_PROTOCOL, new GatewayError(status, code, message, type), c.get('requestId'));
}

/**
 * The project an admin request is about: `?project=ID`, or the project of a project-scoped token
 * (which may not name another: 403 project_mismatch). undefined: none named (or standalone mode);
 * a Response: the refusal to send.
 * @example
 * const project = requestedProject(c); if (project instanceof Response) return project;
 */
export function requestedProject(c: Context<AppEnv>): string | undefined | Response {
  const projects = c.get('gateway').projects;
  if (!projects) return undefined;
  const scoped = c.get('adminProject');
  const named = c.req.query('project') || undefined;
  if (scoped !== undefined && named !== undefined && named !== scoped) return refusal(c, 403, 'project_mismatch', `This admin token is scoped to project "${scoped}"`);
  const id = scoped ?? named;
  if (id !== undefined && (!PROJECT_ID.test(id) || !projects.catalog.has(id))) return refusal(c, 404, 'project_not_found', `No project ${JSON.stringify(id.slice(0, 64))} on this gateway`);
  return id;
}
