/**
 * The independent evaluation generator: business documents (tickets, emails, chats, HR records,
 * CSV exports, JSON records, forms, logs, code and config) with exact labels and hard negatives.
 * Templates and value pools are written for this evaluation, apart from the detectors.
 * Seeded and deterministic: the same seed and count give the same documents.
 *
 *   node bench/dlp-eval/generator/index.mjs [--seed 14] [--count 3000] > generated.jsonl
 *
 * @example
 * import { generateDocuments } from './index.mjs';
 * const docs = generateDocuments({ seed: 14, count: 3000 }); // [{ id, text, spans, negatives, source }]
 */
import { DocumentBuilder } from './document.mjs';
import { createRandom } from './random.mjs';
import { DOCUMENT_KINDS } from './templates/documents.mjs';

export const DEFAULT_SEED = 14;
export const DEFAULT_COUNT = 3000;

export function generateDocuments({ seed = DEFAULT_SEED, count = DEFAULT_COUNT } = {}) {
  const kinds = Object.keys(DOCUMENT_KINDS);
  const docs = [];
  for (let i = 0; i < count; i++) {
    // One random stream per document, so a document does not change when another template does.
    const r = createRandom(seed * 1_000_003 + i);
    const kind = kinds[i % kinds.length];
    const b = new DocumentBuilder();
    DOCUMENT_KINDS[kind](r, b);
    docs.push(b.finish(`gen/${seed}/${i}`, kind));
  }
  return docs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  for (const d of generateDocuments({ seed: arg('--seed', DEFAULT_SEED), count: arg('--count', DEFAULT_COUNT) })) process.stdout.write(JSON.stringify(d) + '\n');
}
