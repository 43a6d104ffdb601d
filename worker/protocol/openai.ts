/**
 * The OpenAI-compatible API (vLLM, llama.cpp, Ollama's /v1 all speak it): its routes, errors,
 * model list and SSE streams, as one Protocol object.
 */
import type { GatewayError } from '../core/index.js';
import type { ModelListing, ModelRoute, Protocol, TextPart } from './types.js';
import { collectStrings } from './text.js';
import { OpenAiStreamCodec } from './openai-stream.js';

const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

function requireModel(body: Record<string, unknown>): string | null {
  return isNonEmptyString(body.model) ? null : '"model" must be a non-empty string';
}

function requireStreamFlag(body: Record<string, unknown>): string | null {
  return body.stream === undefined || typeof body.stream === 'boolean' ? null : '"stream" must be a boolean';
}

/** A prompt/input: a string, an array of strings, or token arrays (which carry no text to scan). */
function promptLike(name: string, value: unknown): string | null {
  if (typeof value === 'string') return null;
  if (Array.isArray(value) && value.length > 0) {
    const ok = value.every(
      (v) => typeof v === 'string' || typeof v === 'number' || (Array.isArray(v) && v.every((t) => typeof t === 'number')),
    );
    if (ok) return null;
  }
  return `"${name}" must be a string or a non-empty array of strings or token arrays`;
}

function messageParts(messages: unknown, out: TextPart[]): void {
  if (!Array.isArray(messages)) return;
  messages.forEach((message, i) => {
    if (!message || typeof message !== 'object') return;
    const m = message as Record<string, unknown>;
    const base = ['messages', i];
    if (typeof m.content === 'string') {
      if (m.content) out.push({ path: [...base, 'content'], text: m.content });
    } else if (Array.isArray(m.content)) {
      m.content.forEach((part, j) => {
        if (!part || typeof part !== 'object') return;
        const p = part as Record<string, unknown>;
        // Text parts only: image/audio parts carry media, not text.
        if (typeof p.text === 'string' && p.text) out.push({ path: [...base, 'content', j, 'text'], text: p.text });
      });
    }
    for (const key of ['tool_calls', 'function_call', 'refusal', 'reasoning_content'] as const) {
      if (m[key] !== undefined && m[key] !== null) collectStrings(m[key], [...base, key], out);
    }
  });
}

export const OPENAI_ROUTES: readonly ModelRoute[] = [
  {
    id: 'openai.chat',
    protocol: 'openai',
    path: '/v1/chat/completions',
    upstreamPath: '/v1/chat/completions',
    validate(body) {
      const problem = requireModel(body) ?? requireStreamFlag(body);
      if (problem) return problem;
      if (!Array.isArray(body.messages) || body.messages.length === 0) return '"messages" must be a non-empty array';
      for (const [i, m] of body.messages.entries()) {
        if (!m || typeof m !== 'object' || Array.isArray(m)) return `"messages[${i}]" must be an object`;
        if (!isNonEmptyString((m as Record<string, unknown>).role)) return `"messages[${i}].role" must be a non-empty string`;
      }
      return null;
    },
    wantsStream: (body) => body.stream === true,
    textParts(body) {
      const out: TextPart[] = [];
      messageParts(body.messages, out);
      return out;
    },
  },
  {
    id: 'openai.completions',
    protocol: 'openai',
    path: '/v1/completions',
    upstreamPath: '/v1/completions',
    validate: (body) => requireModel(body) ?? requireStreamFlag(body) ?? promptLike('prompt', body.prompt),
    wantsStream: (body) => body.stream === true,
    textParts(body) {
      const out: TextPart[] = [];
      collectStrings(body.prompt, ['prompt'], out);
      if (typeof body.suffix === 'string') collectStrings(body.suffix, ['suffix'], out);
      return out;
    },
  },
  {
    id: 'openai.embeddings',
    protocol: 'openai',
    path: '/v1/embeddings',
    upstreamPath: '/v1/embeddings',
    validate: (body) => requireModel(body) ?? promptLike('input', body.input),
    wantsStream: () => false,
    textParts(body) {
      const out: TextPart[] = [];
      collectStrings(body.input, ['input'], out);
      return out;
    },
  },
];

function errorBody(error: GatewayError): unknown {
  return { error: { message: error.message, type: error.type, param: null, code: error.code, ...error.details } };
}

const listEntry = (m: ModelListing): unknown => ({ id: m.id, object: 'model', created: Number(m.upstream?.created ?? 0), owned_by: m.ownedBy });

/**
 * The OpenAI API.
 * @example
 * OPENAI.streamErrorEvent(error); // 'data: {"error":{...}}\n\n'
 */
export const OPENAI: Protocol = {
  name: 'openai',
  routes: OPENAI_ROUTES,
  listRoute: { id: 'models.list', protocol: 'openai', path: '/v1/models', upstreamPath: '/v1/models', validate: () => null, wantsStream: () => false, textParts: () => [] },
  models: {
    path: '/v1/models',
    entries: (body) => ((body as { data?: Record<string, unknown>[] } | null)?.data ?? []),
    render: (models) => ({ object: 'list', data: models.map(listEntry) }),
  },
  framing: 'sse',
  streamContentType: 'text/event-stream',
  targetKinds: ['openai', 'ollama'],
  ownsPath: (path) => path.startsWith('/v1/'),
  errorBody,
  streamErrorEvent: (error) => `data: ${JSON.stringify(errorBody(error))}\n\n`,
  isTerminal: (tail) => /data:\s*\[DONE\]\s*$/.test(tail),
  streamCodec: () => new OpenAiStreamCodec(),
};
