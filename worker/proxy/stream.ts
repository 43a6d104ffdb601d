/**
 * Relays a streamed upstream response (SSE or NDJSON) chunk by chunk, without waiting for the
 * whole body and without delaying the first byte.
 *
 * Guarantees to the client:
 * - an upstream that dies, stalls past the idle timeout, exceeds the size limit or ends without
 *   its terminal event ('data: [DONE]' / '"done":true') yields a terminating error event, never
 *   a silently truncated success;
 * - the terminal event itself is held until `onFinish` (the audit commit) resolves, so a client
 *   sees the end of its stream only once the call is on record.
 */
import type { Protocol } from '../protocol/index.js';
import { streamErrorEvent } from '../protocol/index.js';
import { GatewayError } from '../core/index.js';
import type { StreamInspector } from '../core/index.js';

export interface StreamOutcome {
  /** True when upstream reached its terminal event and nothing failed. */
  readonly complete: boolean;
  readonly bytesOut: number;
  /** The error sent to the client, if the stream ended with one. */
  readonly error: GatewayError | undefined;
  /** The client went away before the end. */
  readonly clientAborted: boolean;
}

export interface RelayOptions {
  readonly protocol: Protocol;
  readonly idleTimeoutMs: number;
  readonly maxBytes: number;
  readonly inspector: StreamInspector | null;
  /** Runs once at the end, before the terminal event is released; must not throw. */
  readonly onFinish: (outcome: StreamOutcome) => Promise<void>;
}

const encoder = new TextEncoder();
const TAIL_CHARS = 64;

/** Whether the tail of a stream shows its protocol's terminal event. */
function isTerminal(protocol: Protocol, tail: string): boolean {
  if (protocol === 'openai') return /data:\s*\[DONE\]\s*$/.test(tail);
  return /"done"\s*:\s*true[^\n]*\n?\s*$/.test(tail);
}

/** The last `TAIL_CHARS` characters of the stream so far (markers are ASCII, so byte-wise decode is safe). */
function appendTail(tail: string, chunk: Uint8Array): string {
  const slice = chunk.byteLength > TAIL_CHARS ? chunk.subarray(chunk.byteLength - TAIL_CHARS) : chunk;
  let text = '';
  for (let i = 0; i < slice.byteLength; i++) text += String.fromCharCode(slice[i]!);
  return (tail + text).slice(-TAIL_CHARS);
}

/**
 * Ends an upstream read that waits longer than `ms` since the last chunk. One timer per idle
 * period rather than one per chunk: timers are not free in workerd, and streams have many chunks.
 */
function idleWatchdog(ms: number, onIdle: () => void): { touch(): void; stop(): void } {
  let last = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    const idle = Date.now() - last;
    if (idle >= ms) onIdle();
    else timer = setTimeout(check, ms - idle);
  };
  timer = setTimeout(check, ms);
  return {
    touch: () => void (last = Date.now()),
    stop: () => clearTimeout(timer),
  };
}

/**
 * @example
 * const body = relayStream(upstream.body!, { protocol: 'openai', idleTimeoutMs: 30000, maxBytes: 1 << 26, inspector: null, onFinish: record });
 * return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
 */
export function relayStream(upstream: ReadableStream<Uint8Array>, options: RelayOptions): ReadableStream<Uint8Array> {
  const reader = upstream.getReader();
  const { protocol, inspector } = options;
  let tail = '';
  let bytesOut = 0;
  let bytesIn = 0;
  let finished = false;
  let idleExpired = false;
  const watchdog = idleWatchdog(options.idleTimeoutMs, () => {
    idleExpired = true;
    void reader.cancel().catch(() => {});
  });

  /** Reports the outcome; `pendingBytes` are bytes about to be released after it (the held end). */
  const finish = async (outcome: Omit<StreamOutcome, 'bytesOut'>, pendingBytes = 0): Promise<void> => {
    if (finished) return;
    finished = true;
    watchdog.stop();
    await options.onFinish({ ...outcome, bytesOut: bytesOut + pendingBytes });
  };

  const fail = async (controller: ReadableStreamDefaultController<Uint8Array>, error: GatewayError): Promise<void> => {
    await reader.cancel().catch(() => {});
    const event = encoder.encode(streamErrorEvent(protocol, error));
    bytesOut += event.byteLength;
    await finish({ complete: false, error, clientAborted: false });
    controller.enqueue(event);
    controller.close();
  };

  // A chunk ending in the terminal event, held until upstream closes and onFinish resolved.
  let held: Uint8Array | null = null;
  const release = (controller: ReadableStreamDefaultController<Uint8Array>, chunk: Uint8Array | null): void => {
    if (chunk && chunk.byteLength) {
      bytesOut += chunk.byteLength;
      controller.enqueue(chunk);
    }
  };

  return new ReadableStream<Uint8Array>(
    {
      // One pull must enqueue or close: a pull that returns empty-handed is not called again
      // by spec-compliant streams (Deno), so reading loops until there is something to send.
      async pull(controller) {
        for (;;) {
          if (await pullOnce(controller)) return;
        }
      },
      async cancel() {
        await reader.cancel().catch(() => {});
        await finish({ complete: false, error: undefined, clientAborted: true });
      },
    },
    { highWaterMark: 0 },
  );

  /** Reads one upstream chunk; true when something was enqueued or the stream was closed. */
  async function pullOnce(controller: ReadableStreamDefaultController<Uint8Array>): Promise<boolean> {
    try {
      const { done, value } = await reader.read();
      watchdog.touch();
      if (idleExpired) throw new GatewayError(504, 'upstream_stream_timeout', `Upstream sent nothing for ${options.idleTimeoutMs} ms; the stream was ended`, 'upstream_error');
      if (done) {
        const rest = inspector ? await inspector.finish() : new Uint8Array(0);
        if (rest.byteLength) tail = appendTail(tail, rest);
        if (!isTerminal(protocol, tail)) {
          release(controller, held);
          release(controller, rest);
          await fail(controller, new GatewayError(502, 'upstream_stream_truncated', 'The upstream stream ended before its final event', 'upstream_error'));
          return true;
        }
        await finish({ complete: true, error: undefined, clientAborted: false }, (held?.byteLength ?? 0) + rest.byteLength);
        release(controller, held);
        release(controller, rest);
        controller.close();
        return true;
      }
      bytesIn += value.byteLength;
      if (bytesIn > options.maxBytes) {
        await fail(controller, new GatewayError(502, 'upstream_response_too_large', `Upstream stream exceeds the limit of ${options.maxBytes} bytes`, 'upstream_error'));
        return true;
      }
      const out = inspector ? await inspector.push(value) : value;
      if (!out.byteLength) return false;
      // Data after a held terminal event: it was not the end after all.
      const hadHeld = held !== null;
      release(controller, held);
      held = null;
      tail = appendTail(tail, out);
      if (isTerminal(protocol, tail)) {
        held = out;
        return hadHeld;
      }
      release(controller, out);
      return true;
    } catch (error) {
      const gatewayError =
        error instanceof GatewayError
          ? error
          : new GatewayError(502, 'upstream_stream_interrupted', 'The upstream connection failed in the middle of the stream', 'upstream_error');
      if (held) {
        // The terminal event already arrived; a failure while closing does not undo it.
        await finish({ complete: true, error: undefined, clientAborted: false }, held.byteLength);
        release(controller, held);
        held = null;
        controller.close();
        return true;
      }
      await fail(controller, gatewayError);
      return true;
    }
  }
}
