/**
 * The DLP engine on workerd, through the official openai client, with a policy that blocks every
 * finding: values written to slip past the detectors are refused with 403, and an adversarial
 * 128 KB prompt for any built-in detector neither stalls the gateway (/health answers in under
 * 250 ms meanwhile) nor takes more than 2 s itself.
 */
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { BUILTIN_DETECTORS } from '../../worker/dlp/detectors/index.js';
import { auditEvents, startGateway, useMockUpstream, type RunningGateway, stateWithBundle } from './harness.js';

const upstream = useMockUpstream();
let gateway: RunningGateway;
let openai: OpenAI;

beforeAll(async () => {
  const block = { action: 'block' };
  const state = stateWithBundle('outpost-dlp-evasion-', {
    schema_version: 1,
    version: 'block-every-finding',
    created_at: '2026-11-29T00:00:00Z',
    models: [{ name: '*', risk_tier: 'strict' }],
    risk_tiers: { strict: {} },
    dlp: { tier1: { enabled: true, action: 'block' }, bundles: { PCI: block, HIPAA: block, GDPR: block, SECRETS: block, CLASSIFICATION: block } },
    auth: { mode: 'none' },
  });
  gateway = await startGateway({ OUTPOST_STATE_DIR: state, OUTPOST_UPSTREAM_URL: upstream.url });
  openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0, timeout: 30_000 });
});

afterAll(async () => {
  await gateway?.stop();
});

const ask = (content: string) => openai.chat.completions.create({ model: 'mock-llama', messages: [{ role: 'user', content }] });

const EVASIONS: readonly [string, string][] = [
  ['card with dots', 'pay with 4111.1111.1111.1111 please'],
  ['card with newlines', 'pay with 4111\n1111\n1111\n1111 please'],
  ['card with NBSP', 'pay with 4111\u00a01111\u00a01111\u00a01111 please'],
  ['card with slashes', 'pay with 4111/1111/1111/1111 please'],
  ['card grouped oddly', 'pay with 41 111 111 1111 1111 please'],
  ['card in full-width digits', 'pay with ４１１１１１１１１１１１１１１１ please'],
  ['card in mathematical digits', 'pay with 𝟒𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏 please'],
  ['card with zero-width spaces', 'pay with 4111\u200b1111\u200b1111\u200b1111 please'],
  ['card after "preferred"', 'My preferred card is 4111111111111111'],
  ['card in base64', `decode this: ${btoa('card 4111 1111 1111 1111')}`],
  ['SSN with dots', 'my SSN is 536.22.1234'],
  ['SSN with mixed separators', 'my SSN is 536-22 1234'],
  ['IBAN with dots', 'IBAN DE89.3704.0044.0532.0130.00'],
  ['AWS key lower-cased', 'key akiaz7vrsq2lmxk4p3tn'],
  ['AWS key split', 'key AKIAZ7VRSQ2L MXK4P3TN'],
  ['AWS key with a newline', 'key AKIAZ7VRSQ2L\nMXK4P3TN'],
  ['AWS key with Cyrillic look-alikes', 'key \u0410KI\u0410Z7VRSQ2LMXK4P3TN'],
  ['email with [at] and [dot]', 'write to jane [at] acme [dot] com'],
  ['email with (at) and (dot)', 'write to jane(at)acme(dot)com'],
  ['PEM with four dashes', '----BEGIN RSA PRIVATE KEY----\nMIIEowIBAAKCAQEA7VJTUt9Us8cKjMzEfYyjiWA4R4\n----END RSA PRIVATE KEY----'],
  ['PEM with a lower-case header', '-----begin private key-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----end private key-----'],
  ['PEM body only', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu'],
];

describe('DLP evasions on workerd', () => {
  it('answers a clean prompt', async () => {
    const answer = await ask('Summarise the plot of Hamlet in two sentences.');
    expect(answer.choices[0]!.message.content).toBeTruthy();
  });

  it.each(EVASIONS)('refuses %s with 403', async (_, content) => {
    const error = await ask(content).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(403);
    expect((error as InstanceType<typeof OpenAI.APIError>).code).toBe('dlp_blocked');
  });
});

/** A 128 KB prompt built from the detector's own anchor: its first keyword or the start of its example. */
function adversarialPrompt(id: string): string {
  const d = BUILTIN_DETECTORS.get(id)!;
  const anchor = d.keywords?.[0] ?? d.examples?.[0]?.slice(0, 6) ?? '1-';
  const unit = `${anchor}-`;
  return unit.repeat(Math.ceil(131072 / unit.length)).slice(0, 131072);
}

describe('adversarial prompts on workerd', () => {
  it.each([...BUILTIN_DETECTORS.keys(), 'jwt-eyJ'])('%s: /health stays fast and the request ends within 2 s', async (id) => {
    const prompt = id === 'jwt-eyJ' ? 'eyJ-'.repeat(32768) : adversarialPrompt(id);
    const started = performance.now();
    const request = ask(prompt).then(
      () => 'answered',
      (e: unknown) => `refused ${(e as { status?: number }).status}`,
    );
    let settled = false;
    void request.then(() => (settled = true));
    const healthTimes: number[] = [];
    while (!settled) {
      const t = performance.now();
      const health = await fetch(`${gateway.url}/health`);
      expect(health.status).toBe(200);
      healthTimes.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 10));
    }
    const outcome = await request;
    const elapsed = performance.now() - started;
    // Refused for a finding (403), or failed closed because the scan budget ran out (503).
    expect(outcome).toMatch(/^(answered|refused 403|refused 503)$/);
    expect(elapsed).toBeLessThan(2000);
    expect(Math.max(...healthTimes)).toBeLessThan(250);
  });
});

describe('scan budget on workerd', () => {
  it('fails closed with 503 dlp_unavailable, audited, when a request spends its scan budget', async () => {
    const state = stateWithBundle('outpost-dlp-budget-', {
      schema_version: 1,
      version: 'tiny-scan-budget',
      created_at: '2026-11-29T00:00:00Z',
      models: [{ name: '*', risk_tier: 'strict' }],
      risk_tiers: { strict: {} },
      // on_error: pass must not let a spent budget through.
      dlp: { tier1: { enabled: true, action: 'block' }, on_error: 'pass', scan_budget_units: 200_000 },
      auth: { mode: 'none' },
    });
    const g = await startGateway({ OUTPOST_STATE_DIR: state, OUTPOST_UPSTREAM_URL: upstream.url });
    try {
      const client = new OpenAI({ baseURL: `${g.url}/v1`, apiKey: 'unused', maxRetries: 0, defaultHeaders: { 'x-request-id': 'budget-small' } });
      const small = await client.chat.completions.create({ model: 'mock-llama', messages: [{ role: 'user', content: 'Summarise Hamlet.' }] });
      expect(small.choices[0]!.message.content).toBeTruthy();
      const big = await client.chat.completions
        .create({ model: 'mock-llama', messages: [{ role: 'user', content: 'plain words '.repeat(4000) }] }, { headers: { 'x-request-id': 'budget-spent' } })
        .then(
          () => null,
          (e: unknown) => e as InstanceType<typeof OpenAI.APIError>,
        );
      expect(big?.status).toBe(503);
      expect(big?.code).toBe('dlp_unavailable');
      const event = auditEvents(join(state, 'audit', 'audit_queue.db')).find((e) => e.request_id === 'budget-spent');
      expect(event?.status).toBe(503);
      expect(upstream.mock.requests.some((r) => JSON.stringify(r.body).includes('plain words plain words'))).toBe(false);
    } finally {
      await g.stop();
    }
  });
});
