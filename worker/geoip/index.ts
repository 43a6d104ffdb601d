/**
 * GeoIP enrichment: where a request came from (country, subdivision, city, coordinates, ASN,
 * ISP, anonymous-network flags), from MMDB files the operator mounts.
 *
 * Resolution of the main (city/country) database, PRODUCT.md "GeoIP":
 *   1. GEOIP_MMDB_PATH, if set and the file exists (and is a sound database);
 *   2. download on start from GEOIP_DOWNLOAD_URL, only when GEOIP_DOWNLOAD_ON_START=true and
 *      not in air-gap mode (then no download is even attempted);
 *   3. GEOIP_MMDB_FALLBACK_PATH.
 * GEOIP_ASN_DB_PATH and GEOIP_ANON_DB_PATH add ASN/ISP and anonymous-IP fields. Each path may
 * list several files separated by commas (ip-location-db ships IPv4 and IPv6 halves).
 *
 * Nothing here throws to the caller: a missing, unreadable or corrupt database logs one line
 * and disables only what it served; lookups then return fewer fields (or undefined).
 *
 * @example
 * const geoip = await createGeoIp(geoIpSettings(config), { volumes: runtime.volumes, log });
 * // INFO GeoIP: city database loaded (path=/opt/outpost/geoip/GeoLite2-City.mmdb)
 * const ip = resolveClientIp(request.headers, facts.peerAddress, trustedProxies(config));
 * const geo = ip ? geoip.lookup(ip) : undefined; // { country_iso: 'GB', city: 'London', ... }
 */
import type { GatewayConfig } from '../config/index.js';
import { parseCidrList, type CidrList } from './cidr.js';
import { DatabaseLoader } from './loader.js';
import { Service } from './service.js';
import type { GeoIpDeps, GeoIpService, GeoIpSettings } from './types.js';

export { parseIp, type IpAddress } from './address.js';
export { addressClass, type AddressClass } from './address-class.js';
export { CidrError, CidrList, parseCidr, parseCidrList, type Cidr } from './cidr.js';
export { resolveClientIp, parseHop, type ClientIpOptions, type ForwardingHeader } from './client-ip.js';
export { checkGeoPolicy, type GeoPolicyDecision, type GeoPolicyRule } from './policy.js';
export type { DatabaseKind, RecordLayout } from './normalise.js';
export type { GeoIpSettings, GeoIpDeps, DatabaseRole, DatabaseState, GeoIpDatabaseStatus, GeoIpStatus, GeoIpService } from './types.js';

/** Settings from the parsed configuration (the GEOIP_* variables and OUTPOST_AIRGAP). */
export function geoIpSettings(config: Pick<GatewayConfig, 'airGap' | 'geoip'>): GeoIpSettings {
  const { mmdbPath, downloadOnStart, downloadUrl, fallbackPath, asnPath, anonPath } = config.geoip;
  return { mmdbPath, downloadOnStart, downloadUrl, fallbackPath, asnPath, anonPath, airGap: config.airGap };
}

/** OUTPOST_TRUSTED_PROXIES as a CIDR list; throws CidrError naming every bad entry. */
export function trustedProxies(config: Pick<GatewayConfig, 'geoip'>): CidrList {
  return parseCidrList(config.geoip.trustedProxies.join(','));
}

/**
 * Loads the databases in the resolution order and returns the lookup service. Never rejects.
 */
export async function createGeoIp(settings: GeoIpSettings, deps: GeoIpDeps): Promise<GeoIpService> {
  const loader = new DatabaseLoader(settings, deps);
  try {
    await loader.loadInOrder();
  } catch (err) {
    // Defensive: the steps catch their own failures; nothing may abort startup.
    deps.log.error(`GeoIP: enrichment disabled: ${(err as Error).message}`);
  }
  return new Service(loader.slots, loader.statuses, deps.log, settings.cacheSize ?? 10_000);
}
