/** SSE framing: one whole event per chunk (the fast path) splits as the general path does. */
import { describe, expect, it } from 'vitest';
import { splitSse } from '../../worker/protocol/framing.js';

describe('splitSse', () => {
  it('one whole event, several, partial ones, CRLF and blank events', () => {
    expect(splitSse('data: 1\n\n', false)).toEqual({ frames: [{ raw: 'data: 1', end: '\n\n' }], rest: '' });
    expect(splitSse('\n\n', false)).toEqual({ frames: [{ raw: '', end: '\n\n' }], rest: '' });
    expect(splitSse('data: 1\n\ndata: 2\n\n', false)).toEqual({ frames: [{ raw: 'data: 1', end: '\n\n' }, { raw: 'data: 2', end: '\n\n' }], rest: '' });
    expect(splitSse('data: 1\n\n\n', false)).toEqual({ frames: [{ raw: 'data: 1', end: '\n\n' }], rest: '\n' });
    expect(splitSse('data: 1\r\n\r\n', false)).toEqual({ frames: [{ raw: 'data: 1', end: '\r\n\r\n' }], rest: '' });
    expect(splitSse('data: 1\n\ndata: 2', false)).toEqual({ frames: [{ raw: 'data: 1', end: '\n\n' }], rest: 'data: 2' });
    expect(splitSse('data: 1\n', true)).toEqual({ frames: [{ raw: 'data: 1\n', end: '' }], rest: '' });
  });

  it('refuses CR-only line breaks on either path', () => {
    expect(() => splitSse('data: 1\rdata: 2\n\n', false)).toThrow(/sse_bare_cr/);
    expect(() => splitSse('data: 1\r\r\n\n', false)).toThrow(/sse_bare_cr/);
  });
});
