// DLP Tier 1+2 throughput: scanText over the labeled test corpus, median MB/s of several runs,
// plus the median time to scan one 4 KB prompt. Bundles worker/dlp with esbuild for Node first.
//   node bench/dlp.mjs
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'outpost-dlp-bench-'));
const entry = join(dir, 'entry.ts');
const outfile = join(dir, 'bench.mjs');
await import('node:fs').then((fs) =>
  fs.writeFileSync(
    entry,
    `export * from ${JSON.stringify(join(root, 'worker/dlp/index.ts'))};\nexport { generateCorpus } from ${JSON.stringify(join(root, 'test/dlp/corpus.ts'))};\nexport { settingsWith } from ${JSON.stringify(join(root, 'test/dlp/fixtures.ts'))};\n`,
  ),
);
await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], outfile, logLevel: 'warning', nodePaths: [join(root, 'node_modules')] });
const dlp = await import(pathToFileURL(outfile).href);
rmSync(dir, { recursive: true, force: true });

const compiled = dlp.compileDlp(dlp.settingsWith({ bundles: { SECRETS: {}, CLASSIFICATION: {}, PCI: {}, HIPAA: {}, GDPR: {} } }));
const texts = dlp.generateCorpus(20260513, 2000).map((d) => d.text);
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (let i = 0; i < 3; i++) for (const t of texts) dlp.scanText(compiled, t); // warm up the JIT
const rates = [];
for (let run = 0; run < 9; run++) {
  const started = performance.now();
  let found = 0;
  for (const t of texts) found += dlp.scanText(compiled, t).length;
  const seconds = (performance.now() - started) / 1000;
  rates.push(bytes / 1e6 / seconds);
  if (run === 0) console.log(`corpus: ${texts.length} documents, ${(bytes / 1e6).toFixed(2)} MB, ${found} findings per pass`);
}
console.log(`DLP Tier 1+2 scanText: median ${median(rates).toFixed(1)} MB/s over ${rates.length} runs (min ${Math.min(...rates).toFixed(1)}, max ${Math.max(...rates).toFixed(1)})`);

// A 4 KB prompt: corpus text glued to 4096 characters.
let prompt = '';
for (let i = 0; prompt.length < 4096; i++) prompt += texts[i % texts.length] + '\n';
prompt = prompt.slice(0, 4096);
const times = [];
for (let i = 0; i < 2000; i++) {
  const started = performance.now();
  dlp.scanText(compiled, prompt);
  times.push(performance.now() - started);
}
console.log(`4 KB prompt: median ${(median(times) * 1000).toFixed(1)} us per scan`);
