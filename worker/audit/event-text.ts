/**
 * An audit event serialised once, as the canonical JSON its chain hash is taken over, cut where
 * the chain's links go (issue 15).
 *
 * The hashed text of a chained event is its members and its links (seq, prev_hash, hash_alg,
 * and in projects mode project_seq and project_prev_hash) with keys in sorted order
 * (audit/canonical-json.ts). The event's shape is fixed (schema 1, audit/event.ts), so the
 * sorted order is known when the event is written: the members are emitted in that order by
 * construction, each run of members between two link keys as one native JSON.stringify of an
 * object literal whose keys are already sorted, and the links are spliced in between by string
 * concatenation where the queue knows them. No key sorting, no generic walk, no copy of the
 * event to "link" it; the worker sends this one string to the queue's Durable Object (a string
 * crosses the RPC as one copy, an object graph as a structured clone), and the stored row is the
 * hashed text with `hash` and `geo` appended. test/audit/event-text.test.ts checks that the
 * result equals the generic path (canonicalJson of the linked object) member for member.
 *
 * Layout: six parts joined by NUL, which no JSON text holds raw (JSON.stringify escapes every
 * control character inside strings):
 *   0  bytes_in … findings                    (before hash_alg)
 *   1  knowledge?, model, policy_version      (between hash_alg and prev_hash)
 *   2  project_id as a JSON string, or ''     (between prev_hash and project_prev_hash)
 *   3  reason … schema                        (between project_seq and seq)
 *   4  status … timings_ms                    (after seq)
 *   5  geo as JSON, or ''                     (outside the hash, after hash)
 */
import type { AuditEvent } from './event.js';
import type { Finding } from '../core/index.js';
import { canonicalJson, inKeyOrder } from './canonical-json.js';

const PART = '\u0000';

/** A serialised audit event (the layout above); only eventText makes one. */
export type EventText = string;

/** The members of a JSON object text without its braces ('' for an empty object). */
function members(object: object): string {
  return JSON.stringify(object).slice(1, -1);
}

/**
 * One finding's canonical JSON: keys in sorted order by construction. A finding that carries
 * members beyond the interface's (none does today) takes the generic path, so nothing is lost.
 */
function findingJson(f: Finding): string {
  const expected = f.location !== undefined || 'location' in f ? 9 : 8;
  if (Object.keys(f).length !== expected) return canonicalJson(f);
  const location = f.location ? { path: f.location.path, side: f.location.side } : undefined;
  return JSON.stringify({ action: f.action, end: f.end, hash: f.hash, location, rule: f.rule, score: f.score, start: f.start, tier: f.tier, type: f.type });
}

function findingsJson(findings: readonly Finding[]): string {
  if (findings.length === 0) return '[]';
  let out = '[';
  for (let i = 0; i < findings.length; i++) out += (i ? ',' : '') + findingJson(findings[i]!);
  return `${out}]`;
}

/**
 * The event's text, serialised once in canonical key order (see the layout above).
 * @example
 * const text = eventText(buildAuditEvent(call, outcome, 'allow', null, 200));
 * await stub.appendTexts([text]);
 */
export function eventText(event: AuditEvent): EventText {
  const caller = event.caller ? { groups: event.caller.groups, method: event.caller.method, subject: event.caller.subject } : null;
  // findings is spliced in as its own text: its objects are written key by key above.
  const before = members({ bytes_in: event.bytes_in, bytes_out: event.bytes_out, caller, client_ip: event.client_ip, decision: event.decision });
  const head = `${before}${before ? ',' : ''}"findings":${findingsJson(event.findings ?? [])}`;
  const middle = members({ knowledge: event.knowledge === undefined ? undefined : inKeyOrder(event.knowledge), model: event.model, policy_version: event.policy_version });
  const project = event.project_id === undefined ? '' : JSON.stringify(event.project_id);
  const after = members({ reason: event.reason, request_id: event.request_id, response_scanned: event.response_scanned, response_scanned_fully: event.response_scanned_fully, risk_tier: event.risk_tier, route: event.route, schema: event.schema });
  const timings = event.timings_ms ? { total: event.timings_ms.total, upstream: event.timings_ms.upstream } : undefined;
  const tail = members({ status: event.status, stream: event.stream, target: event.target, time: event.time, timings_ms: timings });
  const geo = event.geo ? JSON.stringify(event.geo) : '';
  return head + PART + middle + PART + project + PART + after + PART + tail + PART + geo;
}

/** The chain's links of one event, as the queue knows them when it appends. */
export interface TextLinks {
  readonly seq: number;
  readonly prevHash: string;
  readonly alg: string;
  /** Projects mode: the project's own link. */
  readonly project?: { readonly seq: number; readonly hash: string };
}

/** An event text taken apart: what the queue needs before it links it. */
export interface EventParts {
  readonly parts: readonly string[];
  /** project_id, or null outside projects mode. */
  readonly projectId: string | null;
}

/**
 * Splits an event text; throws on a text that is not one (the RPC's caller sent something else).
 * @example
 * eventParts(eventText(event)).projectId; // 'research' or null
 */
export function eventParts(text: EventText): EventParts {
  const parts = text.split(PART);
  if (parts.length !== 6) throw new TypeError('not an audit event text');
  return { parts, projectId: parts[2] ? (JSON.parse(parts[2]) as string) : null };
}

/**
 * True when `text` has the layout's six parts (the Durable Object checks each RPC's texts on
 * arrival, so that one malformed text fails its own call, not the group commit it would join).
 * @example
 * isEventText(eventText(event)); // true
 */
export function isEventText(text: unknown): text is EventText {
  if (typeof text !== 'string') return false;
  let parts = 1;
  for (let at = text.indexOf(PART); at >= 0; at = text.indexOf(PART, at + 1)) parts++;
  return parts === 6;
}

/** Joins the members that are there ('' stands for none). */
function joinMembers(a: string, b: string): string {
  return a && b ? `${a},${b}` : a || b;
}

/**
 * The hashed text of an event with its links: canonical JSON, keys in sorted order.
 * @example
 * const hashed = linkedText(eventParts(text), { seq: 1, prevHash: GENESIS_HASH, alg: 'sha256' });
 */
export function linkedText(event: EventParts, links: TextLinks): string {
  const [head, middle, project, after, tail] = event.parts as [string, string, string, string, string];
  let text = joinMembers(head, `"hash_alg":"${links.alg}"`);
  text = joinMembers(joinMembers(text, middle), `"prev_hash":"${links.prevHash}"`);
  if (project) text = `${text},"project_id":${project}`;
  if (links.project) text = `${text},"project_prev_hash":"${links.project.hash}","project_seq":${links.project.seq}`;
  text = joinMembers(joinMembers(text, after), `"seq":${links.seq}`);
  return `{${joinMembers(text, tail)}}`;
}

/**
 * The stored event_json: the hashed text, then `hash`, then `geo` (outside the hash).
 * @example
 * const json = storedJson(hashed, digest(hashed), eventParts(text));
 */
export function storedJson(hashed: string, hash: string, event: EventParts): string {
  const geo = event.parts[5];
  return `${hashed.slice(0, -1)},"hash":"${hash}"${geo ? `,"geo":${geo}` : ''}}`;
}
