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
import { loadImported, readVolumeAssets, type ResolvedAsset } from './assets.js';
import { readPackage, writePackage, type KnowledgeProblem } from './package.js';
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

/** What apply needs of a call. */
export type KnowledgeCall = { readonly model?: string | undefined; readonly riskTier?: string | undefined; readonly route: { readonly id: string } };

export interface KnowledgeStore {
  list(policy: PolicySnapshot): Promise<AssetStatus[]>;
  /** Checks (signature, format, size, UTF-8, checksums, DLP) and stores a package whole, or refuses it. */
  importPackage(bytes: Uint8Array, signature: Uint8Array | null, policy: PolicySnapshot): Promise<ImportResult>;
  /** Every usable asset (the bundle's volume files and the imported ones) as one package file. */
  exportPackage(policy: PolicySnapshot): Promise<Uint8Array>;
  /** Reads the imported assets from the state folder again (another process imported: OUTPOST_WORKERS > 1). */
  reloadImported(): Promise<void>;
  /**
   * The call's body with its bound assets placed for the model, or null when no binding applies.
   * A bound asset that is missing or refused fails the call (503 knowledge_unavailable): the site
   * asked for its rules to reach the model, so the call does not go without them.
   */
  apply(policy: PolicySnapshot, call: KnowledgeCall, body: Record<string, unknown>, query: string): Promise<{ body: Record<string, unknown>; use: KnowledgeUse } | null>;
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
  const importDir = `${options.stateDir.replace(/\/+$/, '')}/knowledge`;
  const imported = await loadImported(options.volumes, importDir, options.maxAssetBytes, options.log);
  return new SiteKnowledge(options, importDir, imported);
}

/** The store over its two sources: imported assets (kept in memory) and each snapshot's volume files. */
class SiteKnowledge implements KnowledgeStore {
  private readonly policyDir: string;
  /** The bundle's volume files, read and screened once per snapshot (dropped with the snapshot). */
  private readonly volumeAssets = new WeakMap<PolicySnapshot, Promise<Map<string, ResolvedAsset>>>();

  constructor(
    private readonly options: KnowledgeStoreOptions,
    private readonly importDir: string,
    private readonly imported: Map<string, KnowledgeAsset>,
  ) {
    this.policyDir = options.policyDir.replace(/\/+$/, '');
  }

  async list(policy: PolicySnapshot): Promise<AssetStatus[]> {
    const out: AssetStatus[] = [];
    for (const entry of policy.knowledge.assets) {
      const r = await this.resolve(policy, entry.name);
      const source = entry.path !== undefined ? 'volume' : 'imported';
      out.push('asset' in r ? { name: entry.name, source, state: 'ready', listed: true, version: r.asset.version, sha256: r.asset.sha256, bytes: encoder.encode(r.asset.text).byteLength } : { name: entry.name, source, state: r.state, listed: true, reason: r.reason });
    }
    const listed = new Set(policy.knowledge.assets.map((a) => a.name));
    for (const a of this.imported.values()) {
      if (!listed.has(a.name)) out.push({ name: a.name, source: 'imported', state: 'ready', listed: false, version: a.version, sha256: a.sha256, bytes: encoder.encode(a.text).byteLength });
    }
    return out;
  }

  async reloadImported(): Promise<void> {
    const fresh = await loadImported(this.options.volumes, this.importDir, this.options.maxAssetBytes, this.options.log);
    this.imported.clear();
    for (const [name, asset] of fresh) this.imported.set(name, asset);
  }

