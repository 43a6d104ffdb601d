/**
 * `outpost status --runtime URL [--token T]`: the admin console, for terminals. Reads the same
 * two endpoints (/admin/api/sync-status and /admin/api/decisions) and prints them as text.
 * The token comes from --token or OUTPOST_ADMIN_TOKEN.
 */
import type { AdminStatus } from '../worker/admin/status.js';
import type { RecentDecision } from '../worker/metrics/recent.js';

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

/** "connected" means a platform link; air gap off without a platform is only "not air-gapped". */
export function modeWording(status: Pick<AdminStatus, 'air_gap' | 'platform_configured'>): string {
  return status.air_gap ? 'air-gapped' : status.platform_configured ? 'connected' : 'not air-gapped (no platform)';
}

/** Renders the status as the console shows it. */
export function formatStatus(status: AdminStatus, decisions: readonly RecentDecision[]): string {
  const lines = [
    `Outpost ${status.version} on ${status.runtime}, ${modeWording(status)}, up ${status.uptime_seconds}s`,
    `Readiness:          ${status.ready ? 'ready' : `not ready: ${status.not_ready_reason}`}`,
    `Policy bundle:      ${status.policy.version} (${status.policy.source}: ${status.policy.reason})`,
    `Audit queue depth:  ${status.audit_queue_depth ?? 'n/a'}`,
    `Certificate expiry: ${status.cert_expiry_days === null ? 'no certificate' : `${status.cert_expiry_days} days`}`,
    '',
    'Subsystems',
    table([
      ['NAME', 'STATE', 'CIRCUIT', 'LAST SUCCESS', 'REASON'],
      ...Object.entries(status.subsystems).map(([name, s]) => [name, s.state, s.circuit ?? '', s.last_success ?? '', s.reason ?? '']),
    ]),
    '',
    'Recent decisions',
    decisions.length
      ? table([
          ['TIME', 'REQUEST', 'ROUTE', 'MODEL', 'DECISION', 'STATUS', 'FINDINGS'],
          ...decisions.map((d) => [d.time, d.request_id, d.route, d.model ?? '', d.decision, String(d.status), d.findings.map((f) => `${f.type}/${f.rule}`).join(',')]),
        ])
      : '(none yet)',
  ];
  return lines.join('\n');
}

/**
 * @param runtimeUrl the gateway: --runtime, else (like `outpost policy install`) the one this environment describes
 * @example
 * process.exitCode = await status('http://127.0.0.1:8080', adminClientDefaults(process.env).token);
 */
export async function status(runtimeUrl: string, token: string | undefined): Promise<number> {
  if (!token) {
    console.error('ERROR outpost status needs --token or OUTPOST_ADMIN_TOKEN');
    return 2;
  }
  const base = runtimeUrl.replace(/\/+$/, '');
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new Error(`${path} answered ${res.status}${body?.error?.message ? `: ${body.error.message}` : ''}`);
    }
    return res.json();
  };
  const [s, d] = await Promise.all([get('/admin/api/sync-status'), get('/admin/api/decisions')]);
  console.log(formatStatus(s as AdminStatus, (d as { decisions: RecentDecision[] }).decisions));
  return 0;
}
