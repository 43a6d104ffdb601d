/**
 * Operator routes under /admin/api, all behind OUTPOST_ADMIN_TOKEN. With no token configured
 * the admin API answers 404 as if it did not exist: it is off, never open.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { egressAllowed } from '../proxy/egress.js';
import { GatewayError } from '../core/index.js';
import { DEFAULT_PROTOCOL, errorResponse } from '../protocol/index.js';
import { bearerToken, checkAdminToken } from './token.js';
import { parseProjectAdminTokens, projectOfAdminToken, projectTokenMayRead, type ProjectAdminToken } from './project-tokens.js';
import { requestedProject } from './project-scope.js';
import { adminStatus } from './status.js';
import { policyAdminApi } from './policy.js';
import { auditAdminApi } from './audit.js';
import { knowledgeAdminApi } from './knowledge.js';
import { gatewayDecisions } from '../cluster/decisions.js';
import { CONSOLE_CSP, CONSOLE_CSS, CONSOLE_HTML, CONSOLE_ICON, CONSOLE_JS } from './console.js';
import type { MiddlewareHandler } from 'hono';

const PROBE_TIMEOUT_MS = 3000;

/** Shows, for one URL, whether the worker's guard and the runtime itself refuse it. */
async function probeEgress(c: import('hono').Context<AppEnv>): Promise<Response> {
  const gw = c.get('gateway');
  let url: string;
  try {
    const body = (await c.req.json()) as { url?: unknown };
    if (typeof body.url !== 'string') throw new Error('url');
    url = new URL(body.url).toString();
  } catch {
    return errorResponse(DEFAULT_PROTOCOL, new GatewayError(400, 'invalid_request', 'Body must be {"url": "<absolute URL>"}'), c.get('requestId'));
  }
  const workerAllowed = egressAllowed(url);
  let runtime: { refused: boolean; status?: number; error?: string };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), PROBE_TIMEOUT_MS);
  try {
    const res = await gw.runtime.rawFetch(url, { signal: controller.signal });
    await res.body?.cancel();
    runtime = { refused: false, status: res.status };
  } catch (e) {
    runtime = { refused: true, error: controller.signal.aborted ? 'timed out' : (e as Error).message };
  } finally {
    clearTimeout(timer);
  }
  gw.log.info(`Egress probe ${new URL(url).host}: worker=${workerAllowed ? 'allowed' : 'refused'} runtime=${runtime.refused ? 'refused' : 'allowed'}`);
  return c.json({ url, worker: { refused: !workerAllowed }, runtime });
}

/**
 * Middleware: the request must carry the admin token. Without a configured token the route
 * answers 404 as if it did not exist (off, never open).
 */
export function requireAdminToken(options: { projectTokens?: boolean } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const gw = c.get('gateway');
    const check = await checkAdminToken(c.req.raw, gw.config.adminToken);
    const id = c.get('requestId');
    if (check === 'admin_disabled') return errorResponse(DEFAULT_PROTOCOL, new GatewayError(404, 'not_found', 'Not found', 'not_found_error'), id);
    if (check === 'invalid_token' && options.projectTokens && gw.projects) {
      // Projects mode: a project's read-only token (admin/project-tokens.ts).
      const scoped = await projectAdminScope(c.req.raw, gw.config.projects.adminTokens);
      if (scoped) {
        if (!projectTokenMayRead(c.req.method, c.req.path)) return errorResponse(DEFAULT_PROTOCOL, new GatewayError(403, 'project_scope', "A project's admin token may only read its project's decisions, audit export and policy status", 'permission_error'), id);
        c.set('adminProject', scoped);
        return next();
      }
    }
    if (check !== 'ok') return errorResponse(DEFAULT_PROTOCOL, new GatewayError(401, check, check === 'missing_token' ? 'Admin token required' : 'Admin token is not valid', 'authentication_error'), id);
    await next();
  };
}

const parsedProjectTokens = new Map<string, ProjectAdminToken[]>();

async function projectAdminScope(request: Request, configured: string): Promise<string | undefined> {
  const presented = bearerToken(request);
  if (!presented || !configured) return undefined;
  let tokens = parsedProjectTokens.get(configured);
  if (!tokens) parsedProjectTokens.set(configured, (tokens = parseProjectAdminTokens(configured).tokens));
  return projectOfAdminToken(presented, tokens);
}

/** The admin API, mounted at /admin/api. */
export function adminApi(): Hono<AppEnv> {
  const admin = new Hono<AppEnv>();
  admin.use('*', requireAdminToken({ projectTokens: true }));
  admin.get('/sync-status', async (c) => c.json(await adminStatus(c.get('gateway'))));
  // Projects mode: ?project=ID filters; a project's own token sees only its project. Over every
  // process with OUTPOST_WORKERS > 1 (cluster/decisions.ts).
  admin.get('/decisions', async (c) => {
    const project = requestedProject(c);
    if (project instanceof Response) return project;
    return c.json({ decisions: await gatewayDecisions(c.get('gateway'), project) });
  });
  admin.post('/egress-probe', probeEgress);
  admin.route('/policy', policyAdminApi());
  admin.route('/audit', auditAdminApi());
  admin.route('/knowledge', knowledgeAdminApi());
  return admin;
}

/** The console page (/admin/) and its assets, mounted at the root. The page itself holds no data. */
export function adminConsole(): Hono<AppEnv> {
  const page = new Hono<AppEnv>();
  page.use('/admin/*', async (c, next) => {
    if (!c.get('gateway').config.adminToken) return errorResponse(DEFAULT_PROTOCOL, new GatewayError(404, 'not_found', 'Not found', 'not_found_error'), c.get('requestId'));
    await next();
    c.res.headers.set('content-security-policy', CONSOLE_CSP);
    c.res.headers.set('x-content-type-options', 'nosniff');
    c.res.headers.set('cache-control', 'no-store');
  });
  page.get('/admin/', (c) => c.body(CONSOLE_HTML, 200, { 'content-type': 'text/html; charset=utf-8' }));
  page.get('/admin/console.js', (c) => c.body(CONSOLE_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  page.get('/admin/favicon.svg', (c) => c.body(CONSOLE_ICON, 200, { 'content-type': 'image/svg+xml' }));
  page.get('/admin/console.css', (c) => c.body(CONSOLE_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }));
  return page;
}
