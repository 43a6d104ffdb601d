/**
 * Connected mode: drains the queue to the platform. Events are always queued first (so a crash
 * never loses one); the flusher is kicked right after each commit, so while the circuit is
 * closed an event reaches the platform within one round trip, and the queue drains in the
 * background. Never started in air-gap mode.
 *
 * Protocol: POST <platform>/v1/internal/outpost-audit-sync with {"events": [...]} (at most 50,
 * oldest first). A 2xx answer delivers the batch, or, when its JSON body has "accepted": [seq...],
 * exactly those events; the rest get retry_count + 1. Anything else (an error status, a timeout,
 * a refused connection) fails the whole batch and counts against the circuit breaker.
 */
import type { CircuitBreaker } from '../platform/circuit.js';
import type { QueueRow } from './store.js';

export const SYNC_PATH = '/v1/internal/outpost-audit-sync';
export const BATCH_SIZE = 50;

/** The queue operations the flusher needs (both backends offer them synchronously or not). */
export interface FlushQueue {
  peek(limit: number): QueueRow[] | Promise<QueueRow[]>;
  remove(ids: readonly number[], reason: 'delivered'): unknown;
  markFailed(ids: readonly number[]): unknown;
}

export interface FlusherOptions {
  readonly platformUrl: string;
  readonly breaker: CircuitBreaker;
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  readonly timeoutMs?: number;
  /** Backstop: how often to look again while events wait (ms). */
  readonly intervalMs?: number;
  /** Arms a wake-up (a timer on Deno, an alarm in the Durable Object). */
  readonly schedule: (delayMs: number) => void;
  readonly log?: { warn(m: string): void; info(m: string): void };
}

export type FlushResult = 'empty' | 'delivered' | 'failed' | 'circuit-open';

/**
 * @example
 * const flusher = new Flusher(core, { platformUrl, breaker, fetch, schedule: (ms) => setTimeout(() => flusher.kick(), ms) });
 * flusher.kick();
 */
export class Flusher {
  private running = false;
  private again = false;
  lastSuccess: string | null = null;
  lastError: string | null = null;
  delivered = 0;

  constructor(
    private readonly queue: FlushQueue,
    private readonly options: FlusherOptions,
  ) {}

  /** Sends one batch. */
  async flushOnce(): Promise<FlushResult> {
    const rows = await this.queue.peek(BATCH_SIZE);
    if (rows.length === 0) return 'empty';
    if (!this.options.breaker.tryAcquire()) return 'circuit-open';
    const events = rows.map((r) => JSON.parse(r.event_json) as { seq: number });
    let accepted: Set<number> | null = null;
    try {
      const res = await this.send(events);
      if (!res.ok) throw new Error(`platform answered ${res.status}`);
      const body = (await res.json().catch(() => null)) as { accepted?: unknown } | null;
      if (body && Array.isArray(body.accepted)) accepted = new Set(body.accepted.filter((s): s is number => typeof s === 'number'));
    } catch (e) {
      this.options.breaker.failure();
      this.lastError = `${new Date().toISOString()} ${(e as Error).message}`;
      await this.queue.markFailed(rows.map((r) => r.id));
      if (this.options.breaker.state === 'open') this.options.log?.warn(`Audit sync: platform unreachable (${(e as Error).message}); circuit open, events stay queued`);
      return 'failed';
    }
    this.options.breaker.success();
    const deliveredIds = rows.filter((_, i) => !accepted || accepted.has(events[i]!.seq)).map((r) => r.id);
    const failedIds = rows.filter((_, i) => accepted && !accepted.has(events[i]!.seq)).map((r) => r.id);
    await this.queue.remove(deliveredIds, 'delivered');
    await this.queue.markFailed(failedIds);
    this.delivered += deliveredIds.length;
    this.lastSuccess = new Date().toISOString();
    if (failedIds.length) this.lastError = `${this.lastSuccess} platform accepted ${deliveredIds.length} of ${rows.length}`;
    // A batch with nothing accepted must not spin: wait like a failure would.
    return deliveredIds.length ? 'delivered' : 'failed';
  }

  private async send(events: unknown[]): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error('timed out')), this.options.timeoutMs ?? 10_000);
    try {
      return await this.options.fetch(`${this.options.platformUrl.replace(/\/+$/, '')}${SYNC_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ events }),
        signal: controller.signal,
      });
    } catch (e) {
      throw new Error(controller.signal.aborted ? 'timed out' : (e as Error).message);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Drains while batches go through; on failure, re-arms for when the breaker allows a probe. */
  async kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        for (;;) {
          let result: FlushResult;
          try {
            result = await this.flushOnce();
          } catch (e) {
            this.lastError = `${new Date().toISOString()} ${(e as Error).message}`;
            result = 'failed';
          }
          if (result === 'delivered') continue;
          if (result !== 'empty') {
            this.again = false;
            this.options.schedule(Math.max(this.options.breaker.retryInMs(), this.options.intervalMs ?? 1000));
          }
          break;
        }
      } while (this.again);
    } finally {
      this.running = false;
    }
  }
}
