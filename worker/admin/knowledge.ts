/**
 * Knowledge assets under /admin/api/knowledge (behind the admin token, like every admin route):
 *
 *   GET  /admin/api/knowledge          every asset: name, source, state, version, hash, size (no text)
 *   GET  /admin/api/knowledge/export   one package file with every usable asset (to carry across the gap)
 *   POST /admin/api/knowledge/import   a package file's exact bytes; its detached signature (the .sig
 *                                      file's text) in the x-outpost-knowledge-signature header
 */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { GatewayError } from '../core/index.js';
import { DEFAULT_PROTOCOL, errorResponse } from '../protocol/index.js';
import { readBodyLimited } from '../proxy/forward.js';

export const KNOWLEDGE_SIGNATURE_HEADER = 'x-outpost-knowledge-signature';

/** A package holds several assets plus JSON escaping: room for that, within reason. */
const packageLimit = (maxAssetBytes: number): number => Math.max(32 * 1024 * 1024, maxAssetBytes * 4);

/**
 * @example
 * admin.route('/knowledge', knowledgeAdminApi());
 */
export function knowledgeAdminApi(): Hono<AppEnv> {
  const api = new Hono<AppEnv>();

  api.get('/', async (c) => {
    const gw = c.get('gateway');
    return c.json({ assets: await gw.knowledge.list(gw.policy.current()) });
  });

  api.get('/export', async (c) => {
    const gw = c.get('gateway');
    const bytes = await gw.knowledge.exportPackage(gw.policy.current());
    return new Response(bytes as BodyInit, { headers: { 'content-type': 'application/json', 'content-disposition': 'attachment; filename="outpost-knowledge.json"', 'x-request-id': c.get('requestId') } });
  });

  api.post('/import', async (c) => {
    const gw = c.get('gateway');
    let body: Uint8Array;
    try {
      body = await readBodyLimited(c.req.raw, packageLimit(gw.config.knowledgeMaxAssetBytes), 'request');
    } catch (e) {
      const error = e instanceof GatewayError ? e : new GatewayError(400, 'invalid_request', 'Cannot read the request body');
      return errorResponse(DEFAULT_PROTOCOL, error, c.get('requestId'));
    }
    const signature = c.req.header(KNOWLEDGE_SIGNATURE_HEADER);
    const result = await gw.knowledge.importPackage(body, signature ? new TextEncoder().encode(signature) : null, gw.policy.current());
    if (result.ok) return c.json(result);
    return errorResponse(DEFAULT_PROTOCOL, new GatewayError(result.status, result.code, result.message, 'invalid_request_error', { problems: result.problems }), c.get('requestId'));
  });

  return api;
}
