/**
 * The scan across messages reads only the seams between parts (worker/dlp/seams.ts); it must find
 * what a scan of the whole joined text finds across a boundary, and report each value once.
 */
import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../worker/core/index.js';
import { acrossMessages } from '../../worker/dlp/across.js';
import { compileDlp, createDlpStages, DlpBlockedError, scanText, type Match } from '../../worker/dlp/index.js';
import { seamWindows } from '../../worker/dlp/seams.js';
import { MODEL_ROUTES, type TextPart } from '../../worker/protocol/index.js';
import { settingsWith } from './fixtures.js';

const compiled = compileDlp(settingsWith({}));
const route = MODEL_ROUTES.find((x) => x.id === 'openai.chat')!;
const call: CallContext = { requestId: 'req-1', route, protocol: route.protocol, receivedAt: 0, peerAddress: undefined, clientIp: undefined, caller: undefined, model: 'm', target: undefined, policyVersion: 'v', riskTier: 't' };

/** Prose without personal data, long enough that the seam windows cover little of the text. */
const FILLER = 'Please summarise the attached meeting notes for the weekly status report, keeping action items and owners. '.repeat(12);

const partsOf = (texts: readonly string[]): TextPart[] => texts.map((text, i) => ({ path: ['messages', i, 'content'], text }));

/** What the scan of the whole joined text finds across a boundary: the reference the seams stand in for. */
function acrossByWholeScan(texts: readonly string[]): Match[] {
  const text = texts.join(' ');
  const bounds: [number, number][] = [];
  let at = 0;
  for (const t of texts) {
    bounds.push([at, at + t.length]);
    at += t.length + 1;
  }
  return scanText(compiled, text)
    .filter((m) => !bounds.some(([s, e]) => m.start >= s && m.end <= e))
    .map((m) => (m.action === 'redact' ? { ...m, action: 'block' as const } : m));
}

const brief = (ms: readonly Match[]) => ms.map((m) => `${m.type}:${m.start}-${m.end}:${m.action}`);

/** Each value in its sentence: [type, sentence, value]. */
const VALUES: [string, string, string][] = [
  ['CREDIT_CARD', 'my card is 4111 1111 1111 1111 for the refund', '4111 1111 1111 1111'],
  ['EMAIL', 'write to maria.gonzalez@example.com today', 'maria.gonzalez@example.com'],
  ['PHONE', 'call me on +1 415 555 0132 tomorrow', '+1 415 555 0132'],
  ['GITHUB_TOKEN', 'export GH_TOKEN=ghp_R8sK2mQ9vT4wX7yZ1aB3cD5eF6gH8iJ0kL2m now', 'ghp_R8sK2mQ9vT4wX7yZ1aB3cD5eF6gH8iJ0kL2m'],
  ['AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID=AKIAZ7VRSQ2LMXK4P3TN in the file', 'AKIAZ7VRSQ2LMXK4P3TN'],
  ['IBAN', 'pay into GB82 WEST 1234 5698 7654 32 by Friday', 'GB82 WEST 1234 5698 7654 32'],
  ['PERSON', 'the customer is Maria Gonzalez from the Lyon office', 'Maria Gonzalez'],
];

