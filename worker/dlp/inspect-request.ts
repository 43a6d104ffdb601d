/**
 * The DLP request stage: scan every text part (Tiers 1-2, then Tier 3 when configured, then the
 * text across messages), block, redact into a rewritten body, or flag; and leave the call's
 * state (placeholders, hasher) for the response stage.
 */
import type { CallContext, Finding, RequestInspection } from '../core/index.js';
import type { TextPart } from '../protocol/index.js';
import { acrossMessages } from './across.js';
import { ScanBudget } from './budget.js';
import { DlpCallState } from './call-state.js';
import { formatPath, requestTextParts, setAtPath } from './extract.js';
import { DlpBlockedError, noticeFinding, type FindingHasher } from './findings.js';
import type { Redactor } from './redact.js';
import { resolveOverlaps, scanText, type Match } from './scan.js';
import { scannerFailed, summarise, type DlpStageContext } from './stage-context.js';
import { runTier3 } from './tier3.js';

interface ScannedRequest {
  /** The matches of each text part, in part order. */
  readonly perPart: Match[][];
  readonly findings: Finding[];
}

/**
 * Inspects one request body. Throws DlpBlockedError on block; a scanner failure refuses the call
 * or (on_error: pass) lets it through flagged as unscanned.
 * @example
 * const inspection = await inspectRequest(context, call, body, route.textParts(body));
 * inspection.rewrittenBody; // the body with [EMAIL_1] in place of the address, when redacted
 */
export async function inspectRequest(context: DlpStageContext, call: CallContext, body: Record<string, unknown>, protocolParts: readonly TextPart[]): Promise<RequestInspection> {
  const state = DlpCallState.fresh(context.options.salt, context.compiled.settings.redaction === 'reversible');
  try {
    const parts = requestTextParts(body, protocolParts);
    const { perPart, findings } = await scanRequest(context, call, parts, state.hasher);
    if (findings.some((f) => f.action === 'block')) throw new DlpBlockedError(findings, 'request');
    const rewrittenBody = redactParts(body, parts, perPart, state.redactor);
    const { redactor } = state;
    const { decision, headers } = summarise(findings);
    return {
      decision,
      findings,
      ...(rewrittenBody ? { rewrittenBody } : {}),
      ...(redactor.restores ? { restore: (text: string) => redactor.restore(text) } : {}),
      headers,
      callState: state,
    };
  } catch (error) {
    const notice = scannerFailed(context, 'request', call, error);
    return { decision: 'flag', findings: [notice], headers: { 'x-outpost-dlp': 'unscanned' }, callState: state };
  }
}

async function scanRequest(context: DlpStageContext, call: CallContext, parts: readonly TextPart[], hasher: FindingHasher): Promise<ScannedRequest> {
  const { compiled, options } = context;
  const { tier3 } = compiled.settings;
  const budget = new ScanBudget(compiled.scanBudgetUnits);
  let perPart = parts.map((p) => scanText(compiled, p.text, budget));
  const notices: Finding[] = [];
  if (options.tier3 && tier3.mode !== 'off') {
    const outcome = await runTier3(compiled, options.tier3, parts, perPart);
    if (outcome.budgetExceeded) {
      options.log?.warn(`DLP Tier 3 exceeded its ${tier3.budget_ms} ms budget on ${call.requestId} (${tier3.on_budget_exceeded})`);
      const notice = noticeFinding('TIER3_BUDGET_EXCEEDED', 'tier3.budget', 'request', 3);
      if (tier3.on_budget_exceeded === 'block') throw new DlpBlockedError([{ ...notice, action: 'block' }], 'request');
      notices.push(notice);
    }
    perPart = perPart.map((m, i) => (outcome.matches[i]!.length ? resolveOverlaps([...m, ...outcome.matches[i]!]) : m));
  }
  const findings = perPart.flatMap((m, i) => (m.length ? hasher.findings(m, parts[i]!.text, 'request', formatPath(parts[i]!.path)) : []));
  const across = acrossMessages(compiled, parts);
  if (across.matches.length) findings.push(...hasher.findings(across.matches, across.text, 'request', 'messages[*]'));
  return { perPart, findings: [...findings, ...notices] };
}

/** A copy of the body with every redacted part rewritten; undefined when nothing is redacted. */
function redactParts(body: Record<string, unknown>, parts: readonly TextPart[], perPart: readonly Match[][], redactor: Redactor): Record<string, unknown> | undefined {
  let rewrittenBody: Record<string, unknown> | undefined;
  perPart.forEach((matches, i) => {
    if (!matches.some((m) => m.action === 'redact')) return;
    rewrittenBody ??= structuredClone(body);
    setAtPath(rewrittenBody, parts[i]!.path, redactor.redact(parts[i]!.text, matches, true));
  });
  return rewrittenBody;
}
