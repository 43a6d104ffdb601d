/**
 * How /readyz and the admin status describe the policy and GeoIP subsystems.
 */
import type { GeoIpService } from '../geoip/index.js';
import type { PolicyStore } from '../policy/index.js';

/** A subsystem's state, as /readyz and the admin status show it. */
export interface SubsystemState {
  readonly state: 'active' | 'disabled' | 'degraded' | 'starting';
  readonly reason?: string;
  /** For links to the platform: the circuit breaker's state. */
  readonly circuit?: 'closed' | 'open' | 'half-open';
  /** ISO time of the last success (a commit, a sync, a heartbeat). */
  readonly last_success?: string | null;
}

/**
 * Active means an operator's bundle is enforced (docs/operations.md): a refused one that fell back
 * is degraded, and the built-in baseline with no operator bundle at all is disabled.
 * @example
 * policySubsystem(policy); // { state: 'active', reason: 'version=2026-03-13 source=volume: loaded from …' }
 */
export function policySubsystem(policy: PolicyStore): SubsystemState {
  const s = policy.status();
  const state = s.fallback ? 'degraded' : s.source === 'built-in' ? 'disabled' : 'active';
  return { state, reason: `version=${s.version} source=${s.source}: ${s.reason}` };
}

/**
 * An operator's bundle was refused and nothing of theirs is left to enforce: the gateway serves on
 * the built-in baseline (no authentication), so orchestrators should keep traffic away until the
 * bundle is fixed. A last-known-good fallback stays ready (still theirs).
 * @example
 * policyNotReadyReason(policy); // null, or 'policy bundle refused (…); enforcing the built-in baseline'
 */
export function policyNotReadyReason(policy: PolicyStore): string | null {
  const status = policy.status();
  if (status.fallback && status.source === 'built-in') return `policy bundle refused (${status.problems[0] ?? 'see the log'}); enforcing the built-in baseline`;
  return null;
}

/**
 * Active with every configured database loaded, degraded when some failed, disabled with none.
 * @example
 * geoipSubsystem(geoip); // { state: 'active', reason: 'country=/etc/outpost/geoip/country.mmdb' }
 */
export function geoipSubsystem(geoip: GeoIpService): SubsystemState {
  const dbs = geoip.status().databases;
  const loaded = dbs.filter((d) => d.state === 'loaded');
  const failed = dbs.filter((d) => d.state === 'failed');
  if (!loaded.length) return { state: 'disabled', reason: failed.length ? `no database loaded (${failed.map((d) => `${d.path}: ${d.error}`).join('; ')})` : 'no database configured' };
  const summary = loaded.map((d) => `${d.type}=${d.path}`).join(', ');
  return failed.length ? { state: 'degraded', reason: `${summary}; failed: ${failed.map((d) => d.path).join(', ')}` } : { state: 'active', reason: summary };
}
