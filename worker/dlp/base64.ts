/**
 * Base64 runs of a plausible length, decoded once so that a card or key written in base64 inside a
 * prompt is still seen. Only runs that decode to mostly printable text are returned; images,
 * DER bodies and random tokens decode to binary and are skipped.
 */
import type { ScanBudget } from './budget.js';

export const BASE64_MIN_CHARS = 16;
export const BASE64_MAX_CHARS = 4096;

/** A run cannot start inside another run (lookbehind), so every character is examined once. */
const RUN = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{16,}={0,2}/g;
/** The same, tried only where a run starts. */
const RUN_AT = new RegExp(RUN.source, 'y');

export interface DecodedRun {
  readonly start: number;
  readonly end: number;
  readonly decoded: string;
}

function printableShare(s: string): number {
  let printable = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 32 && c < 127) || c === 9 || c === 10 || c === 13) printable++;
  }
  return printable / s.length;
}

/**
 * @example
 * base64Runs('card NDExMSAxMTExIDExMTEgMTExMQ==', budget); // [{ start: 5, end: 33, decoded: '4111 1111 1111 1111' }]
 * base64Runs(text, budget, candidates.base64); // the same, reading only where candidates.ts saw runs
 */
export function base64Runs(text: string, budget: ScanBudget, starts?: { readonly starts: Int32Array; readonly count: number }): DecodedRun[] {
  const runs: DecodedRun[] = [];
  if (starts) {
    // Where the candidate pass (candidates.ts) saw runs of 16 or more: the same runs, read in place.
    for (let k = 0; k < starts.count; k++) {
      RUN_AT.lastIndex = starts.starts[k]!;
      const m = RUN_AT.exec(text);
      if (m !== null) decodeRun(m[0], m.index, budget, runs);
    }
    return runs;
  }
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) decodeRun(m[0], m.index, budget, runs);
  return runs;
}

/** Decodes one run and keeps it when it reads as text. */
function decodeRun(value: string, index: number, budget: ScanBudget, runs: DecodedRun[]): void {
  if (value.length > BASE64_MAX_CHARS) return;
  // Plain words and identifiers are not base64 worth decoding: require a digit or mixed case.
  if (!/[0-9+/=]/.test(value) || !/[A-Z]/.test(value) || !/[a-z]/.test(value)) return;
  let body = value.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  body = body.slice(0, body.length - (body.length % 4 === 1 ? 1 : 0));
  let decoded: string;
  try {
    decoded = atob(body + '='.repeat((4 - (body.length % 4)) % 4));
  } catch {
    return;
  }
  budget.charge(decoded.length);
  if (decoded.length < 8 || printableShare(decoded) < 0.9) return;
  runs.push({ start: index, end: index + value.length, decoded });
}
