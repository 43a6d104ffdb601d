import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../worker/core/index.js';
import type { CallContext, RequestInspection } from '../../worker/core/index.js';
import { MODEL_ROUTES } from '../../worker/protocol/index.js';
import { compileDlp, createDlpStages, DlpBlockedError } from '../../worker/dlp/index.js';
import type { DlpSettings, Tier3Classifier } from '../../worker/dlp/settings.js';
import { settingsWith } from './fixtures.js';

const route = (id: string) => MODEL_ROUTES.find((r) => r.id === id)!;
const callFor = (id: string): CallContext => {
  const r = route(id);
  return { requestId: 'req-1', route: r, protocol: r.protocol, receivedAt: 0, peerAddress: undefined, clientIp: undefined, caller: undefined, model: 'm', target: undefined, policyVersion: 'v', riskTier: 't' };
};
const stagesFor = (s: Partial<DlpSettings>, tier3?: Tier3Classifier) => createDlpStages(compileDlp(settingsWith(s)), { salt: 'salt', ...(tier3 ? { tier3 } : {}) });
const enc = new TextEncoder();
const dec = new TextDecoder();
const GH = 'ghp_R8sK2mQ9vT4wX7yZ1aB3cD5eF6gH8iJ0kL2m';

const chatBody = () => ({
  model: 'm',
  messages: [
    { role: 'system', content: 'Operator contact: ops.lead@acme-corp.com' },
    { role: 'user', content: [{ type: 'text', text: 'My card is 4111 1111 1111 1111' }] },
    { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'lookup', arguments: '{"email":"jane.doe@acme-corp.com"}' } }] },
    { role: 'tool', tool_call_id: 'c1', content: 'Found: SSN 536-22-8712' },
    { role: 'user', content: 'Reply to jane.doe@acme-corp.com please' },
  ],
});

describe('request inspection', () => {
  it('scans every message, content part, tool call and tool result, and redacts consistently', async () => {
    const { inspectRequest } = stagesFor({});
    const body = chatBody();
    const result = await inspectRequest(callFor('openai.chat'), body, route('openai.chat').textParts(body));
    expect(result.decision).toBe('redact');
    const paths = result.findings.map((f) => `${f.type}@${f.location!.path}`);
    expect(paths).toEqual([
      'EMAIL@messages[0].content',
      'CREDIT_CARD@messages[1].content[0].text',
      'EMAIL@messages[2].tool_calls[0].function.arguments',
      'US_SSN@messages[3].content',
      'EMAIL@messages[4].content',
    ]);
    const rewritten = result.rewrittenBody as ReturnType<typeof chatBody>;
    expect(rewritten.messages[2]!.tool_calls![0]!.function.arguments).toBe('{"email":"[EMAIL_2]"}');
    expect(rewritten.messages[4]!.content).toBe('Reply to [EMAIL_2] please');
    expect(JSON.stringify(rewritten)).not.toMatch(/4111|536-22|jane\.doe|ops\.lead/);
    expect(JSON.stringify(result.findings)).not.toMatch(/4111|536-22|jane\.doe/);
    expect(result.findings[0]!.hash).toMatch(/^[0-9a-f]{32}$/);
    expect(result.headers).toEqual({ 'x-outpost-dlp': 'redacted' });
    expect(body.messages[4]!.content).toContain('jane.doe'); // the original body is untouched
  });

  it('scans completions prompt arrays, embedding inputs and Ollama bodies', async () => {
    const { inspectRequest } = stagesFor({ tier1: { enabled: true, action: 'flag' }, bundles: {} });
    const cases: [string, Record<string, unknown>][] = [
      ['openai.completions', { model: 'm', prompt: ['hello', 'mail jane@acme.io'] }],
      ['openai.embeddings', { model: 'm', input: ['x', 'SSN 536-22-8712'] }],
      ['ollama.generate', { model: 'm', system: 'key AKIAZ7VRSQ2LMXK4P3TN', prompt: 'hi' }],
      ['ollama.chat', { model: 'm', messages: [{ role: 'user', content: 'hi', thinking: 'card 4111111111111111' }] }],
    ];
    for (const [id, body] of cases) {
      const result = await inspectRequest(callFor(id), body, route(id).textParts(body));
      expect(result.findings.length, id).toBe(1);
      expect(result.decision).toBe('flag');
      expect(result.headers).toEqual({ 'x-outpost-dlp': 'flagged' });
    }
  });

  it('blocks with 403 dlp_blocked naming types and rules, never the value, and keeps the findings for audit', async () => {
    const { inspectRequest } = stagesFor({});
    const body = { model: 'm', messages: [{ role: 'user', content: `token ${GH} and SECRET//NOFORN` }] };
    const error = await inspectRequest(callFor('openai.chat'), body, []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DlpBlockedError);
    const blocked = error as DlpBlockedError;
    expect([blocked.status, blocked.code]).toEqual([403, 'dlp_blocked']);
    expect(blocked.message).toContain('GITHUB_TOKEN');
    expect(blocked.message).toContain('tier1.github_token');
    expect(blocked.message).not.toContain(GH);
    expect(blocked.findings.length).toBe(2);
  });

  it('fails closed when the scanner throws, and open only when told', async () => {
    const closed = stagesFor({});
    const throwing = { model: 'm', get messages(): unknown { throw new Error('boom'); } } as unknown as Record<string, unknown>;
    const e2 = await closed.inspectRequest(callFor('openai.chat'), throwing, []).catch((e: unknown) => e);
    expect(e2).toBeInstanceOf(GatewayError);
    expect([(e2 as GatewayError).status, (e2 as GatewayError).code]).toEqual([503, 'dlp_unavailable']);
    const open = stagesFor({ on_error: 'pass' });
    const passed = await open.inspectRequest(callFor('openai.chat'), throwing, []);
    expect(passed.headers).toEqual({ 'x-outpost-dlp': 'unscanned' });
    expect(passed.findings[0]!.type).toBe('DLP_UNSCANNED');
  });
});

