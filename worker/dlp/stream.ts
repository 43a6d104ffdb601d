/**
 * Streamed responses: the protocol's stream codec (protocol/) splits the upstream bytes into
 * events and lists every string the client would receive; the hold-back window (hold-back.ts)
 * judges each. Events are rewritten in place (the released text replaces the delta); an ordinary
 * content event whose text is all held is dropped (the codec answers ''), so the client gets an
 * event when there is text for it (and at least one a second: codecs keep the connection busy).
 * Held text goes out with the choice's finish event, before the terminal event, or at the end.
 */
import type { Finding, StreamInspector } from '../core/index.js';
import type { StreamCodec } from '../protocol/index.js';
import { HoldBackText, type HoldBackOptions } from './hold-back.js';

export { MAX_HOLD_CHARS } from './hold-back.js';

export interface StreamInspectorOptions extends HoldBackOptions {
  /** The response's codec: `protocol.streamCodec()`. */
  readonly codec: StreamCodec;
}

const encoder = new TextEncoder();

/**
 * @example
 * const inspector = new DlpStreamInspector({ compiled, codec: OPENAI.streamCodec(), redactor, hasher, scan: true });
 * const out = inspector.push(chunk); // the bytes the client may receive now
 */
export class DlpStreamInspector implements StreamInspector {
  private readonly decoder = new TextDecoder();
  private buffer = '';
  private readonly text: HoldBackText;
  private readonly codec: StreamCodec;

  constructor(options: StreamInspectorOptions) {
    this.codec = options.codec;
    this.text = new HoldBackText(options);
  }

  get findings(): Finding[] {
    return this.text.findings;
  }

  /** Synchronous: the relay need not wait a microtask turn per chunk. */
  push(chunk: Uint8Array): Uint8Array {
    this.buffer += this.decoder.decode(chunk, { stream: true });
    return encoder.encode(this.drain(false));
  }

  finish(): Uint8Array {
    this.buffer += this.decoder.decode();
    let out = this.drain(true);
    out += this.codec.flush(this.text);
    return encoder.encode(out);
  }

  /** Rewrites every complete frame (all of the buffer at the end). */
  private drain(atEnd: boolean): string {
    const { frames, rest } = this.codec.split(this.buffer, atEnd);
    this.buffer = rest;
    let out = '';
    for (const { raw, end } of frames) {
      const rewritten = this.codec.rewrite(raw, this.text);
      if (rewritten || !raw) out += rewritten + end;
    }
    return out;
  }
}
