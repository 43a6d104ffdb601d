/**
 * The APIs Outpost speaks, and how a name, a path or a target kind finds its Protocol object.
 * Code outside protocol/ asks these instead of testing which protocol it is.
 */
import { OLLAMA } from './ollama.js';
import { OPENAI } from './openai.js';
import type { ModelRoute, Protocol, ProtocolName } from './types.js';

export const PROTOCOLS: readonly Protocol[] = [OPENAI, OLLAMA];

const BY_NAME: Readonly<Record<ProtocolName, Protocol>> = { openai: OPENAI, ollama: OLLAMA };

/**
 * Errors of paths that belong to no API (admin, health, unknown paths) take the OpenAI shape, the
 * one most clients parse.
 */
export const DEFAULT_PROTOCOL: Protocol = OPENAI;

export const MODEL_ROUTES: readonly ModelRoute[] = PROTOCOLS.flatMap((p) => p.routes);

/**
 * The Protocol object of a name (a route's, a call's, or a target's kind).
 * @example
 * protocolNamed('ollama').framing; // 'ndjson'
 */
export function protocolNamed(name: ProtocolName): Protocol {
  return BY_NAME[name];
}

/**
 * The API a request path belongs to, for the shape of its errors.
 * @example
 * protocolForPath('/api/chat').name; // 'ollama'
 * protocolForPath('/admin/policy').name; // 'openai' (the default)
 */
export function protocolForPath(path: string): Protocol {
  return PROTOCOLS.find((p) => p.ownsPath(path)) ?? DEFAULT_PROTOCOL;
}
