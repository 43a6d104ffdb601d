/**
 * The pipeline stages DLP implements: inspect the request (block, redact, flag, Tier 3:
 * inspect-request.ts) and the response (whole or streamed: scan, redact, restore the caller's
 * values: inspect-response.ts). The call's state goes from one to the other explicitly, in
 * RequestInspection.callState (call-state.ts). Fails closed: a scanner exception refuses the call
 * unless the policy says on_error: pass (stage-context.ts).
 */
import type { InspectRequestStage, InspectResponseStage } from '../core/index.js';
import type { CompiledDlp } from './compile.js';
import { inspectRequest } from './inspect-request.js';
import { inspectStreamedResponse, inspectWholeResponse } from './inspect-response.js';
import type { DlpStageContext, DlpStageOptions } from './stage-context.js';

export type { DlpStageOptions } from './stage-context.js';

export interface DlpStages {
  readonly inspectRequest: InspectRequestStage;
  readonly inspectResponse: InspectResponseStage;
}

/**
 * @example
 * const dlp = compileDlp(policy.dlpFor(riskTier));
 * const { inspectRequest, inspectResponse } = createDlpStages(dlp, { salt, tier3: classifier });
 */
export function createDlpStages(compiled: CompiledDlp, options: DlpStageOptions): DlpStages {
  const context: DlpStageContext = { compiled, options };
  return {
    inspectRequest: (call, body, parts) => inspectRequest(context, call, body, parts),
    inspectResponse: {
      whole: (call, body, _contentType, request) => inspectWholeResponse(context, call, body, request),
      stream: (call, request) => inspectStreamedResponse(context, call, request),
    },
  };
}
