/**
 * The ground floor: the types and the error every layer shares. Nothing here imports from
 * another worker/ folder except config/ types, so every folder may import from here.
 */
export type { ProtocolName, CallRoute, Caller, CallContext } from './call.js';
export type { AuditGeo } from './geo.js';
export type { TextPart } from './text.js';
export type { DlpTier, DlpAction, Finding } from './findings.js';
export type { Decision, RequestInspection, ResponseInspection, StreamInspector } from './decision.js';
export { decisionOfFindings, stricterDecision } from './decision.js';
export type { IdentifyStage, AuthorizeStage, InspectRequestStage, InspectResponseStage } from './stages.js';
export type { AppEnv, RequestFacts } from './env.js';
export { GatewayError, asGatewayError, type ErrorType } from './errors.js';
