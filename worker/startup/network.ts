/**
 * The network facts the gateway fixes at startup: where the worker may connect (the egress
 * guard) and which proxies may name the client's address.
 */
import type { GatewayConfig } from '../config/index.js';
import { CidrList, trustedProxies } from '../geoip/index.js';
import type { Logger } from '../log/index.js';
import type { PolicyStore } from '../policy/index.js';

/**
 * Origins the worker may reach: the targets; when connected, also the platform and the GeoIP
 * download URL the operator configured.
 * @example
 * installEgressGuard(() => egressOrigins(config, policy), log);
 */
export function egressOrigins(config: GatewayConfig, policy: PolicyStore): Set<string> {
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

/**
 * OUTPOST_TRUSTED_PROXIES; a bad list is logged and no proxy is trusted (the socket peer wins).
 * @example
 * const geo = createGeoStage(geoip, trustedProxyList(config, log), log);
 */
export function trustedProxyList(config: GatewayConfig, log: Logger): CidrList {
  try {
    return trustedProxies(config);
  } catch (e) {
    log.error(`OUTPOST_TRUSTED_PROXIES is invalid (${(e as Error).message}); trusting no proxy headers`);
    return new CidrList([]);
  }
}
