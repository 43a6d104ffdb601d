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
import { createAuditQueue, type AuditQueue } from './audit/index.js';
import { createMetrics, type Metrics } from './metrics/index.js';
import { RecentDecisions } from './metrics/recent.js';
import type { Certificates } from './certs/index.js';
import type { GeoIpService } from './geoip/index.js';
import { createGeoStage, type GeoStage } from './geoip/stage.js';
import { platformSubsystems, type Platform } from './platform/index.js';
import type { KnowledgeStore } from './knowledge/index.js';
import { createDlpEngine } from './startup/dlp-engine.js';
import { egressOrigins, trustedProxyList } from './startup/network.js';
import { openCertificates, openGeoIp, openKnowledge, openTier3 } from './startup/open.js';
import { logAirGapLinks, startPlatform } from './startup/platform.js';
import { findingSalt } from './startup/salt.js';
import { processMetricsOptions } from './cluster/topology.js';
import { startupLogger } from './cluster/startup-log.js';
import { policyFollowedByPeers } from './cluster/policy-sync.js';
import { knowledgeFollowedByPeers } from './cluster/knowledge-sync.js';
import { geoipSubsystem, policyNotReadyReason, policySubsystem, type SubsystemState } from './startup/subsystems.js';
import { openProjects, projectsPolicySubsystem } from './startup/projects.js';
import type { ProjectRegistry } from './projects/registry.js';

export type { SubsystemState } from './startup/subsystems.js';

/** Projects mode: what the gateway-wide policy store says instead of reading a volume bundle. */
const PROJECTS_MODE_GLOBAL_POLICY = 'Projects mode: each project\'s bundle judges its calls (AIRGAP_POLICY_PATH/projects/<id>/); no gateway-wide bundle is read';

export interface Gateway {
  readonly config: GatewayConfig;
  readonly runtime: RuntimeAdapter;
  readonly log: Logger;
  readonly policy: PolicyStore;
  readonly metrics: Metrics;
  readonly recent: RecentDecisions;
  readonly certificates: Certificates;
  /** The salt of finding hashes, also used to hash a model name that did not pass the DLP. */
  readonly salt: string;
  /** Client address, GeoIP fields and country rules (geoip/stage.ts). */
  readonly geo: GeoStage;
  readonly geoip: GeoIpService;
  /** Connected mode's links to the platform; null in air-gap mode or without a platform. */
  readonly platform: Platform | null;
  /** The site's knowledge assets and the step that puts bound ones in front of the model. */
  readonly knowledge: KnowledgeStore;
  readonly startedAt: number;
  /** Projects mode: the projects and their compiled cache; null in standalone mode. */
  readonly projects: ProjectRegistry<Gateway> | null;
  /** Set on a project's view of the gateway (its policy is the project's): the project id. */
  readonly project?: string;
  /** The client address for audit: the socket peer unless a trusted proxy says otherwise. */
  clientIp(request: Request, peerAddress: string | undefined): string | undefined;
  /** Stage 7's queue: record (metrics and recent decisions follow each record), depth, read, status. */
  readonly audit: AuditQueue;
  /** Why the gateway cannot serve, or null when it can. */
  notReadyReason(): string | null;
  subsystems(): Record<string, SubsystemState>;
}

/**
 * The gateway-wide policy store: in projects mode it reads no bundle (each project has its own);
 * with OUTPOST_WORKERS > 1 a change made in this process reaches the others (cluster/).
 */
async function openPolicy(config: GatewayConfig, runtime: RuntimeAdapter, log: Logger, dlp: ReturnType<typeof createDlpEngine>, projectsMode: boolean): Promise<PolicyStore> {
  const store = await createPolicyStore(config, runtime, log, { buildInspection: dlp.buildInspection, ...(projectsMode ? { baselineOnly: PROJECTS_MODE_GLOBAL_POLICY } : {}) });
  return policyFollowedByPeers(store, runtime.env, log);
}

/**
 * Builds the gateway from the runtime's environment. Never throws for a subsystem's sake: a
 * broken volume or bundle disables (or degrades) that subsystem and is logged.
 * @example
 * const gateway = await createGateway(createWorkerdRuntime(env));
 */
