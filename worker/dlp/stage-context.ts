/**
 * What the DLP request and response stages share for one compiled configuration: the compiled
 * rules, the stage options, and the fail-closed handling of a scanner failure.
 */
import { GatewayError, decisionOfFindings } from '../core/index.js';
import type { CallContext, Finding } from '../core/index.js';
import { ScanBudgetExceededError } from './budget.js';
import type { CompiledDlp } from './compile.js';
import { dlpUnavailable, noticeFinding } from './findings.js';
import type { Tier3Classifier } from './settings.js';

export interface DlpStageOptions {
  /** Per-deployment secret mixed into finding hashes. */
  readonly salt: string;
  readonly tier3?: Tier3Classifier;
  /** Warnings (fail-open passes, Tier 3 over budget). Never receives matched values. */
  readonly log?: { warn(message: string): void };
}

export interface DlpStageContext {
  readonly compiled: CompiledDlp;
  readonly options: DlpStageOptions;
}

/**
 * A scanner failed: on_error block refuses the call (throws); pass lets it through, recorded as
 * unscanned (returns the notice finding). A spent scan budget is always refused.
 * @example
 * catch (error) { findings.push(scannerFailed(context, 'response', call, error)); }
 */
export function scannerFailed(context: DlpStageContext, side: 'request' | 'response', call: CallContext, error: unknown): Finding {
  const { options } = context;
  if (error instanceof GatewayError) throw error;
  // A spent scan budget is never passed through: it is what a stalling input looks like.
  if (error instanceof ScanBudgetExceededError) {
    options.log?.warn(`DLP scan budget (${error.limit} units) exceeded on the ${side} of ${call.requestId}; refused`);
    throw dlpUnavailable(side);
  }
  if (context.compiled.settings.on_error !== 'pass') throw dlpUnavailable(side);
  options.log?.warn(`DLP could not scan the ${side} of ${call.requestId} (${(error as Error)?.name ?? 'error'}); passed unscanned (on_error: pass)`);
  return noticeFinding('DLP_UNSCANNED', 'dlp.on_error', side, 1);
}

/**
 * The decision and the x-outpost-dlp header of a set of findings, computed together in one pass.
 * @example
 * summarise([{ action: 'redact', … }, { action: 'flag', … }]); // { decision: 'redact', headers: { 'x-outpost-dlp': 'redacted,flagged' } }
 */
export function summarise(findings: readonly Finding[]): { decision: 'allow' | 'flag' | 'redact'; headers: Record<string, string> } {
  let redacted = false;
  let flagged = false;
  for (const f of findings) {
    if (f.action === 'redact') redacted = true;
    else if (f.action === 'flag') flagged = true;
  }
  const values = [redacted ? 'redacted' : '', flagged ? 'flagged' : ''].filter(Boolean);
  return {
    decision: decisionOfFindings(findings),
    headers: values.length ? { 'x-outpost-dlp': values.join(',') } : {},
  };
}
