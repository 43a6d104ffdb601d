/**
 * The four corpora the scorer reports side by side, all as {id, text, spans, negatives?, ignore?,
 * scope?, source}: public labelled data from other projects (data/*.jsonl), the independent
 * generator, the second and third held-out generators, and the project's own corpus (test/dlp/corpus.ts, passed in already bundled).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateDocuments } from './generator/index.mjs';
import { generateHeldout } from './heldout/index.mjs';
import { generateHeldout3 } from './heldout3/index.mjs';
import { generateHeldout4 } from './heldout4/index.mjs';

const DATA = join(import.meta.dirname, 'data');

/** Every record of data/*.jsonl. */
export function publicCorpus() {
  const docs = [];
  for (const file of readdirSync(DATA).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(DATA, file), 'utf8').split('\n')) if (line.trim()) docs.push(JSON.parse(line));
  }
  return docs;
}

export const generatedCorpus = (options) => generateDocuments(options);

/** The second, held-out generator (heldout/), written apart from the detectors and from generator/. */
export const heldoutCorpus = (options) => generateHeldout(options);

/** The third held-out generator (heldout3/), written apart from the detectors and from both generators above. */
export const heldout3Corpus = (options) => generateHeldout3(options);

/** The fourth held-out generator (heldout4/), written apart from the detectors and from the three generators above. */
export const heldout4Corpus = (options) => generateHeldout4(options);

/** The project's own corpus in the common shape (labels → spans). */
export function projectCorpus(generateCorpus, seed = 20260513, count = 2000) {
  return generateCorpus(seed, count).map((d) => ({
    id: d.id,
    text: d.text,
    spans: d.labels.map(({ start, end, type }) => ({ start, end, type })),
    negatives: d.negatives.map(({ start, end }) => ({ start, end, kind: 'project' })),
    source: `project:${d.kind}`,
  }));
}