export async function createGateway(runtime: RuntimeAdapter): Promise<Gateway> {
  const config = parseConfig(runtime.env);
  // OUTPOST_WORKERS > 1: process 0 alone prints the startup summary (cluster/startup-log.ts).
  const startup = startupLogger(createLogger(config.logLevel), runtime.env);
  const log = startup.log;
  if (config.airGap) log.info('Air-gap mode enabled');

  // Startup order and log lines as PRODUCT.md's air-gap summary: policy, Tier 3, GeoIP, audit.
  const salt = await findingSalt(config, runtime.volumes, log);
  const metrics = createMetrics(processMetricsOptions(runtime.env));
  const dlp = createDlpEngine(salt, log);
  const projectsMode = config.projects.mode === 'projects';
  const policy = await openPolicy(config, runtime, log, dlp, projectsMode);
  let projects: ProjectRegistry<Gateway> | null = null;
  installEgressGuard(() => (projects ? new Set([...egressOrigins(config, policy), ...projects.origins()]) : egressOrigins(config, policy)), log);
  const knowledge = knowledgeFollowedByPeers(await openKnowledge(config, runtime, log), runtime.env, log);
  const tier3 = await openTier3(config, runtime, log, metrics);
  dlp.useTier3(tier3.classifier ?? undefined);
  const geoip = await openGeoIp(config, runtime, log);

  // Stage 7's durable part. allow_unaudited is the policy's call (audit.allow_unaudited).
  // onRecorded runs only once the gateway serves, when recent and certificates below exist.
  const audit = await createAuditQueue(runtime.audit, config, log, {
    allowUnaudited: () => policy.current().allowUnaudited === true,
    onRecorded(event, seconds) {
      metrics.auditCommitSeconds.observe(seconds);
      metrics.observeEvent(event);
      recent.push(event);
      certificates.warnIfExpiring();
    },
  });

  logAirGapLinks(config, log);
  const geo = createGeoStage(geoip, trustedProxyList(config, log), log);
  const certificates = await openCertificates(config, runtime, log, metrics, policy);
  const recent = new RecentDecisions();
  const startedAt = Date.now();
  const platform = await startPlatform({ config, runtime, log, policy, certificates, startedAt, auditQueueDepth: () => audit.depth() });
  startup.done();

  const gateway: Gateway = {
    projects: null,
    config,
    runtime,
    log,
    policy,
    metrics,
    recent,
    certificates,
    geo,
    geoip,
    platform,
    knowledge,
    salt,
    startedAt,
    clientIp: (request, peer) => geo.clientIp(request, peer),
    audit,
    notReadyReason: () => {
      const auditReason = audit.notReadyReason();
      if (auditReason) return auditReason;
      return policyNotReadyReason(policy);
    },
    subsystems: () => ({
      policy: projects ? projectsPolicySubsystem(projects) : policySubsystem(policy),
      tier1_2: { state: 'active', reason: `DLP Tiers 1 and 2 per risk tier of policy ${policy.current().version}` },
      tier3: { state: tier3.status.state, reason: tier3.status.reason },
      geoip: geoipSubsystem(geoip),
      audit: audit.subsystem(),
      ...platformSubsystems(config, platform),
    }),
  };
  if (!projectsMode) return gateway;
  const registry: ProjectRegistry<Gateway> = await openProjects(config, runtime, log, { buildInspection: dlp.buildInspection }, (id, store) => ({ ...gateway, projects: registry, policy: store, project: id }));
  projects = registry;
  return { ...gateway, projects };
}

let shared: Promise<Gateway> | undefined;
let started: Promise<Gateway> | undefined;

/**
 * The isolate's one gateway, built on first use (workerd allows no I/O before a request) and
 * shared by the fetch handler and the Durable Objects, which run in the same isolate. A failed
 * start is retried by the next caller rather than cached.
 *
 * A start whose request ends early (a readiness poll that timed out) leaves its promise failing
 * with "created by a request that has since ended": the failure is handled in each caller's own
 * request, since a handler attached by the ended request never runs, so the next caller starts
 * again instead of every later request failing. (Keeping the first request alive with
 * ctx.waitUntil instead made concurrent streamed responses hang in workerd: measured, dropped.)
 * @example
 * const gateway = await sharedGateway(() => createWorkerdRuntime(env));
 */
export function sharedGateway(makeRuntime: () => RuntimeAdapter): Promise<Gateway> {
  if (started) return started;
  if (!shared) shared = createGateway(makeRuntime());
  const current = shared;
  return current.then(
    (gateway) => {
      started = current;
      return gateway;
    },
    (error: unknown) => {
      if (shared === current) shared = undefined;
      throw error;
    },
  );
}
