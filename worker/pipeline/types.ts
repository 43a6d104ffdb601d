/**
 * The contracts between pipeline stages. Each capability (policy, DLP, GeoIP, audit) implements
 * one of the stage interfaces below and never reaches into another's internals.
 *
 *   parse -> identify -> authorize -> inspect request -> forward -> inspect response -> record
 */
import type { TargetConfig } from '../config/index.js';
import type { ModelRoute, ProtocolName, TextPart } from '../protocol/index.js';
import type { AuditGeo } from '../audit/event.js';

/** Who is calling, as established by the identify stage. */
export interface Caller {
  /** 'anonymous' when the policy says no authentication. */
  readonly subject: string;
  readonly groups: readonly string[];
  readonly scopes: readonly string[];
  readonly method: 'none' | 'api_key' | 'jwt';
  /** JWT issuer, when method is jwt. */
  readonly issuer?: string;
}

/** What the pipeline knows about one call, filled in stage by stage. */
export interface CallContext {
  readonly requestId: string;
  readonly route: ModelRoute;
  readonly protocol: ProtocolName;
  /** Epoch milliseconds when the request arrived. */
  readonly receivedAt: number;
  /** The socket peer. */
  readonly peerAddress: string | undefined;
  /** The client address after trusted-proxy resolution (equals peerAddress without proxies). */
  clientIp: string | undefined;
  /** GeoIP fields of clientIp (address class only for private/reserved addresses); audit-only. */
  geo?: AuditGeo | undefined;
  caller: Caller | undefined;
  model: string | undefined;
  /** The model as monitoring may show it: the name once it passed the DLP, else a salted hash. */
  recordedModel?: string | undefined;
  target: TargetConfig | undefined;
  /** Version of the policy bundle that judged this call (one bundle per call). */
  policyVersion: string | undefined;
  /** Risk tier of the model, from the policy bundle. */
  riskTier: string | undefined;
}

export type DlpTier = 1 | 2 | 3;
export type DlpAction = 'block' | 'redact' | 'flag';
export type Decision = 'allow' | 'flag' | 'redact' | 'block' | 'error';

/** One DLP hit. Never carries the matched value: only where it was and a salted hash of it. */
export interface Finding {
  /** Entity type, e.g. EMAIL, CREDIT_CARD, AWS_ACCESS_KEY, CLASSIFICATION_MARKING. */
  readonly type: string;
  /** Detector or rule id, e.g. 'tier1.credit_card' or 'custom.project-x'. */
  readonly rule: string;
  readonly tier: DlpTier;
  readonly score: number;
  /** JavaScript string offsets in the text part (end exclusive). */
  readonly start: number;
  readonly end: number;
  /** Salted SHA-256 of the matched value (hex, truncated), for correlation without disclosure. */
  readonly hash: string;
  /** Where the text was: 'request' or 'response', and the JSON path inside the body. */
  readonly location?: { readonly side: 'request' | 'response'; readonly path: string };
  /** The action the policy assigned to this finding. */
  readonly action: DlpAction;
}

/** The outcome of inspecting the request body. */
export interface RequestInspection {
  readonly decision: Exclude<Decision, 'error'>;
  readonly findings: readonly Finding[];
  /** The body to forward, when inspection rewrote it (redaction); absent: forward the original bytes. */
  readonly rewrittenBody?: Record<string, unknown>;
  /** Restores caller values in response text (reversible redaction). */
  readonly restore?: (text: string) => string;
  /** Response headers to add (e.g. x-outpost-dlp: flagged). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Inspects and may rewrite a streamed response, event payload by event payload. */
export interface StreamInspector {
  /** Takes raw upstream bytes, returns bytes to send now (may hold some back). Throws GatewayError to block. */
  push(chunk: Uint8Array): Uint8Array | Promise<Uint8Array>;
  /** Upstream finished: returns whatever was held back. */
  finish(): Uint8Array | Promise<Uint8Array>;
  readonly findings: readonly Finding[];
}

/** The outcome of inspecting a whole (non-streamed) response body. */
export interface ResponseInspection {
  readonly decision: Exclude<Decision, 'error'>;
  readonly findings: readonly Finding[];
  /** Replacement body bytes, when inspection rewrote the response. */
  readonly body?: Uint8Array;
}

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

/** Stage: make the call's audit event durable. Resolves only after commit. */
export type RecordStage = (event: import('../audit/event.js').AuditEvent) => Promise<void>;
