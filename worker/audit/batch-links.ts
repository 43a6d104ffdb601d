/**
 * Links one group commit's events into the chain before any row is written, so that the hashes
 * can be computed either synchronously (the JS SHA-256, inside the transaction) or awaited one
 * after another (crypto.subtle inside workerd, before the transaction: each event's hash is part
 * of the next one's content, so they cannot run in parallel, but an await per event costs less
 * than hashing in JavaScript; bench/audit-digest.mjs measures both).
 *
 * Nothing here touches the database or the queue's in-memory head: the caller writes the rows,
 * the project heads and the chain head in one transaction, and only then moves its head.
 */
import type { HashAlg } from './chain.js';
import { eventParts, linkedText, storedJson, type EventParts, type EventText } from './event-text.js';
import type { ProjectHead } from './project-chain.js';

/** One event linked into the chain, ready to insert. */
export interface LinkedRow {
  readonly seq: number;
  readonly hash: string;
  /** event_json as stored: the hashed text, then hash, then geo. */
  readonly json: string;
  /** Projects mode: the event's project and its seq in that project's chain. */
  readonly project: string | null;
  readonly projectSeq: number | null;
}

/** The text of one event to hash, with what it needs to become a row once hashed. */
export interface PendingLink {
  readonly hashed: string;
  readonly event: EventParts;
  readonly seq: number;
  readonly project: string | null;
  readonly projectSeq: number | null;
}

/**
 * The links of one batch, event after event.
 * @example
 * const links = new BatchLinks(chain, (p) => heads.next(p), 'sha256');
 * for (const text of texts) { const p = links.next(text); rows.push(links.hashed(p, digest(p.hashed))); }
 */
export class BatchLinks {
  private seq: number;
  private prevHash: string;
  /** Each project's newest head in this batch (heads before the batch come from nextOfProject). */
  readonly projectHeads = new Map<string, ProjectHead>();

  constructor(
    head: { readonly lastSeq: number; readonly lastHash: string },
    private readonly nextOfProject: (project: string) => ProjectHead,
    private readonly alg: HashAlg,
  ) {
    this.seq = head.lastSeq;
    this.prevHash = head.lastHash;
  }

  /** The next event's hashed text (its links spliced in); hash it, then hand it to hashed(). */
  next(text: EventText): PendingLink {
    const event = eventParts(text);
    const project = event.projectId;
    const seq = this.seq + 1;
    let link: ProjectHead | undefined;
    if (project) {
      const head = this.projectHeads.get(project);
      link = head ? { seq: head.seq + 1, hash: head.hash } : this.nextOfProject(project);
    }
    const hashed = linkedText(event, { seq, prevHash: this.prevHash, alg: this.alg, ...(link ? { project: link } : {}) });
    return { hashed, event, seq, project, projectSeq: link ? link.seq : null };
  }

  /** The row of a pending link whose text hashed to `hash`; the next event chains to it. */
  hashed(p: PendingLink, hash: string): LinkedRow {
    this.seq = p.seq;
    this.prevHash = hash;
    if (p.project) this.projectHeads.set(p.project, { seq: p.projectSeq!, hash });
    return { seq: p.seq, hash, json: storedJson(p.hashed, hash, p.event), project: p.project, projectSeq: p.projectSeq };
  }
}
