/**
 * The hold-back window releases in steps: a token-by-token stream is scanned once per
 * RELEASE_STEP_CHARS of released text, not once per token, and nothing is lost or reordered.
 */
import { describe, expect, it } from 'vitest';
import { RELEASE_STEP_CHARS } from '../../worker/dlp/hold-back.js';
import { callFor, stagesFor } from './stages.test.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

const event = (delta: Record<string, unknown>, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

const contentOf = (out: string): string => {
  const data = out.startsWith('data: ') ? out.slice(6).trim() : '';
  return data && data !== '[DONE]' ? ((JSON.parse(data).choices[0].delta.content as string | undefined) ?? '') : '';
};

describe('stream release steps', () => {
  it('releases nothing or a step per event (shorter only before a value), the whole text by the end, and a value redacted', async () => {
    const { inspectResponse } = stagesFor({ bundles: {} });
    const inspector = inspectResponse.stream(callFor('openai.chat'), { decision: 'allow', findings: [] })!;
    const answer = `${'The plan has several parts and each one has an owner. '.repeat(6)}Mail jane.doe@acme-corp.com for details. ${'More words follow here. '.repeat(8)}`;
    const tokens = answer.match(/\S+\s*/g)!;
    const released: string[] = [];
    for (const token of tokens) released.push(contentOf(dec.decode(await inspector.push(enc.encode(event({ content: token }))))));
    const end = dec.decode(await inspector.push(enc.encode(event({}, 'stop')))) + dec.decode(await inspector.finish());
    const tail = end
      .split('\n\n')
      .map((e) => contentOf(e))
      .join('');
    // Shorter only where a match moved the cut back (the text before the address).
    expect(released.filter((r) => r && r.length < RELEASE_STEP_CHARS).length).toBeLessThanOrEqual(2);
    // Released before the end, in several steps, and far fewer times than there were tokens.
    const steps = released.filter((r) => r).length;
    expect(steps).toBeGreaterThan(3);
    expect(steps).toBeLessThan(tokens.length / 4);
    const all = released.join('') + tail;
    expect(all).not.toContain('jane.doe@acme-corp.com');
    expect(all.replace(/\[EMAIL_1\]|\*+|<[^>]+>/, 'X')).toBe(answer.replace('jane.doe@acme-corp.com', 'X'));
    expect(inspector.findings.map((f) => f.type)).toEqual(['EMAIL']);
  });
});
