/**
 * Target addresses known before start: the runtime's egress channels (workerd `external`
 * services, Deno's --allow-net) are fixed when the runtime starts, so the launcher reads every
 * policy bundle the gateway might activate: the volume's, and each one installed in the state
 * folder (rollback can bring any of them back). Bundles that do not validate are skipped: the
 * gateway will refuse them too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseBaseUrl, type TargetConfig } from '../worker/config/index.js';
import { validateBundle } from '../worker/policy/validate.js';
import { BUNDLE_FILE } from '../worker/policy/bundle.js';

function targetsOf(file: string): TargetConfig[] {
  try {
    const result = validateBundle(readFileSync(file));
    if (!result.ok) return [];
    return (result.bundle.targets ?? []).map((t) => ({
      id: t.id,
      kind: t.kind,
      baseUrl: normaliseBaseUrl(`target ${t.id} base_url`, t.base_url),
      models: [...(t.models ?? [])],
      ...(t.api_key_env ? { apiKeyEnv: t.api_key_env } : {}),
    }));
  } catch {
    return [];
  }
}

/** Targets of every bundle on disk: $AIRGAP_POLICY_PATH/policy_bundle.json and $OUTPOST_STATE_DIR/policy/bundles/*.json. */
export function bundleTargets(values: Record<string, string>): TargetConfig[] {
  const files: string[] = [];
  if (values.AIRGAP_POLICY_PATH) files.push(join(values.AIRGAP_POLICY_PATH, BUNDLE_FILE));
  const installed = values.OUTPOST_STATE_DIR ? join(values.OUTPOST_STATE_DIR, 'policy', 'bundles') : '';
  if (installed && existsSync(installed)) for (const name of readdirSync(installed).sort()) if (name.endsWith('.json')) files.push(join(installed, name));
  return files.filter((f) => existsSync(f)).flatMap(targetsOf);
}
