/**
 * The API surfaces Outpost speaks: each route's shape (validation, where its text lives, how it
 * streams) and how errors look on it. The pipeline is protocol-agnostic and asks this module.
 */
import type { GatewayError } from '../core/index.js';
import { OPENAI_ROUTES, openAiErrorBody, openAiStreamError } from './openai.js';
import { OLLAMA_ROUTES, ollamaErrorBody, ollamaStreamError } from './ollama.js';

export type Protocol = 'openai' | 'ollama';
export type StreamFraming = 'sse' | 'ndjson';

/** A piece of text inside a request body, addressed by its JSON path (for DLP and redaction). */
export interface TextPart {
  /** JSON path segments from the body root, e.g. ['messages', 0, 'content']. */
  readonly path: readonly (string | number)[];
  readonly text: string;
}

/** A model-calling route: what it accepts and where it goes upstream. */
export interface ModelRoute {
  /** Stable id used in audit events and metrics, e.g. 'openai.chat'. */
  readonly id: string;
  readonly protocol: Protocol;
  readonly path: string;
  /** The path on the upstream server (same protocol as the route). */
  readonly upstreamPath: string;
  /** Returns a problem with the body, or null when it is well-formed. */
  validate(body: Record<string, unknown>): string | null;
  /** Whether this body asks for a streamed response. */
  wantsStream(body: Record<string, unknown>): boolean;
  /** Every piece of caller-supplied text in the body, in order. */
  textParts(body: Record<string, unknown>): TextPart[];
}

export const MODEL_ROUTES: readonly ModelRoute[] = [...OPENAI_ROUTES, ...OLLAMA_ROUTES];

/** The model-list routes (GET, no body): route id 'models.list' in policies, audit and metrics. */
export const LIST_ROUTES: Readonly<Record<Protocol, ModelRoute>> = {
  openai: { id: 'models.list', protocol: 'openai', path: '/v1/models', upstreamPath: '/v1/models', validate: () => null, wantsStream: () => false, textParts: () => [] },
  ollama: { id: 'models.list', protocol: 'ollama', path: '/api/tags', upstreamPath: '/api/tags', validate: () => null, wantsStream: () => false, textParts: () => [] },
};

/** The stream framing each protocol uses. */
export function framingOf(protocol: Protocol): StreamFraming {
  return protocol === 'openai' ? 'sse' : 'ndjson';
}

/** A JSON error response in the protocol's own shape. */
export function errorResponse(protocol: Protocol, error: GatewayError, requestId: string): Response {
  const body = protocol === 'openai' ? openAiErrorBody(error) : ollamaErrorBody(error);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': requestId, 'x-outpost-error-code': error.code };
  // RFC 6750: a 401 names the scheme the client should use.
  if (error.status === 401) headers['www-authenticate'] = error.code === 'missing_token' || error.code === 'missing_api_key' ? 'Bearer realm="outpost"' : 'Bearer realm="outpost", error="invalid_token"';
  return new Response(JSON.stringify(body), { status: error.status, headers });
}

/** The bytes of a terminating in-stream error event, in the protocol's framing. */
export function streamErrorEvent(protocol: Protocol, error: GatewayError): string {
  return protocol === 'openai' ? openAiStreamError(error) : ollamaStreamError(error);
}

export { collectStrings } from './text.js';