describe('reversible redaction', () => {
  it('restores the caller values in a whole response, tool-call arguments included', async () => {
    const { inspectRequest, inspectResponse } = stagesFor({ redaction: 'reversible' });
    const body = { model: 'm', messages: [{ role: 'user', content: 'Email "jane@acme.io" about SSN 536-22-8712' }] };
    const request = await inspectRequest(callFor('openai.chat'), body, []);
    expect(JSON.stringify(request.rewrittenBody)).toContain('[EMAIL_1]');
    expect(request.restore!('to [EMAIL_1] re [US_SSN_1], not [EMAIL_9]')).toBe('to jane@acme.io re 536-22-8712, not [EMAIL_9]');
    const upstream = {
      choices: [{ index: 0, message: { role: 'assistant', content: 'Sent to [EMAIL_1]. Also ping bob@globex.io', tool_calls: [{ function: { name: 'send', arguments: '{"to":"[EMAIL_1]"}' } }] } }],
    };
    const out = await inspectResponse.whole(callFor('openai.chat'), enc.encode(JSON.stringify(upstream)), 'application/json', request);
    const parsed = JSON.parse(dec.decode(out.body!));
    expect(parsed.choices[0].message.content).toBe('Sent to jane@acme.io. Also ping [EMAIL_2]');
    expect(JSON.parse(parsed.choices[0].message.tool_calls[0].function.arguments)).toEqual({ to: 'jane@acme.io' });
    expect(out.findings.map((f) => f.type)).toEqual(['EMAIL']);
  });

  it('carries the call state in the inspection itself: a copy restores, an inspection without it does not', async () => {
    const { inspectRequest, inspectResponse } = stagesFor({ redaction: 'reversible', scan_response: false });
    const request = await inspectRequest(callFor('openai.chat'), { model: 'm', messages: [{ role: 'user', content: 'Email jane@acme.io' }] }, []);
    expect(request.callState).toBeDefined();
    const upstream = enc.encode(JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content: 'Sent to [EMAIL_1]' } }] }));
    const copied = await inspectResponse.whole(callFor('openai.chat'), upstream, 'application/json', { ...request });
    expect(JSON.parse(dec.decode(copied.body!)).choices[0].message.content).toBe('Sent to jane@acme.io');
    const { callState: _dropped, ...withoutState } = request;
    const bare = await inspectResponse.whole(callFor('openai.chat'), upstream, 'application/json', withoutState);
    expect(bare).toEqual({ decision: 'allow', findings: [] });
    const streamed = inspectResponse.stream(callFor('openai.chat'), { ...request })!;
    const sse = enc.encode('data: {"choices":[{"index":0,"delta":{"content":"to [EMAIL_1]"}}]}\n\ndata: [DONE]\n\n');
    const text = dec.decode(await streamed.push(sse)) + dec.decode(await streamed.finish());
    expect(text).toContain('to jane@acme.io');
    expect(inspectResponse.stream(callFor('openai.chat'), withoutState)).toBeNull();
  });
});

