/**
 * The knowledge store: imported assets (kept in the state folder, so they survive restarts), the
 * active bundle's volume files (read and screened once per policy snapshot), and the step that
 * puts a call's bound assets in front of the model.
 *
 *   $OUTPOST_STATE_DIR/knowledge/<name>.json   one imported asset: { name, version, sha256, text, imported_at }
 */
import type { Logger } from '../log/index.js';
import type { Volumes } from '../runtime/index.js';
import type { PolicySnapshot } from '../policy/snapshot.js';
import type { SignaturePolicy } from '../policy/signature.js';
import { checkSignature } from '../policy/signature.js';
import { GatewayError } from '../core/index.js';
import { compose } from './compose.js';
import { inject, takesKnowledge } from './inject.js';
import { ASSET_NAME, checkAssetText, decodeUtf8, readPackage, textSha256, writePackage, type KnowledgeProblem } from './package.js';
import { screenAsset } from './screen.js';
import type { KnowledgeAsset, KnowledgeUse } from './types.js';

export interface KnowledgeStoreOptions {
  readonly volumes: Volumes;
  readonly log: Logger;
  /** The policy volume (AIRGAP_POLICY_PATH): bundle paths are relative to it. */
  readonly policyDir: string;
  /** The writable state folder (OUTPOST_STATE_DIR). */
  readonly stateDir: string;
  readonly maxAssetBytes: number;
  readonly signatures: SignaturePolicy;
}

/** One asset as the admin API and console list it (never its text). */
export interface AssetStatus {
  readonly name: string;
  readonly source: 'volume' | 'imported';
  readonly state: 'ready' | 'missing' | 'refused';
  /** Whether the active bundle lists it (only listed assets can be bound). */
  readonly listed: boolean;
  readonly version?: string;
  readonly sha256?: string;
  readonly bytes?: number;
  readonly reason?: string;
}

export type ImportResult =
  | { readonly ok: true; readonly assets: readonly { name: string; version: string; sha256: string; bytes: number }[] }
  | { readonly ok: false; readonly status: number; readonly code: string; readonly message: string; readonly problems: readonly KnowledgeProblem[] };

type Resolved = { readonly asset: KnowledgeAsset } | { readonly state: 'missing' | 'refused'; readonly reason: string };

export interface KnowledgeStore {
  list(policy: PolicySnapshot): Promise<AssetStatus[]>;
  /** Checks (signature, format, size, UTF-8, checksums, DLP) and stores a package whole, or refuses it. */
  importPackage(bytes: Uint8Array, signature: Uint8Array | null, policy: PolicySnapshot): Promise<ImportResult>;
  /** Every usable asset (the bundle's volume files and the imported ones) as one package file. */
  exportPackage(policy: PolicySnapshot): Promise<Uint8Array>;
  /**
   * The call's body with its bound assets placed for the model, or null when no binding applies.
   * A bound asset that is missing or refused fails the call (503 knowledge_unavailable): the site
   * asked for its rules to reach the model, so the call does not go without them.
   */
  apply(policy: PolicySnapshot, call: { readonly model?: string | undefined; readonly riskTier?: string | undefined; readonly route: { readonly id: string } }, body: Record<string, unknown>, query: string): Promise<{ body: Record<string, unknown>; use: KnowledgeUse } | null>;
}

const encoder = new TextEncoder();
const CODE_STATUS: Readonly<Record<KnowledgeProblem['code'], [number, string]>> = {
  too_large: [413, 'knowledge_too_large'],
  not_utf8: [400, 'knowledge_not_utf8'],
  dlp_blocked: [400, 'knowledge_dlp_blocked'],
  checksum_mismatch: [400, 'knowledge_checksum_mismatch'],
  invalid: [400, 'knowledge_invalid'],
};

/**
 * @example
 * const knowledge = await createKnowledgeStore({ volumes, log, policyDir, stateDir, maxAssetBytes: 1 << 20, signatures });
 * const applied = await knowledge.apply(policy, call, body, lastUserText);
 */
