/**
 * Issue 13 (responses): logprobs are held back with their content and redacted consistently;
 * framing the gateway cannot parse is not relayed.
 */
import { describe, expect, it } from 'vitest';
import type { StreamInspector } from '../../worker/core/index.js';
import { DlpBlockedError } from '../../worker/dlp/index.js';
import { GatewayError } from '../../worker/core/index.js';
import { callFor, stagesFor } from '../dlp/stages.test.js';

const enc = new TextEncoder();
const dec = new TextDecoder();
const TOKENS = ['My', ' card', ' is', ' 4111', ' 1111', ' 1111', ' 1111', '.', ' Thanks', ' for', ' asking', ' about', ' it', ' today', ' friend', '.'];

/** One SSE event per token, each with its logprobs entry (and alternatives that repeat it). */
function sseWithLogprobs(tokens: string[]): string {
  const event = (choice: unknown) => `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', model: 'm', choices: [choice] })}\n\n`;
  const out = tokens.map((t) =>
    event({ index: 0, delta: { content: t }, logprobs: { content: [{ token: t, logprob: -0.1, bytes: [...enc.encode(t)], top_logprobs: [{ token: t, logprob: -0.1, bytes: [...enc.encode(t)] }] }] }, finish_reason: null }),
  );
  out.push(event({ index: 0, delta: {}, finish_reason: 'stop' }), 'data: [DONE]\n\n');
  return out.join('');
}

async function run(inspector: StreamInspector, raw: string, chunk = 7): Promise<{ before: string; all: string; error: unknown }> {
  const bytes = enc.encode(raw);
  let all = '';
  let before = '';
  try {
    for (let at = 0; at < bytes.length; at += chunk) all += dec.decode(await inspector.push(bytes.subarray(at, at + chunk)), { stream: true });
    before = all;
    all += dec.decode(await inspector.finish());
    return { before, all, error: null };
  } catch (error) {
    return { before: all, all, error };
  }
}

const eventsOf = (text: string) =>
  text
    .split('\n\n')
    .filter((b) => b.startsWith('data: ') && b !== 'data: [DONE]')
    .map((b) => JSON.parse(b.slice(6)));

describe('streamed logprobs', () => {
  it('block mode: no token of the card reaches the client before dlp_blocked', async () => {
    const { inspectResponse } = stagesFor({ tier1: { enabled: true, action: 'block' } });
    const inspector = inspectResponse.stream(callFor('openai.chat'), { decision: 'allow', findings: [] })!;
    const { all, error } = await run(inspector, sseWithLogprobs(TOKENS));
    expect(error).toBeInstanceOf(DlpBlockedError);
    expect(all).not.toContain('4111');
    expect(all).not.toContain('[52,49,49,49]'); // bytes of "4111"
  });

  it('redact mode: tokens and alternatives inside the value are masked, the rest relayed in order', async () => {
    const { inspectResponse } = stagesFor({});
    const inspector = inspectResponse.stream(callFor('openai.chat'), { decision: 'allow', findings: [] })!;
    const { all, error } = await run(inspector, sseWithLogprobs(TOKENS));
    expect(error).toBeNull();
    expect(all).not.toMatch(/4111|1111/);
    const entries = eventsOf(all).flatMap((e) => e.choices.flatMap((c: { logprobs?: { content?: unknown[] } }) => c.logprobs?.content ?? [])) as { token: string; top_logprobs: { token: string }[] }[];
    expect(entries.map((e) => e.token)).toEqual(TOKENS.map((t) => (/\d/.test(t) ? '[REDACTED]' : t)));
    expect(entries.map((e) => e.top_logprobs[0]!.token)).toEqual(TOKENS.map((t) => (/\d/.test(t) ? '[REDACTED]' : t)));
    const content = eventsOf(all).map((e) => e.choices[0]?.delta?.content ?? '').join('');
    expect(content).toBe('My card is [CREDIT_CARD_1]. Thanks for asking about it today friend.');
  });
});

