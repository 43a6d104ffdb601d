/**
 * The call context: what the pipeline knows about one call, filled in stage by stage
 * (parse -> identify -> authorize -> inspect request -> forward -> inspect response -> record).
 */
import type { TargetConfig } from '../config/index.js';
import type { AuditGeo } from './geo.js';

/** The APIs the gateway serves; protocol/ holds everything else about them. */
export type ProtocolName = 'openai' | 'ollama';

/** What stages may know of the route a call came in on (protocol/ has the full ModelRoute). */
export interface CallRoute {
  /** Stable id used in audit events, metrics and policy rules, e.g. 'openai.chat'. */
  readonly id: string;
  readonly protocol: ProtocolName;
  readonly path: string;
}

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
  readonly route: CallRoute;
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
  /** Projects mode: the project whose policy judges the call (absent in standalone mode). */
  readonly project?: string;
}
