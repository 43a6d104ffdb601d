// DLP accuracy on text the detectors were not written against. Runs the gateway's Tier 1+2 DLP,
// with the settings of the built-in baseline policy (what the gateway enforces by default), over
//   public     labelled data other projects publish (bench/dlp-eval/data/*.jsonl),
//   generated  the independent generator (bench/dlp-eval/generator/),
//   heldout    a second generator written apart from the detectors and the first (bench/dlp-eval/heldout/),
//   heldout3   a third generator written apart from the detectors and both others (bench/dlp-eval/heldout3/),
//   heldout4   a fourth generator written apart from the detectors and the three others (bench/dlp-eval/heldout4/),
//   project    the project's own corpus (test/dlp/corpus.ts), for comparison,
// and prints per-type precision/recall, micro P/R/F1, the share of sensitive characters left
// visible after redaction and the share of hard negatives flagged (rules in match.mjs). The same
// corpora also go through `outpost scan --jsonl` with the baseline policy, whose figures must agree.
//   node bench/dlp-eval/score.mjs [--out FILE] [--count N] [--heldout-count N] [--heldout3-count N] [--heldout4-count N] [--no-cli] [--markdown]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generatedCorpus, heldout3Corpus, heldout4Corpus, heldoutCorpus, projectCorpus, publicCorpus } from './corpora.mjs';
import { DEFAULT_SEED as HELDOUT_SEED } from './heldout/index.mjs';
import { DEFAULT_COUNT as HELDOUT3_COUNT, DEFAULT_SEED as HELDOUT3_SEED } from './heldout3/index.mjs';
import { DEFAULT_COUNT as HELDOUT4_COUNT, DEFAULT_SEED as HELDOUT4_SEED } from './heldout4/index.mjs';
import { scoreDocuments } from './match.mjs';
import { markdownPerType, negativesTable, perTypeTable, recallByForm, summaryTable } from './report.mjs';

const root = join(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const outFile = option('--out', join(import.meta.dirname, 'out', 'results.json'));
const count = Number(option('--count', 3000));
const heldoutCount = Number(option('--heldout-count', 2000));
const heldout3Count = Number(option('--heldout3-count', HELDOUT3_COUNT));
const heldout4Count = Number(option('--heldout4-count', HELDOUT4_COUNT));
const BASELINE = join(root, 'assets/policy/policy_bundle.baseline.json');

// The DLP and the project corpus, bundled for Node the way bench/dlp.mjs does it.
const dir = mkdtempSync(join(tmpdir(), 'outpost-dlp-eval-'));
const entry = join(dir, 'entry.ts');
writeFileSync(entry, [
  `export { compileDlp, scanText } from ${JSON.stringify(join(root, 'worker/dlp/index.ts'))};`,
  `export { validateBundle } from ${JSON.stringify(join(root, 'worker/policy/validate.ts'))};`,
  `export { resolveDlpSettings } from ${JSON.stringify(join(root, 'worker/policy/dlp-settings.ts'))};`,
  `export { generateCorpus } from ${JSON.stringify(join(root, 'test/dlp/corpus.ts'))};`,
].join('\n'));
await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], outfile: join(dir, 'dlp.mjs'), logLevel: 'warning', nodePaths: [join(root, 'node_modules')] });
const dlp = await import(pathToFileURL(join(dir, 'dlp.mjs')).href);

const validated = dlp.validateBundle(readFileSync(BASELINE));
if (!validated.ok) throw new Error('the baseline policy bundle does not validate');
// Offline, like `outpost scan`: Tiers 1 and 2 (Tier 3 needs the model runtime).
const settings = { ...dlp.resolveDlpSettings(validated.bundle, 'baseline') };
settings.tier3 = { ...settings.tier3, mode: 'off' };
const compiled = dlp.compileDlp(settings);

const corpora = { public: publicCorpus(), generated: generatedCorpus({ count }), heldout: heldoutCorpus({ count: heldoutCount }), heldout3: heldout3Corpus({ count: heldout3Count }), heldout4: heldout4Corpus({ count: heldout4Count }), project: projectCorpus(dlp.generateCorpus) };

function scanAll(docs) {
  const predictions = new Map(docs.map((d) => [d.id, dlp.scanText(compiled, d.text).map(({ start, end, type }) => ({ start, end, type }))]));
  // Throughput: median of 5 timed passes after that warm-up pass.
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  const rates = [];
  for (let pass = 0; pass < 5; pass++) {
    const started = performance.now();
    for (const d of docs) dlp.scanText(compiled, d.text);
    rates.push(bytes / 1e6 / ((performance.now() - started) / 1000));
  }
  return { predictions, mbPerSecond: rates.sort((a, b) => a - b)[2] };
}

