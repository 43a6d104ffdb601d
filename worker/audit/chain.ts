/**
 * The tamper-evidence chain over audit events.
 *
 * Every stored event carries `seq` (1, 2, 3, ... with no gaps), `prev_hash` (the previous event's
 * `hash`, or GENESIS_HASH for seq 1), `hash_alg`, and `hash`:
 *
 *   hash = hex( HMAC-SHA256(OUTPOST_AUDIT_HMAC_KEY, canonical(event minus geo, minus hash)) )
 *          or hex( SHA-256(canonical(...)) ) when no key is set
 *
 * canonical(): JSON with object keys sorted by UTF-16 code unit, no whitespace, undefined members
 * dropped, numbers and strings as JSON.stringify writes them. `geo` stays outside the hash so that a
 * GeoIP database update (re-enrichment) never breaks verification.
 */
import type { AuditEvent } from './event.js';
import { hmacSha256, sha256, toHex, utf8 } from '../crypto/sha256.js';
import { canonicalJson } from './canonical-json.js';
import { eventParts, eventText, linkedText, storedJson, type EventParts } from './event-text.js';

export { canonicalJson } from './canonical-json.js';

/** The chain's fixed starting point: the prev_hash of seq 1. */
export const GENESIS_HASH = '0'.repeat(64);

export type HashAlg = 'hmac-sha256' | 'sha256';

/** An event as stored: the schema-1 event plus its chain fields. */
export type ChainedEvent = AuditEvent & { readonly seq: number; readonly prev_hash: string; readonly hash_alg: HashAlg; readonly hash: string; readonly project_seq?: number; readonly project_prev_hash?: string };

/** Hex digest of a UTF-8 string; the CLI injects node:crypto's for speed, the worker uses the JS one. */
export type Digest = (text: string) => string;

/**
 * The digest for a key (HMAC-SHA256) or none (SHA-256), in plain JS.
 * @example
 * const digest = chainDigest(config.audit.hmacKey);
 */
export function chainDigest(hmacKey: string | undefined): { alg: HashAlg; digest: Digest } {
  if (hmacKey) {
    const key = utf8(hmacKey);
    return { alg: 'hmac-sha256', digest: (text) => toHex(hmacSha256(key, utf8(text))) };
  }
  return { alg: 'sha256', digest: (text) => toHex(sha256(utf8(text))) };
}

/** The text that is hashed: the event without `geo` and without `hash`. */
export function hashInput(event: Record<string, unknown>): string {
  const { geo: _geo, hash: _hash, ...rest } = event;
  return canonicalJson(rest);
}

/** Members of an event that its links replace (geo stays outside the hash; hash is computed anew). */
const REPLACED_KEYS = new Set(['seq', 'prev_hash', 'hash_alg', 'hash', 'geo']);

/**
 * The hashed content of a chained event: the event's members and its links, keys in sorted
 * order (so canonicalJson is one native JSON.stringify when the event's nested objects are
 * sorted too, as pipeline/record.ts builds them), and its canonical text.
 */
function linkedContent(event: AuditEvent, seq: number, prevHash: string, alg: HashAlg, projectLink?: { seq: number; hash: string }): { linked: Record<string, unknown>; text: string } {
  const source = event as unknown as Record<string, unknown>;
  const links: Record<string, unknown> = { seq, prev_hash: prevHash, hash_alg: alg };
  // Projects mode: the project's own link, inside the hash (audit/project-chain.ts).
  if (projectLink) Object.assign(links, { project_seq: projectLink.seq, project_prev_hash: projectLink.hash });
  const isLink = (key: string) => Object.prototype.hasOwnProperty.call(links, key);
  const keys = Object.keys(source).filter((key) => !REPLACED_KEYS.has(key) && !isLink(key));
  keys.push(...Object.keys(links));
  keys.sort();
  const linked: Record<string, unknown> = {};
  for (const key of keys) linked[key] = isLink(key) ? links[key] : source[key];
  return { linked, text: canonicalJson(linked) };
}

/**
 * Links one event into the chain.
 * @example
 * const e1 = chainEvent(event, 1, GENESIS_HASH, chainDigest(undefined));
 */
export function chainEvent(event: AuditEvent, seq: number, prevHash: string, d: { alg: HashAlg; digest: Digest }, projectLink?: { seq: number; hash: string }): ChainedEvent {
  const { linked, text } = linkedContent(event, seq, prevHash, d.alg, projectLink);
  const hash = d.digest(text);
  // geo goes last and outside the hash.
  return { ...linked, hash, ...(event.geo ? { geo: event.geo } : {}) } as ChainedEvent;
}

