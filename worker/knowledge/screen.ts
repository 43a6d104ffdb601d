/**
 * The DLP's word on an asset before it may reach any prompt: a secret in a runbook would
 * otherwise be sent to the model on every bound call. An asset is refused when the SECRETS
 * compliance bundle finds anything in it, or when any risk tier of the active policy would block
 * what it finds. Findings are reported by type and rule, never by value.
 */
import { compileDlp, scanText, type CompiledDlp } from '../dlp/index.js';
import type { DlpSettings } from '../dlp/settings.js';

const SECRETS_ONLY: DlpSettings = {
  tier1: { enabled: false, action: 'block' },
  bundles: { SECRETS: { action: 'block' } },
  custom_patterns: [],
  keywords: [],
  redaction: 'mask',
  scan_response: false,
  on_error: 'block',
  tier3: { mode: 'off', action: 'flag', budget_ms: 0, on_budget_exceeded: 'block' },
};

/** Compiled once per settings object (a policy snapshot's settings never change). */
const compiled = new WeakMap<DlpSettings, CompiledDlp>();
const compiledFor = (settings: DlpSettings): CompiledDlp => {
  let c = compiled.get(settings);
  if (!c) compiled.set(settings, (c = compileDlp(settings)));
  return c;
};

/**
 * The rules that refuse this text (e.g. ['tier1.aws_access_key']), empty when it may be used.
 * @example
 * screenAsset('Ask #it-help for the VPN profile.', policy.dlp.values()); // []
 */
export function screenAsset(text: string, tierSettings: Iterable<DlpSettings>): string[] {
  const refusing = new Set<string>();
  for (const settings of [SECRETS_ONLY, ...tierSettings]) {
    for (const match of scanText(compiledFor(settings), text)) if (match.action === 'block') refusing.add(`${match.rule} (${match.type})`);
  }
  return [...refusing];
}
