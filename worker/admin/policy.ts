/**
 * Policy administration under /admin/api/policy (behind the admin token, like every admin route):
 *
 *   GET  /admin/api/policy            the active bundle's status and the stored versions
 *   POST /admin/api/policy            install: the body is the bundle file's exact bytes; its
 *                                     detached signature (the .sig file's text) goes in the
 *                                     x-outpost-policy-signature header
 *   POST /admin/api/policy/rollback   back to the version active before the current one
 *
 * The body is taken as bytes, never re-serialised, because the signature covers the exact file.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { GatewayError } from '../core/index.js';
import { DEFAULT_PROTOCOL, errorResponse } from '../protocol/index.js';
import { readBodyLimited } from '../proxy/forward.js';
import { MAX_BUNDLE_BYTES } from '../policy/bundle.js';
import type { PolicyChange } from '../policy/index.js';

export const SIGNATURE_HEADER = 'x-outpost-policy-signature';

/** Room above the bundle limit, so an oversized bundle gets the validator's clear message. */
const MAX_INSTALL_BODY_BYTES = MAX_BUNDLE_BYTES * 2;

function changeResponse(c: import('hono').Context<AppEnv>, change: PolicyChange): Response {
  const policy = c.get('gateway').policy;
  if (change.ok) return c.json({ ...change, status: policy.status() });
  const type = change.status === 503 ? 'server_error' : 'invalid_request_error';
  return errorResponse(DEFAULT_PROTOCOL, new GatewayError(change.status, change.code, change.message, type, { problems: change.problems }), c.get('requestId'));
}

/**
 * @example
 * admin.route('/policy', policyAdminApi());
 */
export function policyAdminApi(): Hono<AppEnv> {
  const api = new Hono<AppEnv>();

  api.get('/', async (c) => {
    const policy = c.get('gateway').policy;
    return c.json({ active: policy.status(), installed: await policy.list() });
  });

  api.post('/', async (c) => {
    let body: Uint8Array;
    try {
      body = await readBodyLimited(c.req.raw, MAX_INSTALL_BODY_BYTES, 'request');
    } catch (e) {
      const error = e instanceof GatewayError ? e : new GatewayError(400, 'invalid_request', 'Cannot read the request body');
      return errorResponse(DEFAULT_PROTOCOL, error, c.get('requestId'));
    }
    const signature = c.req.header(SIGNATURE_HEADER);
    const change = await c.get('gateway').policy.install(body, signature ? new TextEncoder().encode(signature) : null);
    return changeResponse(c, change);
  });

  api.post('/rollback', async (c) => changeResponse(c, await c.get('gateway').policy.rollback()));

  return api;
}
