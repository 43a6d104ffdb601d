/**
 * The DLP stages through the app in process: a card in a request is blocked (each protocol's
 * error shape) or redacted before the target sees it; an email in an answer is redacted whole,
 * streamed, and split across stream chunks; audit events name findings without their values.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeGateway, smallBundle, type FakeGateway } from './fake-gateway.js';
import type { Reply } from './fake-upstream.js';
import { expectOllamaError, expectOpenAIError } from './expect-error.js';
import { ndjsonContent, sseContent, sseData } from './stream-text.js';

const CARD = '4111111111111111';
const EMAIL = 'jane.doe@example.com';
const CARD_TEXT = `Please charge my card ${CARD} for the order.`;

/** Answers that carry an email, in one piece or cut inside the address. */
const REPLIES: Record<string, Reply> = {
  'email-whole': { pieces: ['Write to ', EMAIL, ' about it.'] },
  'email-split': { pieces: ['Write to jane.d', 'oe@exam', 'ple.com about it.'] },
  // Reads of 7 bytes: events and the address cut anywhere, the framing reassembled by the gateway.
  'email-sliced': { pieces: ['Write to jane.d', 'oe@exam', 'ple.com about it. Grüße'], sliceBytes: 7 },
  'card-split': { pieces: ['Your card is 4111 1111', ' 1111 1111', ', noted.'] },
};

const policy = (action: 'block' | 'redact') => smallBundle({ version: `dlp-${action}`, dlp: { tier1: { enabled: true, action }, scan_response: true } });

/** The audit store holds no raw sensitive value anywhere. */
function expectNoRawValues(gw: FakeGateway): void {
  const everything = JSON.stringify(gw.audit.events);
  for (const raw of [CARD, '4111 1111 1111 1111', EMAIL]) expect(everything).not.toContain(raw);
}

describe('block policy', () => {
  let gw: FakeGateway;
  beforeAll(async () => {
    gw = await fakeGateway({ bundle: policy('block'), replies: REPLIES });
  });

  it('blocks a card in an OpenAI request with 403 dlp_blocked; nothing reaches the target', async () => {
    const res = await gw.post('/v1/chat/completions', { model: 'fake-llama', messages: [{ role: 'user', content: CARD_TEXT }] }, { 'x-request-id': 'dlp-block-openai' });
    const body = await expectOpenAIError(res, 403, 'dlp_blocked', 'policy_violation');
    expect(JSON.stringify(body)).not.toContain(CARD);
    expect(res.headers.get('x-outpost-policy-version')).toBe('dlp-block');
    expect(gw.upstream.requests).toHaveLength(0);
    const event = gw.auditOf('dlp-block-openai');
    expect(event).toMatchObject({ decision: 'block', reason: 'dlp_blocked', status: 403, route: 'openai.chat' });
    expect(event.findings).toEqual([expect.objectContaining({ type: 'CREDIT_CARD', action: 'block', location: { side: 'request', path: 'messages[0].content' } })]);
    expect(event.findings[0]!.hash).toMatch(/^[0-9a-f]{8,}$/);
    expectNoRawValues(gw);
  });

  it('blocks a card in an Ollama request with its { error } shape', async () => {
    const res = await gw.post('/api/chat', { model: 'fake-llama', messages: [{ role: 'user', content: CARD_TEXT }] }, { 'x-request-id': 'dlp-block-ollama' });
    const message = await expectOllamaError(res, 403, 'dlp_blocked');
    expect(message).not.toContain(CARD);
    expect(gw.upstream.requests).toHaveLength(0);
    expect(gw.auditOf('dlp-block-ollama')).toMatchObject({ decision: 'block', reason: 'dlp_blocked', route: 'ollama.chat' });
    expectNoRawValues(gw);
  });

  it('ends a stream whose answer carries a card split over chunks with an error event, never the card', async () => {
    const res = await gw.post('/v1/chat/completions', { model: 'card-split', stream: true, messages: [{ role: 'user', content: 'hi' }] }, { 'x-request-id': 'dlp-block-stream' });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.replace(/\D/g, '')).not.toContain(CARD);
    const last = JSON.parse(sseData(text).at(-1)!) as { error: { code: string } };
    expect(last.error.code).toBe('dlp_blocked');
    expect(gw.auditOf('dlp-block-stream')).toMatchObject({ decision: 'block', reason: 'dlp_blocked', stream: true });
    expectNoRawValues(gw);
  });
});

