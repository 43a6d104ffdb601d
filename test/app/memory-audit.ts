/**
 * An in-memory stand-in for the audit queue's Durable Object namespace (env.AUDIT_QUEUE, the
 * binding audit/index.ts opens on workerd): the real queue code (coalescing, failure handling,
 * 503 audit_unavailable) runs in front of it, and every committed event lands in `events`.
 */
import type { AuditEvent } from '../../worker/audit/event.js';
import type { DoStatus } from '../../worker/audit/durable-object.js';
import { eventParts, linkedText, storedJson } from '../../worker/audit/event-text.js';

/** The event a serialised event text (worker/audit/event-text.ts) stands for, without chain links. */
function eventOfText(text: string): AuditEvent {
  const parts = eventParts(text);
  const { seq: _seq, prev_hash: _prev, hash_alg: _alg, hash: _hash, ...event } = JSON.parse(storedJson(linkedText(parts, { seq: 0, prevHash: '', alg: '' }), '', parts)) as Record<string, unknown>;
  return event as unknown as AuditEvent;
}

export class MemoryAuditQueue {
  readonly events: AuditEvent[] = [];
  /** While set, every commit fails as a full disk would. */
  failing = false;

  private append(events: readonly AuditEvent[]): number[] {
    if (this.failing) throw new Error('SQLITE_FULL: database or disk is full');
    // Structured clone, as the RPC to a Durable Object copies its arguments.
    for (const event of events) this.events.push(structuredClone(event));
    return events.map((_, i) => this.events.length - events.length + i + 1);
  }

  private status(): DoStatus {
    const n = this.events.length;
    return { id: 'memory', depth: n, lastSeq: n, lastHash: '', hashAlg: 'sha256', circuit: null, lastSuccess: null, lastError: null, commits: n, appended: n };
  }

  /** The namespace's surface: idFromName and get(id) -> stub. */
  idFromName(name: string): string {
    return name;
  }

  get(): unknown {
    return {
      appendTexts: async (texts: string[]) => this.append(texts.map(eventOfText)),
      depth: async () => this.events.length,
      peek: async (limit: number, afterId: number) =>
        this.events.slice(afterId, afterId + limit).map((event, i) => ({ id: afterId + i + 1, event_json: JSON.stringify(event), queued_at: 0, retry_count: 0 })),
      status: async () => this.status(),
    };
  }
}
