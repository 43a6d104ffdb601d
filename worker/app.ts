/**
 * The HTTP surface: which path goes where. Model calls go to the pipeline (pipeline/index.ts);
 * everything here is routing, request ids and error shapes.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { Gateway } from './gateway.js';
import type { AppEnv } from './app-env.js';
import { MODEL_ROUTES, PROTOCOLS, errorResponse, protocolForPath } from './protocol/index.js';
import { handleModelCall } from './pipeline/index.js';
import { GatewayError } from './core/index.js';
import { handleModelList } from './pipeline/list.js';
import { adminApi, adminConsole, requireAdminToken } from './admin/index.js';
import { METRICS_CONTENT_TYPE } from './metrics/index.js';
import { internalOnly, internalRoutes } from './cluster/internal-routes.js';
import { peersNotReadyReason } from './cluster/readiness.js';
import { gatewayMetricsText } from './cluster/scrape.js';
import { projectMiddleware, projectPathRoute } from './projects/routes.js';


const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The client's x-request-id when well-formed, else a new one. */
export function requestIdOf(request: Request): string {
  const given = request.headers.get('x-request-id');
  return given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
}

/**
 * An error no handler answered, logged with its stack (never sent), as the client's error: a
 * GatewayError as it is, anything else a 500 that names no detail.
 * @example
 * return fail(c, unhandled(error, 'POST /v1/chat/completions'));
 */
export function unhandled(error: unknown, where: string): GatewayError {
  console.error(`ERROR Unhandled error on ${where}: ${(error as Error)?.stack ?? (error as Error)?.message ?? error}`);
  return error instanceof GatewayError ? error : new GatewayError(500, 'internal_error', 'The gateway hit an internal error; see its log for the request id');
}

function fail(c: Context<AppEnv>, error: GatewayError): Response {
  return errorResponse(protocolForPath(c.req.path), error, c.get('requestId') ?? requestIdOf(c.req.raw));
}

/** Every API's model-calling routes (POST only) and its model list. */
function addModelRoutes(app: Hono<AppEnv>): void {
  // Projects mode: each model call is judged by its project's policy (projects/routes.ts).
  projectPathRoute(app, fail);
  for (const path of [...MODEL_ROUTES.map((r) => r.path), ...PROTOCOLS.map((p) => p.listRoute.path)]) app.use(path, projectMiddleware(fail));
  for (const route of MODEL_ROUTES) {
    app.post(route.path, (c) => handleModelCall(c.get('gateway'), route, c.req.raw, c.env.facts, c.get('requestId')));
    app.all(route.path, (c) => fail(c, new GatewayError(405, 'method_not_allowed', `${c.req.method} is not allowed on ${route.path}; use POST`)));
  }

  for (const protocol of PROTOCOLS) {
    app.get(protocol.listRoute.path, (c) => handleModelList(c.get('gateway'), protocol, c.req.raw, c.env.facts, c.get('requestId')));
  }
}

/** Starts the gateway on first use and stamps the request id; /readyz reports a failed start. */
function gatewayMiddleware(app: Hono<AppEnv>): void {
  app.use('*', async (c, next) => {
    const requestId = requestIdOf(c.req.raw);
    c.set('requestId', requestId);
    let gateway: Gateway;
    try {
      gateway = await c.env.getGateway();
    } catch (e) {
      console.error(`ERROR Gateway failed to start: ${(e as Error).message}`);
      if (c.req.path === '/readyz') return c.json({ status: 'not_ready', reason: `startup failed: ${(e as Error).message}` }, 503, { 'x-request-id': requestId });
      return fail(c, new GatewayError(503, 'gateway_unavailable', 'The gateway failed to start; see its log', 'unavailable'));
    }
    c.set('gateway', gateway);
    await next();
    c.res.headers.set('x-request-id', requestId);
  });
}

/**
 * With OUTPOST_ADMIN_PORT set, operator routes answer only on the loopback admin listener and
 * model routes only on the main one, where the runtime stamps each request with its listener
 * (workerd: a header injected by the socket, which overrides anything a client sends).
 */
function listenerSeparation(app: Hono<AppEnv>): void {
  app.use('*', async (c, next) => {
    const gw = c.get('gateway');
    if (!gw.config.admin.port || !gw.runtime.separatesListeners) return next();
    const onAdminListener = c.req.header('x-outpost-listener') === 'admin';
    const operatorPath = c.req.path === '/metrics' || c.req.path === '/admin' || c.req.path.startsWith('/admin/');
    const shared = c.req.path === '/health' || c.req.path === '/readyz';
    if (shared || operatorPath === onAdminListener) return next();
    return fail(c, new GatewayError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}`, 'not_found_error'));
  });
}

/** Liveness: registered before the gateway middleware, so it answers even while subsystems start. */
function healthRoute(app: Hono<AppEnv>): void {
  app.get('/health', (c) => c.json({ status: 'ok' }, 200, { 'x-request-id': requestIdOf(c.req.raw) }));
}

/** Readiness: not ready while the audit queue cannot commit or the operator's bundle was refused. */
function readinessRoute(app: Hono<AppEnv>): void {
  app.get('/readyz', async (c) => {
    const gw = c.get('gateway');
    // With OUTPOST_WORKERS > 1: ready only when every process is (cluster/readiness.ts).
    const reason = gw.notReadyReason() ?? (await peersNotReadyReason(gw.runtime.env));
    const policy = gw.policy.current();
    const body = {
      status: reason ? 'not_ready' : 'ready',
      ...(reason ? { reason } : {}),
      air_gap: gw.config.airGap,
      policy: { version: policy.version, source: policy.source, reason: policy.reason },
      subsystems: gw.subsystems(),
      ...(gw.projects ? { projects: await gw.projects.states() } : {}),
    };
    return c.json(body, reason ? 503 : 200);
  });
}


/** The admin API and console, and /metrics (behind the admin token unless OUTPOST_METRICS_AUTH=none). */
function operatorRoutes(app: Hono<AppEnv>): void {
  app.route('/admin/api', adminApi());
  app.get('/admin', (c) => c.redirect('/admin/', 301));
  app.route('/', adminConsole());
  app.get(
    '/metrics',
    async (c, next) => (c.get('gateway').config.admin.metricsAuth === 'none' ? next() : requireAdminToken()(c, next)),
    // Summed over the gateway's processes by the one serving the scrape (cluster/scrape.ts).
    async (c) => c.body(await gatewayMetricsText(c.get('gateway')), 200, { 'content-type': METRICS_CONTENT_TYPE }),
  );
}

/** Builds the app. `getGateway` initialises the gateway on first use and caches it. */
export function createApp(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  healthRoute(app);
  gatewayMiddleware(app);
  app.use('*', internalOnly());
  listenerSeparation(app);
  readinessRoute(app);
  addModelRoutes(app);
  operatorRoutes(app);
  app.route('/internal', internalRoutes());
  app.notFound((c) => fail(c, new GatewayError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}`, 'not_found_error')));
  app.onError((error, c) => fail(c, unhandled(error, `${c.req.method} ${c.req.path}`)));
  return app;
}
