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
import { loadCertificates, type Certificates } from './certs/index.js';
import { compileDlp, createDlpStages } from './dlp/index.js';
import { createTier3Classifier, tier3Settings } from './classifier/index.js';
import type { Tier3Classifier } from './dlp/settings.js';
import type { Volumes } from './runtime/index.js';
import { createGeoIp, geoIpSettings, trustedProxies, type GeoIpService } from './geoip/index.js';
import { CidrList } from './geoip/index.js';
import { createGeoStage, type GeoStage } from './geoip/stage.js';
import { createPlatform, platformSubsystems, type Platform } from './platform/index.js';
import { GATEWAY_VERSION } from './config/version.js';
import { createKnowledgeStore, type KnowledgeStore } from './knowledge/index.js';
import { loadSignaturePolicy } from './policy/index.js';

/** A subsystem's state, as /readyz and the admin status show it. */
export interface SubsystemState {
  readonly state: 'active' | 'disabled' | 'degraded' | 'starting';
  readonly reason?: string;
  /** For links to the platform: the circuit breaker's state. */
  readonly circuit?: 'closed' | 'open' | 'half-open';
  /** ISO time of the last success (a commit, a sync, a heartbeat). */
  readonly last_success?: string | null;
}

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
  /** The client address for audit: the socket peer unless a trusted proxy says otherwise. */
  clientIp(request: Request, peerAddress: string | undefined): string | undefined;
  /** Stage 7's queue: record (metrics and recent decisions follow each record), depth, read, status. */
  readonly audit: AuditQueue;
  /** Why the gateway cannot serve, or null when it can. */
  notReadyReason(): string | null;
  subsystems(): Record<string, SubsystemState>;
}

/**
 * Origins the worker may reach: the targets; when connected, also the platform and the GeoIP
 * download URL the operator configured.
 */
function egressOrigins(config: GatewayConfig, policy: PolicyStore): Set<string> {
  const origins = policy.current().targets.origins();
  if (!config.airGap && config.platformUrl) origins.add(new URL(config.platformUrl).origin);
  const download = config.geoip.downloadUrl;
  if (!config.airGap && config.geoip.downloadOnStart && download) {
    try {
      origins.add(new URL(download).origin);
    } catch {
      // an invalid URL is reported by the GeoIP loader
    }
  }
  return origins;
}

/** OUTPOST_TRUSTED_PROXIES; a bad list is logged and no proxy is trusted (the socket peer wins). */
function trustedProxyList(config: GatewayConfig, log: Logger): CidrList {
  try {
    return trustedProxies(config);
  } catch (e) {
    log.error(`OUTPOST_TRUSTED_PROXIES is invalid (${(e as Error).message}); trusting no proxy headers`);
    return new CidrList([]);
  }
}

/**
 * Active means an operator's bundle is enforced (docs/operations.md): a refused one that fell back
 * is degraded, and the built-in baseline with no operator bundle at all is disabled.
 */
function policySubsystem(policy: PolicyStore): SubsystemState {
  const s = policy.status();
  const state = s.fallback ? 'degraded' : s.source === 'built-in' ? 'disabled' : 'active';
  return { state, reason: `version=${s.version} source=${s.source}: ${s.reason}` };
}

function geoipSubsystem(geoip: GeoIpService): SubsystemState {
  const dbs = geoip.status().databases;
  const loaded = dbs.filter((d) => d.state === 'loaded');
  const failed = dbs.filter((d) => d.state === 'failed');
  if (!loaded.length) return { state: 'disabled', reason: failed.length ? `no database loaded (${failed.map((d) => `${d.path}: ${d.error}`).join('; ')})` : 'no database configured' };
  const summary = loaded.map((d) => `${d.type}=${d.path}`).join(', ');
  return failed.length ? { state: 'degraded', reason: `${summary}; failed: ${failed.map((d) => d.path).join(', ')}` } : { state: 'active', reason: summary };
}

/**
 * The salt for finding hashes: OUTPOST_AUDIT_SALT, else a random one created once in the state
 * folder, so that hashes of the same value correlate across restarts without being guessable.
 */