/** One event linked into the chain, as the queue stores it. */
export interface ChainedRow {
  readonly seq: number;
  readonly hash: string;
  readonly projectSeq: number | null;
  /** event_json: the same members as JSON.stringify(chainEvent(...)) writes. */
  readonly json: string;
}

/**
 * Links one event into the chain and writes its stored JSON from the hashed text itself (the
 * hashed members, then `hash`, then `geo`), so the event is serialised once, not twice.
 * @example
 * const row = chainedRow(event, 1, GENESIS_HASH, chainDigest(undefined));
 * sql.exec('INSERT INTO local_audit_queue (event_json, queued_at) VALUES (?, ?)', row.json, now);
 */
export function chainedRow(event: AuditEvent, seq: number, prevHash: string, d: { alg: HashAlg; digest: Digest }, projectLink?: { seq: number; hash: string }): ChainedRow {
  return chainedTextRow(eventParts(eventText(event)), seq, prevHash, d, projectLink);
}

/**
 * Links one serialised event (audit/event-text.ts) into the chain: its links are spliced into
 * the text the worker wrote, the splice is hashed, and `hash` and `geo` are appended to it.
 * @example
 * const row = chainedTextRow(eventParts(text), 1, GENESIS_HASH, chainDigest(undefined));
 */
export function chainedTextRow(event: EventParts, seq: number, prevHash: string, d: { alg: HashAlg; digest: Digest }, projectLink?: { seq: number; hash: string }): ChainedRow {
  const hashed = linkedText(event, { seq, prevHash, alg: d.alg, ...(projectLink ? { project: projectLink } : {}) });
  const hash = d.digest(hashed);
  return { seq, hash, projectSeq: projectLink ? projectLink.seq : null, json: storedJson(hashed, hash, event) };
}

/** What the store remembers about the chain besides the rows themselves. */
export interface ChainState {
  /** Every event with seq <= baseSeq has left the queue (delivered or exported); baseHash is the hash of baseSeq. */
  readonly baseSeq: number;
  readonly baseHash: string;
  /** The newest event ever appended. */
  readonly lastSeq: number;
  readonly lastHash: string;
}

export const EMPTY_CHAIN: ChainState = { baseSeq: 0, baseHash: GENESIS_HASH, lastSeq: 0, lastHash: GENESIS_HASH };

export type ProblemKind = 'edited' | 'deleted' | 'reordered' | 'malformed' | 'truncated';

export interface ChainProblem {
  readonly kind: ProblemKind;
  /** Row id in local_audit_queue (or line number in an export), when a row is to blame. */
  readonly id: number | null;
  readonly seq: number | null;
  readonly message: string;
}

export interface VerifyResult {
  readonly ok: boolean;
  /** Rows checked. */
  readonly checked: number;
  readonly firstSeq: number | null;
  readonly lastSeq: number | null;
  readonly headHash: string;
  readonly problem?: ChainProblem;
}

export interface ChainRow {
  readonly id: number;
  readonly event_json: string;
}

export interface VerifyOptions {
  /** Digests to try (SHA-256 always; HMAC when a key is given). */
  readonly hmacKey?: string;
  readonly digest?: { sha256: Digest; hmac?: Digest };
  /** The store's chain state; absent for an export (then the first row sets the start). */
  readonly state?: ChainState;
  /** seq -> hash of events that left the queue out of order (delivered in a partial batch). */
  readonly removed?: ReadonlyMap<number, string>;
  /** What a row id is called in messages ('id' for the queue, 'line' for an export). */
  readonly rowLabel?: string;
}

/**
 * Verifies rows (in id order) and names the first edited, deleted or reordered event.
 * @example
 * const result = verifyChain(rows, { state, removed, hmacKey });
 * if (!result.ok) console.error(result.problem.message);
 */
