// The record stage's own frames (issue 15): reads CPU profiles saved by
// `node bench/stages.mjs --only-profile --save-profiles DIR` and lists, for the samples that
// bench/stage-profile.mjs attributes to the record stage (worker/audit/*, pipeline/record.ts and
// the native calls they make: RPC, SQLite, sync), the frames with the most self time, as shares
// of the record stage and of the whole profile. The bundle's source map is rebuilt here with the
// same esbuild options as stages.mjs (same input, same output), since stages.mjs deletes its own.
//
//   node bench/audit-record-frames.mjs DIR [--tree .] [--top 25]
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildProfiled, sourceLocator, stageTimes } from './stage-profile.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const argOf = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DIR = process.argv[2];
const TREE = resolve(argOf('tree', ROOT));
const TOP = Number(argOf('top', 25));

async function sourceMap() {
  const out = mkdtempSync(join(tmpdir(), 'outpost-record-frames-'));
  await buildProfiled(TREE, out);
  return { map: join(out, 'worker.js.map'), cleanup: () => rmSync(out, { recursive: true, force: true }) };
}

/** Self time by frame among the samples whose stage is `stage`. */
function stageFrames(profile, locate, stage) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // stageTimes on a one-sample profile per node would be slow; reuse it by sample instead.
  const one = (id) => stageTimes({ nodes: profile.nodes, samples: [id], timeDeltas: [0, 1] }, locate);
  const cache = new Map();
  const stageOf = (id) => {
    if (!cache.has(id)) cache.set(id, [...one(id).keys()][0] ?? 'idle');
    return cache.get(id);
  };
  const self = new Map();
  let total = 0;
  let inStage = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const s = stageOf(id);
    if (s === 'idle') return;
    total += dt;
    if (s !== stage) return;
    inStage += dt;
    const { functionName, url, lineNumber, columnNumber } = byId.get(id).callFrame;
    let key = `${url && lineNumber >= 0 ? locate(lineNumber, columnNumber) : '(native)'} ${functionName || '(anonymous)'}`;
    if (!url || lineNumber < 0) {
      // A native frame: name the JavaScript function that called it.
      const p = byId.get(parent.get(id));
      if (p) key += ` <- ${p.callFrame.url && p.callFrame.lineNumber >= 0 ? locate(p.callFrame.lineNumber, p.callFrame.columnNumber) : '(native)'} ${p.callFrame.functionName || '(anonymous)'}`;
    }
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  return { total, inStage, frames: [...self].sort((a, b) => b[1] - a[1]) };
}

const { map, cleanup } = await sourceMap();
try {
  const locate = sourceLocator(map);
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.cpuprofile') && f.includes('whole'))) {
    const profile = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
    const { total, inStage, frames } = stageFrames(profile, locate, 'record');
    console.log(`\n${file}: record stage ${((100 * inStage) / total).toFixed(1)} % of non-idle samples; its frames by self time (% of the record stage):`);
    for (const [key, us] of frames.slice(0, TOP)) console.log(`  ${((100 * us) / inStage).toFixed(1).padStart(5)} %  ${key}`);
  }
} finally {
  cleanup();
}