describe('Tier 3 hook', () => {
  const fake = (delayMs: number, spans: { type: string; start: number; end: number; score: number }[] = []): Tier3Classifier & { calls: number } => {
    const c = {
      modelVersion: 'fake-1',
      threshold: 0.7,
      calls: 0,
      async classify(text: string) {
        c.calls++;
        await new Promise((r) => setTimeout(r, delayMs));
        return { score: 0, label: 'clean', spans: spans.filter((s) => s.end <= text.length), elapsedMs: delayMs };
      },
    };
    return c;
  };

  it('merges classifier spans as tier 3 findings (always mode)', async () => {
    const classifier = fake(1, [{ type: 'PERSON', start: 0, end: 5, score: 0.9 }]);
    const { inspectRequest } = stagesFor({ tier3: { mode: 'always', action: 'redact', budget_ms: 500, on_budget_exceeded: 'pass' } }, classifier);
    const result = await inspectRequest(callFor('openai.chat'), { model: 'm', messages: [{ role: 'user', content: 'Alice went home' }] }, []);
    expect(result.findings.map((f) => [f.type, f.tier, f.rule])).toEqual([['PERSON', 3, 'tier3.fake-1']]);
    expect(JSON.stringify(result.rewrittenBody)).toContain('[PERSON_1] went home');
  });

  it('in ambiguous mode skips short texts with confident hits', async () => {
    const classifier = fake(1);
    const { inspectRequest } = stagesFor({ tier3: { mode: 'ambiguous', action: 'flag', budget_ms: 500, on_budget_exceeded: 'pass' } }, classifier);
    await inspectRequest(callFor('openai.chat'), { model: 'm', messages: [{ role: 'user', content: 'mail jane@acme.io' }] }, []);
    expect(classifier.calls).toBe(0);
    await inspectRequest(callFor('openai.chat'), { model: 'm', messages: [{ role: 'user', content: 'plain words '.repeat(30) }] }, []);
    expect(classifier.calls).toBe(1);
  });

  it('applies the budget: pass is audited, block refuses', async () => {
    const slow = fake(200);
    const tier3 = { mode: 'always' as const, action: 'flag' as const, budget_ms: 20 };
    const passing = stagesFor({ tier3: { ...tier3, on_budget_exceeded: 'pass' } }, slow);
    const passed = await passing.inspectRequest(callFor('openai.chat'), { model: 'm', messages: [{ role: 'user', content: 'hello' }] }, []);
    expect(passed.findings.map((f) => f.type)).toEqual(['TIER3_BUDGET_EXCEEDED']);
    const blocking = stagesFor({ tier3: { ...tier3, on_budget_exceeded: 'block' } }, slow);
    await expect(blocking.inspectRequest(callFor('openai.chat'), { model: 'm', messages: [{ role: 'user', content: 'hello' }] }, [])).rejects.toMatchObject({ code: 'dlp_blocked' });
  });
});

export { callFor, stagesFor, route };
export type { RequestInspection };
