// Composition of the fourth held-out corpus: documents per kind, gold spans per type and form,
// hard negatives per kind.   node bench/dlp-eval/heldout4/stats.mjs [--seed N] [--count N]
import { DEFAULT_COUNT, DEFAULT_SEED, generateHeldout4 } from './index.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const docs = generateHeldout4({ seed: option('--seed', DEFAULT_SEED), count: option('--count', DEFAULT_COUNT) });

const tally = (items) => [...items.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map())].sort((a, b) => b[1] - a[1]);
const print = (title, rows) => console.log(`\n${title}\n${rows.map(([k, n]) => `  ${String(n).padStart(6)}  ${k}`).join('\n')}`);

const spans = docs.flatMap((d) => d.spans);
const negatives = docs.flatMap((d) => d.negatives);
console.log(`${docs.length} documents, ${(docs.reduce((n, d) => n + d.text.length, 0) / 1e6).toFixed(2)} M characters, ${spans.length} gold spans, ${negatives.length} hard negatives`);
print('documents per kind', tally(docs.map((d) => d.source.split(':')[1])));
print('gold spans per type', tally(spans.map((s) => s.type)));
print('gold spans per type and form', tally(spans.map((s) => `${s.type} ${s.form ?? '-'}`)));
print('hard negatives per kind', tally(negatives.map((n) => n.kind)));
