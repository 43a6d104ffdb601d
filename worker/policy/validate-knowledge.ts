/**
 * What the schema cannot say about knowledge assets: unique names, plain paths inside the policy
 * volume, and bindings that name listed assets. Reads defensively (see validate.ts): a part the
 * schema refused is already reported and is skipped here.
 */
import { childPath } from './json.js';
import type { Problem } from './schema.js';

type Loose = Record<string, unknown>;
const objectAt = (v: unknown): Loose | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : undefined);
const arrayAt = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * @example
 * checkKnowledge(bundle, problems); // $.models[1].knowledge.assets[0]: unknown knowledge asset "runbok" (known: "runbook")
 */
export function checkKnowledge(bundle: Loose, problems: Problem[]): void {
  const names = new Map<string, string>();
  arrayAt(objectAt(bundle.knowledge)?.assets).forEach((a, i) => {
    const asset = objectAt(a);
    const path = childPath('$.knowledge.assets', i);
    if (typeof asset?.name !== 'string') return;
    const earlier = names.get(asset.name);
    if (earlier) problems.push({ path: `${path}.name`, message: `duplicate knowledge asset ${JSON.stringify(asset.name)} (also at ${earlier})` });
    else names.set(asset.name, path);
    const file = asset.path;
    if (typeof file === 'string' && (file.startsWith('/') || file.split('/').some((part) => part === '..' || part === '.' || part === ''))) {
      problems.push({ path: `${path}.path`, message: `${JSON.stringify(file)} must be a plain relative path inside the policy volume (no "..", no empty parts)` });
    }
  });

  const checkBinding = (binding: unknown, path: string): void => {
    const b = objectAt(binding);
    if (!b) return;
    arrayAt(b.assets).forEach((name, i) => {
      if (typeof name === 'string' && !names.has(name)) {
        problems.push({ path: childPath(`${path}.assets`, i), message: `unknown knowledge asset ${JSON.stringify(name)} (known: ${[...names.keys()].map((n) => JSON.stringify(n)).join(', ') || 'none: add it to $.knowledge.assets'})` });
      }
    });
    if (b.top_k !== undefined && b.mode === 'system') problems.push({ path: `${path}.top_k`, message: 'only applies to mode "retrieve"' });
  };
  arrayAt(bundle.models).forEach((m, i) => checkBinding(objectAt(m)?.knowledge, `${childPath('$.models', i)}.knowledge`));
  for (const [tier, t] of Object.entries(objectAt(bundle.risk_tiers) ?? {})) checkBinding(objectAt(t)?.knowledge, `${childPath('$.risk_tiers', tier)}.knowledge`);
}
