/**
 * The DLP response stage: a whole response (scan and redact every string the client receives,
 * logprobs tokens included, and restore the caller's values), or a stream inspector that does the
 * same event by event. Both take the call's state from the request stage (call-state.ts).
 */
import type { CallContext, Finding, RequestInspection, ResponseInspection, StreamInspector } from '../core/index.js';
import { protocolNamed } from '../protocol/index.js';
import type { TextPart } from '../protocol/index.js';
import { DlpCallState } from './call-state.js';
import { extractResponseParts, formatPath, isJsonStringField, setAtPath } from './extract.js';
import { DlpBlockedError } from './findings.js';
import { HeldLogprobs, logprobsLists } from '../protocol/logprobs.js';
import { scanText } from './scan.js';
import { scannerFailed, summarise, type DlpStageContext } from './stage-context.js';
import { DlpStreamInspector } from './stream.js';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

type LogprobsList = ReturnType<typeof logprobsLists>[number];

/**
 * Inspects a whole response body. Throws DlpBlockedError on block.
 * @example
 * const out = await inspectWholeResponse(context, call, bytes, request);
 * out.body; // the rewritten bytes, when a value was redacted or restored
 */
export async function inspectWholeResponse(context: DlpStageContext, call: CallContext, body: Uint8Array, request: RequestInspection): Promise<ResponseInspection> {
  const { settings } = context.compiled;
  const state = DlpCallState.of(request, context.options.salt);
  if (!settings.scan_response && !state.redactor.restores) return { decision: 'allow', findings: [] };
  try {
    const { root, parts } = extractResponseParts(decoder.decode(body));
    const findings: Finding[] = [];
    const rewritten = rewriteParts(context, state, parts, findings);
    const logprobs = settings.scan_response ? logprobsLists(root) : [];
    let changed = maskLogprobs(context, state, logprobs, findings);
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
    return { decision: summarise(findings).decision, findings, ...(newBody ? { body: newBody } : {}) };
  } catch (error) {
    return { decision: 'flag', findings: [scannerFailed(context, 'response', call, error)] };
  }
}

/** Each part scanned (when scan_response), redacted and restored; returns the new texts, adds findings. */
function rewriteParts(context: DlpStageContext, { redactor, hasher }: DlpCallState, parts: readonly TextPart[], findings: Finding[]): string[] {
  const { compiled } = context;
  const rewritten: string[] = [];
  for (const part of parts) {
    const matches = compiled.settings.scan_response ? scanText(compiled, part.text) : [];
    if (matches.length) findings.push(...hasher.findings(matches, part.text, 'response', formatPath(part.path)));
    rewritten.push(redactor.restore(redactor.redact(part.text, matches, false), isJsonStringField(part.path)));
  }
  return rewritten;
}

/**
 * Logprobs tokens as texts: a value split over tokens is found, and masked in every rank. Rewrites
 * the lists in place; returns true when one changed, adds findings.
 */
function maskLogprobs(context: DlpStageContext, { hasher }: DlpCallState, logprobs: readonly LogprobsList[], findings: Finding[]): boolean {
  let changed = false;
  for (const { path, holder, list } of logprobs) {
    const held = new HeldLogprobs();
    const texts = held.hold(holder[list] as unknown[]);
    const ranges = texts.map((text, rank) => {
      const matches = scanText(context.compiled, text);
      findings.push(...hasher.findings(matches, text, 'response', rank ? `${path}[].top_logprobs[${rank - 1}].token` : `${path}[].token`));
      return matches.filter((m) => m.action === 'redact').map((m) => [m.start, m.end] as const);
    });
    const masked = held.release((rank) => ({ offset: Infinity, redacted: ranges[rank] ?? [] }), true);
    if (JSON.stringify(masked) !== JSON.stringify(holder[list])) {
      holder[list] = masked;
      changed = true;
    }
  }
  return changed;
}

/**
 * A stream inspector for the call, or null when streamed responses need no inspection.
 * @example
 * const inspector = inspectStreamedResponse(context, call, request);
 * const out = await inspector?.push(chunk);
 */
export function inspectStreamedResponse(context: DlpStageContext, call: CallContext, request: RequestInspection): StreamInspector | null {
  const { compiled } = context;
  const { redactor, hasher } = DlpCallState.of(request, context.options.salt);
  if (!compiled.settings.scan_response && !redactor.restores) return null;
  const inspector = new DlpStreamInspector({ compiled, codec: protocolNamed(call.protocol).streamCodec(), redactor, hasher, scan: compiled.settings.scan_response });
  return failClosedStream(context, inspector, call);
}

/**
 * Wraps a stream inspector so a scanner exception mid-stream either ends the stream with
 * dlp_unavailable or (on_error: pass) relays the rest unscanned, recorded as such.
 */
function failClosedStream(context: DlpStageContext, inner: DlpStreamInspector, call: CallContext): StreamInspector {
  let passing = false;
  const extra: Finding[] = [];
  // Synchronous, as the inner inspector is: no microtask turn per streamed chunk.
  const guard = (run: () => Uint8Array, raw: Uint8Array): Uint8Array => {
    if (passing) return raw;
    try {
      return run();
    } catch (error) {
      extra.push(scannerFailed(context, 'response', call, error));
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
