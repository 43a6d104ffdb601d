/**
 * Reading knowledge assets at startup and per policy snapshot: the imported ones from the state
 * folder, the bundle's volume files from the policy volume (each checked and screened by the DLP).
 */
import type { Logger } from '../log/index.js';
import type { PolicySnapshot } from '../policy/snapshot.js';
import type { Volumes } from '../runtime/index.js';
import { ASSET_NAME, checkAssetText, decodeUtf8, textSha256 } from './package.js';
import { screenAsset } from './screen.js';
import type { KnowledgeAsset } from './types.js';

/** An asset as a call finds it: usable, or why not. */
export type ResolvedAsset = { readonly asset: KnowledgeAsset } | { readonly state: 'missing' | 'refused'; readonly reason: string };

/**
 * The imported assets in the state folder; a damaged file is logged and left out.
 * @example
 * const imported = await loadImported(volumes, '/var/lib/outpost/knowledge', 1 << 20, log);
 */
export async function loadImported(volumes: Volumes, dir: string, maxAssetBytes: number, log: Logger): Promise<Map<string, KnowledgeAsset>> {
  const assets = new Map<string, KnowledgeAsset>();
  const names = (await volumes.list(dir).catch(() => null)) ?? [];
  for (const file of names.filter((n) => n.endsWith('.json')).sort()) {
    const bytes = await volumes.read(`${dir}/${file}`).catch(() => null);
    const text = bytes && decodeUtf8(bytes);
    try {
      const stored = JSON.parse(text ?? '') as { name?: unknown; version?: unknown; sha256?: unknown; text?: unknown };
      if (typeof stored.name !== 'string' || !ASSET_NAME.test(stored.name) || typeof stored.text !== 'string' || typeof stored.version !== 'string') throw new Error('not an asset record');
      const problem = checkAssetText(stored.text, maxAssetBytes, 'text');
      if (problem) throw new Error(problem.message);
      const sha256 = await textSha256(stored.text);
      if (sha256 !== stored.sha256) throw new Error('checksum does not match its text');
      assets.set(stored.name, { name: stored.name, version: stored.version, sha256, text: stored.text, source: 'imported' });
    } catch (e) {
      log.error(`Knowledge: ${dir}/${file} is not usable (${(e as Error).message}); import the asset again`);
    }
  }
  if (assets.size) log.info(`Knowledge: ${assets.size} imported asset(s) loaded from ${dir}`);
  return assets;
}

/**
 * The bundle's assets that live on the policy volume, each read, checked and screened.
 * @example
 * const files = await readVolumeAssets(policy, '/etc/outpost/policy', volumes, 1 << 20, log);
 */
export async function readVolumeAssets(policy: PolicySnapshot, policyDir: string, volumes: Volumes, maxAssetBytes: number, log: Logger): Promise<Map<string, ResolvedAsset>> {
  const out = new Map<string, ResolvedAsset>();
  for (const entry of policy.knowledge.assets) {
    if (entry.path === undefined) continue;
    const path = `${policyDir}/${entry.path}`;
    const resolved = await readVolumeAsset(path, entry, policy, volumes, maxAssetBytes);
    if ('asset' in resolved) log.info(`Knowledge asset loaded: name=${entry.name} version=${resolved.asset.version} (path=${path})`);
    else log.error(`Knowledge asset ${entry.name} is ${resolved.state}: ${resolved.reason} (path=${path}); models bound to it are refused until it is fixed`);
    out.set(entry.name, resolved);
  }
  return out;
}

async function readVolumeAsset(path: string, entry: { name: string; version?: string }, policy: PolicySnapshot, volumes: Volumes, maxAssetBytes: number): Promise<ResolvedAsset> {
  const bytes = await volumes.read(path).catch(() => null);
  if (!bytes) return { state: 'missing', reason: 'file not found' };
  if (bytes.byteLength > maxAssetBytes) return { state: 'refused', reason: `${bytes.byteLength} bytes, over the ${maxAssetBytes}-byte limit` };
  const text = decodeUtf8(bytes);
  if (text === null) return { state: 'refused', reason: 'not UTF-8' };
  const problem = checkAssetText(text, maxAssetBytes, path);
  if (problem) return { state: 'refused', reason: problem.message };
  const rules = screenAsset(text, policy.dlp.values());
  if (rules.length) return { state: 'refused', reason: `carries what the DLP blocks: ${rules.join(', ')}` };
  const sha256 = await textSha256(text);
  return { asset: { name: entry.name, version: entry.version ?? sha256.slice(0, 12), sha256, text, source: 'volume' } };
}
