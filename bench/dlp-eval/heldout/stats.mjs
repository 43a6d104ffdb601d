/**
 * The held-out corpus's composition: documents per kind, gold spans per type, hard negatives per
 * kind, characters. Prints Markdown tables.
 *   node bench/dlp-eval/heldout/stats.mjs [--seed N] [--count N]
 */
import { DEFAULT_COUNT, DEFAULT_SEED, generateHeldout } from './index.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const seed = option('--seed', DEFAULT_SEED);
const count = option('--count', DEFAULT_COUNT);
const docs = generateHeldout({ seed, count });

const tally = (items) => Object.entries(items.reduce((m, k) => ((m[k] = (m[k] ?? 0) + 1), m), {})).sort((a, b) => b[1] - a[1]);
const table = (title, rows) => [`| ${title} | count |`, '|---|---:|', ...rows.map(([k, n]) => `| ${k} | ${n} |`)].join('\n');

console.log(`held-out corpus, seed ${seed}: ${docs.length} documents, ${docs.reduce((n, d) => n + d.text.length, 0)} characters, ` +
  `${docs.reduce((n, d) => n + d.spans.length, 0)} gold spans, ${docs.reduce((n, d) => n + d.negatives.length, 0)} hard negatives\n`);
console.log(table('document kind', tally(docs.map((d) => d.source.replace('heldout:', '')))));
console.log();
console.log(table('gold type', tally(docs.flatMap((d) => d.spans.map((s) => s.type)))));
console.log();
console.log(table('hard negative kind', tally(docs.flatMap((d) => d.negatives.map((n) => n.kind)))));
