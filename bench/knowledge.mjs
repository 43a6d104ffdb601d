// Knowledge assets: what binding 10 assets of 20 KB costs per request, in each mode.
// 1. In Node: compose() alone (the passage index is built once per asset version, timed apart).
// 2. Through the real gateway (workerd, air-gap mode, mock model server): p50 and req/s at one
//    connection for an unbound model (the baseline, same gateway, same run), a model bound in
//    system mode and one bound in retrieve mode. Medians of several alternating runs.
//
//   node bench/knowledge.mjs [--runs 3] [--duration 3]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { freePort, median, waitFor } from './harness.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 3);
const DURATION = arg('duration', 3);

// Ten deterministic policy-like documents of ~20 KB each, in Markdown sections.
const TOPICS = ['vpn', 'backups', 'retention', 'incident', 'access', 'laptops', 'visitors', 'printing', 'travel', 'procurement'];
const WORDS = 'staff must record every request in the register and review it with the duty officer before the end of the shift while keeping copies for audit under the retention schedule approved by the board'.split(' ');
function documentText(topic, seed) {
  let x = seed;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out = [];
  let section = 0;
  while (out.join('\n').length < 20_000) {
    out.push(`# ${topic} rule ${++section}`);
    for (let p = 0; p < 3; p++) {
      const words = Array.from({ length: 40 }, () => WORDS[Math.floor(rand() * WORDS.length)]);
      words.splice(Math.floor(rand() * 40), 0, `${topic}-${section}`);
      out.push(`${words.join(' ')}.`, '');
    }
  }
  return out.join('\n');
}
const ASSETS = TOPICS.map((t, i) => ({ name: `${t}-policy`, text: documentText(t, i + 1) }));
const QUESTION = 'What does the backups rule 7 say about the register and the duty officer?';

async function inProcess() {
  const out = join(mkdtempSync(join(tmpdir(), 'outpost-kb-')), 'compose.mjs');
  await build({ entryPoints: [join(ROOT, 'worker/knowledge/compose.ts')], bundle: true, format: 'esm', platform: 'node', outfile: out, logLevel: 'silent' });
  const { compose } = await import(out);
  const sha = async (t) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(t)))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const assets = await Promise.all(ASSETS.map(async (a) => ({ ...a, version: '1', sha256: await sha(a.text), source: 'volume' })));
  const names = assets.map((a) => a.name);
  const time = (fn, n) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn();
    return ((performance.now() - t0) / n) * 1000;
  };
  const indexUs = time(() => compose({ assets: names, mode: 'retrieve', budgetTokens: 1024, topK: 4 }, assets.map((a) => ({ ...a, sha256: a.sha256 + Math.random() })), QUESTION), 5);
  const systemUs = median([0, 1, 2].map(() => time(() => compose({ assets: names, mode: 'system', budgetTokens: 32768, topK: 4 }, assets, QUESTION), 200)));
  const retrieveUs = median([0, 1, 2].map(() => time(() => compose({ assets: names, mode: 'retrieve', budgetTokens: 1024, topK: 4 }, assets, QUESTION), 200)));
  console.log(`\nKnowledge compose() in Node, 10 assets x 20 KB (${Math.round(ASSETS.reduce((n, a) => n + a.text.length, 0) / 1024)} KB):`);
  console.log(`| step | time |\n|---|---|`);
  console.log(`| passage index build (once per asset version) | ${(indexUs / 1000).toFixed(1)} ms |`);
  console.log(`| system mode, budget 32768 tokens | ${systemUs.toFixed(0)} µs per request |`);
  console.log(`| retrieve mode, budget 1024 tokens, top_k 4 | ${retrieveUs.toFixed(0)} µs per request |`);
}


