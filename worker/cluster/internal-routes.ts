/**
 * The routes each process answers on its private unix socket (OUTPOST_WORKERS > 1), for the
 * launcher and the other processes only. app.ts lets /internal/ through on that listener and
 * nowhere else (internalOnly below); on Deno, and in a single process, they do not exist.
 *
 *   GET  /internal/ready          this process's readiness (the launcher waits for each)
 *   GET  /internal/metrics        this process's metrics, for the one serving /metrics to sum
 *   GET  /internal/decisions      this process's recent decisions, for /admin/api/decisions
 *   POST /internal/policy/reload  decide the active bundle again (another process changed it)
 *   POST /internal/knowledge/reload   read the imported knowledge assets again (likewise)
 *   POST /internal/audit/append   process 0: commit a batch of event texts (audit/batch-text.ts;
 *                                 group commit), answer their count once they are on disk
 *   GET  /internal/audit/depth | peek?after=&limit= | status    process 0: the queue's reads
 */
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { GatewayError } from '../core/index.js';
import { DEFAULT_PROTOCOL, errorResponse } from '../protocol/index.js';
import { auditQueueStubs } from '../audit/durable-object-backend.js';
import { describeFailure } from '../audit/errors.js';
import { BATCH_CONTENT_TYPE, splitBatch } from '../audit/batch-text.js';
import { OWNER_ROUTES } from '../audit/remote-backend.js';
import { ownMetricsText } from './scrape.js';
import { processTopology } from './topology.js';
import { METRICS_CONTENT_TYPE } from '../metrics/index.js';

/** More events than any coalesced batch carries (RecordCoalescer sends at most 256). */
const MAX_BATCH = 1024;
const INTERNAL_PREFIX = '/internal/';

/**
 * /internal/ only on the internal listener, and only /internal/ there. The listener header is
 * injected by workerd's socket (overriding a client's), so a client on the main or admin socket
 * cannot claim it; runtimes that do not stamp listeners (Deno) and single processes have no
 * internal routes at all.
 */
export function internalOnly(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const gw = c.get('gateway');
    const internalPath = c.req.path.startsWith(INTERNAL_PREFIX);
    const clustered = gw.runtime.separatesListeners && processTopology(gw.runtime.env).count > 1;
    const onInternal = clustered && c.req.header('x-outpost-listener') === 'internal';
    if (internalPath === onInternal) return next();
    return errorResponse(DEFAULT_PROTOCOL, new GatewayError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}`, 'not_found_error'), c.get('requestId'));
  };
}

function unavailable(c: import('hono').Context<AppEnv>, e: unknown): Response {
  const error = e instanceof GatewayError ? e : new GatewayError(503, 'audit_unavailable', `The audit queue cannot commit events (${describeFailure(e)})`, 'unavailable');
  return errorResponse(DEFAULT_PROTOCOL, error, c.get('requestId'));
}

/** The queue's Durable Object stubs; only the owner's config binds AUDIT_QUEUE. */
function stubsOf(c: import('hono').Context<AppEnv>) {
  return auditQueueStubs(c.get('gateway').runtime.env.AUDIT_QUEUE);
}

function auditRoutes(api: Hono<AppEnv>): void {
  api.post(OWNER_ROUTES.append.slice('/internal'.length), async (c) => {
    // Event texts joined by newlines (audit/batch-text.ts), passed on as they are.
    const texts = c.req.header('content-type') === BATCH_CONTENT_TYPE ? splitBatch(await c.req.text(), MAX_BATCH) : null;
    if (!texts) {
      return errorResponse(DEFAULT_PROTOCOL, new GatewayError(400, 'invalid_request', `Body must be 1 to ${MAX_BATCH} audit event texts (${BATCH_CONTENT_TYPE})`), c.get('requestId'));
    }
    try {
      // Resolves once the Durable Object has committed the batch (its output gate waits for the
      // fsync); the answer is how many were committed (the sender reads nothing else back).
      return c.json((await stubsOf(c)().appendTexts(texts)).length);
    } catch (e) {
      return unavailable(c, e);
    }
  });
  api.get(OWNER_ROUTES.depth.slice('/internal'.length), async (c) => {
    try {
      return c.json(await stubsOf(c)().depth());
    } catch (e) {
      return unavailable(c, e);
    }
  });
  api.get(OWNER_ROUTES.peek.slice('/internal'.length), async (c) => {
    const after = Number(c.req.query('after') ?? '0');
    const limit = Number(c.req.query('limit') ?? '100');
    if (!Number.isInteger(after) || after < 0 || !Number.isInteger(limit) || limit < 1 || limit > 10_000) {
      return errorResponse(DEFAULT_PROTOCOL, new GatewayError(400, 'invalid_request', 'after must be a whole number >= 0 and limit from 1 to 10000'), c.get('requestId'));
    }
    try {
      return c.json(await stubsOf(c)().peek(limit, after));
    } catch (e) {
      return unavailable(c, e);
    }
  });
  api.get(OWNER_ROUTES.status.slice('/internal'.length), async (c) => {
    try {
      return c.json(await stubsOf(c)().status());
    } catch (e) {
      return unavailable(c, e);
    }
  });
}

/**
 * Mounted at /internal.
 * @example
 * app.route('/internal', internalRoutes());
 */
export function internalRoutes(): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.get('/ready', (c) => {
    const reason = c.get('gateway').notReadyReason();
    return c.json({ status: reason ? 'not_ready' : 'ready', ...(reason ? { reason } : {}) }, reason ? 503 : 200);
  });
  api.get('/metrics', async (c) => c.body(await ownMetricsText(c.get('gateway')), 200, { 'content-type': METRICS_CONTENT_TYPE }));
  api.get('/decisions', (c) => c.json({ decisions: c.get('gateway').recent.list() }));
  // Another process installed or rolled back a bundle (cluster/policy-sync.ts).
  api.post('/policy/reload', async (c) => c.json(await c.get('gateway').policy.reload()));
  // Another process imported a knowledge package (cluster/knowledge-sync.ts).
  api.post('/knowledge/reload', async (c) => {
    await c.get('gateway').knowledge.reloadImported();
    return c.json({ ok: true });
  });
  auditRoutes(api);
  return api;
}
