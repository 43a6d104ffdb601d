import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS helper shared with bench/audit-crash.mjs
import { crashCycles } from './crash-cycles.mjs';
import { useMockUpstream } from '../e2e/harness.js';

const upstream = useMockUpstream();

describe('kill -9 under load', () => {
  it('every acknowledged request has exactly one event after 3 crash-restart cycles, and the chain verifies', async () => {
    const result = (await crashCycles({ cycles: 3, runMs: 1500, upstreamUrl: upstream.url })) as { acknowledged: number; missing: string[]; duplicates: string[]; verified: boolean; verifyOutput: string };
    expect(result.acknowledged).toBeGreaterThan(30);
    expect(result.missing).toEqual([]);
    expect(result.duplicates).toEqual([]);
    expect(result.verified, result.verifyOutput).toBe(true);
  }, 120_000);
});