  async importPackage(bytes: Uint8Array, signature: Uint8Array | null, policy: PolicySnapshot): Promise<ImportResult> {
    const signed = await checkSignature(this.options.signatures, bytes, signature, 'knowledge package signature');
    if (signed.problems.length) return refusal(403, 'knowledge_signature_invalid', signed.problems.map((p) => ({ path: p.path, code: 'invalid' as const, message: p.message })));
    const read = await readPackage(bytes, this.options.maxAssetBytes);
    const problems: KnowledgeProblem[] = [...read.problems];
    read.assets.forEach((asset, i) => {
      const rules = screenAsset(asset.text, policy.dlp.values());
      if (rules.length) problems.push({ path: `$.assets[${i}].text`, code: 'dlp_blocked', message: `carries what the DLP blocks: ${rules.join(', ')}` });
    });
    if (problems.length) {
      const [status, code] = CODE_STATUS[problems[0]!.code];
      return refusal(status, code, problems);
    }
    await this.store(read.assets, signed.signed);
    return { ok: true, assets: read.assets.map((a) => ({ name: a.name, version: a.version, sha256: a.sha256, bytes: encoder.encode(a.text).byteLength })) };
  }

  async exportPackage(policy: PolicySnapshot): Promise<Uint8Array> {
    const assets = new Map<string, KnowledgeAsset>();
    for (const r of (await this.volumeFiles(policy)).values()) if ('asset' in r) assets.set(r.asset.name, r.asset);
    for (const a of this.imported.values()) if (!assets.has(a.name)) assets.set(a.name, a);
    return writePackage([...assets.values()], new Date());
  }

  async apply(policy: PolicySnapshot, call: KnowledgeCall, body: Record<string, unknown>, query: string): Promise<{ body: Record<string, unknown>; use: KnowledgeUse } | null> {
    if (call.model === undefined || !takesKnowledge(call.route.id)) return null;
    const binding = policy.knowledge.bindingFor(call.model, call.riskTier);
    if (!binding) return null;
    const assets: KnowledgeAsset[] = [];
    for (const name of binding.assets) {
      const r = await this.resolve(policy, name);
      if (!('asset' in r)) throw new GatewayError(503, 'knowledge_unavailable', `Knowledge asset "${name}" bound to this model is ${r.state}; the gateway does not call the model without it`, 'unavailable');
      assets.push(r.asset);
    }
    const composed = compose(binding, assets, query);
    if (!composed) return null;
    const injected = inject(call.route.id, body, composed.text);
    return injected ? { body: injected, use: composed.use } : null;
  }

  /** Writes checked assets to the state folder and makes them usable at once. */
  private async store(assets: readonly KnowledgeAsset[], signed: boolean): Promise<void> {
    const now = new Date().toISOString();
    for (const asset of assets) {
      await this.options.volumes.write(`${this.importDir}/${asset.name}.json`, JSON.stringify({ name: asset.name, version: asset.version, sha256: asset.sha256, text: asset.text, imported_at: now }));
      this.imported.set(asset.name, asset);
      this.options.log.info(`Knowledge asset imported: name=${asset.name} version=${asset.version} sha256=${asset.sha256.slice(0, 12)}${signed ? ' (signature verified)' : ''}`);
    }
  }

  private volumeFiles(policy: PolicySnapshot): Promise<Map<string, ResolvedAsset>> {
    let loading = this.volumeAssets.get(policy);
    if (!loading) {
      const { volumes, maxAssetBytes, log } = this.options;
      loading = readVolumeAssets(policy, this.policyDir, volumes, maxAssetBytes, log);
      this.volumeAssets.set(policy, loading);
    }
    return loading;
  }

  private async resolve(policy: PolicySnapshot, name: string): Promise<ResolvedAsset> {
    const entry = policy.knowledge.assets.find((a) => a.name === name);
    if (entry?.path !== undefined) return (await this.volumeFiles(policy)).get(name) ?? { state: 'missing', reason: 'not read' };
    const asset = this.imported.get(name);
    return asset ? { asset } : { state: 'missing', reason: 'not imported (outpost knowledge import)' };
  }
}

function refusal(status: number, code: string, problems: readonly KnowledgeProblem[]): ImportResult {
  const message = `Knowledge package refused: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`;
  return { ok: false, status, code, message, problems };
}

