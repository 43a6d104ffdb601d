/**
 * What the target receives: the caller's bytes exactly as sent when the DLP changed nothing (no
 * JSON round trip: spacing, key order and escapes survive), and a re-serialised body only when a
 * value was redacted. Real workerd started by `outpost start` with a policy that redacts Tier 1
 * findings, driven with fetch (the official clients re-serialise bodies themselves) against the mock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, stateWithBundle, useMockUpstream, type RunningGateway } from './harness.js';

const upstream = useMockUpstream();
let gateway: RunningGateway;

beforeAll(async () => {
  const state = stateWithBundle('outpost-forward-bytes-', {
    schema_version: 1,
    version: 'redact-tier1',
    created_at: '2026-11-29T00:00:00Z',
    models: [{ name: '*', risk_tier: 'standard' }],
    risk_tiers: { standard: {} },
    dlp: { tier1: { enabled: true, action: 'redact' }, bundles: {}, redaction: 'mask' },
    auth: { mode: 'none' },
  });
  gateway = await startGateway({ OUTPOST_STATE_DIR: state, OUTPOST_UPSTREAM_URL: upstream.url });
});

afterAll(async () => {
  await gateway?.stop();
});

/** Posts `body` as written with a request id, and returns what the mock received for it. */
async function forwarded(body: string, requestId: string): Promise<{ status: number; received: string }> {
  const res = await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-request-id': requestId } });
  await res.arrayBuffer();
  const seen = upstream.mock.requests.filter((r) => r.headers['x-request-id'] === requestId);
  expect(seen).toHaveLength(1);
  return { status: res.status, received: seen[0]!.body as string };
}

describe('the body forwarded to the target', () => {
  it('is the caller’s bytes, unchanged, when nothing was redacted', async () => {
    // Spacing, a trailing newline, key order, a \u escape and a non-ASCII character that a
    // JSON.parse / JSON.stringify round trip would each rewrite.
    const body = '{ "messages" : [ {"content":"Plans for the caf\\u00e9 — Q3 review","role":"user"} ],\n  "model":"mock-llama", "temperature": 1.0 }\n';
    const { status, received } = await forwarded(body, 'bytes-untouched-1');
    expect(status).toBe(200);
    expect(received).toBe(body);
  });

  it('is re-serialised from the rewritten body when a value was redacted, without the value', async () => {
    const body = '{ "model":"mock-llama", "messages":[ {"role":"user","content":"Write to jane.doe@example.com about caf\\u00e9 plans"} ] }';
    const { status, received } = await forwarded(body, 'bytes-redacted-1');
    expect(status).toBe(200);
    expect(received).not.toContain('jane.doe@example.com');
    const parsed = JSON.parse(received) as { model: string; messages: { role: string; content: string }[] };
    // Compact JSON of the rewritten body: the caller's spacing and escapes are gone with the value.
    expect(received).toBe(JSON.stringify(parsed));
    expect(parsed.model).toBe('mock-llama');
    expect(parsed.messages[0]!.content).toMatch(/^Write to .+ about café plans$/);
  });
});
