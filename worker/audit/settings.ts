/**
 * The audit queue's settings from the environment (both runtimes read the same variables).
 */
import type { CircuitOptions } from '../platform/circuit.js';

function truthy(v: unknown): boolean {
  return typeof v === 'string' && ['true', '1', 'yes'].includes(v.trim().toLowerCase());
}

/**
 * The platform URL when the gateway is connected, else null (air-gap, or no platform configured).
 * @example
 * connectedPlatform({ OUTPOST_PLATFORM_URL: 'https://p', OUTPOST_AIRGAP: 'false' }); // 'https://p'
 */
export function connectedPlatform(env: Readonly<Record<string, unknown>>): string | null {
  if (truthy(env.OUTPOST_AIRGAP)) return null;
  const url = typeof env.OUTPOST_PLATFORM_URL === 'string' ? env.OUTPOST_PLATFORM_URL.trim() : '';
  return url || null;
}

function positive(v: unknown, fallback: number): number {
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/**
 * @example
 * breakerOptions({ OUTPOST_AUDIT_BREAKER_FAILURES: '5', OUTPOST_AUDIT_BREAKER_COOLDOWN_MS: '30000' });
 */
export function breakerOptions(env: Readonly<Record<string, unknown>>): CircuitOptions {
  return {
    failureThreshold: positive(env.OUTPOST_AUDIT_BREAKER_FAILURES, 5),
    cooldownMs: positive(env.OUTPOST_AUDIT_BREAKER_COOLDOWN_MS, 30_000),
  };
}
