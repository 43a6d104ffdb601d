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
  /** The stream's protocol: its terminal event and its in-stream error event. */
  readonly protocol: Protocol;
  readonly idleTimeoutMs: number;
  readonly maxBytes: number;
  readonly inspector: StreamInspector | null;
  /** Runs once at the end, before the terminal event is released; must not throw. */
  readonly onFinish: (outcome: StreamOutcome) => Promise<void>;
}

type Controller = ReadableStreamDefaultController<Uint8Array>;

const encoder = new TextEncoder();
/** How much of a line's start is kept: enough for the terminal markers, which open their line. */
const LINE_HEAD_CHARS = 1024;
const NEWLINE = 0x0a;

/** Bytes as Latin-1 characters, in one native call (callers pass at most LINE_HEAD_CHARS bytes). */
function latin1(bytes: Uint8Array): string {
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

/**
 * The start of the stream's last non-empty line, for the terminal-event test. Not a fixed-size
 * tail: Ollama's final line carries "done":true near its start and then the whole `context`
 * token array and the timings, thousands of characters that would push the marker out of any
 * short tail. Markers are ASCII, so a byte-wise decode is safe.
 */
class LastLine {
  private current = '';
  private lastComplete = '';

  push(chunk: Uint8Array): void {
    const lastBreak = chunk.lastIndexOf(NEWLINE);
    if (lastBreak < 0) {
      this.current = this.extend(this.current, chunk);
      return;
    }
    // The line being written now starts after the last break; the last complete non-empty line
    // is found walking back over the breaks of this chunk (SSE separates events by blank lines).
    const next = chunk.subarray(lastBreak + 1);
    let end = lastBreak;
    for (;;) {
      const start = chunk.lastIndexOf(NEWLINE, end - 1) + 1;
      const head = start === 0 ? this.extend(this.current, chunk.subarray(0, end)) : this.extend('', chunk.subarray(start, end));
      if (head.trim()) {
        this.lastComplete = head;
        break;
      }
      if (start === 0) break;
      end = start - 1;
    }
    this.current = this.extend('', next);
  }

  /** The last line that has content (the one still being written, if it has any). */
  text(): string {
    return this.current.trim() ? this.current : this.lastComplete;
  }

  private extend(head: string, bytes: Uint8Array): string {
    return head.length >= LINE_HEAD_CHARS ? head : head + latin1(bytes.subarray(0, LINE_HEAD_CHARS - head.length));
  }
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

/** The state of one relayed stream, and the steps that move it from upstream to client. */
class StreamRelay {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly watchdog: { touch(): void; stop(): void };
  private readonly lastLine = new LastLine();
  private bytesOut = 0;
  private bytesIn = 0;
  private finished = false;
  private idleExpired = false;
  /** A chunk ending in the terminal event, held until upstream closes and onFinish resolved. */
  private held: Uint8Array | null = null;

  constructor(
    upstream: ReadableStream<Uint8Array>,
    private readonly options: RelayOptions,
  ) {
    this.reader = upstream.getReader();
    this.watchdog = idleWatchdog(options.idleTimeoutMs, () => {
      this.idleExpired = true;
      void this.reader.cancel().catch(() => {});
    });
  }

  /**
   * Reads one upstream chunk; true when something was enqueued or the stream was closed. A chunk
   * is relayed without a promise of its own when its inspection answers at once (the DLP
   * inspector always does): only the read is awaited per chunk.
   */
  async pullOnce(controller: Controller): Promise<boolean> {
    try {
      const { done, value } = await this.reader.read();
      this.watchdog.touch();
      if (this.idleExpired) throw new GatewayError(504, 'upstream_stream_timeout', `Upstream sent nothing for ${this.options.idleTimeoutMs} ms; the stream was ended`, 'upstream_error');
      if (done) return await this.upstreamEnded(controller);
      const relayed = this.upstreamChunk(controller, value);
      return typeof relayed === 'boolean' ? relayed : await relayed;
    } catch (error) {
      return this.upstreamFailed(controller, error);
    }
  }

  /** The client went away. */
  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => {});
    await this.finish({ complete: false, error: undefined, clientAborted: true });
  }

  /** Upstream closed: the end is released once on record, or a truncated stream ends with an error. */
  private async upstreamEnded(controller: Controller): Promise<boolean> {
    const { inspector, protocol } = this.options;
    const rest = inspector ? await inspector.finish() : new Uint8Array(0);
    if (rest.byteLength) this.lastLine.push(rest);
    if (!protocol.isTerminal(this.lastLine.text())) {
      this.release(controller, this.held);
      this.release(controller, rest);
      await this.fail(controller, new GatewayError(502, 'upstream_stream_truncated', 'The upstream stream ended before its final event', 'upstream_error'));
      return true;
    }
    await this.finish({ complete: true, error: undefined, clientAborted: false }, (this.held?.byteLength ?? 0) + rest.byteLength);
    this.release(controller, this.held);
    this.release(controller, rest);
    controller.close();
    return true;
  }

  /** One upstream chunk, inspected: answered at once unless the size limit or the inspection needs a wait. */
  private upstreamChunk(controller: Controller, value: Uint8Array): boolean | Promise<boolean> {
    const { inspector, maxBytes } = this.options;
    this.bytesIn += value.byteLength;
    if (this.bytesIn > maxBytes) {
      return this.fail(controller, new GatewayError(502, 'upstream_response_too_large', `Upstream stream exceeds the limit of ${maxBytes} bytes`, 'upstream_error')).then(() => true);
    }
    // The DLP inspector answers synchronously: no await (and no microtask turn) per chunk for it.
    const pushed = inspector ? inspector.push(value) : value;
    return pushed instanceof Uint8Array ? this.relayInspected(controller, pushed) : pushed.then((out) => this.relayInspected(controller, out));
  }

  /** Relays an inspected chunk; a chunk ending in the terminal event is held. */
  private relayInspected(controller: Controller, out: Uint8Array): boolean {
    const { protocol } = this.options;
    if (!out.byteLength) return false;
    // Data after a held terminal event: it was not the end after all.
    const hadHeld = this.held !== null;
    this.release(controller, this.held);
    this.held = null;
    this.lastLine.push(out);
    if (protocol.isTerminal(this.lastLine.text())) {
      this.held = out;
      return hadHeld;
    }
    this.release(controller, out);
    return true;
  }

  /** A read, inspection or size failure: an error event, unless the terminal event already arrived. */
  private async upstreamFailed(controller: Controller, error: unknown): Promise<boolean> {
    if (this.held) {
      // The terminal event already arrived; a failure while closing does not undo it.
      await this.finish({ complete: true, error: undefined, clientAborted: false }, this.held.byteLength);
      this.release(controller, this.held);
      this.held = null;
      controller.close();
      return true;
    }
    const gatewayError =
      error instanceof GatewayError ? error : new GatewayError(502, 'upstream_stream_interrupted', 'The upstream connection failed in the middle of the stream', 'upstream_error');
    await this.fail(controller, gatewayError);
    return true;
  }

  /** Reports the outcome; `pendingBytes` are bytes about to be released after it (the held end). */
  private async finish(outcome: Omit<StreamOutcome, 'bytesOut'>, pendingBytes = 0): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.watchdog.stop();
    await this.options.onFinish({ ...outcome, bytesOut: this.bytesOut + pendingBytes });
  }

  /** Ends the stream with the protocol's error event, after the outcome is on record. */
  private async fail(controller: Controller, error: GatewayError): Promise<void> {
    await this.reader.cancel().catch(() => {});
    const event = encoder.encode(this.options.protocol.streamErrorEvent(error));
    this.bytesOut += event.byteLength;
    await this.finish({ complete: false, error, clientAborted: false });
    controller.enqueue(event);
    controller.close();
  }

  private release(controller: Controller, chunk: Uint8Array | null): void {
    if (chunk && chunk.byteLength) {
      this.bytesOut += chunk.byteLength;
      controller.enqueue(chunk);
    }
  }
}

/**
 * @example
 * const body = relayStream(upstream.body!, { protocol: OPENAI, idleTimeoutMs: 30000, maxBytes: 1 << 26, inspector: null, onFinish: record });
 * return new Response(body, { headers: { 'content-type': OPENAI.streamContentType } });
 */
export function relayStream(upstream: ReadableStream<Uint8Array>, options: RelayOptions): ReadableStream<Uint8Array> {
  const relay = new StreamRelay(upstream, options);
  return new ReadableStream<Uint8Array>(
    {
      // One pull must enqueue or close: a pull that returns empty-handed is not called again
      // by spec-compliant streams (Deno), so reading loops until there is something to send.
      async pull(controller) {
        for (;;) {
          if (await relay.pullOnce(controller)) return;
        }
      },
      cancel: () => relay.cancel(),
    },
    { highWaterMark: 0 },
  );
}
