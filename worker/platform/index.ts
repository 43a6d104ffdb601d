/**
 * Connected mode: the links to the management platform (heartbeat, policy sync, certificate
 * renewal), each with its own circuit breaker. The audit sync is the audit queue's own flusher.
 * In air-gap mode createPlatform returns null: nothing here exists, no connection is possible.
 *
 * Scheduling: the runtime's scheduler (workerd: a Durable Object alarm, which survives restarts
 * and idle periods; Deno: a timer) calls tick() and sleeps until the time it returns.
 *
 * @example
 * const platform = createPlatform({ config, runtime, log, policy, certificates, summary });
 * if (platform) runtime.scheduler?.start();
 */
import type { GatewayConfig } from '../config/index.js';
import type { Certificates } from '../certs/index.js';
import { certificateMatchesKey } from '../certs/index.js';
import type { Logger } from '../log/index.js';
import type { PolicyStore } from '../policy/index.js';
import type { RuntimeAdapter } from '../runtime/index.js';
import { certRenewalJob, heartbeatJob, policySyncJob } from './jobs.js';
import { createPlatformLinks, type LinkName, type LinkStatus, type PlatformLinks } from './links.js';

export { CircuitBreaker, type CircuitState, type CircuitSnapshot } from './circuit.js';
export type { LinkName, LinkStatus } from './links.js';

export interface PlatformDeps {
  readonly config: GatewayConfig;
  readonly runtime: RuntimeAdapter;
  readonly log: Logger;
  readonly policy: PolicyStore;
  readonly certificates: Certificates;
  /** What the heartbeat tells the platform (versions, queue depth): never traffic content. */
  readonly summary: () => Promise<Record<string, unknown>>;
}

export interface Platform {
  readonly links: PlatformLinks;
  tick(): Promise<number>;
  status(): LinkStatus[];
}

/** The platform URL when connected (set and not air-gapped), else null. */
export function platformUrlOf(config: GatewayConfig): string | null {
  return !config.airGap && config.platformUrl ? config.platformUrl.replace(/\/+$/, '') : null;
}

export function createPlatform(deps: PlatformDeps): Platform | null {
  const { config, runtime, log, policy, certificates } = deps;
  const url = platformUrlOf(config);
  if (!url) return null;
  const timing = config.platform;
  const fetchPlatform = (request: Request) => runtime.fetchPlatform(request);
  const stateDir = config.stateDir.replace(/\/+$/, '');

  const links = createPlatformLinks({
    log,
    failureThreshold: timing.failureThreshold,
    cooldownMs: timing.cooldownMs,
    timeoutMs: timing.timeoutMs,
    links: [
      { name: 'heartbeat', intervalMs: timing.heartbeatIntervalMs, job: heartbeatJob(url, fetchPlatform, deps.summary) },
      {
        name: 'policy_sync',
        intervalMs: timing.policySyncIntervalMs,
        job: policySyncJob(
          url,
          fetchPlatform,
          {
            activeVersion: () => policy.current().version,
            async install(bytes, signature) {
              const change = await policy.install(bytes, signature ? new TextEncoder().encode(signature) : null);
              if (!change.ok) throw new Error(`bundle refused: ${change.message}`);
              return { version: change.version };
            },
          },
          log,
        ),
      },
      {
        name: 'cert_rotation',
        intervalMs: timing.certCheckIntervalMs,
        job: certRenewalJob(
          url,
          fetchPlatform,
          {
            expiryDays: () => certificates.expiryDays(),
            subject: () => certificates.subject(),
            matches: certificateMatchesKey,
            async store(certificatePem, privateKeyPem) {
              await runtime.volumes.write(`${stateDir}/tls/client.key`, privateKeyPem);
              await runtime.volumes.write(`${stateDir}/tls/client.pem`, certificatePem);
            },
          },
          log,
        ),
      },
    ],
  });
  log.info(`Platform links: heartbeat, policy sync and certificate renewal to ${new URL(url).host}`);
  return { links, tick: () => links.tick(), status: () => links.status() };
}

/** The subsystem rows of the admin status: the three links, or why they are off. */
export function platformSubsystems(config: GatewayConfig, platform: Platform | null): Record<LinkName, { state: 'active' | 'disabled' | 'degraded'; reason?: string; circuit?: 'closed' | 'open' | 'half-open'; last_success?: string | null }> {
  const names: LinkName[] = ['policy_sync', 'heartbeat', 'cert_rotation'];
  if (!platform) {
    const reason = config.airGap ? 'air-gap mode (no platform connectivity)' : 'no OUTPOST_PLATFORM_URL configured';
    return Object.fromEntries(names.map((n) => [n, { state: 'disabled' as const, reason }])) as never;
  }
  const byName = new Map(platform.status().map((s) => [s.name, s]));
  return Object.fromEntries(
    names.map((n) => {
      const s = byName.get(n)!;
      return [n, { state: s.state === 'closed' ? 'active' : 'degraded', circuit: s.state, last_success: s.last_success, ...(s.last_error ? { reason: `last error: ${s.last_error}` } : {}) }];
    }),
  ) as never;
}
