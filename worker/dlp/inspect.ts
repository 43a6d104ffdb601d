/**
 * The pipeline stages DLP implements: inspect the request (block, redact, flag, Tier 3) and the
 * response (whole or streamed: scan, redact, restore the caller's values). Fails closed: a
 * scanner exception refuses the call unless the policy says on_error: pass.
 */
import { GatewayError } from '../pipeline/errors.js';
import { protocolNamed } from '../protocol/index.js';
import type { CallContext, Finding, InspectRequestStage, InspectResponseStage, RequestInspection, ResponseInspection, StreamInspector } from '../pipeline/types.js';
import type { TextPart } from '../protocol/index.js';
import type { CompiledDlp } from './compile.js';
import { HeldLogprobs, logprobsLists } from '../protocol/logprobs.js';
import { acrossMessages } from './across.js';
import { extractResponseParts, formatPath, isJsonStringField, requestTextParts, setAtPath } from './extract.js';
import { DlpBlockedError, FindingHasher, dlpUnavailable, noticeFinding } from './findings.js';
import { Redactor } from './redact.js';
import { ScanBudget, ScanBudgetExceededError } from './budget.js';
import { resolveOverlaps, scanText, type Match } from './scan.js';
import type { Tier3Classifier } from './settings.js';
import { DlpStreamInspector } from './stream.js';
import { runTier3 } from './tier3.js';

export interface DlpStageOptions {
  /** Per-deployment secret mixed into finding hashes. */
  readonly salt: string;
  readonly tier3?: Tier3Classifier;
  /** Warnings (fail-open passes, Tier 3 over budget). Never receives matched values. */
  readonly log?: { warn(message: string): void };
}

export interface DlpStages {
  readonly inspectRequest: InspectRequestStage;
  readonly inspectResponse: InspectResponseStage;
}

