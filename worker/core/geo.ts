/**
 * What GeoIP says about a client address: filled in by geoip/ for the call, stored in the audit
 * event (audit/event.ts) outside the tamper-evidence hash.
 */

export interface AuditGeo {
  readonly country_iso?: string;
  readonly country_name?: string;
  readonly subdivision?: string;
  readonly city?: string;
  readonly latitude?: number;
  readonly longitude?: number;
  readonly accuracy_radius_km?: number;
  readonly asn?: number;
  readonly as_org?: string;
  readonly isp?: string;
  readonly anonymous?: Readonly<Record<string, boolean>>;
  /** 'private', 'loopback', 'reserved' when the address is not routable and was not looked up. */
  readonly address_class?: string;
}