/** The same documents through the operator's command, with the same policy. */
function scanWithCli(name, docs) {
  const file = join(dir, `${name}.jsonl`);
  writeFileSync(file, docs.map((d) => JSON.stringify({ id: d.id, text: d.text })).join('\n') + '\n');
  const started = performance.now();
  const run = spawnSync(process.execPath, [join(root, 'bin/outpost.mjs'), 'scan', '--jsonl', file, '--policy', BASELINE, '--tier', 'baseline'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status === 2 || run.status === null) throw new Error(`outpost scan failed (${run.status}): ${run.stderr.slice(0, 500)}`);
  const predictions = new Map();
  for (const line of run.stdout.split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    predictions.set(r.id, r.findings.map(({ start, end, type }) => ({ start, end, type })));
  }
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  return { predictions, mbPerSecond: bytes / 1e6 / seconds };
}

const results = {};
const scores = {};
const byForm = {};
for (const [name, docs] of Object.entries(corpora)) {
  const run = scanAll(docs);
  scores[name] = scoreDocuments(docs, (d) => run.predictions.get(d.id));
  if (name === 'heldout' || name === 'heldout3' || name === 'heldout4') byForm[name] = recallByForm(docs, (d) => run.predictions.get(d.id));
  results[name] = { scanText: { ...scores[name], mbPerSecond: run.mbPerSecond } };
  if (!args.includes('--no-cli') && name !== 'project') {
    const cli = scanWithCli(name, docs);
    const s = scoreDocuments(docs, (d) => cli.predictions.get(d.id) ?? []);
    results[name].cli = { micro: s.micro, visible: s.visible, negatives: { total: s.negatives.total, flagged: s.negatives.flagged, share: s.negatives.share }, mbPerSecond: cli.mbPerSecond };
  }
}
rmSync(dir, { recursive: true, force: true });

const commit = spawnSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
console.log(`DLP accuracy, Tiers 1+2 with the built-in baseline policy (commit ${commit}; generator seed 14, ${count} documents; heldout seed ${HELDOUT_SEED}, ${heldoutCount} documents; heldout3 seed ${HELDOUT3_SEED}, ${heldout3Count} documents; heldout4 seed ${HELDOUT4_SEED}, ${heldout4Count} documents)\n`);
console.log(summaryTable(scores));
// The public corpus, source by source (documents are grouped by the first part of their id).
const bySource = {};
for (const d of corpora.public) (bySource[d.id.split('/')[0]] ??= []).push(d);
const publicPredictions = new Map(corpora.public.map((d) => [d.id, dlp.scanText(compiled, d.text).map(({ start, end, type }) => ({ start, end, type }))]));
const sourceScores = Object.fromEntries(Object.entries(bySource).map(([k, docs]) => [k, scoreDocuments(docs, (d) => publicPredictions.get(d.id))]));
results.public.bySource = Object.fromEntries(Object.entries(sourceScores).map(([k, s]) => [k, { documents: s.documents, micro: s.micro, visible: s.visible, negatives: { total: s.negatives.total, flagged: s.negatives.flagged, share: s.negatives.share } }]));
console.log(`\n-- public, by source\n${summaryTable(sourceScores)}`);
for (const [name, s] of Object.entries(scores)) {
  console.log(`\n-- ${name}: per type (precision by predicted type, recall by gold type)\n${perTypeTable(s)}\n\n${negativesTable(s)}`);
  if (byForm[name]) console.log(`\n-- ${name}: recall by how values are written\n${byForm[name].text}`);
}
for (const [name, f] of Object.entries(byForm)) results[name].byForm = f.rows;
console.log('\nthroughput (MB/s; scanText median of 5 passes, outpost scan one run including start-up):', Object.entries(results).map(([n, r]) => `${n} scanText ${r.scanText.mbPerSecond.toFixed(1)}${r.cli ? `, outpost scan ${r.cli.mbPerSecond.toFixed(1)}` : ''}`).join('; '));
for (const [name, r] of Object.entries(results)) {
  if (!r.cli) continue;
  const same = r.cli.micro.found === r.scanText.micro.found && r.cli.micro.predicted === r.scanText.micro.predicted && r.cli.negatives.flagged === r.scanText.negatives.flagged;
  console.log(`outpost scan --jsonl on ${name}: P ${r.cli.micro.precision?.toFixed(3)} R ${r.cli.micro.recall?.toFixed(3)} F1 ${r.cli.micro.f1?.toFixed(3)} — ${same ? 'same findings as scanText' : 'DIFFERS from scanText'}`);
}
if (args.includes('--markdown')) console.log(`\n${markdownPerType(scores)}`);

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify({ commit, date: new Date().toISOString(), settings: 'built-in baseline policy, tier "baseline", Tier 3 off', generator: { seed: 14, count }, heldout: { seed: HELDOUT_SEED, count: heldoutCount }, heldout3: { seed: HELDOUT3_SEED, count: heldout3Count }, heldout4: { seed: HELDOUT4_SEED, count: heldout4Count }, results }, null, 2) + '\n');
console.log(`\nJSON: ${outFile}`);
