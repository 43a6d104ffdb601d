// kill -9 of workerd in the middle of a load run, restart on the same state, repeat; then every
// request that got a 200 must have exactly one audit event and the chain must verify. Shared by
// test/audit/crash.test.ts (a few cycles), test/e2e/workers-crash.test.ts (several processes,
// killing the audit queue's owner or another one) and bench/audit-crash.mjs (20 cycles).
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

const freePort = () =>
  new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });

/** The launcher and its workerd pids, process 0 (the audit queue's owner) first. */
async function startOutpost(env) {
  const launcher = spawn(process.execPath, [join(ROOT, 'bin', 'outpost.mjs'), 'start'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  launcher.stdout.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${env.PORT}`;
  for (let i = 0; i < 2000 && !/Outpost ready on/.test(out); i++) await new Promise((r) => setTimeout(r, 10));
  const listed = /pids ([\d, ]+)\)/.exec(out);
  const workerds = listed ? listed[1].split(',').map((p) => Number(p.trim())) : [Number(execFileSync('pgrep', ['-P', String(launcher.pid)], { encoding: 'utf8' }).trim().split('\n')[0])];
  const exited = new Promise((r) => launcher.on('exit', r));
  return { url, launcher, workerds, exited };
}

/**
 * @returns {Promise<{ cycles: number, acknowledged: number, events: number, missing: string[], duplicates: string[], verified: boolean, verifyOutput: string }>}
 */
export async function crashCycles({ cycles, clients = 16, runMs = 500, upstreamUrl, workers = 1, victim = 'owner', auditProcess = 'shared' }) {
  const state = mkdtempSync(join(tmpdir(), 'outpost-crash-'));
  const db = join(state, 'audit', 'audit_queue.db');
  const acknowledged = [];
  let counter = 0;
  for (let cycle = 0; cycle < cycles; cycle++) {
    const port = await freePort();
    const gw = await startOutpost({ PORT: String(port), HOST: '127.0.0.1', OUTPOST_AIRGAP: 'true', OUTPOST_UPSTREAM_URL: upstreamUrl, OUTPOST_STATE_DIR: state, AIRGAP_POLICY_PATH: join(state, 'policies'), AUDIT_QUEUE_DB_PATH: db, OUTPOST_LOG_LEVEL: 'error', OUTPOST_WORKERS: String(workers), OUTPOST_AUDIT_PROCESS: auditProcess });
    let running = true;
    const client = async () => {
      while (running) {
        const id = `crash-${cycle}-${counter++}`;
        try {
          const res = await fetch(`${gw.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': id }, body: JSON.stringify({ model: 'mock-llama', messages: [{ role: 'user', content: 'hi' }] }) });
          await res.arrayBuffer();
          if (res.status === 200) acknowledged.push(id);
        } catch {
          // the gateway died under this request: it was never acknowledged
        }
      }
    };
    const load = Promise.all(Array.from({ length: clients }, client));
    await new Promise((r) => setTimeout(r, runMs));
    // 'owner': process 0, which holds the audit queue; 'other': the last one, which reaches it
    // over its socket; 'alternate': the owner in even cycles, the other in odd ones.
    const who = victim === 'alternate' ? (cycle % 2 === 0 ? 'owner' : 'other') : victim;
    process.kill(who === 'owner' ? gw.workerds[0] : gw.workerds[gw.workerds.length - 1], 'SIGKILL');
    await new Promise((r) => setTimeout(r, 50));
    running = false;
    await load;
    await gw.exited;
  }
  // The sqlite3 command when the machine has it, else the project's own reader (outpost audit query).
  const sql = 'SELECT event_json FROM local_audit_queue;';
  let out;
  try {
    out = execFileSync('sqlite3', ['-readonly', db, sql], { encoding: 'utf8', maxBuffer: 1 << 30 });
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
    out = execFileSync(process.execPath, [join(ROOT, 'bin', 'outpost.mjs'), 'audit', 'query', sql, '--db', db], { encoding: 'utf8', maxBuffer: 1 << 30 });
  }
  const counts = new Map();
  for (const line of out.trim().split('\n').filter(Boolean)) {
    const id = JSON.parse(line).request_id;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const verify = spawnSync(process.execPath, [join(ROOT, 'bin', 'outpost.mjs'), 'audit', 'verify', '--db', db], { encoding: 'utf8' });
  return {
    cycles,
    acknowledged: acknowledged.length,
    events: [...counts.values()].reduce((a, b) => a + b, 0),
    missing: acknowledged.filter((id) => !counts.has(id)),
    duplicates: [...counts].filter(([, n]) => n > 1).map(([id]) => id),
    verified: verify.status === 0,
    verifyOutput: `${verify.stdout}${verify.stderr}`.trim(),
  };
}
