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

/**
 * A fixed-size ring of the newest decisions, newest first when listed. Each call only stores its
 * event (one slot write, no copy); the console's rare read projects them to what it may show.
 */
export class RecentDecisions {
  private readonly events: (AuditEvent | undefined)[];
  /** Where the next event goes; the oldest kept event is there once the ring is full. */
  private next = 0;
  constructor(private readonly capacity = 50) {
    this.events = new Array<AuditEvent | undefined>(capacity);
  }

  push(event: AuditEvent): void {
    this.events[this.next] = event;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Newest first; with a project, only that project's decisions. */
  list(project?: string): RecentDecision[] {
    const out: RecentDecision[] = [];
    for (let k = 1; k <= this.capacity; k++) {
      const event = this.events[(this.next - k + this.capacity) % this.capacity];
      if (!event) break;
      if (project === undefined || event.project_id === project) out.push(decisionOf(event));
    }
    return out;
  }
}

/** What the console shows of one event: never a value, an offset or a hash. */
function decisionOf(event: AuditEvent): RecentDecision {
  return {
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
  };
}
