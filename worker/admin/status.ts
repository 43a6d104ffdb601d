/**
 * The operator's view of the gateway, one JSON document: what `GET /admin/api/sync-status`
 * returns, what the console at /admin/ renders and what `outpost status` prints.
 */
import type { Gateway, SubsystemState } from '../gateway.js';
import type { CertificateFileStatus } from '../certs/index.js';
import { GATEWAY_VERSION } from '../config/version.js';

export interface AdminStatus {
  readonly version: string;
  readonly runtime: string;
  readonly air_gap: boolean;
  /** A platform URL is configured (and air gap off): only then is the gateway "connected". */
  readonly platform_configured: boolean;
  readonly uptime_seconds: number;
  /** Events pending flush (connected) or export (air gap). PRODUCT.md: "Admin API". */
  readonly audit_queue_depth: number | null;
  /** Days until the TLS certificate expires; null when none is configured. */
  readonly cert_expiry_days: number | null;
  readonly ready: boolean;
  readonly not_ready_reason: string | null;
  readonly policy: { readonly version: string; readonly source: string; readonly reason: string };
  readonly subsystems: Readonly<Record<string, SubsystemState>>;
  readonly certificates: readonly CertificateFileStatus[];
}

/**
 * @example
 * app.get('/admin/api/sync-status', async (c) => c.json(await adminStatus(c.get('gateway'))));
 */
export async function adminStatus(gw: Gateway): Promise<AdminStatus> {
  const policy = gw.policy.current();
  const reason = gw.notReadyReason();
  return {
    version: GATEWAY_VERSION,
    runtime: gw.runtime.describe(),
    air_gap: gw.config.airGap,
    platform_configured: !gw.config.airGap && gw.config.platformUrl !== '',
    uptime_seconds: Math.round((Date.now() - gw.startedAt) / 1000),
    audit_queue_depth: await gw.audit.depth(),
    cert_expiry_days: gw.certificates.expiryDays(),
    ready: reason === null,
    not_ready_reason: reason,
    policy: { version: policy.version, source: policy.source, reason: policy.reason },
    subsystems: gw.subsystems(),
    certificates: gw.certificates.files(),
  };
}
