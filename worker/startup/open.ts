/**
 * Startup steps that open one subsystem each from the configuration: knowledge assets, the Tier 3
 * model, the GeoIP databases, the TLS certificates. None throws for its subsystem's sake: a broken
 * volume disables (or degrades) that subsystem and is logged.
 */
import { createTier3Classifier, tier3Settings } from '../classifier/index.js';
import { loadCertificates, type Certificates } from '../certs/index.js';
import type { GatewayConfig } from '../config/index.js';
import { GATEWAY_VERSION } from '../config/version.js';
import { createGeoIp, geoIpSettings, type GeoIpService } from '../geoip/index.js';
import { createKnowledgeStore, type KnowledgeStore } from '../knowledge/index.js';
import type { Logger } from '../log/index.js';
import type { Metrics } from '../metrics/index.js';
import { loadSignaturePolicy, type PolicyStore } from '../policy/index.js';
import type { RuntimeAdapter } from '../runtime/index.js';

/**
 * @example
 * const knowledge = await openKnowledge(config, runtime, log);
 */
export async function openKnowledge(config: GatewayConfig, runtime: RuntimeAdapter, log: Logger): Promise<KnowledgeStore> {
  return createKnowledgeStore({
    volumes: runtime.volumes,
    log,
    policyDir: config.policyPath,
    stateDir: config.stateDir,
    maxAssetBytes: config.knowledgeMaxAssetBytes,
    signatures: await loadSignaturePolicy(config.policy, (path) => runtime.volumes.read(path)),
  });
}

/**
 * The Tier 3 classifier (null when disabled or unloadable) and its status; inferences are counted.
 * @example
 * const tier3 = await openTier3(config, runtime, log, metrics);
 * tier3.status.state; // 'active'
 */
export function openTier3(config: GatewayConfig, runtime: RuntimeAdapter, log: Logger, metrics: Metrics): ReturnType<typeof createTier3Classifier> {
  return createTier3Classifier(tier3Settings(config), {
    volumes: runtime.volumes,
    log,
    gatewayVersion: GATEWAY_VERSION,
    onInference: (windows, ms) => {
      metrics.tier3Inferences.inc({}, windows);
      metrics.tier3Seconds.observe(ms / 1000);
    },
  });
}

/**
 * @example
 * const geoip = await openGeoIp(config, runtime, log);
 */
export function openGeoIp(config: GatewayConfig, runtime: RuntimeAdapter, log: Logger): Promise<GeoIpService> {
  return createGeoIp(geoIpSettings(config), {
    volumes: runtime.volumes,
    log,
    download: async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`download answered ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
  });
}

/**
 * Loads the TLS files, warns when one expires soon, and exposes expiry and policy gauges.
 * @example
 * const certificates = await openCertificates(config, runtime, log, metrics, policy);
 */
export async function openCertificates(config: GatewayConfig, runtime: RuntimeAdapter, log: Logger, metrics: Metrics, policy: PolicyStore): Promise<Certificates> {
  const certificates = await loadCertificates(
    { certPath: config.tls.certPath ?? '', keyPath: config.tls.keyPath ?? '', caPath: config.tls.caPath ?? '', warnDays: config.tls.warnDays },
    runtime.volumes,
    log,
  );
  certificates.warnIfExpiring();
  metrics.certExpiryDays.collect(() => certificates.files().filter((f) => f.expiry_days !== undefined).map((f) => ({ labels: { file: f.variable }, value: f.expiry_days! })));
  metrics.policyInfo.collect(() => [{ labels: { version: policy.current().version, source: policy.current().source }, value: 1 }]);
  return certificates;
}
