/**
 * The admin API's audit export (for operators who cannot reach the gateway's disk), verified with
 * the same offline tool as a local export: `outpost audit verify --export FILE`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startGateway, startMock, type MockUpstream, type RunningGateway } from './harness.js';

const TOKEN = 'audit-export-admin-token-9f8e7d6c';
let mock: MockUpstream;
let gateway: RunningGateway;

beforeAll(async () => {
  const m = await startMock();
  mock = m.mock;
  gateway = await startGateway({ OUTPOST_UPSTREAM_URL: m.url, OUTPOST_ADMIN_TOKEN: TOKEN });
  for (let i = 0; i < 12; i++) {
    await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'mock-llama', messages: [{ role: 'user', content: `hi ${i}` }] }) });
  }
});

afterAll(async () => {
  await gateway?.stop();
  await mock?.close();
});

const get = (path: string, token: string | null = TOKEN) => fetch(`${gateway.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const verify = (file: string) => spawnSync(process.execPath, [join(ROOT, 'bin', 'outpost.mjs'), 'audit', 'verify', '--export', file], { encoding: 'utf8' });

describe('admin audit export', () => {
  it('a range downloads as JSONL plus manifest and verifies offline; an edit is named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outpost-export-'));
    const file = join(dir, 'audit.jsonl');
    const jsonl = await get('/admin/api/audit/export?from_seq=3&to_seq=10');
    expect(jsonl.status).toBe(200);
    expect(jsonl.headers.get('content-type')).toContain('application/x-ndjson');
    const text = await jsonl.text();
    writeFileSync(file, text);
    const manifest = (await (await get('/admin/api/audit/export/manifest?from_seq=3&to_seq=10&file=audit.jsonl')).json()) as { count: number; first_seq: number; last_seq: number };
    expect(manifest).toMatchObject({ count: 8, first_seq: 3, last_seq: 10 });
    writeFileSync(`${file}.manifest.json`, JSON.stringify(manifest));
    const ok = verify(file);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^OK /);

    const lines = text.trim().split('\n');
    const edited = JSON.parse(lines[4]!) as { status: number };
    edited.status = 451;
    lines[4] = JSON.stringify(edited);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const bad = verify(file);
    expect(bad.status).not.toBe(0);
    expect(bad.stdout + bad.stderr).toMatch(/altered|edited/);
    expect(readFileSync(`${file}.manifest.json`, 'utf8')).toContain('"count":8');
  });

  it('needs the admin token and refuses bad ranges with a clear 400', async () => {
    expect((await get('/admin/api/audit/export', null)).status).toBe(401);
    for (const query of ['from_seq=-1', 'from_seq=9&to_seq=3', 'limit=0', 'limit=999999', 'to_seq=abc']) {
      const res = await get(`/admin/api/audit/export?${query}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
    }
    expect((await get('/admin/api/audit/export/manifest?file=../etc/passwd')).status).toBe(400);
  });
});
