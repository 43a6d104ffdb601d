/**
 * Issue 20: one Protocol object per API. Each object's stream codec lists every string a client
 * receives (the DLP judges each), writes the judged text back, synthesises events for held text,
 * and refuses framing it cannot parse; error bodies, content types and model lists take the
 * protocol's own shape.
 */
import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../worker/core/index.js';
import { OLLAMA, OPENAI, PROTOCOLS, protocolForPath, protocolNamed, type StreamChannel, type StreamText } from '../../worker/protocol/index.js';

/**
 * A judge that records every string it is shown and upper-cases it, holding streamed text back
 * until the channel's final event so that flushing is exercised.
 */
class RecordingJudge implements StreamText {
  readonly seen: string[] = [];
  private readonly held = new Map<string, { pending: string; offset: number }>();

  feed(channel: StreamChannel, delta: string, final: boolean): string {
    let h = this.held.get(channel.key);
    if (!h) this.held.set(channel.key, (h = { pending: '', offset: 0 }));
    if (delta) this.seen.push(`${channel.path}=${delta}`);
    h.pending += delta;
    if (!final) return '';
    const out = h.pending.toUpperCase();
    h.offset += h.pending.length;
    h.pending = '';
    return out;
  }
  has(key: string): boolean {
    return this.held.has(key);
  }
  whole(text: string, path: string): string {
    this.seen.push(`${path}=${text}`);
    return text.toUpperCase();
  }
  releaseHeld(prefix: string): { key: string; text: string }[] {
    const out: { key: string; text: string }[] = [];
    for (const [key, h] of this.held) {
      if (!key.startsWith(prefix) || !h.pending) continue;
      out.push({ key, text: h.pending.toUpperCase() });
      h.offset += h.pending.length;
      h.pending = '';
    }
    return out;
  }
  decided(key: string) {
    return { offset: this.held.get(key)?.offset ?? Infinity, redacted: [] };
  }
}

/** Runs a whole stream body through a fresh codec of `protocol`; returns what the client gets. */
async function through(protocol: typeof OPENAI, body: string, judge = new RecordingJudge()): Promise<{ out: string; judge: RecordingJudge }> {
  const codec = protocol.streamCodec();
  const { frames, rest } = codec.split(body, true);
  expect(rest.trim()).toBe('');
  let out = '';
  for (const { raw, end } of frames) out += codec.rewrite(raw, judge) + end;
  out += codec.flush(judge);
  return { out, judge };
}

const sse = (...events: unknown[]): string => events.map((e) => `data: ${typeof e === 'string' ? e : JSON.stringify(e)}\n\n`).join('');
const dataOf = (out: string): any[] =>
  out
    .split('\n\n')
    .filter((e) => e.startsWith('data: ') && !e.includes('[DONE]'))
    .map((e) => JSON.parse(e.slice(6)));

