// What a transformer of realistic size costs Tier 3: a BERT-like encoder of 6 layers, 384 wide,
// 12 heads, 1536 FFN (the shape of MiniLM-L6 / a small DeBERTa), random weights, built by script
// into a temporary folder (never into git) as a Hugging Face export folder: model.onnx (fp32) and
// model_quantized.onnx (int8, quantize_dynamic form), sequence classification.
//
// Measured:
// - Node, onnxruntime-web's CPU wasm on one thread with no proxy, as the worker runs it: ms per
//   512-token window, fp32 and int8 (onnxruntime-node, native, one intra-op thread, beside it);
// - inside workerd: the request latency of a gateway whose risk tier always runs Tier 3 on a
//   510-word prompt (one 512-token window) minus the same gateway with Tier 3 off, fp32 and int8.
//
//   node bench/tier3-encoder.mjs [--runs 5] [--requests 5] [--no-workerd]
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as ortWeb from 'onnxruntime-web/wasm';
import * as ortNode from 'onnxruntime-node';
import { freePort, median, waitFor } from './harness.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const arg = (name, fallback) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const RUNS = arg('--runs', 5);
const REQUESTS = arg('--requests', 5);
const TOKENS = 512;
const SHAPE = ['--layers', '6', '--hidden', '384', '--heads', '12', '--ffn', '1536', '--max-positions', String(TOKENS)];

