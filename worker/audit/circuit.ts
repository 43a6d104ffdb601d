/**
 * The circuit breaker in front of the platform's audit endpoint (PRODUCT.md, "Audit queue"):
 *
 *   closed     deliveries go out; `failureThreshold` consecutive failures open it
 *   open       nothing is sent; after `cooldownMs` the next attempt is a single probe (half-open)
 *   half-open  one probe in flight: success closes the circuit, failure opens it again
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitOptions {
  readonly failureThreshold: number;
  readonly cooldownMs: number;
  readonly now?: () => number;
}

/**
 * @example
 * const breaker = new CircuitBreaker({ failureThreshold: 5, cooldownMs: 30_000 });
 * if (breaker.tryAcquire()) { ok ? breaker.success() : breaker.failure(); }
 */
export class CircuitBreaker {
  private stateValue: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The state as seen now (an open circuit past its cooldown reads as half-open). */
  get state(): CircuitState {
    if (this.stateValue === 'open' && this.now() - this.openedAt >= this.options.cooldownMs) return 'half-open';
    return this.stateValue;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  /** May a delivery start now? In half-open, only one (the probe) may. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.probing) return false;
    this.stateValue = 'half-open';
    this.probing = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.probing = false;
    this.stateValue = 'closed';
  }

  failure(): void {
    this.failures++;
    const wasProbe = this.probing;
    this.probing = false;
    if (wasProbe || this.failures >= this.options.failureThreshold) {
      this.stateValue = 'open';
      this.openedAt = this.now();
    }
  }

  /** Milliseconds until a probe may go out (0 when one may go now). */
  retryInMs(): number {
    if (this.stateValue !== 'open') return 0;
    return Math.max(0, this.options.cooldownMs - (this.now() - this.openedAt));
  }
}