describe('redact policy', () => {
  let gw: FakeGateway;
  beforeAll(async () => {
    gw = await fakeGateway({ bundle: policy('redact'), replies: REPLIES });
  });

  it('redacts a card in an OpenAI request before it reaches the target', async () => {
    const res = await gw.post('/v1/chat/completions', { model: 'echo', messages: [{ role: 'user', content: CARD_TEXT }] }, { 'x-request-id': 'dlp-redact-openai' });
    expect(res.status).toBe(200);
    const received = gw.upstream.lastCall()!;
    expect(received.text).not.toContain(CARD);
    const content = (received.json!.messages as Array<{ content: string }>)[0]!.content;
    expect(content).toMatch(/^Please charge my card \[CREDIT_CARD[^\]]*\] for the order\.$/);
    const event = gw.auditOf('dlp-redact-openai');
    expect(event).toMatchObject({ decision: 'redact', status: 200 });
    expect(event.findings).toEqual([expect.objectContaining({ type: 'CREDIT_CARD', action: 'redact', location: { side: 'request', path: 'messages[0].content' } })]);
    expectNoRawValues(gw);
  });

  it('redacts a card in an Ollama request before it reaches the target', async () => {
    const res = await gw.post('/api/chat', { model: 'echo', stream: false, messages: [{ role: 'user', content: CARD_TEXT }] }, { 'x-request-id': 'dlp-redact-ollama' });
    expect(res.status).toBe(200);
    const received = gw.upstream.lastCall()!;
    expect(received.path).toBe('/api/chat');
    expect(received.text).not.toContain(CARD);
    expect(received.json).toMatchObject({ model: 'echo', stream: false });
    expect(gw.auditOf('dlp-redact-ollama').decision).toBe('redact');
  });

  it('redacts an email in a whole OpenAI answer', async () => {
    const res = await gw.post('/v1/chat/completions', { model: 'email-whole', messages: [{ role: 'user', content: 'hi' }] }, { 'x-request-id': 'dlp-response-whole' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { choices: Array<{ message: { content: string } }> };
    expect(body.choices[0]!.message.content).toMatch(/^Write to \[EMAIL[^\]]*\] about it\.$/);
    const event = gw.auditOf('dlp-response-whole');
    expect(event).toMatchObject({ decision: 'redact', response_scanned_fully: true });
    expect(event.findings).toEqual([expect.objectContaining({ type: 'EMAIL', location: expect.objectContaining({ side: 'response' }) })]);
    expectNoRawValues(gw);
  });

  it.each([
    ['in one chunk', 'email-whole', /^Write to \[EMAIL[^\]]*\] about it\.$/],
    ['split across chunks', 'email-split', /^Write to \[EMAIL[^\]]*\] about it\.$/],
    ['cut into 7-byte reads', 'email-sliced', /^Write to \[EMAIL[^\]]*\] about it\. Grüße$/],
  ])('redacts an email %s of an OpenAI stream', async (_name, model, expected) => {
    const id = `dlp-response-sse-${model}`;
    const res = await gw.post('/v1/chat/completions', { model, stream: true, messages: [{ role: 'user', content: 'hi' }] }, { 'x-request-id': id });
    const text = await res.text();
    expect(text).not.toContain('jane');
    expect(text).not.toContain('example.com');
    expect(sseContent(text)).toMatch(expected);
    expect(sseData(text).at(-1)).toBe('[DONE]');
    // Streamed or whole, the call is on record with the stricter of its stages' decisions.
    const event = gw.auditOf(id);
    expect(event).toMatchObject({ status: 200, stream: true, response_scanned_fully: true, decision: 'redact' });
    expect(event.findings.map((f) => [f.type, f.action, f.location?.side])).toEqual([['EMAIL', 'redact', 'response']]);
    expectNoRawValues(gw);
  });

  it.each([
    ['split across chunks', 'email-split', /^Write to \[EMAIL[^\]]*\] about it\.$/],
    ['cut into 7-byte reads', 'email-sliced', /^Write to \[EMAIL[^\]]*\] about it\. Grüße$/],
  ])('redacts an email %s of an Ollama NDJSON stream', async (_name, model, expected) => {
    const id = `dlp-response-ndjson-${model}`;
    const res = await gw.post('/api/chat', { model, messages: [{ role: 'user', content: 'hi' }] }, { 'x-request-id': id });
    const text = await res.text();
    expect(text).not.toContain('jane');
    expect(ndjsonContent(text)).toMatch(expected);
    const event = gw.auditOf(id);
    expect(event).toMatchObject({ status: 200, stream: true, response_scanned_fully: true });
    expect(event.findings.map((f) => [f.type, f.action, f.location?.side])).toEqual([['EMAIL', 'redact', 'response']]);
    expectNoRawValues(gw);
  });
});

describe('baseline policy (flag personal data)', () => {
  let gw: FakeGateway;
  beforeAll(async () => {
    gw = await fakeGateway();
  });

  it('forwards a flagged email unchanged, marks the response and audits the finding by hash', async () => {
    const content = `Contact ${EMAIL} tomorrow`;
    const res = await gw.post('/v1/chat/completions', { model: 'echo', messages: [{ role: 'user', content }] }, { 'x-request-id': 'dlp-flag' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-outpost-dlp')).toBe('flagged');
    expect((gw.upstream.lastCall()!.json!.messages as Array<{ content: string }>)[0]!.content).toBe(content);
    const event = gw.auditOf('dlp-flag');
    expect(event.decision).toBe('flag');
    expect(event.findings.map((f) => [f.type, f.action])).toContainEqual(['EMAIL', 'flag']);
    expectNoRawValues(gw);
  });
});
