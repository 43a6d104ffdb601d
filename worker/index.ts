/**
 * Outpost's entry point: one module for both runtimes.
 * - workerd: `export default { fetch(request, env, ctx) }`;
 * - Deno:    `deno serve dist/worker.js` calls `fetch(request, info)`.
 * The gateway is built on the first request (workerd offers no I/O before it) and cached for the
 * isolate's life; `outpost start` sends that first request itself (/readyz) right after spawn.
 */
import { createApp } from './app.js';
import { createGateway, type Gateway } from './gateway.js';
import { createDenoRuntime, createWorkerdRuntime, denoRequestFacts, workerdRequestFacts } from './runtime/index.js';
import { denoApi } from './runtime/deno.js';

// workerd instantiates the audit queue's Durable Object class by this export's name.
export { AuditQueueObject } from './audit/index.js';

const app = createApp();
let gateway: Promise<Gateway> | undefined;

function gatewayFor(makeRuntime: () => Parameters<typeof createGateway>[0]): () => Promise<Gateway> {
  return () => {
    gateway ??= createGateway(makeRuntime());
    // A failed start is retried by the next request rather than cached forever.
    gateway.catch(() => {
      gateway = undefined;
    });
    return gateway;
  };
}

export default {
  fetch(request: Request, envOrInfo: unknown, ctx?: { waitUntil(p: Promise<unknown>): void }): Response | Promise<Response> {
    const deno = denoApi();
    if (deno) {
      return app.fetch(request, { getGateway: gatewayFor(() => createDenoRuntime(deno)), facts: denoRequestFacts(envOrInfo as never) });
    }
    const env = envOrInfo as Record<string, unknown>;
    return app.fetch(request, { getGateway: gatewayFor(() => createWorkerdRuntime(env)), facts: workerdRequestFacts(request, ctx) }, ctx as never);
  },
};
