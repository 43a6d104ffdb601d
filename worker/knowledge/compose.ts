/**
 * The text a binding adds in front of the model, within its token budget:
 * - system: each asset whole, in the binding's order; the last one that does not fit is cut at a
 *   passage boundary and the rest left out;
 * - retrieve: the passages ranked highest for the caller's last message, at most top_k.
 */
import { chunkAsset } from './chunks.js';
import { passageIndex } from './retrieve.js';
import { estimateTokens, type KnowledgeAsset, type KnowledgeBinding, type KnowledgeUse } from './types.js';

const PREAMBLE = "Reference material from this site's knowledge assets. Follow it where it applies to the request.";

const section = (asset: KnowledgeAsset, body: string): string => `## ${asset.name} (version ${asset.version})\n\n${body}`;

export interface Composed {
  readonly text: string;
  readonly use: KnowledgeUse;
}

const assetsUsed = (assets: readonly KnowledgeAsset[]) => assets.map((a) => ({ name: a.name, version: a.version, sha256: a.sha256 }));

function composeSystem(assets: readonly KnowledgeAsset[], budgetChars: number): Composed | null {
  const parts: string[] = [PREAMBLE];
  let used = PREAMBLE.length;
  const included: KnowledgeAsset[] = [];
  let truncated = false;
  for (const asset of assets) {
    const whole = section(asset, asset.text.trim());
    if (used + 2 + whole.length <= budgetChars) {
      parts.push(whole);
      used += 2 + whole.length;
      included.push(asset);
      continue;
    }
    // Cut at a passage boundary: a half sentence of a rule is worse than none.
    const fitting: string[] = [];
    let size = used + 2 + section(asset, '').length;
    for (const chunk of chunkAsset(asset)) {
      if (size + chunk.text.length + 2 > budgetChars) break;
      fitting.push(chunk.text);
      size += chunk.text.length + 2;
    }
    if (fitting.length) {
      parts.push(section(asset, fitting.join('\n\n')));
      included.push(asset);
    }
    truncated = true;
    break;
  }
  if (!included.length) return null;
  const text = parts.join('\n\n');
  return { text, use: { mode: 'system', assets: assetsUsed(included), ...(truncated ? { truncated } : {}), tokens: estimateTokens(text) } };
}

function composeRetrieve(assets: readonly KnowledgeAsset[], binding: KnowledgeBinding, query: string, budgetChars: number): Composed | null {
  if (!query.trim()) return null;
  const ranked = passageIndex(assets).search(query);
  const byName = new Map(assets.map((a) => [a.name, a]));
  const picked: string[] = [];
  const parts: string[] = [PREAMBLE];
  let used = PREAMBLE.length;
  for (const chunk of ranked) {
    if (picked.length >= binding.topK) break;
    const asset = byName.get(chunk.asset)!;
    const passage = `## ${asset.name} (version ${asset.version}, passage ${chunk.id.slice(chunk.id.lastIndexOf('#') + 1)})\n\n${chunk.text}`;
    if (used + 2 + passage.length > budgetChars) continue;
    parts.push(passage);
    used += 2 + passage.length;
    picked.push(chunk.id);
  }
  if (!picked.length) return null;
  const names = new Set(picked.map((id) => id.slice(0, id.indexOf('@'))));
  const text = parts.join('\n\n');
  return { text, use: { mode: 'retrieve', assets: assetsUsed(assets.filter((a) => names.has(a.name))), chunks: picked, tokens: estimateTokens(text) } };
}

/**
 * The added text and its audit record, or null when nothing fits or nothing is relevant.
 * @example
 * compose(binding, assets, 'How long do we keep CCTV footage?')?.use.chunks; // ['retention@2026-01#3']
 */
export function compose(binding: KnowledgeBinding, assets: readonly KnowledgeAsset[], query: string): Composed | null {
  const budgetChars = binding.budgetTokens * 4;
  return binding.mode === 'system' ? composeSystem(assets, budgetChars) : composeRetrieve(assets, binding, query, budgetChars);
}
