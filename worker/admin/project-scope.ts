/**
 * Projects mode in the policy admin API: `?project=ID` puts the request on that project's policy
 * store (compiled on demand), so install, rollback and list act on it alone; without it the call
 * is refused (400 project_required), since the gateway-wide store governs no model call there.
 * After a change, the project's routing facts (hostnames, token claim, key names) follow the
 * bundle now active.
 */
import type { MiddlewareHandler } from 'hono';
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
    const id = c.req.query('project');
    const refuse = (status: number, code: string, message: string) => errorResponse(DEFAULT_PROTOCOL, new GatewayError(status, code, message, status === 404 ? 'not_found_error' : 'invalid_request_error'), c.get('requestId'));
    if (!id) return refuse(400, 'project_required', 'Projects mode: name the project (?project=ID, or --project ID on the CLI)');
    if (!PROJECT_ID.test(id) || !projects.catalog.has(id)) return refuse(404, 'project_not_found', `No project ${JSON.stringify(id.slice(0, 64))} on this gateway`);
    const project = await projects.project(id);
    c.set('gateway', project.serving);
    await next();
    if (c.req.method === 'POST') projects.refresh(id, project.store);
  };
}
