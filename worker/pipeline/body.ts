/**
 * Stage 2 of the pipeline: the request body, read and parsed only for a caller who may call.
 *
 * Reading is bounded in size (413) and in inactivity (408: a client that stops sending for
 * OUTPOST_BODY_TIMEOUT_MS); a client that goes away mid-body is a client abort (499), not a
 * gateway failure. Parsing refuses bytes that are not UTF-8 and JSON nested deeper than
 * MAX_JSON_DEPTH before anything walks it (every later walk may then recurse safely), and drops a
 * leading byte-order mark so the target never sees one.
 */
import type { ModelRoute } from '../protocol/index.js';
import { GatewayError } from '../core/index.js';
import { parseRequestJson } from '../protocol/body.js';
import { jsonShape } from '../protocol/json-shape.js';
import { concatBytes } from '../proxy/forward.js';

/** Deepest nesting of objects and arrays accepted in a request body (documented in the README). */
export const MAX_JSON_DEPTH = 64;

export interface BodyLimits {
  /** Largest body in bytes (OUTPOST_MAX_BODY_BYTES). */
  readonly maxBytes: number;
  /** Longest wait for the next bytes of the body (OUTPOST_BODY_TIMEOUT_MS). */
  readonly idleTimeoutMs: number;
}

export interface ParsedBody {
  readonly body: Record<string, unknown>;
  /** The body's bytes as forwarded: the client's, without a leading byte-order mark. */
  readonly raw: Uint8Array;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Reads and parses a model call's body.
 * @example
 * const { body, raw } = await parseBody(request, route, { maxBytes: 4 << 20, idleTimeoutMs: 10_000 });
 */
export async function parseBody(request: Request, route: ModelRoute, limits: BodyLimits): Promise<ParsedBody> {
  const bytes = await readRequestBody(request, limits);
  const raw = bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2] ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    throw new GatewayError(400, 'invalid_encoding', 'Request body is not valid UTF-8');
  }
  // One scan of the text answers both the nesting limit and the duplicate-key count.
  const shape = jsonShape(text, MAX_JSON_DEPTH);
  if (shape.tooDeep) throw new GatewayError(400, 'invalid_request', `Request body is nested deeper than ${MAX_JSON_DEPTH} levels`);
  // Strict reading: a duplicate key would let the DLP scan one value and the upstream read another.
  const body = parseRequestJson(text, shape.keys);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new GatewayError(400, 'invalid_request', 'Request body must be a JSON object');
  const problem = route.validate(body as Record<string, unknown>);
  if (problem) throw new GatewayError(400, 'invalid_request', problem);
  return { body: body as Record<string, unknown>, raw };
}

/**
 * True when `text`, read as JSON, opens more than `limit` nested objects or arrays (jsonShape).
 * @example
 * jsonDepthExceeds('[[["]]]]"]]]', 2); // true
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  return jsonShape(text, limit).tooDeep;
}

/**
 * Reads the whole request body within the size limit, failing when the client sends nothing for
 * `idleTimeoutMs` (408) or goes away (499). A declared length ends the read once reached, so a
 * small body costs one chunk read (each costs tens of microseconds in workerd), and one watchdog
 * timer serves the whole read.
 * @example
 * const bytes = await readRequestBody(request, { maxBytes: 4 << 20, idleTimeoutMs: 10_000 });
 */
export async function readRequestBody(request: Request, limits: BodyLimits): Promise<Uint8Array> {
  const header = request.headers.get('content-length');
  const declared = header !== null && /^\d+$/.test(header) ? Number(header) : null;
  if (declared !== null && declared > limits.maxBytes) {
    await request.body?.cancel().catch(() => {});
    throw tooLarge(limits.maxBytes);
  }
  if (!request.body || declared === 0) return new Uint8Array(0);
  if (declared !== null && declared <= ONE_READ_BYTES) return readDeclaredAtOnce(request, limits.idleTimeoutMs);
  const reader = request.body.getReader();
  const watchdog = idleWatchdog(limits.idleTimeoutMs);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (declared === null || size < declared) {
      const { done, value } = await nextChunk(reader, watchdog);
      if (done) break;
      size += value.byteLength;
      if (size > limits.maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge(limits.maxBytes);
      }
      chunks.push(value);
    }
  } finally {
    watchdog.stop();
  }
  return concatBytes(chunks, size);
}

/**
 * Bodies up to this declared size are taken in one native read (a chunk read through a JS reader
 * costs tens of microseconds in workerd) under one deadline of the idle timeout: a body this small
 * that has not arrived within it has stalled by any measure.
 */
const ONE_READ_BYTES = 64 * 1024;

/** A small declared body in one native read, or 408 / 499. */
async function readDeclaredAtOnce(request: Request, timeoutMs: number): Promise<Uint8Array> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'idle'>((resolve) => (timer = setTimeout(() => resolve('idle'), timeoutMs)));
  let result: ArrayBuffer | 'idle';
  try {
    result = await Promise.race([request.arrayBuffer(), deadline]);
  } catch {
    throw clientClosed();
  } finally {
    clearTimeout(timer);
  }
  if (result === 'idle') {
    await request.body?.cancel().catch(() => {});
    throw bodyTimeout(timeoutMs);
  }
  return new Uint8Array(result);
}

interface IdleWatchdog {
  /** Resolves once no progress was reported for the timeout. */
  readonly idle: Promise<'idle'>;
  readonly timeoutMs: number;
  progress(): void;
  stop(): void;
}

/** One timer for a whole read: when it fires early (progress since), it re-arms for the rest. */
function idleWatchdog(timeoutMs: number): IdleWatchdog {
  let last = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let fire: (value: 'idle') => void = () => {};
  const idle = new Promise<'idle'>((resolve) => (fire = resolve));
  const arm = (ms: number): void => {
    timer = setTimeout(() => {
      const quiet = Date.now() - last;
      if (quiet >= timeoutMs) fire('idle');
      else arm(timeoutMs - quiet);
    }, ms);
  };
  arm(timeoutMs);
  return {
    idle,
    timeoutMs,
    progress: () => void (last = Date.now()),
    stop: () => clearTimeout(timer),
  };
}

/** One read, raced against the watchdog; a failed read means the client went away. */
async function nextChunk(reader: ReadableStreamDefaultReader<Uint8Array>, watchdog: IdleWatchdog): Promise<ReadableStreamReadResult<Uint8Array>> {
  let result: ReadableStreamReadResult<Uint8Array> | 'idle';
  try {
    result = await Promise.race([reader.read(), watchdog.idle]);
  } catch {
    throw clientClosed();
  }
  if (result === 'idle') {
    await reader.cancel().catch(() => {});
    throw bodyTimeout(watchdog.timeoutMs);
  }
  watchdog.progress();
  return result;
}

function clientClosed(): GatewayError {
  return new GatewayError(499, 'client_closed_request', 'The client closed the connection before the request body was complete');
}

function bodyTimeout(timeoutMs: number): GatewayError {
  return new GatewayError(408, 'body_timeout', `The client sent no request body bytes for ${timeoutMs} ms`);
}

function tooLarge(limit: number): GatewayError {
  return new GatewayError(413, 'body_too_large', `Request body exceeds the limit of ${limit} bytes`, 'invalid_request_error');
}
