/**
 * Assertions on the error shape of each protocol (protocol/openai.ts, protocol/ollama.ts), and
 * that no stack trace or source location leaks into it.
 */
import { expect } from 'vitest';

export interface OpenAIErrorBody {
  readonly error: { readonly message: string; readonly type: string; readonly param: null; readonly code: string; readonly [detail: string]: unknown };
}

async function errorText(res: Response, status: number, code: string): Promise<string> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/json');
  expect(res.headers.get('x-outpost-error-code')).toBe(code);
  expect(res.headers.get('x-request-id')).toBeTruthy();
  // Refusals of a model call say which policy refused them (issue 21), whatever the stage; an
  // unknown path or method and a gateway that could not start were never before a policy.
  if (!['gateway_unavailable', 'not_found', 'method_not_allowed'].includes(code)) expect(res.headers.get('x-outpost-policy-version'), code).toMatch(/\S/);
  const text = await res.text();
  expect(text).not.toMatch(/\n\s+at |\.ts:\d|\.js:\d/);
  return text;
}

/** `{ error: { message, type, param, code } }`, with the expected status and code. */
export async function expectOpenAIError(res: Response, status: number, code: string, type?: string): Promise<OpenAIErrorBody> {
  const body = JSON.parse(await errorText(res, status, code)) as OpenAIErrorBody;
  expect(body.error).toMatchObject({ code, param: null });
  expect(body.error.message.length).toBeGreaterThan(0);
  if (type) expect(body.error.type).toBe(type);
  return body;
}

/** Ollama's `{ error: "message" }`, with the expected status; the code travels in a header. */
export async function expectOllamaError(res: Response, status: number, code: string): Promise<string> {
  const body = JSON.parse(await errorText(res, status, code)) as { error: unknown };
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error).toBe('string');
  return body.error as string;
}
