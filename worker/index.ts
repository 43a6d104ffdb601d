/**
 * Outpost's entry point: one module for both runtimes.
 * - workerd: `export default { fetch(request, env, ctx) }`;
 * - Deno:    `deno serve dist/worker.js` calls `fetch(request, info)`.
 * The gateway is built on the first request (workerd offers no I/O before it) and cached for the
 * isolate's life; `outpost start` sends that first request itself (/readyz) right after spawn.
 */
import { createApp } from './app.js';
import { serveRequest } from './model-call-path.js';
import { sharedGateway, type Gateway } from './gateway.js';
import { createDenoRuntime, createWorkerdRuntime, denoRequestFacts, workerdRequestFacts } from './runtime/index.js';
import { denoApi } from './runtime/deno.js';

// workerd instantiates the audit queue's Durable Object class by this export's name.
export { AuditQueueObject } from './audit/index.js';
// ... and the platform links' scheduler (declared only in connected mode).
export { PlatformSchedulerObject } from './platform/scheduler.js';

const app = createApp();

function gatewayFor(makeRuntime: () => Parameters<typeof sharedGateway>[0] extends () => infer R ? R : never): () => Promise<Gateway> {
  return () => sharedGateway(makeRuntime);
}

export default {
  fetch(request: Request, envOrInfo: unknown, ctx?: { waitUntil(p: Promise<unknown>): void }): Response | Promise<Response> {
    const deno = denoApi();
    if (deno) {
      return serveRequest(app, request, { getGateway: gatewayFor(() => createDenoRuntime(deno)), facts: denoRequestFacts(envOrInfo as never) });
    }
    const env = envOrInfo as Record<string, unknown>;
    return serveRequest(app, request, { getGateway: gatewayFor(() => createWorkerdRuntime(env)), facts: workerdRequestFacts(request, ctx) }, ctx as never);
  },
};
