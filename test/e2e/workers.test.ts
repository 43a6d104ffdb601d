/**
 * OUTPOST_WORKERS=2 end to end: two real workerd processes accepting on the one socket the
 * launcher opened, process 0 owning the audit queue and process 1 committing through it. Driven
 * with the official openai client against the mock model server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI from 'openai';
import { ROOT, auditEvents, startGateway, stateWithBundle, useMockUpstream, workerPids, type RunningGateway } from './harness.js';

const TOKEN = 'workers-e2e-admin-token-1a2b3c4d';
const upstream = useMockUpstream();

function openBundle(version: string): Record<string, unknown> {
  return { schema_version: 1, version, created_at: '2026-11-29T00:00:00Z', models: [{ name: '*', risk_tier: 'open' }], risk_tiers: { open: {} }, auth: { mode: 'none' } };
}

/** Per-process and total model calls from the summed /metrics. */
async function servedCounts(gateway: RunningGateway): Promise<{ perProcess: Record<string, number>; total: number }> {
  const text = await (await fetch(`${gateway.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
  const perProcess: Record<string, number> = {};
  for (const m of text.matchAll(/^outpost_process_requests_total\{process="(\d+)"\} (\d+)$/gm)) perProcess[m[1]!] = Number(m[2]);
  let total = 0;
  for (const m of text.matchAll(/^outpost_requests_total\{[^}]*\} (\d+)$/gm)) total += Number(m[1]);
  return { perProcess, total };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('OUTPOST_WORKERS=2', () => {
  let gateway: RunningGateway;
  let state: string;
  const db = () => join(state, 'audit', 'audit_queue.db');

  beforeAll(async () => {
    state = stateWithBundle('outpost-workers-', openBundle('workers-1'));
    gateway = await startGateway({ OUTPOST_STATE_DIR: state, OUTPOST_UPSTREAM_URL: upstream.url, OUTPOST_ADMIN_TOKEN: TOKEN, OUTPOST_WORKERS: '2' });
  }, 60_000);

  afterAll(async () => {
    await gateway?.stop();
  });

  it('starts two processes and says ready only once both answer', async () => {
    expect(gateway.output()).toMatch(/Outpost ready on http:\/\/127\.0\.0\.1:\d+ \(\d+ ms from spawn, 2 processes\)/);
    const pids = workerPids(gateway.output());
    expect(pids).toHaveLength(2);
    expect(pids.every(alive)).toBe(true);
    // Both processes warn about the missing GeoIP database at startup; the operator reads it once.
    expect(gateway.output().match(/WARN GeoIP: no database loaded/g)).toHaveLength(1);
    // Every readiness probe, whichever process takes it, checks the other one too.
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${gateway.url}/readyz`, { headers: { connection: 'close' } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { status: string }).status).toBe('ready');
    }
  });

  it('spreads calls over both processes and audits every one in the one queue, whose chain verifies', async () => {
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
    const before = await servedCounts(gateway);
    const ids: string[] = [];
    const worker = async (n: number) => {
      for (let i = 0; i < 6; i++) {
        const id = `workers-${n}-${i}`;
        ids.push(id);
        const completion = await client.chat.completions.create({ model: 'mock-llama', messages: [{ role: 'user', content: `call ${n}.${i} from jane.doe@example.com` }] }, { headers: { 'x-request-id': id } });
        expect(completion.choices[0]?.message.content).toBeTruthy();
      }
    };
    await Promise.all(Array.from({ length: 16 }, (_, n) => worker(n)));

    const after = await servedCounts(gateway);
    expect(after.total - before.total).toBe(ids.length);
    const served = ['0', '1'].map((p) => (after.perProcess[p] ?? 0) - (before.perProcess[p] ?? 0));
    expect(served[0]! + served[1]!).toBe(ids.length);
    expect(served[0]).toBeGreaterThan(0);
    expect(served[1]).toBeGreaterThan(0);

    const events = new Map(auditEvents(db()).map((e) => [e.request_id, e]));
    for (const id of ids) expect(events.get(id)?.status, id).toBe(200);
    // The raw address never reaches the queue, from either process.
    expect(execFileSync('sqlite3', ['-readonly', db(), 'SELECT count(*) FROM local_audit_queue WHERE event_json LIKE "%jane.doe@example.com%";'], { encoding: 'utf8' }).trim()).toBe('0');
    const verify = spawnSync(process.execPath, [join(ROOT, 'bin', 'outpost.mjs'), 'audit', 'verify', '--db', db()], { encoding: 'utf8' });
    expect(verify.status, `${verify.stdout}${verify.stderr}`).toBe(0);
    expect(verify.stdout).toMatch(/^OK \d+ events verified/m);
  }, 60_000);

  it('answers the admin API from any process with the one queue depth', async () => {
    const rows = Number(execFileSync('sqlite3', ['-readonly', db(), 'SELECT count(*) FROM local_audit_queue;'], { encoding: 'utf8' }).trim());
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${gateway.url}/admin/api/sync-status`, { headers: { authorization: `Bearer ${TOKEN}`, connection: 'close' } });
      const body = (await res.json()) as { audit_queue_depth: number; ready: boolean };
      expect(res.status).toBe(200);
      expect(body.audit_queue_depth).toBe(rows);
      expect(body.ready).toBe(true);
    }
    // Recent decisions: whichever process answers lists the calls both served, newest first.
    const ids = ['decisions-a', 'decisions-b', 'decisions-c', 'decisions-d'];
    for (const id of ids) {
      const res = await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': id, connection: 'close' }, body: JSON.stringify({ model: 'mock-llama', messages: [{ role: 'user', content: 'hi' }] }) });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${gateway.url}/admin/api/decisions`, { headers: { authorization: `Bearer ${TOKEN}`, connection: 'close' } });
      const listed = ((await res.json()) as { decisions: Array<{ request_id: string; time: string }> }).decisions;
      expect(listed.slice(0, 4).map((d) => d.request_id).sort()).toEqual(ids);
      expect(listed.map((d) => d.time)).toEqual(listed.map((d) => d.time).sort().reverse());
    }
  });

  it('a hot policy install through one process is enforced by both once the install returns', async () => {
    const v2 = join(state, 'v2.json');
    writeFileSync(v2, JSON.stringify(openBundle('workers-2')));
    const installed = execFileSync(process.execPath, [join(ROOT, 'bin', 'outpost.mjs'), 'policy', 'install', v2, '--runtime', gateway.url], { encoding: 'utf8', env: { ...process.env, OUTPOST_ADMIN_TOKEN: TOKEN } });
    expect(installed).toMatch(/workers-2/);
    const versions: string[] = [];
    const worker = async (n: number) => {
      for (let i = 0; i < 4; i++) {
        const id = `after-install-${n}-${i}`;
        const res = await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': id }, body: JSON.stringify({ model: 'mock-llama', messages: [{ role: 'user', content: 'hi' }] }) });
        await res.arrayBuffer();
        versions.push(res.headers.get('x-outpost-policy-version') ?? 'none');
      }
    };
    const before = await servedCounts(gateway);
    await Promise.all(Array.from({ length: 12 }, (_, n) => worker(n)));
    const after = await servedCounts(gateway);
    expect(new Set(versions)).toEqual(new Set(['workers-2']));
    // Both processes served some of these calls, so both enforce the new bundle.
    expect((after.perProcess['0'] ?? 0) - (before.perProcess['0'] ?? 0)).toBeGreaterThan(0);
    expect((after.perProcess['1'] ?? 0) - (before.perProcess['1'] ?? 0)).toBeGreaterThan(0);
  }, 60_000);

  it('keeps the internal routes off the public socket, even with a forged listener header', async () => {
    for (const path of ['/internal/ready', '/internal/audit/status', '/internal/metrics']) {
      const res = await fetch(`${gateway.url}${path}`, { headers: { 'x-outpost-listener': 'internal' } });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
    const forged = await fetch(`${gateway.url}/internal/audit/append`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-outpost-listener': 'internal' }, body: '[{}]' });
    expect(forged.status).toBe(404);
  });

  it('SIGTERM stops both processes with one shutdown line and exit code 0', async () => {
    const pids = workerPids(gateway.output());
    expect(await gateway.stop('SIGTERM')).toBe(0);
    expect(gateway.output().match(/Outpost shutting down/g)).toHaveLength(1);
    expect(pids.some(alive)).toBe(false);
  });
});