export async function createKnowledgeStore(options: KnowledgeStoreOptions): Promise<KnowledgeStore> {
  const { volumes, log, maxAssetBytes } = options;
  const importDir = `${options.stateDir.replace(/\/+$/, '')}/knowledge`;
  const policyDir = options.policyDir.replace(/\/+$/, '');
  const imported = await loadImported(volumes, importDir, maxAssetBytes, log);
  const volumeAssets = new WeakMap<PolicySnapshot, Promise<Map<string, Resolved>>>();

  /** The bundle's volume files, read and screened once per snapshot. */
  const volumeFiles = (policy: PolicySnapshot): Promise<Map<string, Resolved>> => {
    let loading = volumeAssets.get(policy);
    if (!loading) {
      loading = readVolumeAssets(policy, policyDir, volumes, maxAssetBytes, log);
      volumeAssets.set(policy, loading);
    }
    return loading;
  };

  const resolve = async (policy: PolicySnapshot, name: string): Promise<Resolved> => {
    const entry = policy.knowledge.assets.find((a) => a.name === name);
    if (entry?.path !== undefined) return (await volumeFiles(policy)).get(name) ?? { state: 'missing', reason: 'not read' };
    const asset = imported.get(name);
    return asset ? { asset } : { state: 'missing', reason: 'not imported (outpost knowledge import)' };
  };

  return {
    async list(policy) {
      const out: AssetStatus[] = [];
      for (const entry of policy.knowledge.assets) {
        const r = await resolve(policy, entry.name);
        const source = entry.path !== undefined ? 'volume' : 'imported';
        out.push('asset' in r ? { name: entry.name, source, state: 'ready', listed: true, version: r.asset.version, sha256: r.asset.sha256, bytes: encoder.encode(r.asset.text).byteLength } : { name: entry.name, source, state: r.state, listed: true, reason: r.reason });
      }
      const listed = new Set(policy.knowledge.assets.map((a) => a.name));
      for (const a of imported.values()) {
        if (!listed.has(a.name)) out.push({ name: a.name, source: 'imported', state: 'ready', listed: false, version: a.version, sha256: a.sha256, bytes: encoder.encode(a.text).byteLength });
      }
      return out;
    },

    async importPackage(bytes, signature, policy) {
      const signed = await checkSignature(options.signatures, bytes, signature, 'knowledge package signature');
      if (signed.problems.length) return refusal(403, 'knowledge_signature_invalid', signed.problems.map((p) => ({ path: p.path, code: 'invalid' as const, message: p.message })));
      const read = await readPackage(bytes, maxAssetBytes);
      const problems: KnowledgeProblem[] = [...read.problems];
      read.assets.forEach((asset, i) => {
        const rules = screenAsset(asset.text, policy.dlp.values());
        if (rules.length) problems.push({ path: `$.assets[${i}].text`, code: 'dlp_blocked', message: `carries what the DLP blocks: ${rules.join(', ')}` });
      });
      if (problems.length) {
        const [status, code] = CODE_STATUS[problems[0]!.code];
        return refusal(status, code, problems);
      }
      const now = new Date().toISOString();
      for (const asset of read.assets) {
        await volumes.write(`${importDir}/${asset.name}.json`, JSON.stringify({ name: asset.name, version: asset.version, sha256: asset.sha256, text: asset.text, imported_at: now }));
        imported.set(asset.name, asset);
        log.info(`Knowledge asset imported: name=${asset.name} version=${asset.version} sha256=${asset.sha256.slice(0, 12)}${signed.signed ? ' (signature verified)' : ''}`);
      }
      return { ok: true, assets: read.assets.map((a) => ({ name: a.name, version: a.version, sha256: a.sha256, bytes: encoder.encode(a.text).byteLength })) };
    },

    async exportPackage(policy) {
      const assets = new Map<string, KnowledgeAsset>();
      for (const r of (await volumeFiles(policy)).values()) if ('asset' in r) assets.set(r.asset.name, r.asset);
      for (const a of imported.values()) if (!assets.has(a.name)) assets.set(a.name, a);
      return writePackage([...assets.values()], new Date());
    },

    async apply(policy, call, body, query) {
      if (call.model === undefined || !takesKnowledge(call.route.id)) return null;
      const binding = policy.knowledge.bindingFor(call.model, call.riskTier);
      if (!binding) return null;
      const assets: KnowledgeAsset[] = [];
      for (const name of binding.assets) {
        const r = await resolve(policy, name);
        if (!('asset' in r)) throw new GatewayError(503, 'knowledge_unavailable', `Knowledge asset "${name}" bound to this model is ${r.state}; the gateway does not call the model without it`, 'unavailable');
        assets.push(r.asset);
      }
      const composed = compose(binding, assets, query);
      if (!composed) return null;
      const injected = inject(call.route.id, body, composed.text);
      return injected ? { body: injected, use: composed.use } : null;
    },
  };
}

function refusal(status: number, code: string, problems: readonly KnowledgeProblem[]): ImportResult {
  const message = `Knowledge package refused: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`;
  return { ok: false, status, code, message, problems };
}

/** The imported assets in the state folder; a damaged file is logged and left out. */
async function loadImported(volumes: Volumes, dir: string, maxAssetBytes: number, log: Logger): Promise<Map<string, KnowledgeAsset>> {
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

/** The bundle's assets that live on the policy volume, each read, checked and screened. */
async function readVolumeAssets(policy: PolicySnapshot, policyDir: string, volumes: Volumes, maxAssetBytes: number, log: Logger): Promise<Map<string, Resolved>> {
  const out = new Map<string, Resolved>();
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

async function readVolumeAsset(path: string, entry: { name: string; version?: string }, policy: PolicySnapshot, volumes: Volumes, maxAssetBytes: number): Promise<Resolved> {
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
