/**
 * Ollama's native API, as one Protocol object. Streaming is on unless the body says `"stream": false`, and streams are
 * NDJSON, one JSON object per line, the last with `"done": true`.
 */
import type { GatewayError } from '../core/index.js';
import type { ModelListing, ModelRoute, Protocol, TextPart } from './types.js';
import { collectStrings } from './text.js';
import { OllamaStreamCodec } from './ollama-stream.js';

const requireModel = (body: Record<string, unknown>): string | null =>
  typeof body.model === 'string' && body.model.trim() ? null : '"model" must be a non-empty string';

const streamFlag = (body: Record<string, unknown>): string | null =>
  body.stream === undefined || typeof body.stream === 'boolean' ? null : '"stream" must be a boolean';

export const OLLAMA_ROUTES: readonly ModelRoute[] = [
  {
    id: 'ollama.chat',
    protocol: 'ollama',
    path: '/api/chat',
    upstreamPath: '/api/chat',
    validate(body) {
      const problem = requireModel(body) ?? streamFlag(body);
      if (problem) return problem;
      if (!Array.isArray(body.messages)) return '"messages" must be an array';
      for (const [i, m] of body.messages.entries()) {
        if (!m || typeof m !== 'object' || Array.isArray(m)) return `"messages[${i}]" must be an object`;
        if (typeof (m as Record<string, unknown>).role !== 'string') return `"messages[${i}].role" must be a string`;
      }
      return null;
    },
    wantsStream: (body) => body.stream !== false,
    textParts(body) {
      const out: TextPart[] = [];
      (body.messages as unknown[]).forEach((message, i) => {
        const m = message as Record<string, unknown>;
        if (typeof m.content === 'string' && m.content) out.push({ path: ['messages', i, 'content'], text: m.content });
        if (m.tool_calls) collectStrings(m.tool_calls, ['messages', i, 'tool_calls'], out);
      });
      return out;
    },
  },
  {
    id: 'ollama.generate',
    protocol: 'ollama',
    path: '/api/generate',
    upstreamPath: '/api/generate',
    validate(body) {
      const problem = requireModel(body) ?? streamFlag(body);
      if (problem) return problem;
      if (body.prompt !== undefined && typeof body.prompt !== 'string') return '"prompt" must be a string';
      return null;
    },
    wantsStream: (body) => body.stream !== false,
    textParts(body) {
      const out: TextPart[] = [];
      for (const key of ['system', 'prompt', 'suffix', 'template'] as const) {
        if (typeof body[key] === 'string' && body[key]) out.push({ path: [key], text: body[key] as string });
      }
      return out;
    },
  },
  {
    id: 'ollama.embed',
    protocol: 'ollama',
    path: '/api/embed',
    upstreamPath: '/api/embed',
    validate(body) {
      const problem = requireModel(body);
      if (problem) return problem;
      const input = body.input;
      const ok = typeof input === 'string' || (Array.isArray(input) && input.length > 0 && input.every((s) => typeof s === 'string'));
      return ok ? null : '"input" must be a string or a non-empty array of strings';
    },
    wantsStream: () => false,
    textParts(body) {
      const out: TextPart[] = [];
      collectStrings(body.input, ['input'], out);
      return out;
    },
  },
];

const errorBody = (error: GatewayError): unknown => ({ error: error.message });

/** An Ollama upstream's own tag entry is relayed as it is; any other model gets a minimal one. */
const listEntry = (m: ModelListing): unknown =>
  m.source === 'ollama' && m.upstream ? m.upstream : { name: m.id, model: m.id, modified_at: new Date(0).toISOString(), size: 0, digest: '', details: {} };

/**
 * The Ollama API.
 * @example
 * OLLAMA.isTerminal('{"done":true}\n'); // true
 */
export const OLLAMA: Protocol = {
  name: 'ollama',
  routes: OLLAMA_ROUTES,
  listRoute: { id: 'models.list', protocol: 'ollama', path: '/api/tags', upstreamPath: '/api/tags', validate: () => null, wantsStream: () => false, textParts: () => [] },
  models: {
    path: '/api/tags',
    entries: (body) => ((body as { models?: Record<string, unknown>[] } | null)?.models ?? []),
    render: (models) => ({ models: models.map(listEntry) }),
  },
  framing: 'ndjson',
  streamContentType: 'application/x-ndjson',
  targetKinds: ['ollama'],
  ownsPath: (path) => path.startsWith('/api/'),
  errorBody,
  streamErrorEvent: (error) => `${JSON.stringify(errorBody(error))}\n`,
  isTerminal: (tail) => /"done"\s*:\s*true[^\n]*\n?\s*$/.test(tail),
  streamCodec: () => new OllamaStreamCodec(),
};
