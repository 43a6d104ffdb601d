import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../worker/platform/circuit.js';
import { createPlatformLinks } from '../../worker/platform/links.js';
import { heartbeatJob, policySyncJob } from '../../worker/platform/jobs.js';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

function recordingLog() {
  const lines: string[] = [];
  const at = (level: string) => (m: string) => void lines.push(`${level} ${m}`);
  return { lines, log: { debug: at('DEBUG'), info: at('INFO'), warn: at('WARN'), error: at('ERROR') } };
}

describe('circuit breaker', () => {
  it('opens after N consecutive failures, half-opens after the cooldown with one probe, closes on success', () => {
    const c = clock();
    const changes: string[] = [];
    const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 10_000, now: c.now, onChange: (from, to) => void changes.push(`${from}->${to}`) });
    for (let i = 0; i < 2; i++) {
      expect(breaker.tryAcquire()).toBe(true);
      breaker.failure(new Error('refused'));
    }
    expect(breaker.state).toBe('closed');
    breaker.tryAcquire();
    breaker.failure(new Error('refused'));
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
    c.advance(9_999);
    expect(breaker.tryAcquire()).toBe(false);
    c.advance(1);
    expect(breaker.state).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false); // one probe at a time
    breaker.failure(new Error('still down'));
    expect(breaker.state).toBe('open');
    c.advance(10_000);
    expect(breaker.tryAcquire()).toBe(true);
    breaker.success();
    expect(breaker.state).toBe('closed');
    expect(changes).toEqual(['closed->open', 'open->half-open', 'half-open->open', 'open->half-open', 'half-open->closed']);
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', consecutive_failures: 0, last_error: 'still down' });
  });

  it('a success resets the failure count while closed', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 1000 });
    breaker.failure(new Error('x'));
    breaker.success();
    breaker.failure(new Error('x'));
    expect(breaker.state).toBe('closed');
  });
});

describe('platform links', () => {
  it('a failing link opens its own circuit while the others keep running', async () => {
    const c = clock();
    const { lines, log } = recordingLog();
    const calls: string[] = [];
    const links = createPlatformLinks({
      links: [
        { name: 'heartbeat', intervalMs: 1000, job: async () => void calls.push('heartbeat') },
        {
          name: 'policy_sync',
          intervalMs: 1000,
          job: async () => {
            calls.push('policy_sync');
            throw new Error('export answered 503');
          },
        },
      ],
      failureThreshold: 2,
      cooldownMs: 5000,
      timeoutMs: 1000,
      log,
      now: c.now,
    });
    for (let i = 0; i < 7; i++) {
      await links.tick();
      c.advance(1000);
    }
    expect(calls.filter((x) => x === 'heartbeat')).toHaveLength(7);
    // t=0 and t=1 s fail and open the circuit; the half-open probe waits for the cooldown (t=6 s).
    expect(calls.filter((x) => x === 'policy_sync')).toHaveLength(3);
    const status = Object.fromEntries(links.status().map((s) => [s.name, s]));
    expect(status.heartbeat!.state).toBe('closed');
    expect(status.policy_sync!.state).toBe('open');
    expect(status.policy_sync!.last_error).toBe('export answered 503');
    expect(lines.some((l) => /^WARN Platform link policy_sync: circuit open \(export answered 503\)/.test(l))).toBe(true);
  });

  it('heartbeat posts a summary and policy sync installs only a new version', async () => {
    const requests: Array<{ url: string; method: string; body: string }> = [];
    const installed: string[] = [];
    let exported = { version: 'v1' };
    const fetchPlatform = async (request: Request) => {
      requests.push({ url: request.url, method: request.method, body: await request.text() });
      if (request.url.endsWith('/policy-bundle/export')) return new Response(JSON.stringify(exported), { headers: { 'x-outpost-signature': 'c2ln' } });
      return new Response('{}');
    };
    const { log } = recordingLog();
    const signal = new AbortController().signal;
    await heartbeatJob('http://platform', fetchPlatform, async () => ({ gateway_version: '1.0.0', audit_queue_depth: 4 }))(signal);
    expect(requests[0]).toMatchObject({ url: 'http://platform/v1/internal/outpost-heartbeat', method: 'POST' });
    expect(JSON.parse(requests[0]!.body)).toMatchObject({ gateway_version: '1.0.0', audit_queue_depth: 4 });

    let active = 'v1';
    const policy = {
      activeVersion: () => active,
      install: async (bytes: Uint8Array, signature: string | null) => {
        installed.push(`${JSON.parse(new TextDecoder().decode(bytes)).version}:${signature}`);
        active = 'v2';
        return { version: 'v2' };
      },
    };
    const sync = policySyncJob('http://platform', fetchPlatform, policy, log);
    await sync(signal);
    expect(installed).toEqual([]);
    exported = { version: 'v2' };
    await sync(signal);
    await sync(signal);
    expect(installed).toEqual(['v2:c2ln']);
  });
});
