/**
 * The audit queue as every process but its owner sees it (OUTPOST_WORKERS > 1): the same one
 * Durable Object in process 0, reached over process 0's private unix socket (the AUDIT_OWNER
 * binding) with the /internal/audit/ routes of worker/cluster/internal-routes.ts.
 *
 * Concurrent records cross together (RecordCoalescer: one HTTP request per batch), and the owner
 * puts each batch into its Durable Object's group commit, so an append resolves here only once
 * the owner has committed it to disk: a response never leaves before its own event is durable.
 * Nothing here opens the SQLite file.
 *
 * Each event crosses as its EventText (audit/event-text.ts), serialised here, in the process
 * that answered the request: the owner's one thread commits every process's events, so it must
 * not also parse them and serialise them again. A batch is its texts joined by newlines
 * (batch-text.ts).
 */
import { eventText, type EventText } from './event-text.js';
import type { QueueRow } from './store.js';
import type { DoStatus } from './durable-object-status.js';
import { dirname, type AuditBackend } from './backend.js';
import { RecordCoalescer } from './coalesce.js';
import { OwnerUnreachableError } from './errors.js';
import { BATCH_CONTENT_TYPE, joinBatch } from './batch-text.js';

/** The owner's internal socket as a workerd external service binding. */
export interface OwnerChannel {
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
}

/** The owner's routes (worker/cluster/internal-routes.ts). */
export const OWNER_ROUTES = {
  append: '/internal/audit/append',
  depth: '/internal/audit/depth',
  peek: '/internal/audit/peek',
  status: '/internal/audit/status',
} as const;

async function call<T>(owner: OwnerChannel, path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await owner.fetch(`http://outpost-internal${path}`, init);
  } catch (e) {
    throw new OwnerUnreachableError(`the audit queue's owner (process 0) does not answer: ${(e as Error).message}`);
  }
  if (!res.ok) {
    const text = await res.text();
    let message = text.slice(0, 300);
    try {
      message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? message;
    } catch {
      // not JSON: the text itself
    }
    throw new OwnerUnreachableError(`the audit queue's owner (process 0) answered ${res.status}: ${message}`);
  }
  return (await res.json()) as T;
}

/**
 * Never throws: an owner that is not up yet is asked again by each call, and a failed append
 * fails closed (503 audit_unavailable) like a failed commit.
 * @example
 * const backend = await openRemoteAuditBackend(env.AUDIT_OWNER, config.auditDbPath);
 * await backend.append(event); // committed by process 0
 */
export async function openRemoteAuditBackend(owner: OwnerChannel, dbPath: string): Promise<AuditBackend> {
  let file: string | null = null;
  const status = async (): Promise<DoStatus> => {
    const s = await call<DoStatus>(owner, OWNER_ROUTES.status);
    file = `${dirname(dbPath)}/outpost-audit/${s.id}.sqlite`;
    return s;
  };
  await status().catch(() => undefined);
  const batch = (texts: EventText[]): RequestInit => ({ method: 'POST', body: joinBatch(texts), headers: { 'content-type': BATCH_CONTENT_TYPE } });
  // The owner answers how many it committed (no caller reads an event's id or hash back).
  const batches = new RecordCoalescer<EventText, null>(async (texts) => new Array<null>(await call<number>(owner, OWNER_ROUTES.append, batch(texts))).fill(null));
  return {
    kind: 'workerd-durable-object',
    file: () => file ?? dbPath,
    append: (event) => batches.record(eventText(event)),
    depth: () => call<number>(owner, OWNER_ROUTES.depth),
    read: (afterId, limit) => call<QueueRow[]>(owner, `${OWNER_ROUTES.peek}?after=${afterId}&limit=${limit}`),
    async details() {
      const s = await status();
      return { last_seq: s.lastSeq, hash_alg: s.hashAlg, circuit: s.circuit, last_success: s.lastSuccess, last_error: s.lastError };
    },
  };
}
