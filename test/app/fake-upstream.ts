/**
 * An in-process model server for the app tests: a workerd service binding (a `fetch` function)
 * that answers OpenAI (/v1/...) and Ollama (/api/...) requests, whole and streamed, and keeps
 * every request it received so tests can assert what reached the model.
 *
 * The answer is chosen per model: a scripted reply (`upstream.reply(model, ...)`), the caller's
 * last message for the model `echo`, else DEFAULT_ANSWER. A streamed answer is sent one event per
 * piece, so a test decides exactly where a value is split across chunks.
 */

export const DEFAULT_ANSWER = 'Hello from the fake model. Nothing sensitive here.';

/** What the fake model answers for one model name. */
export interface Reply {
  /** The answer's pieces: whole responses join them, streams send one event per piece. */
  readonly pieces?: readonly string[];
  /** Streams only: cut the stream's bytes into reads of this size instead, events split mid-line. */
  readonly sliceBytes?: number;
  /** A non-200 answer: this status with `errorBody` as it is. */
  readonly status?: number;
  readonly errorBody?: string;
  readonly errorContentType?: string;
  /** Throw instead of answering (the target is unreachable). */
  readonly unreachable?: boolean;
}

/** One request as the fake model server received it. */
export interface UpstreamRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The body text as received ('' for GET). */
  readonly text: string;
  /** The body parsed as JSON, or null. */
  readonly json: Record<string, unknown> | null;
}

export const FAKE_MODELS = ['fake-llama', 'fake-mistral', 'echo'] as const;
const CREATED = 1_700_000_000;
const encoder = new TextEncoder();

const jsonResponse = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * A body that arrives as the given chunks, one read each, like a model streaming tokens; with
 * `sliceBytes`, as reads of that many bytes wherever they fall (inside events, inside characters).
 */
function chunkedBody(chunks: readonly string[], sliceBytes?: number): ReadableStream<Uint8Array> {
  let reads = chunks.map((c) => encoder.encode(c));
  if (sliceBytes) {
    const all = encoder.encode(chunks.join(''));
    reads = [];
    for (let at = 0; at < all.byteLength; at += sliceBytes) reads.push(all.subarray(at, at + sliceBytes));
  }
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < reads.length) controller.enqueue(reads[i++]!);
      else controller.close();
    },
  });
}

/** The caller's last message (or prompt), as an echo model would answer. */
function lastText(body: Record<string, unknown>): string {
  const messages = body.messages as Array<{ content?: unknown }> | undefined;
  const content = messages?.at(-1)?.content ?? body.prompt;
  return typeof content === 'string' ? content : '';
}

const words = (text: string): string[] => text.match(/\S+\s*/g) ?? [text];

function openAiAnswer(model: string, pieces: readonly string[], stream: boolean, sliceBytes?: number): Response {
  const id = 'chatcmpl-fake';
  if (!stream) {
    return jsonResponse(200, {
      id,
      object: 'chat.completion',
      created: CREATED,
      model,
      choices: [{ index: 0, message: { role: 'assistant', content: pieces.join('') }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 3, completion_tokens: pieces.length, total_tokens: 3 + pieces.length },
    });
  }
  const event = (delta: object, finish: string | null) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: CREATED, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  const events = [event({ role: 'assistant', content: '' }, null), ...pieces.map((p) => event({ content: p }, null)), event({}, 'stop'), 'data: [DONE]\n\n'];
  return new Response(chunkedBody(events, sliceBytes), { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

function ollamaAnswer(model: string, pieces: readonly string[], stream: boolean, sliceBytes?: number): Response {
  // Field order as Ollama writes it: the message before done, the totals after.
  const at = '2026-11-29T00:00:00Z';
  const final = (content: string) => ({ model, created_at: at, message: { role: 'assistant', content }, done_reason: 'stop', done: true, total_duration: 1, eval_count: pieces.length });
  if (!stream) return jsonResponse(200, final(pieces.join('')));
  const lines = [...pieces.map((p) => ({ model, created_at: at, message: { role: 'assistant', content: p }, done: false })), final('')];
  return new Response(chunkedBody(lines.map((l) => `${JSON.stringify(l)}\n`), sliceBytes), { status: 200, headers: { 'content-type': 'application/x-ndjson' } });
}

function modelList(path: string): Response {
  if (path === '/v1/models') return jsonResponse(200, { object: 'list', data: FAKE_MODELS.map((id) => ({ id, object: 'model', created: CREATED, owned_by: 'fake' })) });
  return jsonResponse(200, {
    models: FAKE_MODELS.map((name) => ({ name, model: name, modified_at: '2026-11-29T00:00:00Z', size: 1, digest: 'sha256:0', details: { family: 'fake' } })),
  });
}

/**
 * @example
 * const upstream = new FakeUpstream();
 * upstream.reply('split-email', { pieces: ['Mail jane.d', 'oe@example.com today'] });
 * env.TARGET_HTTP_127_0_0_1_8000 = upstream; // workerd's service binding for the target
 */
export class FakeUpstream {
  readonly requests: UpstreamRequest[] = [];
  private readonly replies = new Map<string, Reply>();

  /** Scripts the answer for `model`. */
  reply(model: string, reply: Reply): this {
    this.replies.set(model, reply);
    return this;
  }

  /** The last model call (POST) received, or undefined. */
  lastCall(): UpstreamRequest | undefined {
    return this.requests.filter((r) => r.method === 'POST').at(-1);
  }

  /** The service binding's fetch: workerd calls it with the forwarded request. */
  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    const text = request.method === 'GET' ? '' : await request.text();
    let json: Record<string, unknown> | null = null;
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    } catch {
      // kept as text
    }
    this.requests.push({ method: request.method, path, headers: Object.fromEntries(request.headers), text, json });
    if (request.method === 'GET' && (path === '/v1/models' || path === '/api/tags')) return modelList(path);
    if (!json) return jsonResponse(400, { error: { message: 'bad json', type: 'invalid_request_error', code: null } });

    const model = String(json.model);
    const scripted = this.replies.get(model);
    if (scripted?.unreachable) throw new TypeError('fetch failed: connection refused');
    if (scripted?.status) {
      return new Response(scripted.errorBody ?? '', { status: scripted.status, headers: { 'content-type': scripted.errorContentType ?? 'application/json' } });
    }
    const pieces = scripted?.pieces ?? words(model === 'echo' ? lastText(json) : DEFAULT_ANSWER);
    const ollama = path.startsWith('/api/');
    // Ollama streams unless told not to; OpenAI only when asked.
    const stream = ollama ? json.stream !== false : json.stream === true;
    return ollama ? ollamaAnswer(model, pieces, stream, scripted?.sliceBytes) : openAiAnswer(model, pieces, stream, scripted?.sliceBytes);
  };
}