describe('OpenAI stream codec', () => {
  it('shows the judge every client-visible string of a chunk', async () => {
    const chunk = {
      id: 'c1',
      object: 'chat.completion.chunk',
      choices: [
        {
          index: 0,
          delta: {
            content: 'text',
            reasoning_content: 'why',
            reasoning: 'how',
            refusal: 'no',
            tool_calls: [{ index: 0, function: { name: 'lookup', arguments: '{"q":1}' } }],
            function_call: { name: 'legacy', arguments: '{"a":2}' },
          },
          logprobs: { content: [{ token: 'tok', top_logprobs: [{ token: 'alt' }] }], refusal: null },
          finish_reason: null,
        },
        { index: 1, text: 'completion' },
      ],
    };
    const { judge } = await through(OPENAI, sse(chunk, '[DONE]'));
    expect(judge.seen.sort()).toEqual(
      [
        'choices[0].delta.content=text',
        'choices[0].delta.reasoning_content=why',
        'choices[0].delta.reasoning=how',
        'choices[0].delta.refusal=no',
        'choices[0].delta.tool_calls[0].function.arguments={"q":1}',
        'choices[0].delta.tool_calls[0].function.name=lookup',
        'choices[0].delta.function_call.arguments={"a":2}',
        'choices[0].delta.function_call.name=legacy',
        'choices[0].logprobs.content[].token=tok',
        'choices[0].logprobs.content[].top_logprobs[0].token=alt',
        'choices[1].text=completion',
      ].sort(),
    );
  });

  it('writes judged text back, and held text goes out before [DONE] in synthetic chunks', async () => {
    const { out } = await through(OPENAI, sse({ id: 'c1', model: 'm', choices: [{ index: 0, delta: { content: 'abc' } }] }, '[DONE]'));
    const events = dataOf(out);
    // The first chunk's text is held (the judge releases only at the end), so it is blanked there ...
    expect(events[0].choices[0].delta.content).toBe('');
    // ... and a synthetic chunk with the stream's identity carries it, before the terminal event.
    expect(events[1]).toMatchObject({ id: 'c1', model: 'm', choices: [{ index: 0, delta: { content: 'ABC' } }] });
    expect(out.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('flushes a choice into its finish chunk', async () => {
    const { out } = await through(
      OPENAI,
      sse({ choices: [{ index: 0, delta: { tool_calls: [{ index: 2, function: { arguments: '{"x"' } }] } }] }, { choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] }, '[DONE]'),
    );
    const events = dataOf(out);
    expect(events).toHaveLength(2);
    expect(events[1].choices[0].delta.tool_calls).toEqual([{ index: 2, function: { arguments: '{"X"' } }]);
  });

  it('refuses framing it cannot judge', async () => {
    await expect(through(OPENAI, 'data: not json\n\n')).rejects.toMatchObject({ code: 'upstream_bad_framing', message: expect.stringContaining('sse_data_not_json') });
    await expect(through(OPENAI, 'hello: there\n\n')).rejects.toMatchObject({ message: expect.stringContaining('sse_field') });
    await expect(through(OPENAI, 'data: {}\r\rdata: [DONE]\r\r')).rejects.toMatchObject({ message: expect.stringContaining('sse_bare_cr') });
    await expect(through(OPENAI, sse({ object: 'x' }))).rejects.toMatchObject({ message: expect.stringContaining('event_shape') });
    await expect(through(OPENAI, sse({ choices: [{ index: 0, logprobs: { tokens: ['a'] } }] }))).rejects.toMatchObject({ message: expect.stringContaining('logprobs_shape') });
    await expect(through(OPENAI, sse({ error: { message: 'prompt text' } }))).rejects.toMatchObject({ code: 'upstream_stream_error' });
  });
});

describe('Ollama stream codec', () => {
  const lines = (...events: unknown[]): string => events.map((e) => `${JSON.stringify(e)}\n`).join('');

  it('shows the judge the chat and generate strings, tool calls whole', async () => {
    const { judge, out } = await through(
      OLLAMA,
      lines(
        { message: { role: 'assistant', content: 'hi', thinking: 'hm', tool_calls: [{ function: { name: 'f', arguments: { q: 'v' } } }] }, done: false },
        { message: { role: 'assistant', content: '' }, done: true },
      ),
    );
    expect(judge.seen.sort()).toEqual(['message.content=hi', 'message.thinking=hm', 'message.tool_calls[0].function.arguments.q=v', 'message.tool_calls[0].function.name=f'].sort());
    const events = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(events[0].message.tool_calls[0].function).toEqual({ name: 'F', arguments: { q: 'V' } });
    // Held text goes out with the done line.
    expect(events[1]).toMatchObject({ message: { content: 'HI', thinking: 'HM' }, done: true });
  });

  it('synthesises lines for text still held when upstream stops', async () => {
    const { out, judge } = await through(OLLAMA, lines({ response: 'part', thinking: 't', done: false }));
    expect(judge.seen).toEqual(['response=part', 'thinking=t']);
    expect(out.trim().split('\n').slice(1).map((l) => JSON.parse(l))).toEqual([{ done: false, response: 'PART' }, { done: false, thinking: 'T' }]);
  });

  it('refuses lines that are not JSON, upstream errors and streamed logprobs', async () => {
    await expect(through(OLLAMA, 'nope\n')).rejects.toMatchObject({ message: expect.stringContaining('ndjson_not_json') });
    await expect(through(OLLAMA, '[1]\n')).rejects.toMatchObject({ message: expect.stringContaining('event_shape') });
    await expect(through(OLLAMA, lines({ error: 'x' }))).rejects.toMatchObject({ code: 'upstream_stream_error' });
    await expect(through(OLLAMA, lines({ response: 'a', logprobs: [{ token: 'a' }], done: false }))).rejects.toMatchObject({ message: expect.stringContaining('logprobs_shape') });
  });
});

describe('Protocol objects', () => {
  const error = new GatewayError(403, 'missing_scope', 'no', 'permission_error', { missing_scopes: ['a'] });

  it('answer errors in their own shape, in and out of a stream', () => {
    expect(OPENAI.errorBody(error)).toEqual({ error: { message: 'no', type: 'permission_error', param: null, code: 'missing_scope', missing_scopes: ['a'] } });
    expect(OLLAMA.errorBody(error)).toEqual({ error: 'no' });
    expect(OPENAI.streamErrorEvent(error)).toMatch(/^data: \{"error":\{.*\}\}\n\n$/);
    expect(OLLAMA.streamErrorEvent(error)).toBe('{"error":"no"}\n');
  });

  it('know their terminal event and content type', () => {
    expect(OPENAI.isTerminal('...}\n\ndata: [DONE]\n\n')).toBe(true);
    expect(OPENAI.isTerminal('data: {"done":true}\n\n')).toBe(false);
    expect(OLLAMA.isTerminal('{"done":true,"eval_count":3}\n')).toBe(true);
    expect(OLLAMA.isTerminal('{"done":false}\n')).toBe(false);
    expect([OPENAI.streamContentType, OLLAMA.streamContentType]).toEqual(['text/event-stream', 'application/x-ndjson']);
  });

  it('list models in their own shape', () => {
    const tag = { name: 'llama3', model: 'llama3', size: 5 };
    const models = [
      { id: 'gpt', ownedBy: 'vllm', source: 'openai' as const, upstream: { id: 'gpt', created: 7 } },
      { id: 'llama3', ownedBy: 'local', source: 'ollama' as const, upstream: tag },
    ];
    expect(OPENAI.models.render(models)).toEqual({
      object: 'list',
      data: [
        { id: 'gpt', object: 'model', created: 7, owned_by: 'vllm' },
        { id: 'llama3', object: 'model', created: 0, owned_by: 'local' },
      ],
    });
    const ollama = OLLAMA.models.render(models) as { models: Record<string, unknown>[] };
    expect(ollama.models[1]).toBe(tag);
    expect(ollama.models[0]).toMatchObject({ name: 'gpt', model: 'gpt', size: 0 });
    expect(OPENAI.models.entries({ data: [{ id: 'a' }] })).toEqual([{ id: 'a' }]);
    expect(OLLAMA.models.entries({ models: [{ name: 'b' }] })).toEqual([{ name: 'b' }]);
    expect(OLLAMA.models.entries(null)).toEqual([]);
  });

  it('are found by name and by path, with OpenAI errors for paths of no API', () => {
    for (const p of PROTOCOLS) expect(protocolNamed(p.name)).toBe(p);
    expect(protocolForPath('/api/chat')).toBe(OLLAMA);
    expect(protocolForPath('/v1/chat/completions')).toBe(OPENAI);
    expect(protocolForPath('/admin/api/policy')).toBe(OPENAI);
    for (const p of PROTOCOLS) for (const route of [...p.routes, p.listRoute]) expect(route.protocol).toBe(p.name);
  });
});
