/**
 * The shapes of protocol/: what a route is, what a Protocol object holds (one per API, as Portkey
 * keeps one config per provider and Envoy one translator per protocol pair), and the contract
 * between a protocol's stream codec and whoever judges the text it finds (the DLP).
 */
import type { GatewayError, ProtocolName, TextPart } from '../core/index.js';
import type { TargetKind } from '../config/index.js';
import type { DecidedText } from './logprobs.js';

export type StreamFraming = 'sse' | 'ndjson';

// The API names and text parts live in core/ (the call context and the DLP use them too).
export type { ProtocolName, TextPart } from '../core/index.js';

/** A model-calling route: what it accepts and where it goes upstream. */
export interface ModelRoute {
  /** Stable id used in audit events and metrics, e.g. 'openai.chat'. */
  readonly id: string;
  readonly protocol: ProtocolName;
  readonly path: string;
  /** The path on the upstream server (same protocol as the route). */
  readonly upstreamPath: string;
  /** Returns a problem with the body, or null when it is well-formed. */
  validate(body: Record<string, unknown>): string | null;
  /** Whether this body asks for a streamed response. */
  wantsStream(body: Record<string, unknown>): boolean;
  /** Every piece of caller-supplied text in the body, in order. */
  textParts(body: Record<string, unknown>): TextPart[];
}

/** One model of the gateway's merged list, as a protocol renders it. */
export interface ModelListing {
  readonly id: string;
  /** The target that serves it (OpenAI's `owned_by`). */
  readonly ownedBy: string;
  /** The protocol of the upstream that listed it, when one did. */
  readonly source: ProtocolName | undefined;
  /** The upstream's own entry (Ollama tag details), when it gave one. */
  readonly upstream: Record<string, unknown> | undefined;
}

/** How a protocol lists models, upstream and to the client. */
export interface ModelListShape {
  /** Where an upstream of this protocol lists its models (and where the gateway answers). */
  readonly path: string;
  /** The entries of an upstream's list body (unknown shapes give none). */
  entries(body: unknown): Record<string, unknown>[];
  /** The gateway's merged list, as this protocol's body. */
  render(models: readonly ModelListing[]): unknown;
}

/** A streamed text field whose text continues from event to event (a choice's content). */
export interface StreamChannel {
  /** Identity across events, e.g. `0:content`, `0:tool:1`. */
  readonly key: string;
  /** Where it is, for findings: `choices[0].delta.content`. */
  readonly path: string;
  /** The text is JSON inside a string (tool-call arguments): restored values are escaped. */
  readonly jsonString: boolean;
}

/**
 * What a stream codec asks of the judge of its text (the DLP's hold-back window). Every
 * client-visible string of an event goes through one of these, or the event is refused.
 */
export interface StreamText {
  /** Appends `delta` to the channel; returns the text that may be sent now (all of it when `final`). */
  feed(channel: StreamChannel, delta: string, final: boolean): string;
  /** Whether the channel has been fed before. */
  has(key: string): boolean;
  /** A string that arrives whole (a tool's name): returns it as it may be sent. */
  whole(text: string, path: string): string;
  /** Releases (final) what every channel whose key starts with `prefix` still holds, in first-fed order. */
  releaseHeld(prefix: string): { readonly key: string; readonly text: string }[];
  /** What has been decided of a channel's text (offset Infinity when it was never fed). */
  decided(key: string): DecidedText;
}

/** Complete frames split off a stream buffer, each with the separator that ended it. */
export interface SplitFrames {
  readonly frames: readonly { readonly raw: string; readonly end: string }[];
  readonly rest: string;
}

/**
 * A protocol's stream, event by event: framing, parsing, the strings of each event, writing
 * released text back, the terminal event and the synthesised events that carry held-back text.
 * One codec per response: it remembers the last event's identity fields.
 */
export interface StreamCodec {
  /** Splits complete frames off `buffer` (all of it when `atEnd`); throws on framing it refuses. */
  split(buffer: string, atEnd: boolean): SplitFrames;
  /**
   * The frame as the client may receive it now, every string judged through `text`; '' for a
   * frame that is not blank drops it (all it carries is held), separator and all.
   */
  rewrite(raw: string, text: StreamText): string;
  /** Events carrying everything still held (before the terminal event, or when upstream just stopped). */
  flush(text: StreamText): string;
}

/** One API surface: everything Outpost knows about its wire format. */
export interface Protocol {
  readonly name: ProtocolName;
  /** The model-calling routes. */
  readonly routes: readonly ModelRoute[];
  /** The model-list route (GET, no body): route id 'models.list' in policies, audit and metrics. */
  readonly listRoute: ModelRoute;
  readonly models: ModelListShape;
  readonly framing: StreamFraming;
  /** Content type of a streamed response; also the Accept sent upstream for one. */
  readonly streamContentType: string;
  /**
   * The target kinds this API's routes reach. OpenAI-compatible routes reach both (Ollama serves
   * the OpenAI API under /v1); Ollama's routes need an Ollama target: an OpenAI-kind server (vLLM)
   * has no /api/chat, and forwarding would only relay its 404.
   */
  readonly targetKinds: readonly TargetKind[];
  /** Whether a request path belongs to this API (error shapes for unknown paths). */
  ownsPath(path: string): boolean;
  /** The error body in the protocol's own shape. */
  errorBody(error: GatewayError): unknown;
  /** The bytes of a terminating in-stream error event, in the protocol's framing. */
  streamErrorEvent(error: GatewayError): string;
  /** Whether the stream's last non-empty line (its first KiB: proxy/stream.ts) is the terminal event. */
  isTerminal(lastLine: string): boolean;
  /** A new codec for one streamed response. */
  streamCodec(): StreamCodec;
}
