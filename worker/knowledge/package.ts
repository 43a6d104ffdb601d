/**
 * The knowledge package: one JSON file that carries assets across the air gap.
 *
 *   { "format": "outpost-knowledge/1", "exported_at": "…",
 *     "assets": [ { "name", "version", "sha256", "text" } ] }
 *
 * `outpost knowledge export` (or GET /admin/api/knowledge/export) writes it on one gateway,
 * `outpost knowledge import` (POST /admin/api/knowledge/import) reads it on another. A detached
 * Ed25519 signature over the file's exact bytes travels beside it, as for policy bundles.
 */
import type { KnowledgeAsset } from './types.js';

export const PACKAGE_FORMAT = 'outpost-knowledge/1';

/** Names are the policy bundle's ids: they appear in audit events, headers and file names. */
export const ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const VERSION = /^[\x21-\x7e]{1,64}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** C0 controls other than tab, line feed and carriage return: not text. */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;
const MAX_ASSETS = 256;
/** A surrogate half without its partner: the text cannot be written as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a package (or one of its assets) is refused, at a JSON path like `$.assets[2].text`. */
export interface KnowledgeProblem {
  readonly path: string;
  /** Machine-readable: not_utf8, too_large, invalid, checksum_mismatch, dlp_blocked. */
  readonly code: 'not_utf8' | 'too_large' | 'invalid' | 'checksum_mismatch' | 'dlp_blocked';
  readonly message: string;
}

const encoder = new TextEncoder();

/** Hex SHA-256 of a text's UTF-8 bytes. */
export async function textSha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/**
 * Checks one asset's text: well-formed Unicode, no control characters, within the size limit.
 * Used for imported assets and for files on the policy volume alike.
 */
export function checkAssetText(text: string, maxBytes: number, path: string): KnowledgeProblem | null {
  if (LONE_SURROGATE.test(text)) return { path, code: 'not_utf8', message: 'is not well-formed Unicode (lone surrogates); assets must be UTF-8 text' };
  if (CONTROL.test(text)) return { path, code: 'invalid', message: 'contains control characters; assets must be plain text or Markdown' };
  const bytes = encoder.encode(text).byteLength;
  if (bytes > maxBytes) return { path, code: 'too_large', message: `is ${bytes} bytes; the limit is ${maxBytes} (OUTPOST_KNOWLEDGE_MAX_ASSET_BYTES)` };
  if (!text.trim()) return { path, code: 'invalid', message: 'is empty' };
  return null;
}

/**
 * Decodes bytes that must be UTF-8 text (a package, or an asset file on the volume).
 * @example
 * decodeUtf8(bytes) ?? refuse('not UTF-8');
 */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return null;
  }
}

/**
 * Reads a package file into assets, or the problems that refuse it (every one, with its path).
 * The checksum of every asset is verified; a package is taken whole or not at all.
 * @example
 * const read = await readPackage(bytes, 1 << 20);
 * if (read.problems.length) refuse(read.problems); else store(read.assets);
 */
export async function readPackage(bytes: Uint8Array, maxAssetBytes: number): Promise<{ assets: KnowledgeAsset[]; problems: KnowledgeProblem[] }> {
  const fail = (problem: KnowledgeProblem) => ({ assets: [], problems: [problem] });
  const text = decodeUtf8(bytes);
  if (text === null) return fail({ path: '$', code: 'not_utf8', message: 'the package is not UTF-8' });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return fail({ path: '$', code: 'invalid', message: 'the package is not JSON' });
  }
  const pkg = doc as { format?: unknown; assets?: unknown };
  if (!pkg || typeof pkg !== 'object' || pkg.format !== PACKAGE_FORMAT) return fail({ path: '$.format', code: 'invalid', message: `must be "${PACKAGE_FORMAT}"` });
  if (!Array.isArray(pkg.assets) || pkg.assets.length === 0) return fail({ path: '$.assets', code: 'invalid', message: 'must be a non-empty array' });
  if (pkg.assets.length > MAX_ASSETS) return fail({ path: '$.assets', code: 'too_large', message: `holds ${pkg.assets.length} assets; at most ${MAX_ASSETS}` });

  const problems: KnowledgeProblem[] = [];
  const assets: KnowledgeAsset[] = [];
  const seen = new Set<string>();
  for (const [i, entry] of pkg.assets.entries()) {
    const path = `$.assets[${i}]`;
    const a = (entry ?? {}) as Record<string, unknown>;
    if (typeof a.name !== 'string' || !ASSET_NAME.test(a.name)) {
      problems.push({ path: `${path}.name`, code: 'invalid', message: `must match ${ASSET_NAME.source}` });
      continue;
    }
    if (seen.has(a.name)) problems.push({ path: `${path}.name`, code: 'invalid', message: `duplicate asset name "${a.name}"` });
    seen.add(a.name);
    if (typeof a.version !== 'string' || !VERSION.test(a.version)) problems.push({ path: `${path}.version`, code: 'invalid', message: 'must be 1 to 64 printable ASCII characters' });
    if (typeof a.text !== 'string') {
      problems.push({ path: `${path}.text`, code: 'invalid', message: 'must be a string' });
      continue;
    }
    const textProblem = checkAssetText(a.text, maxAssetBytes, `${path}.text`);
    if (textProblem) {
      problems.push(textProblem);
      continue;
    }
    const sha256 = await textSha256(a.text);
    if (typeof a.sha256 !== 'string' || !SHA256_HEX.test(a.sha256)) problems.push({ path: `${path}.sha256`, code: 'invalid', message: 'must be the hex SHA-256 of the text' });
    else if (a.sha256 !== sha256) problems.push({ path: `${path}.sha256`, code: 'checksum_mismatch', message: 'does not match the text (changed after export?)' });
    assets.push({ name: a.name, version: String(a.version), sha256, text: a.text, source: 'imported' });
  }
  return problems.length ? { assets: [], problems } : { assets, problems };
}

/**
 * The package file for a set of assets (the bytes to sign and carry).
 * @example
 * const bytes = writePackage(store.all(), new Date());
 */
export function writePackage(assets: readonly KnowledgeAsset[], now: Date): Uint8Array {
  const doc = {
    format: PACKAGE_FORMAT,
    exported_at: now.toISOString(),
    assets: assets.map((a) => ({ name: a.name, version: a.version, sha256: a.sha256, text: a.text })),
  };
  return encoder.encode(`${JSON.stringify(doc, null, 2)}\n`);
}