describe('streamed function calls', () => {
  it('scans legacy function_call arguments split across deltas, and tool names', async () => {
    const { inspectResponse } = stagesFor({ tier1: { enabled: true, action: 'block' } });
    const event = (delta: unknown, finish: string | null = null) => `data: ${JSON.stringify({ id: 'c', model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    const legacy = event({ function_call: { name: 'f', arguments: '{"card":"4111 1111' } }) + event({ function_call: { arguments: ' 1111 1111"}' } }) + event({}, 'function_call') + 'data: [DONE]\n\n';
    const a = await run(inspectResponse.stream(callFor('openai.chat'), { decision: 'allow', findings: [] })!, legacy);
    expect(a.error).toBeInstanceOf(DlpBlockedError);
    expect(a.all).not.toContain('1111 1111');
    const named = event({ tool_calls: [{ index: 0, id: 't', type: 'function', function: { name: 'card_4111111111111111', arguments: '' } }] }) + event({}, 'tool_calls') + 'data: [DONE]\n\n';
    const b = await run(inspectResponse.stream(callFor('openai.chat'), { decision: 'allow', findings: [] })!, named);
    expect(b.error).toBeInstanceOf(DlpBlockedError);
    expect(b.all).not.toContain('4111');
  });
});

describe('stream framing that is not relayed', () => {
  const ok = `data: ${JSON.stringify({ id: 'c', model: 'm', choices: [{ index: 0, delta: { content: 'hello there' }, finish_reason: null }] })}\n\n`;
  it.each([
    ['a non-JSON data: line', 'openai.chat', `${ok}data: card 4111111111111111\n\ndata: [DONE]\n\n`],
    ['CR-only SSE framing', 'openai.chat', `${ok.replace(/\n/g, '\r')}data: [DONE]\r\r`],
    ['a JSON body when stream:true was asked', 'openai.chat', JSON.stringify({ id: 'c', choices: [{ index: 0, message: { content: 'card 4111111111111111' } }] })],
    ['an SSE error event', 'openai.chat', `${ok}data: {"error":{"message":"card 4111111111111111"}}\n\n`],
    ['an NDJSON line with an error field', 'ollama.chat', `{"message":{"role":"assistant","content":"hi"},"done":false}\n{"error":"card 4111111111111111"}\n`],
    ['an NDJSON line that is not JSON', 'ollama.chat', `{"message":{"role":"assistant","content":"hi"},"done":false}\ncard 4111111111111111\n`],
    ['legacy completions logprobs (tokens and top_logprobs maps)', 'openai.completions', `data: ${JSON.stringify({ id: 'c', object: 'text_completion', model: 'm', choices: [{ index: 0, text: ' 4111', logprobs: { tokens: [' 4111'], token_logprobs: [-0.1], top_logprobs: [{ ' 4111': -0.1 }], text_offset: [0] }, finish_reason: null }] })}\n\ndata: [DONE]\n\n`],
    ['Ollama streamed logprobs', 'ollama.chat', `{"message":{"role":"assistant","content":"hi"},"logprobs":[{"token":" 4111","logprob":-0.1}],"done":false}\n`],
  ])('%s ends the stream with an error and relays no card', async (_name, routeId, raw) => {
    const { inspectResponse } = stagesFor({ tier1: { enabled: true, action: 'flag' } });
    const inspector = inspectResponse.stream(callFor(routeId), { decision: 'allow', findings: [] })!;
    const { all, error } = await run(inspector, raw, 5);
    expect(error).toBeInstanceOf(GatewayError);
    expect(['upstream_bad_framing', 'upstream_stream_error']).toContain((error as GatewayError).code);
    expect(all).not.toContain('4111');
  });
});

describe('whole responses that are not JSON', () => {
  it('SSE when stream:false was asked is refused (upstream_bad_framing)', async () => {
    const { inspectResponse } = stagesFor({});
    const body = enc.encode('data: {"choices":[{"delta":{"content":"card 4111111111111111"}}]}\n\n');
    await expect(inspectResponse.whole(callFor('openai.chat'), body, 'text/event-stream', { decision: 'allow', findings: [] })).rejects.toMatchObject({ code: 'upstream_bad_framing' });
  });
  it('a non-stream content beginning with data: is scanned and redacted', async () => {
    const { inspectResponse } = stagesFor({});
    const body = enc.encode(JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content: 'data: card 4111111111111111' }, logprobs: { content: [{ token: ' 4111111111111111' }] } }] }));
    const result = await inspectResponse.whole(callFor('openai.chat'), body, 'application/json', { decision: 'allow', findings: [] });
    const text = dec.decode(result.body!);
    expect(text).not.toContain('4111');
  });
  it('whole-response logprobs: a card split over tokens is masked like the content', async () => {
    const { inspectResponse } = stagesFor({});
    const entries = TOKENS.map((t) => ({ token: t, logprob: -0.1, bytes: [...enc.encode(t)], top_logprobs: [{ token: t, logprob: -0.1 }] }));
    const body = enc.encode(JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content: TOKENS.join('') }, logprobs: { content: entries }, finish_reason: 'stop' }] }));
    const result = await inspectResponse.whole(callFor('openai.chat'), body, 'application/json', { decision: 'allow', findings: [] });
    const out = JSON.parse(dec.decode(result.body!));
    expect(out.choices[0].message.content).toBe('My card is [CREDIT_CARD_1]. Thanks for asking about it today friend.');
    expect(out.choices[0].logprobs.content.map((e: { token: string }) => e.token)).toEqual(TOKENS.map((t) => (/\d/.test(t) ? '[REDACTED]' : t)));
    expect(JSON.stringify(out)).not.toMatch(/4111|1111|\[52,49,49,49\]/);
  });
});
