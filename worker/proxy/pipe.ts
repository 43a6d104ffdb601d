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

/**
 * Where relayed bytes go. Writes are not awaited one by one: at most one is in flight while
 * the next upstream read is under way (`settled()` before the next batch), which keeps
 * backpressure from a slow client without a round trip per write.
 */
export class PipeSink {
  readonly readable: ReadableStream<Uint8Array>;
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;
  private inFlight: Promise<void> = Promise.resolve();
  private closed = false;
  /** The client went away (the readable side was cancelled or the write failed). */
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
    if (this.gone || this.closed) return;
    this.gone = true;
    this.onGone();
  };

  write(chunk: Uint8Array): void {
    if (this.gone || this.closed || !chunk.byteLength) return;
    this.inFlight = this.writer.write(chunk).catch(this.lost);
  }

  close(): void {
    if (this.gone || this.closed) return;
    this.closed = true;
    this.writer.close().catch(() => {});
  }

  /** Resolves once the last write was taken by the reader (never rejects). */
  settled(): Promise<void> {
    return this.inFlight;
  }
}