async function findingSalt(config: GatewayConfig, volumes: Volumes, log: Logger): Promise<string> {
  if (config.audit.salt) return config.audit.salt;
  const path = `${config.stateDir.replace(/\/+$/, '')}/finding-salt`;
  const stored = await volumes.read(path).catch(() => null);
  if (stored && stored.byteLength >= 32) return new TextDecoder().decode(stored).trim();
  const salt = [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, '0')).join('');
  try {
    await volumes.write(path, salt);
  } catch (e) {
    log.warn(`Finding salt could not be stored in ${path} (${(e as Error).message}); hashes will not correlate across restarts`);
  }
  return salt;
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

  // Startup order and log lines as PRODUCT.md's air-gap summary: policy, Tier 3, GeoIP, audit.
  const salt = await findingSalt(config, runtime.volumes, log);
  const metrics = createMetrics();
  // The DLP engine builds each risk tier's inspection stages; the policy store decides which tier
  // a call gets. A bad operator pattern throws here and the store refuses that bundle. Tier 3 is
  // read at call time (the getter), so the policy can load (and log) before the model.
  let tier3Classifier: Tier3Classifier | undefined;
  const policy = await createPolicyStore(config, runtime, log, {
    buildInspection: (settings) =>
      createDlpStages(compileDlp(settings), {
        salt,
        log,
        get tier3() {
          return tier3Classifier;
        },
      }),
  });
  installEgressGuard(() => egressOrigins(config, policy), log);
  const knowledge = await createKnowledgeStore({
    volumes: runtime.volumes,
    log,
    policyDir: config.policyPath,
    stateDir: config.stateDir,
    maxAssetBytes: config.knowledgeMaxAssetBytes,
    signatures: await loadSignaturePolicy(config.policy, (path) => runtime.volumes.read(path)),
  });

  const tier3 = await createTier3Classifier(tier3Settings(config), {
    volumes: runtime.volumes,
    log,
    gatewayVersion: GATEWAY_VERSION,
    onInference: (windows, ms) => {
      metrics.tier3Inferences.inc({}, windows);
      metrics.tier3Seconds.observe(ms / 1000);
    },
  });
  tier3Classifier = tier3.classifier ?? undefined;

  const geoip = await createGeoIp(geoIpSettings(config), {
    volumes: runtime.volumes,
    log,
    download: async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`download answered ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
  });

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

  if (config.airGap) {
    log.info('Air-gap mode: cert rotation disabled (no platform connectivity)');
    log.info('Air-gap mode: heartbeat disabled (no platform connectivity)');
    log.info('Air-gap mode: policy sync disabled (no platform connectivity)');
  }

  const geo = createGeoStage(geoip, trustedProxyList(config, log), log);

  const certificates = await loadCertificates(
    { certPath: config.tls.certPath ?? '', keyPath: config.tls.keyPath ?? '', caPath: config.tls.caPath ?? '', warnDays: config.tls.warnDays },
    runtime.volumes,
    log,
  );
  certificates.warnIfExpiring();
  const recent = new RecentDecisions();
  metrics.certExpiryDays.collect(() => certificates.files().filter((f) => f.expiry_days !== undefined).map((f) => ({ labels: { file: f.variable }, value: f.expiry_days! })));
  metrics.policyInfo.collect(() => [{ labels: { version: policy.current().version, source: policy.current().source }, value: 1 }]);

  const startedAt = Date.now();
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
      audit_queue_depth: await audit.depth(),
      cert_expiry_days: certificates.expiryDays(),
      uptime_seconds: Math.round((Date.now() - startedAt) / 1000),
    }),
  });
  if (platform) {
    await runtime.startScheduler(() => platform.tick()).catch((e: unknown) => log.error(`Platform links could not be scheduled: ${(e as Error).message}`));
  }

  return {
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
      // An operator's bundle was refused and nothing of theirs is left to enforce: the gateway
      // serves on the built-in baseline (no authentication), so orchestrators should keep traffic
      // away until the bundle is fixed. A last-known-good fallback stays ready (still theirs).
      const status = policy.status();
      if (status.fallback && status.source === 'built-in') return `policy bundle refused (${status.problems[0] ?? 'see the log'}); enforcing the built-in baseline`;
      return null;
    },
    subsystems: () => ({
      policy: policySubsystem(policy),
      tier1_2: { state: 'active', reason: `DLP Tiers 1 and 2 per risk tier of policy ${policy.current().version}` },
      tier3: { state: tier3.status.state, reason: tier3.status.reason },
      geoip: geoipSubsystem(geoip),
      audit: audit.subsystem(),
      ...platformSubsystems(config, platform),
    }),
  };
}

let shared: Promise<Gateway> | undefined;

/**
 * The isolate's one gateway, built on first use (workerd allows no I/O before a request) and
 * shared by the fetch handler and the Durable Objects, which run in the same isolate. A failed
 * start is retried by the next caller rather than cached.
 * @example
 * const gateway = await sharedGateway(() => createWorkerdRuntime(env));
 */
export function sharedGateway(makeRuntime: () => RuntimeAdapter): Promise<Gateway> {
  if (!shared) {
    const starting = createGateway(makeRuntime());
    shared = starting;
    starting.catch(() => {
      if (shared === starting) shared = undefined;
    });
  }
  return shared;
}
