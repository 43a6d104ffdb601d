/**
 * `outpost start --runtime deno` in connected mode exits on SIGTERM: the request in flight is
 * answered, its audit event is committed, the chain verifies, and the process is gone within
 * the drain limit (it used to wait forever on the platform links' timers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
// @ts-expect-error plain JS mock without types
import { createMockPlatform } from '../mock/platform.mjs';
import { ROOT, auditEvents, startGateway, useMockUpstream, type RunningGateway } from './harness.js';

interface MockPlatform {
  mode: string;
  listen(port?: number): Promise<number>;
  close(): Promise<void>;
}

const upstream = useMockUpstream();
let platform: MockPlatform;
let gateway: RunningGateway;
let state: string;

beforeAll(async () => {
  platform = createMockPlatform() as MockPlatform;
  // The platform refuses the audit batches, so every event stays in the local queue to be checked.
  platform.mode = 'error';
  const port = await platform.listen(0);
  state = mkdtempSync(join(tmpdir(), 'outpost-deno-term-'));
  gateway = await startGateway(
    {
      OUTPOST_AIRGAP: 'false',
      OUTPOST_STATE_DIR: state,
      AIRGAP_POLICY_PATH: join(state, 'policies'),
      AUDIT_QUEUE_DB_PATH: join(state, 'audit', 'audit_queue.db'),
      OUTPOST_UPSTREAM_URL: upstream.url,
      OUTPOST_UPSTREAM_MODELS: 'mock-llama,slow-1500',
      OUTPOST_PLATFORM_URL: `http://127.0.0.1:${port}`,
      OUTPOST_HEARTBEAT_INTERVAL_MS: '200',
    },
    { runtime: 'deno' },
  );
});

afterAll(async () => {
  if (gateway?.child.exitCode === null) gateway.child.kill('SIGKILL');
  await platform?.close();
});

describe('deno serve, connected, on SIGTERM', () => {
  it('answers the request in flight, commits its audit event, and exits 0', async () => {
    const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
    const before = await openai.chat.completions.create({ model: 'mock-llama', messages: [{ role: 'user', content: 'Hello' }] });
    expect(before.choices[0]!.message.content).toContain('Hello from the mock model');

    const slow = openai.chat.completions.create({ model: 'slow-1500', messages: [{ role: 'user', content: 'Hello' }] }).withResponse();
    await new Promise((r) => setTimeout(r, 400));
    const signalled = Date.now();
    gateway.child.kill('SIGTERM');
    const { data, response } = await slow;
    expect(data.choices[0]!.message.content).toContain('Hello from the mock model');
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toBeTruthy();

    const code = await Promise.race([gateway.exited, new Promise<string>((r) => setTimeout(() => r('still running'), 15_000))]);
    expect(code).toBe(0);
    // The drain waits for the slow answer (~1.1 s left), not for the links' timers.
    expect(Date.now() - signalled).toBeLessThan(12_000);

    const db = join(state, 'audit', 'audit_queue.db');
    const ids = auditEvents(db).map((e) => e.request_id);
    expect(ids).toContain(requestId);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const verify = spawnSync(process.execPath, [join(ROOT, 'bin', 'outpost.mjs'), 'audit', 'verify', '--db', db], { encoding: 'utf8' });
    expect(verify.status, `${verify.stdout}${verify.stderr}`).toBe(0);
  }, 60_000);
});
