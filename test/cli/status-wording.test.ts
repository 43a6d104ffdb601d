/** `outpost status` says "connected" only with a platform configured (issue 21). */
import { expect, it } from 'vitest';
import { modeWording } from '../../cli/status.js';

it('says connected only when a platform is configured', () => {
  expect(modeWording({ air_gap: true, platform_configured: false })).toBe('air-gapped');
  expect(modeWording({ air_gap: false, platform_configured: false })).toBe('not air-gapped (no platform)');
  expect(modeWording({ air_gap: false, platform_configured: true })).toBe('connected');
});