describe('OUTPOST_WORKERS=2, a process dies', () => {
  it('kill -9 of process 1 stops the gateway (exit 1, naming the process) so the service manager restarts it whole', async () => {
    const gateway = await startGateway({ OUTPOST_UPSTREAM_URL: upstream.url, OUTPOST_WORKERS: '2' });
    const [owner, other] = workerPids(gateway.output());
    process.kill(other!, 'SIGKILL');
    expect(await gateway.exited).toBe(1);
    expect(gateway.output()).toMatch(new RegExp(`ERROR Outpost process 1 \\(pid ${other}\\) exited \\(SIGKILL\\); stopping the other processes`));
    expect(alive(owner!)).toBe(false);
  }, 60_000);
});

describe('OUTPOST_WORKERS=2 with OUTPOST_AUDIT_PROCESS=own', () => {
  it('runs the audit queue owner as a third process that serves no public traffic; the two that serve commit through it', async () => {
    const state = stateWithBundle('outpost-workers-own-', openBundle('workers-own-1'));
    const db = join(state, 'audit', 'audit_queue.db');
    const gateway = await startGateway({ OUTPOST_STATE_DIR: state, OUTPOST_UPSTREAM_URL: upstream.url, OUTPOST_ADMIN_TOKEN: TOKEN, OUTPOST_WORKERS: '2', OUTPOST_AUDIT_PROCESS: 'own' });
    try {
      expect(gateway.output()).toMatch(/Outpost runs 3 workerd processes on 127\.0\.0\.1:\d+, 2 serving it with [^(]+\(pids [\d, ]+\); process 0 owns the audit queue and serves no public traffic/);
      expect(gateway.output()).toMatch(/Outpost ready on http:\/\/127\.0\.0\.1:\d+ \(\d+ ms from spawn, 3 processes\)/);
      const pids = workerPids(gateway.output());
      expect(pids).toHaveLength(3);
      const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
      const before = await servedCounts(gateway);
      const ids: string[] = [];
      await Promise.all(
        Array.from({ length: 16 }, async (_, n) => {
          for (let i = 0; i < 4; i++) {
            const id = `own-${n}-${i}`;
            ids.push(id);
            const completion = await client.chat.completions.create({ model: 'mock-llama', messages: [{ role: 'user', content: `call ${n}.${i}` }] }, { headers: { 'x-request-id': id } });
            expect(completion.choices[0]?.message.content).toBeTruthy();
          }
        }),
      );
      const after = await servedCounts(gateway);
      const served = ['0', '1', '2'].map((p) => (after.perProcess[p] ?? 0) - (before.perProcess[p] ?? 0));
      expect(served[0]).toBe(0);
      expect(served[1]! + served[2]!).toBe(ids.length);
      expect(served[1]).toBeGreaterThan(0);
      expect(served[2]).toBeGreaterThan(0);
      const events = new Map(auditEvents(db).map((e) => [e.request_id, e]));
      for (const id of ids) expect(events.get(id)?.status, id).toBe(200);
      const verify = spawnSync(process.execPath, [join(ROOT, 'bin', 'outpost.mjs'), 'audit', 'verify', '--db', db], { encoding: 'utf8' });
      expect(verify.status, `${verify.stdout}${verify.stderr}`).toBe(0);
      // kill -9 of the owner stops the whole gateway, as with the shared owner.
      process.kill(pids[0]!, 'SIGKILL');
      expect(await gateway.exited).toBe(1);
      expect(gateway.output()).toMatch(new RegExp(`ERROR Outpost process 0 \\(pid ${pids[0]}\\) exited \\(SIGKILL\\); stopping the other processes`));
      expect(pids.some(alive)).toBe(false);
    } finally {
      await gateway.stop();
    }
  }, 90_000);
});
