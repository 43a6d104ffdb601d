/**
 * The last decisions, for the admin console: what was decided and which detectors fired, never
 * a value (findings keep type, rule, tier and action only; no offsets or hashes either).
 */
import type { AuditEvent } from '../audit/event.js';

export interface RecentDecision {
  readonly time: string;
  readonly request_id: string;
  /** Projects mode: the project that judged the call. */
  readonly project_id?: string;
  readonly route: string;
  readonly model: string | null;
  readonly caller: string | null;
  readonly decision: string;
  readonly status: number;
  readonly reason: string | null;
  readonly findings: ReadonlyArray<{ readonly type: string; readonly rule: string; readonly tier: number; readonly action: string }>;
  readonly total_ms: number;
}

/** A fixed-size ring of the newest decisions, newest first when listed. */
export class RecentDecisions {
  private readonly items: RecentDecision[] = [];
  constructor(private readonly capacity = 50) {}

  push(event: AuditEvent): void {
    this.items.push({
      time: event.time,
      request_id: event.request_id,
      ...(event.project_id ? { project_id: event.project_id } : {}),
      route: event.route,
      model: event.model,
      caller: event.caller?.subject ?? null,
      decision: event.decision,
      status: event.status,
      reason: event.reason,
      findings: event.findings.map((f) => ({ type: f.type, rule: f.rule, tier: f.tier, action: f.action })),
      total_ms: event.timings_ms.total,
    });
    if (this.items.length > this.capacity) this.items.shift();
  }

  /** Newest first; with a project, only that project's decisions. */
  list(project?: string): RecentDecision[] {
    const items = project === undefined ? this.items : this.items.filter((d) => d.project_id === project);
    return [...items].reverse();
  }
}
