/** Settings used across the DLP tests. */
import type { DlpSettings } from '../../worker/dlp/settings.js';

export function settingsWith(overrides: Partial<DlpSettings> = {}): DlpSettings {
  return {
    tier1: { enabled: true, action: 'redact' },
    bundles: { SECRETS: {}, CLASSIFICATION: {} },
    custom_patterns: [],
    keywords: [],
    redaction: 'mask',
    scan_response: true,
    on_error: 'block',
    tier3: { mode: 'off', action: 'flag', budget_ms: 50, on_budget_exceeded: 'pass' },
    ...overrides,
  };
}
