/**
 * The links to the management platform in connected mode, each on its own schedule and behind
 * its own circuit breaker: heartbeat, policy sync, certificate renewal. None exists in air-gap
 * mode (createPlatformLinks is never called, so no code path can open a connection).
 *
 * Links run when a tick finds them due: the workerd scheduler (a Durable Object alarm) and the
 * Deno timer call tick() and sleep until the returned time.
 */
import type { Logger } from '../log/index.js';
import { CircuitBreaker, type CircuitSnapshot } from './circuit.js';

export type LinkName = 'heartbeat' | 'policy_sync' | 'cert_rotation';

/** One link's job: resolves on success, throws (with a reason, never a secret) on failure. */
export type LinkJob = (signal: AbortSignal) => Promise<void>;

export interface LinkSpec {
  readonly name: LinkName;
  readonly intervalMs: number;
  readonly job: LinkJob;
}

export interface LinkStatus extends CircuitSnapshot {
  readonly name: LinkName;
  readonly next_run: string;
  readonly runs: number;
}

export interface PlatformLinksOptions {
  readonly links: readonly LinkSpec[];
  readonly failureThreshold: number;
  readonly cooldownMs: number;
  readonly timeoutMs: number;
  readonly log: Logger;
  readonly now?: () => number;
}

export interface PlatformLinks {
  /** Runs every due link (concurrently, independently); resolves with the next wake-up time. */
  tick(): Promise<number>;
  status(): LinkStatus[];
}

/**
 * @example
 * const links = createPlatformLinks({ links: [{ name: 'heartbeat', intervalMs: 30_000, job }], failureThreshold: 3, cooldownMs: 30_000, timeoutMs: 10_000, log });
 * const wakeAt = await links.tick();
 */
export function createPlatformLinks(options: PlatformLinksOptions): PlatformLinks {
  const now = options.now ?? Date.now;
  const state = options.links.map((spec) => ({
    spec,
    nextRun: now(),
    runs: 0,
    running: false,
    breaker: new CircuitBreaker({
      failureThreshold: options.failureThreshold,
      cooldownMs: options.cooldownMs,
      now,
      onChange: (from, to, reason) => {
        if (to === 'open') options.log.warn(`Platform link ${spec.name}: circuit open (${reason}); retry in ${Math.round(options.cooldownMs / 1000)} s`);
        else if (to === 'closed' && from !== 'closed') options.log.info(`Platform link ${spec.name}: circuit closed`);
      },
    }),
  }));

  async function run(link: (typeof state)[number]): Promise<void> {
    link.running = true;
    link.runs++;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      await link.spec.job(controller.signal);
      link.breaker.success();
    } catch (e) {
      const reason = controller.signal.aborted ? `no answer within ${options.timeoutMs} ms` : (e as Error).message;
      link.breaker.failure(new Error(reason));
      options.log.debug(`Platform link ${link.spec.name} failed: ${reason}`);
    } finally {
      clearTimeout(timer);
      link.running = false;
      // An open circuit waits for its cooldown; otherwise the link's own interval.
      link.nextRun = now() + Math.max(link.spec.intervalMs, link.breaker.retryInMs());
    }
  }

  return {
    async tick() {
      const due = state.filter((l) => !l.running && now() >= l.nextRun);
      await Promise.allSettled(
        due.map((l) => {
          if (l.breaker.tryAcquire()) return run(l);
          l.nextRun = now() + Math.max(1, l.breaker.retryInMs());
          return Promise.resolve();
        }),
      );
      return Math.min(...state.map((l) => l.nextRun));
    },
    status: () =>
      state.map((l) => ({ name: l.spec.name, ...l.breaker.snapshot(), next_run: new Date(l.nextRun).toISOString(), runs: l.runs })),
  };
}
