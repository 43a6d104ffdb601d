/**
 * Model calls straight to the pipeline, past the router. For a POST on a model route's exact path,
 * every middleware of app.ts would only let the call through (start the gateway, stamp the request
 * id, check the listener, find no project) before the route's handler runs handleModelCall; in
 * workerd that walk (path parsing, middleware closures, hono's context and its header re-set on
 * the response) costs more CPU per call than the checks themselves. Here the same checks run
 * directly; anything that is not plainly such a call (another path or method, a percent-encoded
 * path, a request from the admin or internal listener, projects mode, a gateway that failed to
 * start) goes to the app unchanged, which answers it as before.
 */
import type { Hono } from 'hono';
import type { AppEnv } from './app-env.js';
import type { Gateway } from './gateway.js';
import { requestIdOf, unhandled } from './app.js';
import { handleModelCall } from './pipeline/index.js';
import { MODEL_ROUTES, errorResponse, protocolNamed, type ModelRoute } from './protocol/index.js';

type Bindings = AppEnv['Bindings'];
type Ctx = Parameters<Hono<AppEnv>['fetch']>[2];

/** Model routes by their exact path (hono matches them strictly: no trailing slash, no decoding needed). */
const ROUTES_BY_PATH: ReadonlyMap<string, ModelRoute> = new Map(MODEL_ROUTES.map((route) => [route.path, route]));

/**
 * The path of an absolute request URL, without its query, as hono reads it; null when it holds a
 * percent escape (hono decodes those: the app decides such paths).
 * @example
 * requestPath('http://127.0.0.1:8080/v1/chat/completions?x=1'); // '/v1/chat/completions'
 */
export function requestPath(url: string): string | null {
  const scheme = url.indexOf('://');
  const start = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
  if (start < 0) return null;
  const query = url.indexOf('?', start);
  const path = query < 0 ? url.slice(start) : url.slice(start, query);
  return path.includes('%') ? null : path;
}

/**
 * The model route a request is plainly a call of, or undefined when the app must route it.
 * @example
 * modelRouteOf(new Request('http://gw/v1/chat/completions', { method: 'POST' }))?.path; // '/v1/chat/completions'
 */
export function modelRouteOf(request: Request): ModelRoute | undefined {
  if (request.method !== 'POST') return undefined;
  const path = requestPath(request.url);
  if (path === null) return undefined;
  // The admin and internal listeners refuse model calls (app.ts, cluster/internal-routes.ts): the app answers.
  const listener = request.headers.get('x-outpost-listener');
  if (listener === 'admin' || listener === 'internal') return undefined;
  return ROUTES_BY_PATH.get(path);
}

/**
 * Serves one request: a plain model call through the pipeline, anything else through the app.
 * @example
 * export default { fetch: (request, env, ctx) => serveRequest(app, request, bindings, ctx) };
 */
export function serveRequest(app: Hono<AppEnv>, request: Request, bindings: Bindings, ctx?: Ctx): Response | Promise<Response> {
  const route = modelRouteOf(request);
  return route ? serveModelCall(app, route, request, bindings, ctx) : app.fetch(request, bindings, ctx);
}

async function serveModelCall(app: Hono<AppEnv>, route: ModelRoute, request: Request, bindings: Bindings, ctx?: Ctx): Promise<Response> {
  let gateway: Gateway;
  try {
    gateway = await bindings.getGateway();
  } catch {
    // A failed start is reported (and retried) by the app's own middleware.
    return app.fetch(request, bindings, ctx);
  }
  // Projects mode: the project middleware decides which policy judges the call.
  if (gateway.projects) return app.fetch(request, bindings, ctx);
  const requestId = requestIdOf(request);
  try {
    return await handleModelCall(gateway, route, request, bindings.facts, requestId);
  } catch (error) {
    // handleModelCall answers its own failures; this is app.onError's answer for anything left.
    return errorResponse(protocolNamed(route.protocol), unhandled(error, `POST ${route.path}`), requestId);
  }
}