/** What a call's request inspection leaves for its response: the placeholders and the hasher. */
interface CallState {
  readonly redactor: Redactor;
  readonly hasher: FindingHasher;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function dlpHeader(findings: readonly Finding[]): Record<string, string> {
  const actions = new Set(findings.map((f) => f.action));
  const values = [actions.has('redact') ? 'redacted' : '', actions.has('flag') ? 'flagged' : ''].filter(Boolean);
  return values.length ? { 'x-outpost-dlp': values.join(',') } : {};
}

function decisionOf(findings: readonly Finding[]): 'allow' | 'flag' | 'redact' {
  if (findings.some((f) => f.action === 'redact')) return 'redact';
  return findings.length ? 'flag' : 'allow';
}

/**
 * @example
 * const dlp = compileDlp(policy.dlpFor(riskTier));
 * const { inspectRequest, inspectResponse } = createDlpStages(dlp, { salt: env.DLP_SALT, tier3: classifier });
 */
export function createDlpStages(compiled: CompiledDlp, options: DlpStageOptions): DlpStages {
  const settings = compiled.settings;
  const states = new WeakMap<RequestInspection, CallState>();

  /** on_error: block refuses the call; pass lets it through, recorded as unscanned. */
  const scannerFailed = (side: 'request' | 'response', call: CallContext, error: unknown): Finding => {
    if (error instanceof GatewayError) throw error;
    // A spent scan budget is never passed through: it is what a stalling input looks like.
    if (error instanceof ScanBudgetExceededError) {
      options.log?.warn(`DLP scan budget (${error.limit} units) exceeded on the ${side} of ${call.requestId}; refused`);
      throw dlpUnavailable(side);
    }
    if (settings.on_error !== 'pass') throw dlpUnavailable(side);
    options.log?.warn(`DLP could not scan the ${side} of ${call.requestId} (${(error as Error)?.name ?? 'error'}); passed unscanned (on_error: pass)`);
    return noticeFinding('DLP_UNSCANNED', 'dlp.on_error', side, 1);
  };

  async function scanRequest(call: CallContext, parts: readonly TextPart[], hasher: FindingHasher): Promise<{ perPart: Match[][]; findings: Finding[] }> {
    const budget = new ScanBudget(compiled.scanBudgetUnits);
    let perPart = parts.map((p) => scanText(compiled, p.text, budget));
    const notices: Finding[] = [];
    if (options.tier3 && settings.tier3.mode !== 'off') {
      const outcome = await runTier3(compiled, options.tier3, parts, perPart);
      if (outcome.budgetExceeded) {
        options.log?.warn(`DLP Tier 3 exceeded its ${settings.tier3.budget_ms} ms budget on ${call.requestId} (${settings.tier3.on_budget_exceeded})`);
        const notice = noticeFinding('TIER3_BUDGET_EXCEEDED', 'tier3.budget', 'request', 3);
        if (settings.tier3.on_budget_exceeded === 'block') throw new DlpBlockedError([{ ...notice, action: 'block' }], 'request');
        notices.push(notice);
      }
      perPart = perPart.map((m, i) => (outcome.matches[i]!.length ? resolveOverlaps([...m, ...outcome.matches[i]!]) : m));
    }
    const findings = (await Promise.all(perPart.map((m, i) => hasher.findings(m, parts[i]!.text, 'request', formatPath(parts[i]!.path))))).flat();
    const across = acrossMessages(compiled, parts);
    if (across.matches.length) findings.push(...(await hasher.findings(across.matches, across.text, 'request', 'messages[*]')));
    return { perPart, findings: [...findings, ...notices] };
  }

  const inspectRequest: InspectRequestStage = async (call, body, protocolParts) => {
    const hasher = new FindingHasher(options.salt);
    const redactor = new Redactor(settings.redaction === 'reversible');
    let inspection: RequestInspection;
    try {
      const parts = requestTextParts(body, protocolParts);
      const { perPart, findings } = await scanRequest(call, parts, hasher);
      if (findings.some((f) => f.action === 'block')) throw new DlpBlockedError(findings, 'request');
      let rewrittenBody: Record<string, unknown> | undefined;
      perPart.forEach((matches, i) => {
        if (!matches.some((m) => m.action === 'redact')) return;
        rewrittenBody ??= structuredClone(body);
        setAtPath(rewrittenBody, parts[i]!.path, redactor.redact(parts[i]!.text, matches, true));
      });
      inspection = {
        decision: decisionOf(findings),
        findings,
        ...(rewrittenBody ? { rewrittenBody } : {}),
        ...(redactor.restores ? { restore: (text: string) => redactor.restore(text) } : {}),
        headers: dlpHeader(findings),
      };
    } catch (error) {
      const notice = scannerFailed('request', call, error);
      inspection = { decision: 'flag', findings: [notice], headers: { 'x-outpost-dlp': 'unscanned' } };
    }
    states.set(inspection, { redactor, hasher });
    return inspection;
  };

  const stateOf = (request: RequestInspection): CallState =>
    states.get(request) ?? { redactor: new Redactor(false), hasher: new FindingHasher(options.salt) };

  async function whole(call: CallContext, body: Uint8Array, _contentType: string, request: RequestInspection): Promise<ResponseInspection> {
    const { redactor, hasher } = stateOf(request);
    if (!settings.scan_response && !redactor.restores) return { decision: 'allow', findings: [] };
    try {
      const text = decoder.decode(body);
      const { root, parts } = extractResponseParts(text);
      const findings: Finding[] = [];
      let changed = false;
      const rewritten: string[] = [];
      for (const part of parts) {
        const matches = settings.scan_response ? scanText(compiled, part.text) : [];
        findings.push(...(await hasher.findings(matches, part.text, 'response', formatPath(part.path))));
        rewritten.push(redactor.restore(redactor.redact(part.text, matches, false), isJsonStringField(part.path)));
      }
      // Logprobs tokens as texts: a value split over tokens is found, and masked in every rank.
      const logprobs = settings.scan_response ? logprobsLists(root) : [];
      for (const { path, holder, list } of logprobs) {
        const held = new HeldLogprobs();
        const texts = held.hold(holder[list] as unknown[]);
        const ranges = await Promise.all(
          texts.map(async (text, rank) => {
            const matches = scanText(compiled, text);
            findings.push(...(await hasher.findings(matches, text, 'response', rank ? `${path}[].top_logprobs[${rank - 1}].token` : `${path}[].token`)));
            return matches.filter((m) => m.action === 'redact').map((m) => [m.start, m.end] as const);
          }),
        );
        const masked = held.release((rank) => ({ offset: Infinity, redacted: ranges[rank] ?? [] }), true);
        if (JSON.stringify(masked) !== JSON.stringify(holder[list])) {
          holder[list] = masked;
          changed = true;
        }
      }
      if (findings.some((f) => f.action === 'block')) throw new DlpBlockedError(findings, 'response');
      parts.forEach((part, i) => {
        if (rewritten[i] === part.text) return;
        changed = true;
        if (root === null) return;
        // A logprobs list rewritten above is already masked; its single tokens are not set again.
        if (logprobs.some((l) => l.path === formatPath(part.path.slice(0, 4)))) return;
        setAtPath(root, part.path, rewritten[i]!);
      });
      const newBody = !changed ? undefined : root === null ? encoder.encode(rewritten[0]!) : encoder.encode(JSON.stringify(root));
      return { decision: decisionOf(findings), findings, ...(newBody ? { body: newBody } : {}) };
    } catch (error) {
      return { decision: 'flag', findings: [scannerFailed('response', call, error)] };
    }
  }

  function stream(call: CallContext, request: RequestInspection): StreamInspector | null {
    const { redactor, hasher } = stateOf(request);
    if (!settings.scan_response && !redactor.restores) return null;
    const inspector = new DlpStreamInspector({ compiled, codec: protocolNamed(call.protocol).streamCodec(), redactor, hasher, scan: settings.scan_response });
    return failClosedStream(inspector, call, scannerFailed);
  }

  return { inspectRequest, inspectResponse: { whole, stream } };
}

/**
 * Wraps a stream inspector so a scanner exception mid-stream either ends the stream with
 * dlp_unavailable or (on_error: pass) relays the rest unscanned, recorded as such.
 */
function failClosedStream(
  inner: DlpStreamInspector,
  call: CallContext,
  scannerFailed: (side: 'response', call: CallContext, error: unknown) => Finding,
): StreamInspector {
  let passing = false;
  const extra: Finding[] = [];
  const guard = async (run: () => Promise<Uint8Array>, raw: Uint8Array): Promise<Uint8Array> => {
    if (passing) return raw;
    try {
      return await run();
    } catch (error) {
      extra.push(scannerFailed('response', call, error));
      passing = true;
      return raw;
    }
  };
  return {
    push: (chunk) => guard(() => inner.push(chunk), chunk),
    finish: () => guard(() => inner.finish(), new Uint8Array(0)),
    get findings() {
      return [...inner.findings, ...extra];
    },
  };
}
