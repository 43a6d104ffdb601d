/**
 * The contracts between pipeline stages. Each capability (policy, DLP, GeoIP, audit) implements
 * one of these and never reaches into another's internals.
 */
import type { CallContext, Caller } from './call.js';
import type { RequestInspection, ResponseInspection, StreamInspector } from './decision.js';
import type { TextPart } from './text.js';

/** Stage: establish the caller. Throws GatewayError(401) on a missing or bad credential. */
export type IdentifyStage = (request: Request, call: CallContext) => Promise<Caller>;

/** Stage: may this caller use this route and model? Throws GatewayError(403) naming what is missing. */
export type AuthorizeStage = (call: CallContext) => Promise<void> | void;

/** Stage: scan the request's text parts. Throws GatewayError on block. */
export type InspectRequestStage = (
  call: CallContext,
  body: Record<string, unknown>,
  parts: readonly TextPart[],
) => Promise<RequestInspection>;

/** Stage: scan a whole response or build a stream inspector. */
export interface InspectResponseStage {
  whole(call: CallContext, body: Uint8Array, contentType: string, request: RequestInspection): Promise<ResponseInspection>;
  /** Returns null when streamed responses need no inspection. */
  stream(call: CallContext, request: RequestInspection): StreamInspector | null;
}
