/**
 * Decisions: what the policy and the DLP made of a call, and the inspection results that carry
 * them from the request stage to the response stage.
 */
import type { Finding } from './findings.js';

export type Decision = 'allow' | 'flag' | 'redact' | 'block' | 'error';

const STRICTNESS: Readonly<Record<Decision, number>> = { allow: 0, flag: 1, redact: 2, block: 3, error: 4 };

/**
 * The call's decision from two stages' (request and response): the stricter one, so that a
 * response redacted after a flagged request is on record as redacted, streamed or not.
 * @example
 * stricterDecision('flag', 'redact'); // 'redact'
 */
export function stricterDecision<D extends Decision>(a: D, b: D): D {
  return STRICTNESS[b] > STRICTNESS[a] ? b : a;
}

/** The decision a set of findings alone calls for (redact > flag > allow; a block never gets here). */
export function decisionOfFindings(findings: readonly { readonly action: string }[]): 'allow' | 'flag' | 'redact' {
  let decision: 'allow' | 'flag' | 'redact' = 'allow';
  for (const f of findings) {
    if (f.action === 'redact') return 'redact';
    decision = 'flag';
  }
  return decision;
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
  /**
   * What this inspection leaves for the response inspection of the same call (the DLP: its
   * reversible-redaction placeholders and finding hasher). The pipeline only carries it: the
   * engine that made it reads it (dlp/call-state.ts).
   */
  readonly callState?: object;
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
