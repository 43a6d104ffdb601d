/**
 * Projects mode on the HTTP surface: the /projects/<id>/ path prefix, and the middleware that puts
 * each model call (and model list) in its project. /health, /readyz, /metrics and /admin/ are not
 * touched: they stay global.
 */
import type { Context, ExecutionContext, Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { GatewayError } from '../core/index.js';
import { parseApiKeys } from '../policy/auth/api-key.js';
import { KeyNames } from '../policy/auth/key-names.js';
import { stateOf } from './registry.js';
import { resolveProject } from './resolve.js';

const PREFIX = /^\/projects\/([^/]+)(\/.*)$/;
/** Only model routes may follow the prefix (the operator routes stay global). */
const PROJECT_ROUTE = /^\/(v1|api)\//;

const keyNamesOf = new WeakMap<object, KeyNames>();

/**
 * `/projects/<id>/v1/...` is served as `/v1/...` in project <id> (projects mode only; in
 * standalone mode it is the usual 404). The inner request keeps the outer request id.
 * @example
 * projectPathRoute(app, fail);
 */
export function projectPathRoute(app: Hono<AppEnv>, fail: (c: Context<AppEnv>, e: GatewayError) => Response): void {
  app.all('/projects/*', async (c) => {
    const match = PREFIX.exec(c.req.path);
    if (c.get('gateway').config.projects.mode !== 'projects' || !match || !PROJECT_ROUTE.test(match[2]!)) {
      return fail(c, new GatewayError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}`, 'not_found_error'));
    }
    const url = new URL(c.req.url);
    url.pathname = match[2]!;
    const inner = new Request(url, c.req.raw);
    inner.headers.set('x-request-id', c.get('requestId'));
    let ctx: ExecutionContext | undefined;
    try {
      ctx = c.executionCtx;
    } catch {
      ctx = undefined; // Deno: no execution context
    }
    let pathProject: string;
    try {
      pathProject = decodeURIComponent(match[1]!);
    } catch {
      return fail(c, new GatewayError(404, 'project_not_found', 'The project in the path is not a valid name', 'not_found_error'));
    }
    return app.fetch(inner, { ...c.env, pathProject }, ctx);
  });
}

/**
 * Resolves the call's project (projects/resolve.ts), compiles it on first use, and hands the
 * route the project's view of the gateway. Each resolution is logged at debug level.
 * @example
 * app.use('/v1/chat/completions', projectMiddleware(fail));
 */
export function projectMiddleware(fail: (c: Context<AppEnv>, e: GatewayError) => Response): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const gw = c.get('gateway');
    const projects = gw.projects;
    if (!projects) return next();
    let keyNames = keyNamesOf.get(projects);
    if (!keyNames) keyNamesOf.set(projects, (keyNames = new KeyNames(parseApiKeys(gw.config.policy.apiKeys).keys)));
    let id: string;
    try {
      const resolved = await resolveProject(c.req.raw, c.env.pathProject, projects.catalog, keyNames);
      id = resolved.id;
      gw.log.debug(`Project ${id} for request ${c.get('requestId')} (by ${resolved.by})`);
    } catch (e) {
      if (e instanceof GatewayError) {
        gw.log.info(`Request ${c.get('requestId')} refused: ${e.code} (${e.message})`);
        return fail(c, e);
      }
      throw e;
    }
    const project = await projects.project(id);
    const state = stateOf(project.store);
    if (state.state === 'refused') return fail(c, new GatewayError(503, 'project_unavailable', `Project "${id}" has no usable policy bundle; see the gateway log`, 'unavailable'));
    c.set('gateway', project.serving);
    return next();
  };
}
