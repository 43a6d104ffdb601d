/**
 * The pipe a relayed stream is written into: its readable side is the response body.
 *
 * In workerd, `IdentityTransformStream` is native on both sides, so the HTTP layer drains the
 * readable side without a JavaScript promise round trip per chunk (a JS `ReadableStream` with a
 * `pull` callback costs one per chunk, on top of the relay's own). Deno and Node have no such
 * class; there a standard identity `TransformStream` does the same job.
 */

/** workerd's native byte pipe (not in the DOM typings). */
type IdentityPipeClass = new () => { readonly readable: ReadableStream<Uint8Array>; readonly writable: WritableStream<Uint8Array> };

const NativePipe = (globalThis as { IdentityTransformStream?: IdentityPipeClass }).IdentityTransformStream;

/** Bytes queued behind a write in flight before the relay stops reading upstream (backpressure). */
const MAX_QUEUED_BYTES = 64 * 1024;

/** One chunk of all of `parts` (no copy when there is one). */
function joined(parts: readonly Uint8Array[], bytes: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(bytes);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/**
 * Where relayed bytes go. One write is in flight at a time; what is relayed meanwhile is queued
 * and goes out as one chunk when it completes. Each chunk handed to the HTTP layer costs the
 * runtime a socket write whatever its size, so upstream chunks that arrive while the client's
 * side is busy are coalesced, without delaying any byte (a write starts as soon as none is in
 * flight).
 */
export class PipeSink {
  readonly readable: ReadableStream<Uint8Array>;
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;
  private queue: Uint8Array[] = [];
  private queued = 0;
  private writing = false;
  private closed = false;
  private waiters: (() => void)[] = [];
  /** The client went away (the readable side was cancelled or a write failed). */
  gone = false;

  /**
   * @example
   * const sink = new PipeSink(() => relay.cancel());
   * sink.write(bytes); sink.close();
   * return new Response(sink.readable);
   */
  constructor(private readonly onGone: () => void) {
    const pipe = NativePipe ? new NativePipe() : new TransformStream<Uint8Array, Uint8Array>();
    this.readable = pipe.readable;
    this.writer = pipe.writable.getWriter();
    this.writer.closed.catch(this.lost);
  }

  private readonly lost = (): void => {
    if (this.gone) return;
    this.gone = true;
    this.queue = [];
    this.queued = 0;
    this.wake();
    if (!this.closed) this.onGone();
  };

  write(chunk: Uint8Array): void {
    if (this.gone || this.closed || !chunk.byteLength) return;
    this.queue.push(chunk);
    this.queued += chunk.byteLength;
    if (!this.writing) this.pump();
  }

  /** Closes the client's side once everything queued is written. */
  close(): void {
    if (this.gone || this.closed) return;
    this.closed = true;
    if (!this.writing) this.writer.close().catch(() => {});
  }

  /** Resolves when fewer than MAX_QUEUED_BYTES wait behind the write in flight (never rejects). */
  room(): Promise<void> | undefined {
    if (this.queued < MAX_QUEUED_BYTES || this.gone) return undefined;
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private pump(): void {
    this.writing = true;
    const chunk = joined(this.queue, this.queued);
    this.queue = [];
    this.queued = 0;
    this.wake();
    this.writer.write(chunk).then(this.written, this.lost);
  }

  private readonly written = (): void => {
    if (this.queue.length && !this.gone) return this.pump();
    this.writing = false;
    if (this.closed && !this.gone) this.writer.close().catch(() => {});
  };

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