export function verifyChain(rows: Iterable<ChainRow>, options: VerifyOptions = {}): VerifyResult {
  const label = options.rowLabel ?? 'id';
  const digests = options.digest ?? { sha256: chainDigest(undefined).digest, ...(options.hmacKey ? { hmac: chainDigest(options.hmacKey).digest } : {}) };
  const removed = options.removed ?? new Map<number, string>();
  const list = Array.isArray(rows) ? (rows as ChainRow[]) : [...rows];
  const parsed: Array<Record<string, unknown> | null> = list.map((r) => {
    try {
      const v = JSON.parse(r.event_json) as unknown;
      return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  });
  const present = new Set<number>();
  for (const p of parsed) if (p && typeof p.seq === 'number') present.add(p.seq);

  let expected = options.state ? options.state.baseSeq + 1 : null;
  let prevHash = options.state ? options.state.baseHash : null;
  let prevRow: { id: number; seq: number } | null = null;
  let firstSeq: number | null = null;
  const fail = (problem: ChainProblem, checked: number): VerifyResult => ({ ok: false, checked, firstSeq, lastSeq: prevRow?.seq ?? null, headHash: prevHash ?? GENESIS_HASH, problem });

  for (let i = 0; i < list.length; i++) {
    const row = list[i]!;
    const ev = parsed[i];
    if (!ev || typeof ev.seq !== 'number' || typeof ev.hash !== 'string' || typeof ev.prev_hash !== 'string') {
      return fail({ kind: 'malformed', id: row.id, seq: null, message: `event ${label} ${row.id} is not a chained audit event (edited: unparsable or missing seq/hash)` }, i);
    }
    const seq = ev.seq;
    if (expected === null) {
      expected = seq;
      prevHash = seq === 1 ? GENESIS_HASH : (ev.prev_hash as string);
    }
    // Skip over events that left the queue individually (partial deliveries).
    while (expected < seq && removed.has(expected)) {
      prevHash = removed.get(expected)!;
      expected++;
    }
    if (seq !== expected) {
      if (seq < expected || present.has(expected)) {
        return fail({ kind: 'reordered', id: row.id, seq, message: `event ${label} ${row.id} (seq ${seq}) is out of order: seq ${expected} was expected here` }, i);
      }
      const after = prevRow ? ` after ${label} ${prevRow.id} (seq ${prevRow.seq})` : '';
      const span = seq - expected === 1 ? `seq ${expected}` : `seq ${expected}-${seq - 1}`;
      return fail({ kind: 'deleted', id: row.id, seq: expected, message: `event ${span} is missing (deleted)${after}, before ${label} ${row.id} (seq ${seq})` }, i);
    }
    const digest = ev.hash_alg === 'hmac-sha256' ? digests.hmac : digests.sha256;
    if (!digest) return fail({ kind: 'edited', id: row.id, seq, message: `event ${label} ${row.id} (seq ${seq}) is HMAC-chained: set OUTPOST_AUDIT_HMAC_KEY to verify` }, i);
    if (digest(hashInput(ev)) !== ev.hash) {
      return fail({ kind: 'edited', id: row.id, seq, message: `event ${label} ${row.id} (seq ${seq}) was edited: its hash does not match its content` }, i);
    }
    if (ev.prev_hash !== prevHash) {
      // This row is intact; its link says the previous event is not the one it followed.
      const blame = prevRow ?? { id: row.id, seq };
      return fail({ kind: 'edited', id: blame.id, seq: blame.seq, message: `event ${label} ${blame.id} (seq ${blame.seq}) was edited or replaced: seq ${seq} was chained to a different hash` }, i);
    }
    firstSeq ??= seq;
    prevHash = ev.hash as string;
    prevRow = { id: row.id, seq };
    expected = seq + 1;
  }
  if (options.state && expected !== null) {
    while (expected <= options.state.lastSeq && removed.has(expected)) {
      prevHash = removed.get(expected)!;
      expected++;
    }
    if (expected <= options.state.lastSeq) {
      const after = prevRow ? ` after ${label} ${prevRow.id} (seq ${prevRow.seq})` : '';
      return fail({ kind: 'truncated', id: null, seq: expected, message: `events seq ${expected}-${options.state.lastSeq} are missing (deleted)${after}: the chain head is seq ${options.state.lastSeq}` }, list.length);
    }
    if (options.state.lastSeq > 0 && prevHash !== options.state.lastHash) {
      return fail({ kind: 'edited', id: prevRow?.id ?? null, seq: prevRow?.seq ?? null, message: `the last event does not match the recorded chain head (seq ${options.state.lastSeq})` }, list.length);
    }
  }
  return { ok: true, checked: list.length, firstSeq, lastSeq: prevRow?.seq ?? null, headHash: prevHash ?? GENESIS_HASH };
}
