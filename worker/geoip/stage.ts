/**
 * GeoIP in the pipeline: the client address (trusted proxies applied), its geo fields for the
 * audit event, and the bundle's country rules as part of the authorize stage.
 */
import type { AuditGeo } from '../core/index.js';
import type { Logger } from '../log/index.js';
import { GatewayError } from '../core/index.js';
import type { CallContext } from '../core/index.js';
import type { CidrList } from './cidr.js';
import { resolveClientIp } from './client-ip.js';
import type { GeoIpService } from './index.js';
import { checkGeoPolicy, type GeoPolicyRule } from './policy.js';

export interface GeoStage {
  /** The client address: the socket peer, or the right-most untrusted hop behind trusted proxies. */
  clientIp(request: Request, peer: string | undefined): string | undefined;
  lookup(ip: string | undefined): AuditGeo | undefined;
  /** Throws GatewayError(403, 'geo_blocked') naming the rule when a country rule refuses the call. */
  authorize(call: CallContext, rules: readonly GeoPolicyRule[]): void;
}

/**
 * @example
 * const geo = createGeoStage(await createGeoIp(geoIpSettings(config), deps), trustedProxies(config), log);
 * geo.authorize(call, policy.geoRules);
 */
export function createGeoStage(service: GeoIpService, proxies: CidrList, log: Logger): GeoStage {
  return {
    clientIp: (request, peer) => resolveClientIp(request.headers, peer, proxies),
    lookup: (ip) => (ip ? service.lookup(ip) : undefined),
    authorize(call, rules) {
      if (!rules.length) return;
      const decision = checkGeoPolicy(rules, call.geo, call.route.id, call.model ?? '');
      if (decision.allowed) return;
      log.debug(`Geo rule ${decision.rule} refused ${call.requestId}: ${decision.reason}`);
      throw new GatewayError(403, 'geo_blocked', `Requests from this location are not allowed by the gateway's policy (rule ${decision.rule}: ${decision.reason})`, 'permission_error', {
        geo_rule: decision.rule,
      });
    },
  };
}
