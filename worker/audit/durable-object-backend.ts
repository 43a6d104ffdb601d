/**
 * The worker's side of the workerd backend: RPC to the AuditQueueObject (durable-object.ts)
 * through the AUDIT_QUEUE namespace binding, which runtime/workerd.ts hands over.
 */
import type { QueueRow } from './store.js';
import type { DoStatus } from './durable-object-status.js';
import { dirname, type AuditBackend } from './backend.js';
import { eventText, type EventText } from './event-text.js';

/** The Durable Object's RPC surface as the gateway sees it. */
export interface AuditStub {
  appendTexts(texts: EventText[]): Promise<unknown[]>;
  depth(): Promise<number>;
  peek(limit: number, afterId: number): Promise<QueueRow[]>;
  status(): Promise<DoStatus>;
}
interface DoNamespace {
  idFromName(name: string): unknown;
  get(id: unknown): AuditStub;
}

/**
 * A maker of stubs of the queue's one Durable Object (a stub per call: stubs are cheap, and none
 * outlives the request that made it); throws when the runtime has no binding for it.
 * @example
 * await auditQueueStubs(env.AUDIT_QUEUE)().appendTexts(texts);
 */
export function auditQueueStubs(namespace: unknown): () => AuditStub {
  const ns = namespace as DoNamespace | undefined;
  if (!ns) throw new Error('the runtime has no AUDIT_QUEUE Durable Object binding (the audit folder was missing when the config was generated)');
  const id = ns.idFromName('audit');
  return () => ns.get(id);
}

/**
 * Opens the queue's Durable Object; throws when the runtime has no binding for it.
 * @example
 * const backend = await openDurableObjectBackend(env.AUDIT_QUEUE, config.auditDbPath);
 * await backend.append(event);
 */
export async function openDurableObjectBackend(namespace: unknown, dbPath: string): Promise<AuditBackend> {
  const stub = auditQueueStubs(namespace);
  const first = await stub().status();
  const file = `${dirname(dbPath)}/outpost-audit/${first.id}.sqlite`;
  // One RPC per record, in the record's own request: the Durable Object commits whatever arrives
  // while it commits as one group (durable-object.ts), so batching here saved only RPCs, and a
  // worker-side batch is I/O of the request that sends it: when that request was cancelled (its
  // client went away) every later record waited behind it (audit/coalesce.ts). Each event crosses
  // as the one string it is hashed and stored as (audit/event-text.ts).
  return {
    kind: 'workerd-durable-object',
    file: () => file,
    append: async (event) => (await stub().appendTexts([eventText(event)]))[0],
    depth: () => stub().depth(),
    read: (afterId, limit) => stub().peek(limit, afterId),
    async details() {
      const s = await stub().status();
      return { last_seq: s.lastSeq, hash_alg: s.hashAlg, circuit: s.circuit, last_success: s.lastSuccess, last_error: s.lastError };
    },
  };
}