async function throughGateway() {
  const { default: autocannon } = await import('autocannon');
  const mockPort = await freePort();
  const mock = spawn(process.execPath, [join(ROOT, 'test/mock/upstream.mjs'), String(mockPort)], { stdio: 'ignore' });
  const port = await freePort();
  const state = mkdtempSync(join(tmpdir(), 'outpost-kb-state-'));
  mkdirSync(join(state, 'policies', 'knowledge'), { recursive: true });
  for (const a of ASSETS) writeFileSync(join(state, 'policies', 'knowledge', `${a.name}.md`), a.text);
  const names = ASSETS.map((a) => a.name);
  writeFileSync(
    join(state, 'policies', 'policy_bundle.json'),
    JSON.stringify({
      schema_version: 1,
      version: 'bench-knowledge',
      created_at: '2026-11-28T00:00:00Z',
      auth: { mode: 'none' },
      knowledge: { assets: ASSETS.map((a) => ({ name: a.name, path: `knowledge/${a.name}.md` })) },
      models: [
        { name: 'kb-system', risk_tier: 'std', knowledge: { assets: names, mode: 'system', budget_tokens: 32768 } },
        { name: 'kb-retrieve', risk_tier: 'std', knowledge: { assets: names, mode: 'retrieve', budget_tokens: 1024, top_k: 4 } },
        { name: '*', risk_tier: 'std' },
      ],
      risk_tiers: { std: {} },
    }),
  );
  const env = { ...process.env, HOST: '127.0.0.1', PORT: String(port), OUTPOST_AIRGAP: 'true', OUTPOST_UPSTREAM_URL: `http://127.0.0.1:${mockPort}`, OUTPOST_STATE_DIR: state, AIRGAP_POLICY_PATH: join(state, 'policies'), AUDIT_QUEUE_DB_PATH: join(state, 'audit', 'audit_queue.db'), OUTPOST_LOG_LEVEL: 'warn' };
  const gateway = spawn(process.execPath, [join(ROOT, 'bin/outpost.mjs'), 'start'], { env, stdio: 'ignore' });
  try {
    await waitFor(`http://127.0.0.1:${mockPort}/v1/models`);
    await waitFor(`http://127.0.0.1:${port}/readyz`);
    const body = (model) => JSON.stringify({ model, messages: [{ role: 'user', content: QUESTION }] });
    const results = { unbound: [], system: [], retrieve: [] };
    const models = { unbound: 'mock-llama', system: 'kb-system', retrieve: 'kb-retrieve' };
    for (const model of Object.values(models)) await fetch(`http://127.0.0.1:${port}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(model) }); // warm: index built, files read
    for (let run = 0; run < RUNS; run++) {
      for (const [name, model] of Object.entries(models)) {
        const r = await autocannon({ url: `http://127.0.0.1:${port}/v1/chat/completions`, connections: 1, duration: DURATION, method: 'POST', headers: { 'content-type': 'application/json' }, body: body(model) });
        if (r.non2xx) throw new Error(`${r.non2xx} non-2xx responses for ${model}`);
        results[name].push({ p50: r.latency.p50, rps: r.requests.average });
      }
    }
    const m = (name, key) => median(results[name].map((r) => r[key]));
    console.log(`\nKnowledge through the gateway (workerd, 1 connection, autocannon ${DURATION}s, median of ${RUNS} alternating runs; baseline: an unbound model on the same gateway)\n`);
    // autocannon's percentiles are whole milliseconds; at one connection 1000/req/s is the mean
    // time per request, which resolves the difference finely.
    console.log('| model | req/s | mean time per request | added per request vs unbound | p50 |\n|---|---|---|---|---|');
    for (const name of Object.keys(models)) {
      const added = name === 'unbound' ? '—' : `+${median(results[name].map((r, i) => 1000 / r.rps - 1000 / results.unbound[i].rps)).toFixed(2)} ms`;
      console.log(`| ${name} (${models[name]}) | ${Math.round(m(name, 'rps'))} | ${(1000 / m(name, 'rps')).toFixed(2)} ms | ${added} | ${m(name, 'p50').toFixed(0)} ms |`);
    }
  } finally {
    gateway.kill('SIGTERM');
    mock.kill('SIGTERM');
  }
}

await inProcess();
await throughGateway();
process.exit(0);
