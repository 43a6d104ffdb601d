/**
 * The OpenAI stream codec's fast path (protocol/event-template.ts): events with a verified
 * skeleton are read without a whole parse and written back by splicing the content string. It
 * must give the client exactly what the whole-parse path gives, and never judge a string other
 * than the one the client's JSON parser will read.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventTemplate } from '../../worker/protocol/event-template.js';
import { callFor, stagesFor } from '../dlp/stages.test.js';

const enc = new TextEncoder();
const dec = new TextDecoder();
const CARD = '4111 1111 1111 1111';

/** Pushes each event as its own chunk; the client's text and the contents its JSON parser reads. */
function relay(events: string[]): { out: string; contents: string[] } {
  const { inspectResponse } = stagesFor({ tier1: { enabled: true, action: 'redact' }, bundles: {} });
  const inspector = inspectResponse.stream(callFor('openai.chat'), { decision: 'allow', findings: [] })!;
  let out = '';
  for (const e of events) out += dec.decode(inspector.push(enc.encode(e)) as Uint8Array);
  out += dec.decode(inspector.finish() as Uint8Array);
  const contents = out
    .split('\n\n')
    .filter((b) => b.startsWith('data: {'))
    .map((b) => (JSON.parse(b.slice(6)).choices[0]?.delta?.content as string | undefined) ?? '');
  return { out, contents };
}

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i} `);
const chunk = (content: string, extra = '') => `data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m"${extra},"choices":[{"index":0,"delta":{"content":${JSON.stringify(content)}},"finish_reason":null}]}\n\n`;
const END = [`data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\n`, 'data: [DONE]\n\n'];

describe('stream event template', () => {
  it('reads a string token in the verified slot, and refuses anything else', () => {
    const t = new EventTemplate('"content":');
    const verify = (e: unknown, s: string) => (e as { choices: { delta: { content: string } }[] }).choices[0]!.delta.content === s;
    t.learn('{"choices":[{"delta":{"content":"a"}}]}', verify);
    expect(t.slotOf('{"choices":[{"delta":{"content":"b \\"q\\" \\u00e9"}}]}')).toBe('b "q" é');
    expect(t.slotOf('{"choices":[{"delta":{"content":"b","x":"y"}}]}')).toBeUndefined(); // not one token
    expect(t.slotOf('{"choices":[{"delta":{"content":"b\u0001"}}]}')).toBeUndefined(); // bad JSON string
    expect(t.slotOf('{"choices":[{"delta":{"role":"b"}}]}')).toBeUndefined();
    expect(t.render('x"y')).toBe('{"choices":[{"delta":{"content":"x\\"y"}}]}');
    // A slot that is not where the check wants it is never learned.
    const other = new EventTemplate('"content":');
    other.learn('{"x":{"content":"a"},"choices":[{"delta":{"content":"b"}}]}', verify);
    expect(other.event).toBeUndefined();
  });

  it("gives the same text as the whole-parse path, and keeps each event's skeleton", () => {
    const pieces = [...words(40), `card ${CARD.slice(0, 7)}`, `${CARD.slice(7)} `, ...words(40)];
    const { out, contents } = relay([...pieces.map((p) => chunk(p)), ...END]);
    expect(contents.join('')).toBe(pieces.join('').replace(CARD, '[CREDIT_CARD_1]'));
    expect(out).not.toContain(CARD.slice(5));
    expect(out.endsWith('data: [DONE]\n\n')).toBe(true);
    // Held events keep their skeleton: only the content string differs from the upstream's.
    for (const block of out.split('\n\n').filter((b) => b.startsWith('data: {"id"'))) expect(block).toMatch(/^data: \{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":\[\{"index":0,"delta":\{/);
  });

  it('a duplicate content key (the last one is what the client reads) is judged, not the first', () => {
    const dup = (a: string, b: string) => `data: {"id":"c1","choices":[{"index":0,"delta":{"content":${JSON.stringify(a)},"content":${JSON.stringify(b)}},"finish_reason":null}]}\n\n`;
    const events = [...words(30).map((w) => dup('safe ', w)), dup('safe ', `card ${CARD} `), ...words(30).map((w) => dup('safe ', w)), ...END];
    const { out, contents } = relay(events);
    expect(out.replace(/\s/g, '')).not.toContain(CARD.replace(/\s/g, ''));
    expect(contents.join('')).toContain('[CREDIT_CARD_1]');
  });

  it('an event whose shape changes mid-stream (a field added, another choice) goes the whole-parse way', () => {
    const other = (content: string) => `data: {"id":"c1","choices":[{"index":0,"delta":{"content":"x"},"finish_reason":null},{"index":1,"delta":{"content":${JSON.stringify(content)}},"finish_reason":null}]}\n\n`;
    const events = [...words(20).map((w) => chunk(w)), chunk('a ', ',"usage":{"content":"note"}'), other(`card ${CARD} `), ...words(20).map((w) => chunk(w)), ...END];
    const { out } = relay(events);
    expect(out.replace(/\s/g, '')).not.toContain(CARD.replace(/\s/g, ''));
    expect(out).toContain('[CREDIT_CARD_1]');
  });

  it('a content string with escapes and non-ASCII text passes through the fast path intact', () => {
    const pieces = words(30).map((w, i) => (i % 3 ? w : `"q\\${i}" é ${w}`));
    const { contents } = relay([...pieces.map((p) => chunk(p)), ...END]);
    expect(contents.join('')).toBe(pieces.join(''));
  });

  describe('events whose text is all held', () => {
    afterEach(() => vi.useRealTimers());
    const count = (out: string) => out.split('\n\n').filter((b) => b.startsWith('data: {')).length;

    it('are dropped: fewer events reach the client, with all of the text', () => {
      const pieces = words(60);
      const { out, contents } = relay([...pieces.map((p) => chunk(p)), ...END]);
      expect(contents.join('')).toBe(pieces.join(''));
      expect(count(out)).toBeLessThan(pieces.length / 2);
      expect(contents.filter((c) => c === '').length).toBeLessThanOrEqual(2); // the first event and the finish event
    });

    it('still go out (empty) when nothing was sent for a second', () => {
      vi.useFakeTimers();
      const { inspectResponse } = stagesFor({ tier1: { enabled: true, action: 'redact' }, bundles: {} });
      const inspector = inspectResponse.stream(callFor('openai.chat'), { decision: 'allow', findings: [] })!;
      let sent = 0;
      for (const w of words(10)) {
        vi.advanceTimersByTime(1100);
        sent += count(dec.decode(inspector.push(enc.encode(chunk(w))) as Uint8Array));
      }
      expect(sent).toBe(10);
    });
  });
});
