/**
 * Passages for retrieval: an asset cut at paragraph and heading boundaries into pieces of a few
 * hundred characters, each remembering the heading it sits under. Built once per asset version.
 */
import type { KnowledgeAsset } from './types.js';

export interface Chunk {
  /** `name@version#index`: what the audit event names. */
  readonly id: string;
  readonly asset: string;
  /** The nearest Markdown heading above the passage ('' when none). */
  readonly heading: string;
  readonly text: string;
}

/** Passages grow paragraph by paragraph up to this size... */
const TARGET_CHARS = 800;
/** ...and a single paragraph longer than this is cut at sentence ends. */
const MAX_CHARS = 1600;

const HEADING = /^#{1,6}\s+(.*)$/;

/** Cuts an over-long paragraph at sentence ends (or hard, when a sentence is itself too long). */
function splitLong(paragraph: string): string[] {
  if (paragraph.length <= MAX_CHARS) return [paragraph];
  const pieces: string[] = [];
  let rest = paragraph;
  while (rest.length > MAX_CHARS) {
    const window = rest.slice(0, MAX_CHARS);
    const cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('.\n'), window.lastIndexOf('\n'));
    const at = cut > TARGET_CHARS / 2 ? cut + 1 : MAX_CHARS;
    pieces.push(rest.slice(0, at).trim());
    rest = rest.slice(at);
  }
  if (rest.trim()) pieces.push(rest.trim());
  return pieces;
}

/**
 * An asset's passages, in document order.
 * @example
 * chunkAsset({ name: 'runbook', version: '3', text: '# Restart\nStop the service...', … });
 * // [{ id: 'runbook@3#0', asset: 'runbook', heading: 'Restart', text: '# Restart\nStop the service...' }]
 */
export function chunkAsset(asset: KnowledgeAsset): Chunk[] {
  const chunks: Chunk[] = [];
  let heading = '';
  let current = '';
  let currentHeading = '';
  const flush = (): void => {
    const text = current.trim();
    if (text) chunks.push({ id: `${asset.name}@${asset.version}#${chunks.length}`, asset: asset.name, heading: currentHeading, text });
    current = '';
  };
  const add = (paragraph: string): void => {
    for (const piece of splitLong(paragraph)) {
      if (current && current.length + piece.length > TARGET_CHARS) flush();
      if (!current) currentHeading = heading;
      current += current ? `\n\n${piece}` : piece;
    }
  };

  let paragraph: string[] = [];
  const endParagraph = (): void => {
    if (paragraph.length) add(paragraph.join('\n'));
    paragraph = [];
  };
  for (const line of asset.text.split('\n')) {
    const h = HEADING.exec(line);
    if (h) {
      // A heading opens a new passage: passages never straddle two sections.
      endParagraph();
      flush();
      heading = h[1]!.trim();
      paragraph.push(line);
    } else if (!line.trim()) endParagraph();
    else paragraph.push(line);
  }
  endParagraph();
  flush();
  return chunks;
}
