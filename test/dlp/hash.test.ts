/**
 * Finding hashes (issue 15): computed synchronously in JavaScript, they must stay the
 * HMAC-SHA-256 that crypto.subtle gave before, so hashes correlate across versions and calls.
 */
import { describe, expect, it } from 'vitest';
import { saltedHash, saltedHashNow } from '../../worker/dlp/hash.js';
import { FindingHasher } from '../../worker/dlp/findings.js';

async function subtleHash(salt: string, value: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(salt), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const digest = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(value)));
  return [...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('salted hashes', () => {
  const salts = ['salt', 'deployment-salt-0f3a', 'ü€😀', 'k'.repeat(64), 'long-'.repeat(30)];
  const values = ['', 'jane@acme.io', '4111 1111 1111 1111', 'Maria Gonzalez', '+1 415 555 0132', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'é'.repeat(200), '😀 emoji'];

  it('equal crypto.subtle HMAC-SHA-256, first 128 bits in hex, for short, block-sized, long and non-ASCII salts and values', async () => {
    for (const salt of salts) {
      for (const value of values) {
        const expected = await subtleHash(salt, value);
        expect(saltedHashNow(salt, value)).toBe(expected);
        expect(await saltedHash(salt, value)).toBe(expected);
      }
    }
  });

  it('differ between salts and between values', () => {
    expect(saltedHashNow('a', 'v')).not.toBe(saltedHashNow('b', 'v'));
    expect(saltedHashNow('a', 'v')).not.toBe(saltedHashNow('a', 'w'));
    expect(saltedHashNow('a', 'v')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('give each finding the hash of its own value, never the value', () => {
    const hasher = new FindingHasher('salt');
    const text = 'mail jane@acme.io or call +1 415 555 0132';
    const matches = [
      { type: 'EMAIL', rule: 'email', tier: 1, score: 0.9, start: 5, end: 17, action: 'flag' },
      { type: 'PHONE', rule: 'phone', tier: 1, score: 0.81234, start: 26, end: 41, action: 'redact' },
    ] as const;
    const findings = hasher.findings(matches as never, text, 'request', 'messages[0].content', 100);
    expect(findings).toEqual([
      { type: 'EMAIL', rule: 'email', tier: 1, score: 0.9, start: 105, end: 117, hash: saltedHashNow('salt', 'jane@acme.io'), location: { side: 'request', path: 'messages[0].content' }, action: 'flag' },
      { type: 'PHONE', rule: 'phone', tier: 1, score: 0.812, start: 126, end: 141, hash: saltedHashNow('salt', '+1 415 555 0132'), location: { side: 'request', path: 'messages[0].content' }, action: 'redact' },
    ]);
    expect(JSON.stringify(findings)).not.toContain('jane');
  });
});
