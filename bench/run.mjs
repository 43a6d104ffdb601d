// `npm run bench`: every benchmark, one after the other (they share two cores).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const only = process.argv[2];
// dlp-eval: DLP accuracy on corpora the detectors were not written against (bench/dlp-eval/);
// dlp-evasion and dlp-fields: values written differently, and in every field of a request.
// stages: the gateway's CPU per request and by pipeline stage (V8 profile over workerd's inspector).
// tier3-eval: Tier 3 recall, precision and false alarms on text the model was not trained from;
// tier3-encoder: what a transformer of realistic size costs per 512 tokens.
// projects: start time and memory with 1, 100 and 1,000 projects.
const suites = ['gateway', 'stages', 'dlp', 'dlp-stream', 'dlp-eval', 'dlp-evasion', 'dlp-fields', 'geoip', 'audit', 'audit-crash', 'tier3', 'tier3-eval', 'tier3-encoder', 'knowledge', 'projects'].filter((s) => !only || s === only);
let failed = 0;
for (const suite of suites) {
  // Evaluations live in a folder of their own, run by its score.mjs.
  const file = join(ROOT, 'bench', suite.endsWith('-eval') ? `${suite}/score.mjs` : `${suite}.mjs`);
  if (!existsSync(file)) continue;
  console.log(`\n=== ${file.slice(ROOT.length + 1)} ===`);
  const r = spawnSync(process.execPath, ['--expose-gc', file, ...process.argv.slice(3)], { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
