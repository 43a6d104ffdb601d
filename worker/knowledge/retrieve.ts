/**
 * Lexical retrieval over an asset set's passages with MiniSearch (BM25+ ranking, pure JavaScript,
 * no eval: it runs inside workerd). One index per set of asset versions, built on first use and
 * kept in a small LRU, so a request pays only for the search.
 */
import MiniSearch from 'minisearch';
import { chunkAsset, type Chunk } from './chunks.js';
import type { KnowledgeAsset } from './types.js';

/** Index sets kept at once (bindings times asset versions in use). */
const MAX_INDEXES = 16;

/**
 * Words too common to say what a question is about. Without them, "how do I rotate the VPN
 * certificate?" would rank every passage that contains "the".
 */
const STOP_WORDS = new Set(
  'a an and are as at be but by can could do does for from had has have how i if in into is it its may me my no not of on or our shall should so that the their them then there these they this to was we were what when where which who why will with would you your'.split(' '),
);

/** Passages scoring below this share of the best one are noise, not context. */
const RELATIVE_CUTOFF = 0.3;

const processTerm = (term: string): string | null => {
  const t = term.toLowerCase();
  return t.length < 2 || STOP_WORDS.has(t) ? null : t;
};

export interface PassageIndex {
  readonly chunks: readonly Chunk[];
  /** Passages ranked for `query`, best first (only those sharing a term with it). */
  search(query: string): Chunk[];
}

function buildIndex(assets: readonly KnowledgeAsset[]): PassageIndex {
  const chunks = assets.flatMap(chunkAsset);
  const search = new MiniSearch<{ id: number; heading: string; text: string }>({ fields: ['heading', 'text'], idField: 'id', processTerm });
  search.addAll(chunks.map((c, id) => ({ id, heading: c.heading, text: c.text })));
  return {
    chunks,
    search: (query) => {
      const hits = search.search(query, { boost: { heading: 2 }, combineWith: 'OR' });
      const best = hits[0]?.score ?? 0;
      return hits.filter((hit) => hit.score >= best * RELATIVE_CUTOFF).map((hit) => chunks[hit.id as number]!);
    },
  };
}

const cache = new Map<string, PassageIndex>();

/**
 * The passage index for these assets (by name and content hash), built once.
 * @example
 * passageIndex(assets).search('how do I rotate the VPN certificate?')[0]?.id; // 'runbook@7#12'
 */
export function passageIndex(assets: readonly KnowledgeAsset[]): PassageIndex {
  const key = assets.map((a) => `${a.name}@${a.version}:${a.sha256}`).join('|');
  let index = cache.get(key);
  if (index) {
    cache.delete(key);
  } else {
    index = buildIndex(assets);
    if (cache.size >= MAX_INDEXES) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, index);
  return index;
}
