/**
 * kill -9 under load with OUTPOST_WORKERS=2: of the audit queue's owner (process 0) and of the
 * process that reaches it over its socket (process 1). Each cycle restarts the gateway on the
 * same state; every acknowledged request must have exactly one event and the chain must verify.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS helper shared with bench/audit-crash.mjs
import { crashCycles } from '../audit/crash-cycles.mjs';
import { useMockUpstream } from './harness.js';

const upstream = useMockUpstream();

type CrashResult = { acknowledged: number; missing: string[]; duplicates: string[]; verified: boolean; verifyOutput: string };

describe('kill -9 with two processes', () => {
  for (const victim of ['other', 'owner'] as const) {
    it(`loses no acknowledged event when the ${victim === 'owner' ? "queue's owner" : 'second process'} is killed, and the chain verifies`, async () => {
      const result = (await crashCycles({ cycles: 2, runMs: 1500, upstreamUrl: upstream.url, workers: 2, victim })) as CrashResult;
      expect(result.acknowledged).toBeGreaterThan(30);
      expect(result.missing).toEqual([]);
      expect(result.duplicates).toEqual([]);
      expect(result.verified, result.verifyOutput).toBe(true);
    }, 120_000);
  }
});
