/**
 * The audit queue's settings from the parsed configuration (both runtimes read the same variables).
 */
import type { AuditVariables, GatewayConfig } from '../config/index.js';
import type { CircuitOptions } from '../platform/circuit.js';

/**
 * The platform URL when the gateway is connected, else null (air-gap, or no platform configured).
 * @example
 * connectedPlatform(parseConfig({ OUTPOST_PLATFORM_URL: 'https://p' })); // 'https://p'
 */
export function connectedPlatform(config: Pick<GatewayConfig, 'airGap' | 'platformUrl'>): string | null {
  if (config.airGap) return null;
  return config.platformUrl.trim() || null;
}

/**
 * @example
 * breakerOptions(parseConfig({ OUTPOST_AUDIT_BREAKER_FAILURES: '5' }).audit);
 */
export function breakerOptions(audit: AuditVariables): CircuitOptions {
  return { failureThreshold: audit.breakerFailures, cooldownMs: audit.breakerCooldownMs };
}
