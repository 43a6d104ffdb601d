// The audit event serialised once in canonical key order (worker/audit/event-text.ts) must link
// to exactly the row the generic path writes: same hashed text (canonicalJson of the linked
// object, keys sorted at run time), same hash, same stored JSON.
import { describe, expect, it } from 'vitest';
import { chainDigest, chainEvent, chainedRow, chainedTextRow, GENESIS_HASH, hashInput, verifyChain, type ChainRow } from '../../worker/audit/chain.js';
import { eventParts, eventText, isEventText } from '../../worker/audit/event-text.js';
import type { AuditEvent } from '../../worker/audit/event.js';
import type { Finding } from '../../worker/core/index.js';
import { sampleEvent } from './helpers.js';

const finding = (over: Partial<Finding> = {}): Finding => ({ type: 'CREDIT_CARD', rule: 'tier1.credit_card', tier: 1, score: 0.97, start: 40, end: 59, hash: 'f00dfeed', location: { side: 'request', path: 'messages[1].content' }, action: 'redact', ...over });

/** Events that vary every member the layout cuts around (optional ones present and absent). */
const variants: Array<[string, AuditEvent]> = [
  ['the sample event', sampleEvent()],
  ['no caller, no geo, no findings', sampleEvent({ caller: null, geo: undefined, findings: [], client_ip: null })],
  ['findings with locations', sampleEvent({ findings: [finding(), finding({ type: 'EMAIL', rule: 'tier1.email', location: { side: 'response', path: 'choices[0].message.content' } })] })],
  ['a refusal with nulls', sampleEvent({ decision: 'block', reason: 'dlp_blocked', model: null, target: null, policy_version: null, risk_tier: null, status: 403, timings_ms: { total: 3, upstream: null } })],
  ['a project', sampleEvent({ project_id: 'research' })],
  ['knowledge', sampleEvent({ knowledge: { assets: [{ name: 'handbook', version: '3', sha256: 'ab' }], mode: 'inject' } as unknown as AuditEvent['knowledge'] })],
  ['strings that need escaping', sampleEvent({ request_id: 'r"\\\u0000\u2028é😀', caller: { subject: 'ü"x', groups: ['a,b', '}{'], method: 'oidc' }, route: '\n' })],
  ['a finding with an extra member', sampleEvent({ findings: [{ ...finding(), extra: 1 } as unknown as Finding] })],
  ['a finding without location', sampleEvent({ findings: [finding({ location: undefined })] })],
];

describe('event text', () => {
  for (const key of [undefined, 'chain-key']) {
    const d = chainDigest(key);
    for (const [name, event] of variants) {
      it(`links to the generic path's row, byte for byte: ${name}${key ? ' (HMAC)' : ''}`, () => {
        const project = event.project_id ? { seq: 4, hash: 'c'.repeat(64) } : undefined;
        const generic = chainEvent(event, 7, 'b'.repeat(64), d, project);
        const row = chainedTextRow(eventParts(eventText(event)), 7, 'b'.repeat(64), d, project);
        // The generic path: the linked object's canonical JSON (keys sorted at run time), hashed.
        const hashed = hashInput(generic as unknown as Record<string, unknown>);
        expect(generic.hash).toBe(d.digest(hashed));
        expect(row.hash).toBe(generic.hash);
        expect(row.json).toBe(`${hashed.slice(0, -1)},"hash":"${generic.hash}"${event.geo ? `,"geo":${JSON.stringify(event.geo)}` : ''}}`);
        expect(JSON.parse(row.json)).toEqual(JSON.parse(JSON.stringify(generic)));
        expect(chainedRow(event, 7, 'b'.repeat(64), d, project)).toEqual(row);
      });
    }
  }

  it('writes every member of the event (a new member of AuditEvent must be added to the layout)', () => {
    const event = sampleEvent({ project_id: 'p', knowledge: { assets: [] } as unknown as AuditEvent['knowledge'] });
    const row = chainedTextRow(eventParts(eventText(event)), 1, GENESIS_HASH, chainDigest(undefined), { seq: 1, hash: GENESIS_HASH });
    const stored = Object.keys(JSON.parse(row.json) as object);
    for (const member of Object.keys(event)) expect(stored).toContain(member);
  });

  it('a chain of text rows verifies, and an edit is caught', () => {
    const d = chainDigest(undefined);
    let prev = GENESIS_HASH;
    const rows: ChainRow[] = variants.map(([, event], i) => {
      const row = chainedTextRow(eventParts(eventText(event)), i + 1, prev, d);
      prev = row.hash;
      return { id: i + 1, event_json: row.json };
    });
    expect(verifyChain(rows).ok).toBe(true);
    const edited = rows.map((r, i) => (i === 2 ? { ...r, event_json: r.event_json.replace('"status":200', '"status":201') } : r));
    expect(verifyChain(edited).problem?.kind).toBe('edited');
  });

  it('refuses a text that is not an event text', () => {
    expect(() => eventParts('{"schema":1}')).toThrow(/not an audit event text/);
    expect(isEventText('{"schema":1}')).toBe(false);
    expect(isEventText(42)).toBe(false);
    for (const [, event] of variants) expect(isEventText(eventText(event))).toBe(true);
  });
});
