/**
 * Issue 13 (fields): every string of a request is scanned except a checked allow-list of protocol
 * tokens; duplicate keys are refused.
 */
import { describe, expect, it } from 'vitest';
import { requestTextParts } from '../../worker/dlp/extract.js';
import { GatewayError } from '../../worker/core/index.js';
import { parseRequestJson } from '../../worker/protocol/body.js';
import { isBase64, isMediaDataUrl, isProtocolToken } from '../../worker/protocol/tokens.js';
import { MODEL_ROUTES } from '../../worker/protocol/index.js';
import type { CallContext } from '../../worker/core/index.js';
import { compileDlp, createDlpStages, DlpBlockedError } from '../../worker/dlp/index.js';
import { settingsWith } from '../dlp/fixtures.js';

const CARD = '4111111111111111';
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const scannedPaths = (body: Record<string, unknown>) => requestTextParts(body, []).map((p) => p.path.join('.'));
const scannedTexts = (body: Record<string, unknown>) => requestTextParts(body, []).map((p) => p.text);

describe('request fields', () => {
  it('skips only checked protocol tokens of the expected shape', () => {
    const body = {
      model: 'llama3.1:8b',
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'hi' }, { type: 'image_url', image_url: { url: PNG } }] },
      ],
    };
    expect(scannedPaths(body)).toEqual(['messages.0.content.0.text']);
  });

  it.each([
    ['role', { model: 'm', messages: [{ role: `card ${CARD}`, content: 'x' }] }],
    ['model', { model: `card ${CARD}`, messages: [] }],
    ['content part type', { model: 'm', messages: [{ role: 'user', content: [{ type: `card ${CARD}`, text: 'x' }] }] }],
    ['image_url.url that is not media', { model: 'm', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: `https://x.test/?card=${CARD}` } }] }] }],
    ['data: URL of text', { model: 'm', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: `data:text/plain,card ${CARD}` } }] }] }],
    ['data: image URL that does not decode', { model: 'm', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: `data:image/png;base64,card ${CARD}` } }] }] }],
    ['long data: description in a tool', { model: 'm', tools: [{ type: 'function', function: { name: 'f', description: `data: remember the customer card ${CARD} and more text to pass 64 characters` } }] }],
    ['Ollama images entry that is not base64', { model: 'm', messages: [{ role: 'user', content: 'x', images: [`card ${CARD}`] }] }],
    ['Ollama format string', { model: 'm', format: `card ${CARD}`, prompt: 'x' }],
    ['tool_call_id', { model: 'm', messages: [{ role: 'tool', tool_call_id: `card ${CARD}`, content: 'x' }] }],
    ['input_audio.format', { model: 'm', messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'AAAA', format: `card ${CARD}` } }] }] }],
  ])('scans %s when it is not a protocol token', (_name, body) => {
    expect(scannedTexts(body as Record<string, unknown>).some((t) => t.includes(CARD))).toBe(true);
  });

  it('does not scan real base64 media (Ollama images, input_audio data)', () => {
    const body = { model: 'm', format: 'json', messages: [{ role: 'user', content: 'x', images: ['iVBORw0KGgo='] }, { role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } }] }] };
    expect(scannedPaths(body)).toEqual(['messages.0.content', 'messages.1.content.0.input_audio.format']);
  });
});

describe('protocol token checks', () => {
  it('accepts only base64 that decodes', () => {
    expect(isBase64('aGVsbG8=')).toBe(true);
    expect(isBase64('aGVsbG8')).toBe(false);
    expect(isBase64(`card ${CARD}`)).toBe(false);
    expect(isBase64('a=bc')).toBe(false);
  });
  it('accepts only image and audio data: URLs', () => {
    expect(isMediaDataUrl(PNG)).toBe(true);
    expect(isMediaDataUrl('data:audio/wav;base64,UklGRg==')).toBe(true);
    expect(isMediaDataUrl('data:text/plain;base64,aGVsbG8=')).toBe(false);
    expect(isMediaDataUrl(`data: ${CARD}`)).toBe(false);
  });
  it('checks roles, types and model names', () => {
    expect(isProtocolToken('role', 'assistant', 0)).toBe(true);
    expect(isProtocolToken('role', 'admin please', 0)).toBe(false);
    expect(isProtocolToken('type', 'text', 0)).toBe(true);
    expect(isProtocolToken('model', 'org/model-7b-instruct', null)).toBe(true);
    expect(isProtocolToken('model', `card ${CARD}`, null)).toBe(false);
    expect(isProtocolToken('id', 'chatcmpl-1', null)).toBe(false);
    expect(isProtocolToken('object', 'chat.completion', null)).toBe(true);
    expect(isProtocolToken('object', `card ${CARD}`, null)).toBe(false);
    expect(isProtocolToken('finish_reason', 'stop', 0)).toBe(true);
    expect(isProtocolToken('done_reason', 'length', null)).toBe(true);
    expect(isProtocolToken('finish_reason', `card ${CARD}`, 0)).toBe(false);
  });
});

describe('request JSON', () => {
  it('refuses a duplicate key anywhere with 400 duplicate_key', () => {
    const dup = () => parseRequestJson('{"model":"m","messages":[{"role":"user","content":"ok","content":"card 4111111111111111"}]}');
    expect(dup).toThrow(GatewayError);
    try {
      dup();
    } catch (e) {
      expect((e as GatewayError).status).toBe(400);
      expect((e as GatewayError).code).toBe('duplicate_key');
      expect((e as GatewayError).message).not.toContain('4111');
    }
  });
  it('refuses invalid JSON with 400 invalid_json and keeps __proto__ a plain key', () => {
    expect(() => parseRequestJson('{"a":')).toThrow(/not valid JSON/);
    const v = parseRequestJson('{"__proto__":{"x":1}}') as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('a value split across two messages', () => {
  it('is found in the joined texts and blocks (it cannot be redacted in place)', async () => {
    const { inspectRequest } = createDlpStages(compileDlp(settingsWith({})), { salt: 'salt' });
    const r = MODEL_ROUTES.find((x) => x.id === 'openai.chat')!;
    const callFor = (_id: string): CallContext => ({ requestId: 'req-1', route: r, protocol: r.protocol, receivedAt: 0, peerAddress: undefined, clientIp: undefined, caller: undefined, model: 'm', target: undefined, policyVersion: 'v', riskTier: 't' });
    const body = { model: 'm', messages: [{ role: 'user', content: 'my card is 4111 1111' }, { role: 'user', content: '1111 1111 thanks' }] };
    await expect(inspectRequest(callFor('openai.chat'), body, [])).rejects.toBeInstanceOf(DlpBlockedError);
    const whole = { model: 'm', messages: [{ role: 'user', content: 'my card is 4111 1111 1111 1111' }, { role: 'user', content: 'thanks' }] };
    const ok = await inspectRequest(callFor('openai.chat'), whole, []);
    expect(ok.decision).toBe('redact');
  });
});
