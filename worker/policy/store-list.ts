/**
 * The list step of the policy store: every stored bundle version, for the admin API.
 */
import { sha256Hex } from './check.js';
import { readQuietly, type PolicyStoreContext, type PolicyStoreState } from './store-context.js';
import { readPointerForChange } from './store-change.js';
import type { InstalledBundle } from './store-types.js';

/**
 * Stored bundle versions, oldest first by created_at.
 * @example
 * const bundles = await listBundles(context, state);
 * bundles.find((b) => b.active)?.version; // '2026-03-13'
 */
export async function listBundles(context: PolicyStoreContext, state: PolicyStoreState): Promise<InstalledBundle[]> {
  const { state: files } = context;
  const history = (await readPointerForChange(context))?.history ?? [];
  const out: InstalledBundle[] = [];
  for (const version of await files.storedVersions()) {
    const stored = await readQuietly(context, files.bundlePath(version), () => files.readBundle(version));
    if (!stored) continue;
    const sha256 = await sha256Hex(stored.bytes);
    const index = history.lastIndexOf(version);
    out.push({
      version,
      created_at: createdAtOf(stored.bytes),
      sha256,
      has_signature: stored.signature !== null,
      active: version === state.active.version && sha256 === state.active.sha256,
      history_index: index >= 0 ? index : null,
    });
  }
  return out.sort((a, b) => (a.created_at ?? '').localeCompare(b.created_at ?? '') || a.version.localeCompare(b.version));
}

/** The bundle's created_at, or null when the file is not JSON or has none. */
function createdAtOf(bytes: Uint8Array): string | null {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as { created_at?: unknown };
    return typeof parsed.created_at === 'string' ? parsed.created_at : null;
  } catch {
    // listed anyway: the check refuses it when someone tries to activate it
    return null;
  }
}