describe('a value split across two messages', () => {
  for (const [type, sentence, value] of VALUES) {
    it(`${type}: found at every split offset, as the whole joined text finds it, within long messages`, () => {
      const valueStart = sentence.indexOf(value);
      for (let cut = 1; cut < sentence.length; cut++) {
        // Split at a space, the space is dropped (the join puts one back); elsewhere a word is cut in two.
        const atSpace = sentence[cut] === ' ';
        const texts = [`${FILLER}${sentence.slice(0, cut)}`, `${sentence.slice(atSpace ? cut + 1 : cut)} ${FILLER}`];
        const { matches } = acrossMessages(compiled, partsOf(texts));
        expect(brief(matches), `cut at ${cut}`).toEqual(brief(acrossByWholeScan(texts)));
        // A value split between its words is found across the messages (a word cut in two is not, by design: the join adds a space).
        if (atSpace && cut > valueStart && cut < valueStart + value.length) expect(matches.map((m) => m.type), `cut at ${cut}`).toContain(type);
      }
    });
  }

  it('reads only windows around the seam when the messages are long', () => {
    const texts = [`${FILLER}my card is 4111 1111`, `1111 1111 thanks ${FILLER}`];
    const text = texts.join(' ');
    const windows = seamWindows({ text, starts: [0, texts[0]!.length + 1], ends: [texts[0]!.length, text.length] }, compiled.holdBackChars + 64);
    expect(windows).toHaveLength(1);
    const [from, to] = windows[0]!;
    expect(to - from).toBeLessThan(text.length / 2);
    expect(from).toBeLessThan(text.indexOf('4111'));
    expect(to).toBeGreaterThan(text.indexOf('thanks'));
  });

  it('finds a value split over three messages, the middle one short', () => {
    const texts = [`${FILLER}card 4111 1111`, '1111', `1111 ok ${FILLER}`];
    const { matches } = acrossMessages(compiled, partsOf(texts));
    expect(brief(matches)).toEqual(brief(acrossByWholeScan(texts)));
    expect(matches.filter((m) => m.type === 'CREDIT_CARD')).toHaveLength(1);
  });

  it('finds a value longer than the seam window whole (the window grows)', () => {
    // A PEM block of about 1 KB split in its middle: longer than the hold-back reach on either side.
    const body = Array.from({ length: 16 }, (_, i) => `MIIEpAIBAAKCAQEA${String(i).padStart(2, '0')}u1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7on`).join('\n');
    const pem = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`;
    const cut = pem.indexOf('\n', pem.length / 2);
    const texts = [`${FILLER}key: ${pem.slice(0, cut)}`, `${pem.slice(cut + 1)} ${FILLER}`];
    const { matches } = acrossMessages(compiled, partsOf(texts));
    expect(brief(matches)).toEqual(brief(acrossByWholeScan(texts)));
  });

  it('finds a value spread over many long messages once, as the whole joined text does (grown windows give way to one whole read)', () => {
    // Lines of words far longer than the seam windows: each window holds a piece of the block and grows.
    const line = (i: number) => Array.from({ length: 12 }, (_, w) => `${String(i * 12 + w).padStart(4, '0')}MIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7on`).join(' ');
    const texts = [`${FILLER}key: -----BEGIN RSA PRIVATE KEY-----`, ...Array.from({ length: 24 }, (_, i) => line(i)), `-----END RSA PRIVATE KEY----- ${FILLER}`];
    const { matches } = acrossMessages(compiled, partsOf(texts));
    expect(brief(matches)).toEqual(brief(acrossByWholeScan(texts)));
    expect(matches).toHaveLength(1);
  });

  it('finds a card whose digit groups are far apart in the original text (whitespace runs count as one)', () => {
    const texts = [`${FILLER}card 4111${' '.repeat(300)}1111`, `1111 1111 ${FILLER}`];
    const { matches } = acrossMessages(compiled, partsOf(texts));
    expect(brief(matches)).toEqual(brief(acrossByWholeScan(texts)));
    expect(matches.map((m) => m.type)).toContain('CREDIT_CARD');
  });

  it('finds a value hidden behind zero-width characters at the seam', () => {
    const texts = [`${FILLER}card 4111 1111${'\u200b'.repeat(300)}`, `1111 1111 ${FILLER}`];
    const { matches } = acrossMessages(compiled, partsOf(texts));
    expect(brief(matches)).toEqual(brief(acrossByWholeScan(texts)));
    expect(matches.map((m) => m.type)).toContain('CREDIT_CARD');
  });
});

describe('each value is reported once', () => {
  it('a value inside one message is a finding of that message only, not of the scan across messages', async () => {
    const { inspectRequest } = createDlpStages(compiled, { salt: 'salt' });
    const body = { model: 'm', messages: [{ role: 'user', content: `${FILLER}my card is 4111 1111 1111 1111` }, { role: 'user', content: `thanks ${FILLER}` }] };
    const result = await inspectRequest(call, body, []);
    const cards = result.findings.filter((f) => f.type === 'CREDIT_CARD');
    expect(cards.map((f) => f.location?.path)).toEqual(['messages[0].content']);
    expect(result.decision).toBe('redact');
  });

  it('a value split across two messages is one finding (across messages) and blocks', async () => {
    const { inspectRequest } = createDlpStages(compiled, { salt: 'salt' });
    const body = { model: 'm', messages: [{ role: 'user', content: `${FILLER}my card is 4111 1111` }, { role: 'user', content: `1111 1111 thanks ${FILLER}` }] };
    const blocked = await inspectRequest(call, body, []).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(blocked).toBeInstanceOf(DlpBlockedError);
    const cards = (blocked as DlpBlockedError).findings.filter((f) => f.type === 'CREDIT_CARD');
    expect(cards.map((f) => [f.location?.path, f.action])).toEqual([['messages[*]', 'block']]);
  });
});
