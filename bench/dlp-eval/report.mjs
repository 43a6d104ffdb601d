/**
 * Plain-text tables of scoreDocuments results: one summary table with the corpora side by side and
 * one per-type table per corpus.
 * @example
 * console.log(summaryTable({ public: scoreA, generated: scoreB }));
 */
import { goldFound } from './match.mjs';

const f = (x, digits = 3) => (x === null || x === undefined ? '—' : x.toFixed(digits));
const pct = (x) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)} %`);

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function summaryTable(scores) {
  const rows = Object.entries(scores).map(([name, s]) => [
    name, s.documents, s.micro.gold, f(s.micro.precision), f(s.micro.recall), f(s.micro.f1), pct(s.visible.share), `${pct(s.negatives.share)} of ${s.negatives.total}`,
  ]);
  return table(['corpus', 'docs', 'gold spans', 'micro P', 'micro R', 'F1', 'visible chars', 'hard negatives flagged'], rows);
}

export function perTypeTable(score) {
  const rows = Object.entries(score.perType)
    .filter(([, r]) => r.gold || r.predicted)
    .map(([type, r]) => [type, r.gold, r.predicted, f(r.precision), f(r.recall), pct(r.visibleShare)]);
  return table(['type', 'gold', 'predicted', 'precision', 'recall', 'visible chars'], rows);
}

/** Hard negatives flagged, by kind, worst first (kinds with at least one flagged). */
export function negativesTable(score) {
  const rows = Object.entries(score.negatives.byKind)
    .filter(([, k]) => k.flagged)
    .sort(([, a], [, b]) => b.flagged / b.total - a.flagged / a.total)
    .map(([kind, k]) => [kind, k.total, k.flagged, pct(k.flagged / k.total)]);
  return rows.length ? table(['hard negative kind', 'total', 'flagged', 'share'], rows) : '(no hard negative flagged)';
}

/** The per-type rows as a Markdown table, for docs/dlp.md. */
export function markdownPerType(scores) {
  const names = Object.keys(scores);
  const types = [...new Set(names.flatMap((n) => Object.entries(scores[n].perType).filter(([, r]) => r.gold).map(([t]) => t)))].sort();
  const head = `| type | ${names.map((n) => `${n} gold | P | R`).join(' | ')} |`;
  const sep = `|---|${names.map(() => '---:|---:|---:').join('|')}|`;
  const body = types.map((t) => `| ${t} | ${names.map((n) => { const r = scores[n].perType[t]; return r && r.gold ? `${r.gold} | ${f(r.precision, 2)} | ${f(r.recall, 2)}` : '— | — | —'; }).join(' | ')} |`);
  return [head, sep, ...body].join('\n');
}

/**
 * Recall by how the values are written, for corpora whose spans say so (`form`, as the held-out
 * generator labels them): per type, worst first. Phone forms are cut at the country
 * ("national:GB" counts as "national"); names in their own script are one row.
 * @example
 * const { rows, text } = recallByForm(docs, (d) => predictions.get(d.id));
 */
export function recallByForm(docs, predict) {
  const counts = new Map();
  for (const d of docs) {
    const predictions = predict(d);
    for (const g of d.spans) {
      if (!g.form) continue;
      const form = g.form.startsWith('native:') ? 'native script' : g.form.split(':')[0];
      const key = `${g.type}|${form}`;
      const c = counts.get(key) ?? { type: g.type, form, gold: 0, found: 0 };
      c.gold++;
      if (goldFound(g, predictions)) c.found++;
      counts.set(key, c);
    }
  }
  const rows = [...counts.values()].map((c) => ({ ...c, recall: c.found / c.gold }))
    .sort((a, b) => a.type.localeCompare(b.type) || a.recall - b.recall);
  return { rows, text: table(['type', 'written as', 'gold', 'found', 'recall'], rows.map((r) => [r.type, r.form, r.gold, r.found, f(r.recall)])) };
}

