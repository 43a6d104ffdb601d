/**
 * A circuit breaker for one link to the management platform:
 *
 *   closed    --N consecutive failures-->  open
 *   open      --cooldown elapsed-------->  half-open (exactly one probe allowed)
 *   half-open --probe succeeds---------->  closed
 *   half-open --probe fails------------->  open (cooldown starts again)
 *
 * Each link (heartbeat, policy sync, certificate renewal, and the audit queue's sync) has its own
 * breaker, so one failing endpoint never stops the others.
 *
 * @example
 * const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 30_000 });
 * if (breaker.tryAcquire()) {
 *   try { await send(); breaker.success(); } catch (e) { breaker.failure(e); }
 * }
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitOptions {
  readonly failureThreshold: number;
  readonly cooldownMs: number;
  readonly now?: () => number;
  readonly onChange?: (from: CircuitState, to: CircuitState, reason: string) => void;
}

export interface CircuitSnapshot {
  readonly state: CircuitState;
  readonly consecutive_failures: number;
  readonly last_success: string | null;
  readonly last_failure: string | null;
  readonly last_error: string | null;
}

export class CircuitBreaker {
  private current: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probeInFlight = false;
  private lastSuccess: number | null = null;
  private lastFailure: number | null = null;
  private lastError: string | null = null;
  private readonly now: () => number;

  constructor(private readonly options: CircuitOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The state, with an expired cooldown already turned into half-open. */
  get state(): CircuitState {
    if (this.current === 'open' && this.now() - this.openedAt >= this.options.cooldownMs) this.transition('half-open', 'cooldown elapsed');
    return this.current;
  }

  /** Milliseconds until an open circuit lets a probe through (0 when it would now). */
  retryInMs(): number {
    return this.current === 'open' ? Math.max(0, this.options.cooldownMs - (this.now() - this.openedAt)) : 0;
  }

  /** Whether a call may go out now; in half-open only one probe at a time is allowed. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.probeInFlight) return false;
    this.probeInFlight = true;
    return true;
  }

  success(): void {
    this.probeInFlight = false;
    this.failures = 0;
    this.lastSuccess = this.now();
    if (this.current !== 'closed') this.transition('closed', 'call succeeded');
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  failure(error?: unknown): void {
    this.probeInFlight = false;
    this.failures++;
    this.lastFailure = this.now();
    this.lastError = error === undefined ? 'failed' : error instanceof Error ? error.message : String(error);
    if (this.current === 'half-open' || (this.current === 'closed' && this.failures >= this.options.failureThreshold)) {
      this.openedAt = this.now();
      this.transition('open', this.lastError);
    }
  }

  snapshot(): CircuitSnapshot {
    const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
    return { state: this.state, consecutive_failures: this.failures, last_success: iso(this.lastSuccess), last_failure: iso(this.lastFailure), last_error: this.lastError };
  }

  private transition(to: CircuitState, reason: string): void {
    const from = this.current;
    this.current = to;
    if (from !== to) this.options.onChange?.(from, to, reason);
  }
}
