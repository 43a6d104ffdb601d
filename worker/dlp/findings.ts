/**
 * From matches to findings (what the audit stage stores) and to the block error the client sees.
 * Neither carries a matched value: findings keep a salted hash, the error names types and rules.
 */
import { GatewayError } from '../core/index.js';
import type { Finding } from '../core/index.js';
import { saltedHashNow } from './hash.js';
import type { Match } from './scan.js';

/** Salted hashes for one call, so a value seen in several places is hashed once. */
export class FindingHasher {
  private readonly cache = new Map<string, string>();
  constructor(private readonly salt: string) {}

  hash(value: string): string {
    let hash = this.cache.get(value);
    if (hash === undefined) {
      hash = saltedHashNow(this.salt, value);
      this.cache.set(value, hash);
    }
    return hash;
  }

  /**
   * Findings for the matches in `text`, hashed in one synchronous pass; `offset` shifts offsets
   * (streams report channel offsets).
   * @example
   * const findings = hasher.findings(matches, text, 'request', 'messages[1].content');
   */
  findings(matches: readonly Match[], text: string, side: 'request' | 'response', path: string, offset = 0): Finding[] {
    return matches.map((m) => ({
      type: m.type,
      rule: m.rule,
      tier: m.tier,
      score: Math.round(m.score * 1000) / 1000,
      start: m.start + offset,
      end: m.end + offset,
      hash: m.end > m.start ? this.hash(text.slice(m.start, m.end)) : '',
      location: { side, path },
      action: m.action,
    }));
  }
}

/** A DLP block. Carries the findings (offsets and hashes only) so the audit stage can record them. */
export class DlpBlockedError extends GatewayError {
  constructor(
    readonly findings: readonly Finding[],
    side: 'request' | 'response',
  ) {
    const blocking = findings.filter((f) => f.action === 'block');
    const types = [...new Set(blocking.map((f) => f.type))].sort();
    const rules = [...new Set(blocking.map((f) => f.rule))].sort();
    super(
      403,
      'dlp_blocked',
      `The ${side} was blocked by the data loss prevention policy: ${types.join(', ')} (rules: ${rules.join(', ')})`,
      'policy_violation',
      { dlp: { side, types, rules } },
    );
  }
}

/** The DLP engine could not judge the call: fail closed. */
export function dlpUnavailable(what: string): GatewayError {
  return new GatewayError(503, 'dlp_unavailable', `Data loss prevention could not inspect the ${what}; the call was refused`, 'unavailable');
}

/** A finding that records that text went through unjudged (on_error: pass) or Tier 3 ran out of time. */
export function noticeFinding(type: string, rule: string, side: 'request' | 'response', tier: 1 | 3): Finding {
  return { type, rule, tier, score: 0, start: 0, end: 0, hash: '', location: { side, path: '$' }, action: 'flag' };
}
