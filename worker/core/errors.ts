/**
 * The one error type the pipeline throws at clients. Each protocol renders it in its own shape
 * (protocol/openai.ts, protocol/ollama.ts); nothing else, and never a stack trace, reaches a client.
 *
 * @example
 * throw new GatewayError(404, 'model_not_found', 'The model "x" is not served by this gateway', 'invalid_request_error');
 */
export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'policy_violation'
  | 'upstream_error'
  | 'server_error'
  | 'unavailable';

export class GatewayError extends Error {
  override name = 'GatewayError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly type: ErrorType = status >= 500 ? 'server_error' : 'invalid_request_error',
    /** Extra fields for the error object (e.g. the DLP rule ids that blocked a request). */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

/** Turns anything thrown into a GatewayError without leaking internals. */
export function asGatewayError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  return new GatewayError(500, 'internal_error', 'The gateway hit an internal error; see its log for the request id', 'server_error');
}
