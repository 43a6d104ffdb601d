/**
 * The shared half of the audit queue (audit/index.ts) over a backend handed in the way a runtime
 * adapter hands it (runtime.audit): fail closed when the backend cannot open or commit, serve
 * unaudited only when the policy allows it, recover when commits succeed again, and report what
 * was recorded to the gateway (metrics, recent decisions) only after it returned.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../worker/config/index.js';
import { GatewayError } from '../../worker/core/index.js';
import { createAuditQueue, type AuditBackend, type AuditBackendOpener } from '../../worker/audit/index.js';
import type { AuditEvent } from '../../worker/audit/event.js';
import { capturingLogger } from '../policy/helpers.js';

const config = parseConfig({ OUTPOST_AIRGAP: 'true', AUDIT_QUEUE_DB_PATH: '/var/lib/outpost/audit/audit_queue.db' });

const event = (id: string): AuditEvent => ({
  schema: 1, time: '2026-11-29T00:00:00.000Z', request_id: id, caller: null, client_ip: '127.0.0.1', route: 'openai.chat', model: 'm', target: 't',
  policy_version: 'v', risk_tier: 'standard', decision: 'allow', reason: null, findings: [], response_scanned: true, response_scanned_fully: true,
  stream: false, status: 200, bytes_in: 1, bytes_out: 1, timings_ms: { total: 1, upstream: 1 },
});

/** A backend in memory whose commits fail while `failure` is set. */
function memoryBackend(): AuditBackend & { rows: AuditEvent[]; failure: Error | null } {
  const backend = {
    rows: [] as AuditEvent[],
    failure: null as Error | null,
    kind: 'sqlite-wasm' as const,
    file: () => config.auditDbPath,
    async append(e: AuditEvent) {
      if (backend.failure) throw backend.failure;
      backend.rows.push(e);
    },
    depth: async () => backend.rows.length,
    read: async (afterId: number, limit: number) => backend.rows.slice(afterId, afterId + limit).map((e, i) => ({ id: afterId + i + 1, event_json: JSON.stringify(e), queued_at: 0, retry_count: 0 })),
    details: async () => ({ last_seq: backend.rows.length, hash_alg: 'sha256', circuit: null, last_success: null, last_error: null }),
  };
  return backend;
}

const opener = (backend: AuditBackend | Error): AuditBackendOpener => ({
  kind: 'workerd-durable-object',
  open: async () => {
    if (backend instanceof Error) throw backend;
    return backend;
  },
});

describe('audit queue over the runtime-provided backend', () => {
  it('records through the backend and reports each record after it returned', async () => {
    const backend = memoryBackend();
    const recorded: string[] = [];
    const queue = await createAuditQueue(opener(backend), config, capturingLogger(), { onRecorded: (e, seconds) => recorded.push(`${e.request_id} ${seconds >= 0}`) });
    await queue.record(event('a'));
    await queue.record(event('b'));
    expect(backend.rows.map((e) => e.request_id)).toEqual(['a', 'b']);
    expect(recorded).toEqual(['a true', 'b true']);
    expect(await queue.depth()).toBe(2);
    expect((await queue.read(1, 10)).map((r) => (JSON.parse(r.event_json) as AuditEvent).request_id)).toEqual(['b']);
    expect(await queue.status()).toMatchObject({ backend: 'workerd-durable-object', mode: 'air-gap', depth: 2, last_seq: 2, failing: null });
    expect(queue.notReadyReason()).toBeNull();
  });

  it('fails closed when the backend cannot open: 503 audit_unavailable, not ready, nothing reported', async () => {
    const log = capturingLogger();
    const recorded: string[] = [];
    const queue = await createAuditQueue(opener(new Error('SQLITE_CANTOPEN: unable to open database file')), config, log, { onRecorded: (e) => recorded.push(e.request_id) });
    const refused = await queue.record(event('a')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GatewayError);
    expect(refused).toMatchObject({ status: 503, code: 'audit_unavailable' });
    expect(recorded).toEqual([]);
    expect(queue.notReadyReason()).toBe('audit queue unavailable: the database cannot be opened');
    expect(await queue.depth()).toBeNull();
    expect(await queue.status()).toMatchObject({ backend: 'workerd-durable-object', depth: null, file: config.auditDbPath });
    expect(log.text()).toContain('ERROR Audit queue: cannot open the SQLite backend');
  });

  it('serves unaudited (and says so in the log) only while the policy allows it', async () => {
    const log = capturingLogger();
    let allow = true;
    const backend = memoryBackend();
    backend.failure = new Error('SQLITE_FULL: database or disk is full');
    const queue = await createAuditQueue(opener(backend), config, log, { allowUnaudited: () => allow });
    await expect(queue.record(event('a'))).resolves.toBeUndefined();
    expect(log.text()).toContain('WARN Audit event a not recorded (the disk is full; the policy allows unaudited traffic)');
    expect(queue.notReadyReason()).toBeNull();
    expect(queue.subsystem()).toEqual({ state: 'degraded', reason: 'the disk is full (policy allows unaudited traffic)' });
    allow = false;
    await expect(queue.record(event('b'))).rejects.toMatchObject({ code: 'audit_unavailable' });
    expect(queue.notReadyReason()).toBe('audit queue unavailable: the disk is full');
  });

  it('serves again once commits succeed again', async () => {
    const log = capturingLogger();
    const backend = memoryBackend();
    const queue = await createAuditQueue(opener(backend), config, log);
    backend.failure = new Error('SQLITE_READONLY: attempt to write a readonly database');
    await expect(queue.record(event('a'))).rejects.toMatchObject({ code: 'audit_unavailable' });
    expect(queue.subsystem().state).toBe('degraded');
    backend.failure = null;
    await queue.record(event('b'));
    expect(queue.notReadyReason()).toBeNull();
    expect(queue.subsystem().state).toBe('active');
    expect(log.text()).toContain('INFO Audit queue: commits succeed again; serving');
    expect(backend.rows.map((e) => e.request_id)).toEqual(['b']);
  });
});
