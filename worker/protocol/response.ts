/**
 * Error responses in a protocol's own shape, with the headers every error carries.
 */
import { GatewayError } from '../core/index.js';
import type { Protocol } from './types.js';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * A JSON error response in the protocol's own shape.
 * @example
 * errorResponse(OLLAMA, new GatewayError(400, 'invalid_json', 'Request body is not valid JSON'), 'req-1'); // 400 {"error":"..."}
 */
export function errorResponse(protocol: Protocol, error: GatewayError, requestId: string): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': requestId, 'x-outpost-error-code': error.code };
  // RFC 6750: a 401 names the scheme the client should use.
  if (error.status === 401) headers['www-authenticate'] = error.code === 'missing_token' || error.code === 'missing_api_key' ? 'Bearer realm="outpost"' : 'Bearer realm="outpost", error="invalid_token"';
  return new Response(JSON.stringify(protocol.errorBody(error)), { status: error.status, headers });
}

/**
 * An upstream error relayed to the client: JSON bodies as they are (vLLM and Ollama already answer
 * in the right shape), anything else wrapped in the protocol's error shape so that the client
 * always gets a parsable error.
 * @example
 * upstreamErrorBody(OPENAI, 502, bytesOf('<html>Bad gateway</html>'), 'text/html'); // {"error":{"message":"Upstream answered 502",...}}
 */
export function upstreamErrorBody(protocol: Protocol, status: number, bytes: Uint8Array, contentType: string): Uint8Array {
  if (contentType.includes('json')) {
    try {
      JSON.parse(decoder.decode(bytes));
      return bytes;
    } catch {
      // fall through: wrap it
    }
  }
  return encoder.encode(JSON.stringify(protocol.errorBody(new GatewayError(status, 'upstream_error', `Upstream answered ${status}`, 'upstream_error'))));
}

/**
 * The refusal's message when a route's API cannot reach the model's target (Protocol.targetKinds):
 * which target serves the model and the routes to call it through instead.
 */
export function targetMismatchMessage(model: string, target: { readonly id: string; readonly kind: string }): string {
  return `The model "${model}" is served by target "${target.id}" (kind ${target.kind}), which has no Ollama API; call it through the OpenAI-compatible routes (/v1/chat/completions, /v1/completions, /v1/embeddings)`;
}
