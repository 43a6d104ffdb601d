/**
 * Stream framing: SSE events and NDJSON lines split off a buffer. Framing the gateway cannot parse
 * as the protocol it expects is never relayed (issue 13): the response ends with one of these
 * errors, whose code the audit event carries.
 */
import { GatewayError } from '../core/index.js';
import type { SplitFrames } from './types.js';

/** Why a response's framing was refused; part of the error code and the audit event. */
export type FramingProblem =
  | 'logprobs_shape' // streamed logprobs in a form the inspector cannot hold back (legacy completions, Ollama)
  | 'sse_field' // a line of an SSE event that is not data:, event:, id:, retry: or a comment
  | 'sse_data_not_json' // a data: line that is neither JSON nor [DONE]
  | 'sse_bare_cr' // CR-only line breaks, which the gateway does not split on
  | 'event_shape' // JSON that is not an event of the protocol (no choices, not an object)
  | 'ndjson_not_json' // an NDJSON line that is not JSON
  | 'not_json'; // a whole (stream:false) response that is not JSON

/**
 * The error that ends a response whose framing is not the protocol's.
 * @example
 * throw framingError('sse_data_not_json'); // 502 upstream_bad_framing
 */
export function framingError(problem: FramingProblem): GatewayError {
  return new GatewayError(502, 'upstream_bad_framing', `The upstream response is not framed as the protocol expects (${problem}); it was not relayed`, 'upstream_error');
}

/**
 * The error that ends a stream whose upstream sent an in-stream error event: its text is not
 * relayed (it may quote the prompt), only its presence.
 * @example
 * throw upstreamStreamError(); // 502 upstream_stream_error
 */
export function upstreamStreamError(): GatewayError {
  return new GatewayError(502, 'upstream_stream_error', 'The upstream reported an error in the middle of the stream', 'upstream_error');
}

const SSE_FIELD = /^(?:data|event|id|retry)(?::|$)/;

/**
 * Whether a line of an SSE event is one of the spec's fields or a comment (blank lines split events).
 * @example
 * isSseFieldLine('data: {}'); // true
 * isSseFieldLine('{"choices":[]}'); // false
 */
export const isSseFieldLine = (line: string): boolean => line === '' || line.startsWith(':') || SSE_FIELD.test(line);

/** Index of a CR that is not followed by LF in `text` (ignoring a CR at the very end when `open`), or -1. */
export function bareCarriageReturn(text: string, open: boolean): number {
  let i = text.indexOf('\r');
  while (i >= 0) {
    if (i === text.length - 1) return open ? -1 : i;
    if (text.charCodeAt(i + 1) !== 10) return i;
    i = text.indexOf('\r', i + 1);
  }
  return -1;
}


const EVENT_BOUNDARY = /\r?\n\r?\n/g;

/**
 * SSE events: split on blank lines; the rest of the buffer is one more event when `atEnd`.
 * CR-only line breaks would hide event boundaries from the scan, so they are refused (fail closed).
 * @example
 * splitSse('data: 1\n\ndata: 2', false); // { frames: [{ raw: 'data: 1', end: '\n\n' }], rest: 'data: 2' }
 */
export function splitSse(buffer: string, atEnd: boolean): SplitFrames {
  // Nearly every network chunk is one whole LF-framed event: no regex, no loop, for it.
  const first = buffer.indexOf('\n\n');
  if (first >= 0 && first === buffer.length - 2 && buffer.indexOf('\r') < 0) return { frames: [{ raw: buffer.slice(0, first), end: '\n\n' }], rest: '' };
  if (bareCarriageReturn(buffer, !atEnd) >= 0) throw framingError('sse_bare_cr');
  return splitOn(buffer, atEnd, EVENT_BOUNDARY);
}

const LINE_END = /\n/g;

/**
 * NDJSON lines: split on LF; the rest of the buffer is one more line when `atEnd`.
 * @example
 * splitNdjson('{"a":1}\n{"b"', false); // { frames: [{ raw: '{"a":1}', end: '\n' }], rest: '{"b"' }
 */
export function splitNdjson(buffer: string, atEnd: boolean): SplitFrames {
  return splitOn(buffer, atEnd, LINE_END);
}

function splitOn(buffer: string, atEnd: boolean, boundary: RegExp): SplitFrames {
  const frames: { raw: string; end: string }[] = [];
  let start = 0;
  boundary.lastIndex = 0;
  for (let m = boundary.exec(buffer); m; m = boundary.exec(buffer)) {
    frames.push({ raw: buffer.slice(start, m.index), end: m[0] });
    start = m.index + m[0].length;
  }
  let rest = buffer.slice(start);
  // At the end, a last frame without its separator still counts; blank leftovers are dropped.
  if (atEnd && rest.trim()) {
    frames.push({ raw: rest, end: '' });
    rest = '';
  }
  return { frames, rest };
}