const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-encoder-'));
const models = join(dir, 'models');
try {
  const built = performance.now();
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-tiny-transformer.mjs'), models, '--export', 'bert', '--task', 'sequence', ...SHAPE], { stdio: 'ignore' });
  const size = (file) => (readFileSync(join(models, file)).byteLength / 2 ** 20).toFixed(1);
  console.log(`\nTier 3 encoder cost: 6 layers, 384 wide, 12 heads, FFN 1536, random weights; built in ${((performance.now() - built) / 1000).toFixed(1)} s`);
  console.log(`model.onnx ${size('model.onnx')} MiB, model_quantized.onnx ${size('model_quantized.onnx')} MiB; ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'})\n`);

  const vocab = JSON.parse(readFileSync(join(models, 'config.json'), 'utf8')).vocab_size;
  const ids = BigInt64Array.from({ length: TOKENS }, (_, i) => BigInt(i === 0 ? 2 : i === TOKENS - 1 ? 3 : 5 + ((i * 7919) % (vocab - 5))));
  const feedsFor = (ort) => ({
    input_ids: new ort.Tensor('int64', ids, [1, TOKENS]),
    attention_mask: new ort.Tensor('int64', new BigInt64Array(TOKENS).fill(1n), [1, TOKENS]),
    token_type_ids: new ort.Tensor('int64', new BigInt64Array(TOKENS), [1, TOKENS]),
  });
  ortWeb.env.wasm.numThreads = 1;
  ortWeb.env.wasm.proxy = false;
  ortWeb.env.wasm.wasmBinary = readFileSync(join(ROOT, 'node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm'));
  // All four sessions open at once and run in turns, so that load from elsewhere on the machine
  // falls on each alike; median and best of RUNS turns after one warm-up.
  const sessions = [];
  for (const file of ['model.onnx', 'model_quantized.onnx']) {
    sessions.push({ file, kind: 'web', session: await ortWeb.InferenceSession.create(readFileSync(join(models, file)), { executionProviders: ['wasm'], graphOptimizationLevel: 'all' }), feeds: feedsFor(ortWeb), runs: [] });
    sessions.push({ file, kind: 'native', session: await ortNode.InferenceSession.create(join(models, file), { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' }), feeds: feedsFor(ortNode), runs: [] });
  }
  for (const s of sessions) await s.session.run(s.feeds);
  for (let r = 0; r < RUNS; r++) {
    for (const s of sessions) {
      const t = performance.now();
      await s.session.run(s.feeds);
      s.runs.push(performance.now() - t);
    }
  }
  const stat = (runs) => `${median(runs).toFixed(0)} (best ${Math.min(...runs).toFixed(0)})`;
  const of = (file, kind) => sessions.find((s) => s.file === file && s.kind === kind).runs;
  const rows = ['model.onnx', 'model_quantized.onnx'].map((file) => ({ file, web: stat(of(file, 'web')), native: stat(of(file, 'native')) }));
  for (const s of sessions) await s.session.release();

  let workerd = null;
  if (!process.argv.includes('--no-workerd')) workerd = await insideWorkerd();

  console.log(`| graph | onnxruntime-web wasm, 1 thread (as the worker), ms / ${TOKENS} tokens | onnxruntime-node native, 1 thread | inside workerd (Tier 3 always minus off, request p50) |`);
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.file === 'model.onnx' ? 'fp32 model.onnx' : 'int8 model_quantized.onnx'} | ${r.web} | ${r.native} | ${workerd ? workerd[r.file] : 'not measured'} |`);
  console.log(`\n(ms; median and best of ${RUNS} runs in turns after one warm-up; workerd: ${REQUESTS} requests per gateway in turns after one warm-up, minus the Tier 3 off gateway's median)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** Request p50 with Tier 3 always on a one-window prompt, minus Tier 3 off, per graph. */
async function insideWorkerd() {
  const mockPort = await freePort();
  const mock = spawn(process.execPath, [join(ROOT, 'test/mock/upstream.mjs'), String(mockPort)], { stdio: 'ignore' });
  const mockUrl = `http://127.0.0.1:${mockPort}`;
  await waitFor(`${mockUrl}/v1/models`);
  // 510 vocabulary words: one token each under the WordPiece tokenizer, so [CLS] + 510 + [SEP] is one 512-token window.
  const words = JSON.parse(readFileSync(join(models, 'tokenizer.json'), 'utf8')).model.vocab;
  const plain = Object.keys(words).filter((w) => /^[a-z]{3,}$/.test(w));
  const prompt = Array.from({ length: TOKENS - 2 }, (_, i) => plain[(i * 31) % plain.length]).join(' ');
  const out = {};
  const gateways = [];
  try {
    // Three gateways at once (fp32, int8, Tier 3 off), asked in turns: load from elsewhere falls on each alike.
    for (const [key, mode, file] of [['model.onnx', 'always', 'model.onnx'], ['model_quantized.onnx', 'always', 'model_quantized.onnx'], ['off', 'off', 'model.onnx']]) {
      gateways.push({ key, ...(await gateway(mockUrl, mode, join(models, file))), times: [] });
    }
    for (const g of gateways) await latencies(g.url, prompt, 1);
    for (let r = 0; r < REQUESTS; r++) for (const g of gateways) g.times.push(...(await latencies(g.url, prompt, 1)));
    const off = median(gateways.find((g) => g.key === 'off').times);
    for (const g of gateways.filter((x) => x.key !== 'off')) out[g.key] = `${(median(g.times) - off).toFixed(0)} (best ${(Math.min(...g.times) - off).toFixed(0)})`;
  } finally {
    for (const g of gateways) g.stop();
    mock.kill();
  }
  return out;
}

async function gateway(mockUrl, mode, modelPath) {
  const state = mkdtempSync(join(dir, 'state-'));
  mkdirSync(join(state, 'policies'));
  writeFileSync(
    join(state, 'policies', 'policy_bundle.json'),
    JSON.stringify({
      schema_version: 1,
      version: `bench-encoder-${mode}`,
      created_at: '2026-11-29T00:00:00Z',
      models: [{ name: '*', risk_tier: 't' }],
      // Tier 1 off so that only Tier 3 differs; a budget no inference reaches.
      risk_tiers: { t: { dlp: { tier1: { enabled: false }, tier3: { mode, action: 'flag', budget_ms: 60000 } } } },
      auth: { mode: 'none' },
    }),
  );
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'bin/outpost.mjs'), 'start'], {
    env: { ...process.env, PORT: String(port), OUTPOST_AIRGAP: 'true', OUTPOST_UPSTREAM_URL: mockUrl, OUTPOST_STATE_DIR: state, AIRGAP_POLICY_PATH: join(state, 'policies'), AUDIT_QUEUE_DB_PATH: join(state, 'audit', 'audit_queue.db'), DLP_DEBERTA_ENABLED: 'true', AIRGAP_MODEL_PATH: join(state, 'none'), DEBERTA_MODEL_PATH: modelPath, OUTPOST_LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  await waitFor(`http://127.0.0.1:${port}/readyz`, 120000);
  const ready = await (await fetch(`http://127.0.0.1:${port}/readyz`)).json();
  if (ready.subsystems?.tier3?.state !== 'active') {
    child.kill('SIGTERM');
    throw new Error(`Tier 3 did not load ${modelPath} inside workerd: ${JSON.stringify(ready.subsystems?.tier3)}`);
  }
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

async function latencies(url, prompt, n) {
  const body = JSON.stringify({ model: 'mock-llama', messages: [{ role: 'user', content: prompt }] });
  const out = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`status ${res.status}`);
    out.push(performance.now() - t);
  }
  return out;
}
