/**
 * A hot-installed bundle whose targets need a runtime channel the running workerd was started
 * without (a new address, or `default` moved to one) is refused by `outpost policy install`,
 * naming the targets; the models that worked keep working, and the bundle applies after a restart
 * with it on the volume.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { ROOT, startGateway, startMock, useMockUpstream, type MockUpstream, type RunningGateway } from './harness.js';

const TOKEN = 'targets-admin-token-8c2d1e';
const upstream = useMockUpstream();
let second: { mock: MockUpstream; url: string };
let gateway: RunningGateway;
let state: string;

const outpost = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'outpost.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, OUTPOST_ADMIN_TOKEN: TOKEN } });

function bundleFile(name: string, content: Record<string, unknown>): string {
  const path = join(state, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

const bundle = (version: string, targets: unknown[], models: unknown[] = [{ name: '*', risk_tier: 'open' }]) => ({
  schema_version: 1,
  version,
  created_at: '2026-11-28T00:00:00Z',
  targets,
  models,
  risk_tiers: { open: {} },
  auth: { mode: 'none' },
});

beforeAll(async () => {
  second = await startMock();
  state = mkdtempSync(join(tmpdir(), 'outpost-targets-'));
  gateway = await startGateway({ OUTPOST_STATE_DIR: state, OUTPOST_UPSTREAM_URL: upstream.url, OUTPOST_ADMIN_TOKEN: TOKEN });
});

afterAll(async () => {
  await gateway?.stop();
  await second?.mock.close();
});

const chat = (model: string) => new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 }).chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] });

describe('hot install of targets without a runtime channel', () => {
  it('a new address is refused, naming the target and the next start; every model keeps working', async () => {
    const file = bundleFile('new-target.json', bundle('new-target-1', [{ id: 'second', kind: 'openai', base_url: second.url, models: ['mock-mistral'] }]));
    const run = outpost('policy', 'install', file, '--runtime', gateway.url);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('HTTP 409, policy_needs_restart');
    expect(run.stderr).toContain(`target "second" (${second.url}) needs an address the running gateway has no channel to`);
    expect(run.stderr).toContain('the bundle applies at the next start');
    expect((await chat('mock-mistral')).choices[0]!.message.content).toBeTruthy();
    expect((await chat('mock-llama')).choices[0]!.message.content).toBeTruthy();
    expect(second.mock.requests.length).toBe(0);
  });

  it('replacing default with a new address is refused; default keeps serving every model', async () => {
    const file = bundleFile('new-default.json', bundle('new-default-1', [{ id: 'default', kind: 'openai', base_url: second.url, models: ['*'] }]));
    const run = outpost('policy', 'install', file, '--runtime', gateway.url);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(`target "default" (${second.url}) needs an address`);
    const before = upstream.mock.requests.length;
    expect((await chat('mock-llama')).choices[0]!.message.content).toBeTruthy();
    expect(upstream.mock.requests.length).toBe(before + 1);
  });

  it('a target on an address the gateway has installs hot', async () => {
    const file = bundleFile('same-address.json', bundle('same-address-1', [{ id: 'alias', kind: 'openai', base_url: upstream.url, models: ['mock-alias'] }]));
    const run = outpost('policy', 'install', file, '--runtime', gateway.url);
    expect(run.status, run.stderr).toBe(0);
    expect((await chat('mock-alias')).choices[0]!.message.content).toBeTruthy();
  });

  it('on the volume and after a restart, the refused bundle applies', async () => {
    await gateway.stop();
    mkdirSync(join(state, 'policies'), { recursive: true });
    bundleFile(join('policies', 'policy_bundle.json'), bundle('new-target-1', [{ id: 'second', kind: 'openai', base_url: second.url, models: ['mock-mistral'] }]));
    gateway = await startGateway({ OUTPOST_STATE_DIR: state, OUTPOST_UPSTREAM_URL: upstream.url, OUTPOST_ADMIN_TOKEN: TOKEN });
    expect((await chat('mock-mistral')).choices[0]!.message.content).toBeTruthy();
    expect(second.mock.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(1);
  });
});
