/**
 * The gateway: configuration, runtime, and every subsystem, built once per isolate.
 * Startup order and log lines follow PRODUCT.md ("Startup summary in air-gap mode").
 */
import type { GatewayConfig } from './config/index.js';
import { parseConfig } from './config/index.js';
import type { Logger } from './log/index.js';
import { createLogger } from './log/index.js';
import type { RuntimeAdapter } from './runtime/index.js';
import type { PolicyStore } from './policy/index.js';
import { createPolicyStore } from './policy/index.js';
import { installEgressGuard } from './proxy/egress.js';
import type { AuditEvent } from './audit/event.js';

/** A subsystem's state, as /readyz and the admin status show it. */
export interface SubsystemState {
  readonly state: 'active' | 'disabled' | 'degraded' | 'starting';
  readonly reason?: string;
}

export interface Gateway {
  readonly config: GatewayConfig;
  readonly runtime: RuntimeAdapter;
  readonly log: Logger;
  readonly policy: PolicyStore;
  readonly startedAt: number;
  /** The client address for audit: the socket peer unless a trusted proxy says otherwise. */
  clientIp(request: Request, peerAddress: string | undefined): string | undefined;
  /** Stage 7: makes an audit event durable. */
  record(event: AuditEvent): Promise<void>;
  /** Why the gateway cannot serve, or null when it can. */
  notReadyReason(): string | null;
  subsystems(): Record<string, SubsystemState>;
}

/** Origins the worker may reach: the targets, plus the platform when connected. */
function egressOrigins(config: GatewayConfig, policy: PolicyStore): Set<string> {
  const origins = policy.current().targets.origins();
  if (!config.airGap && config.platformUrl) origins.add(new URL(config.platformUrl).origin);
  return origins;
}

/**
 * Builds the gateway from the runtime's environment. Never throws for a subsystem's sake: a
 * broken volume or bundle disables (or degrades) that subsystem and is logged.
 * @example
 * const gateway = await createGateway(createWorkerdRuntime(env));
 */
export async function createGateway(runtime: RuntimeAdapter): Promise<Gateway> {
  const config = parseConfig(runtime.env);
  const log = createLogger(config.logLevel);
  if (config.airGap) log.info('Air-gap mode enabled');

  const policy = await createPolicyStore(config, log);
  installEgressGuard(egressOrigins(config, policy), log);

  if (config.airGap) {
    log.info('Air-gap mode: cert rotation disabled (no platform connectivity)');
    log.info('Air-gap mode: heartbeat disabled (no platform connectivity)');
    log.info('Air-gap mode: policy sync disabled (no platform connectivity)');
  }

  const subsystems: Record<string, SubsystemState> = {
    policy: { state: 'active', reason: `version=${policy.current().version} source=${policy.current().source}` },
    audit: { state: 'disabled', reason: 'not implemented yet' },
  };

  return {
    config,
    runtime,
    log,
    policy,
    startedAt: Date.now(),
    clientIp: (_request, peer) => peer,
    record: async () => {},
    notReadyReason: () => null,
    subsystems: () => subsystems,
  };
}
