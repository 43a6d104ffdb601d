import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS helper shared with bench/audit-crash.mjs
import { crashCycles } from './crash-cycles.mjs';
import { startMock, type MockUpstream } from '../e2e/harness.js';

let mock: MockUpstream;
let upstreamUrl: string;

beforeAll(async () => {
  const m = await startMock();
  mock = m.mock;
  upstreamUrl = m.url;
});

afterAll(async () => {
  await mock?.close();
});

describe('kill -9 under load', () => {
  it('every acknowledged request has exactly one event after 3 crash-restart cycles, and the chain verifies', async () => {
    const result = (await crashCycles({ cycles: 3, upstreamUrl })) as { acknowledged: number; missing: string[]; duplicates: string[]; verified: boolean; verifyOutput: string };
    expect(result.acknowledged).toBeGreaterThan(30);
    expect(result.missing).toEqual([]);
    expect(result.duplicates).toEqual([]);
    expect(result.verified, result.verifyOutput).toBe(true);
  }, 120_000);
});
