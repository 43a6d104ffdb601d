/**
 * Connected mode's links to the platform (policy sync, heartbeat, cert rotation), started once
 * the rest of the gateway is built; in air-gap mode, the lines saying they are off.
 */
import type { Certificates } from '../certs/index.js';
import type { GatewayConfig } from '../config/index.js';
import { GATEWAY_VERSION } from '../config/version.js';
import type { Logger } from '../log/index.js';
import { createPlatform, type Platform } from '../platform/index.js';
import type { PolicyStore } from '../policy/index.js';
import type { RuntimeAdapter } from '../runtime/index.js';

export interface PlatformStart {
  readonly config: GatewayConfig;
  readonly runtime: RuntimeAdapter;
  readonly log: Logger;
  readonly policy: PolicyStore;
  readonly certificates: Certificates;
  readonly startedAt: number;
  /** Events waiting in the audit queue, for the heartbeat. */
  readonly auditQueueDepth: () => Promise<number | null>;
}

/**
 * @example
 * logAirGapLinks(config, log); // "Air-gap mode: heartbeat disabled (no platform connectivity)", …
 */
export function logAirGapLinks(config: GatewayConfig, log: Logger): void {
  if (!config.airGap) return;
  log.info('Air-gap mode: cert rotation disabled (no platform connectivity)');
  log.info('Air-gap mode: heartbeat disabled (no platform connectivity)');
  log.info('Air-gap mode: policy sync disabled (no platform connectivity)');
}

/**
 * Builds the platform links and schedules them; null in air-gap mode or without a platform URL.
 * @example
 * const platform = await startPlatform({ config, runtime, log, policy, certificates, startedAt, auditQueueDepth });
 */
export async function startPlatform(start: PlatformStart): Promise<Platform | null> {
  const { config, runtime, log, policy, certificates, startedAt } = start;
  const platform = createPlatform({
    config,
    runtime,
    log,
    policy,
    certificates,
    summary: async () => ({
      gateway_version: GATEWAY_VERSION,
      runtime: runtime.describe(),
      policy_version: policy.current().version,
      audit_queue_depth: await start.auditQueueDepth(),
      cert_expiry_days: certificates.expiryDays(),
      uptime_seconds: Math.round((Date.now() - startedAt) / 1000),
    }),
  });
  if (platform) {
    await runtime.startScheduler(() => platform.tick()).catch((e: unknown) => log.error(`Platform links could not be scheduled: ${(e as Error).message}`));
  }
  return platform;
}
