/**
 * The one wiring of the flusher to a queue, for both backends: a circuit breaker from the
 * settings, a kick after each commit while the circuit is closed, a wake-up armed by the host
 * (an alarm in the Durable Object, a timer on Deno), and a resume for events left from before a
 * restart. In air-gap or local mode there is no link at all.
 */
import type { GatewayConfig } from '../config/index.js';
import { CircuitBreaker } from '../platform/circuit.js';
import type { AuditBackendDetails } from './backend.js';
import { Flusher, type FlushQueue, type FlusherOptions } from './flush.js';
import { breakerOptions, connectedPlatform } from './settings.js';

/** What the host provides: the channel to the platform and a way to be woken up later. */
export interface FlusherHost {
  readonly fetch: FlusherOptions['fetch'];
  /** Arms a wake-up in `delayMs` that ends in FlusherLink.kick(). */
  readonly schedule: (delayMs: number) => void;
  readonly log: NonNullable<FlusherOptions['log']>;
}

export interface FlusherLink {
  /** Drains now (the wake-up armed through FlusherHost.schedule calls this). */
  kick(): Promise<void>;
  /** After a commit: deliver at once unless the circuit is open (then the wake-up decides). */
  afterCommit(): void;
  details(): Pick<AuditBackendDetails, 'circuit' | 'last_success' | 'last_error'>;
}

/** Delay before delivering events left in the queue from before a restart (ms). */
const RESUME_DELAY_MS = 100;

/**
 * @example
 * const link = linkFlusher(queue, config, { fetch, schedule: (ms) => setTimeout(() => void link?.kick(), ms), log }, queue.depth());
 * link?.afterCommit();
 */
export function linkFlusher(queue: FlushQueue, config: GatewayConfig, host: FlusherHost, pending: number): FlusherLink | null {
  const platformUrl = connectedPlatform(config);
  if (!platformUrl) return null;
  const breaker = new CircuitBreaker(breakerOptions(config.audit));
  const flusher = new Flusher(queue, { platformUrl, breaker, fetch: host.fetch, schedule: host.schedule, log: host.log });
  if (pending > 0) host.schedule(RESUME_DELAY_MS);
  return {
    kick: () => flusher.kick(),
    afterCommit() {
      if (breaker.state === 'closed') void flusher.kick();
    },
    details: () => ({ circuit: breaker.state, last_success: flusher.lastSuccess, last_error: flusher.lastError }),
  };
}

/** The link's fields when there is no link (air gap, local). */
export const NO_FLUSHER: ReturnType<FlusherLink['details']> = { circuit: null, last_success: null, last_error: null };
