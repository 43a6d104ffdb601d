// DLP field coverage from outside: a card number placed in every part of a request a client can
// send, against the real gateway (workerd, air-gap mode) with a policy that blocks every DLP
// finding, and a model server of this script's own that records what reached it. A case leaks
// when the card's digits reach the model server; it holds when the gateway refuses it (4xx).
//
//   node bench/dlp-fields.mjs
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const CARD = '4539578763621486';
const SPLIT = ['4539 5787', '6362 1486'];

const received = [];
const upstream = createServer((req, res) => {
  let raw = '';
  req.on('data', (c) => (raw += c));
  req.on('end', () => {
    received.push(raw);
    const ollama = req.url.startsWith('/api/');
    const body = ollama
      ? { model: 'm', message: { role: 'assistant', content: 'ok' }, response: 'ok', done: true, embeddings: [[0.1]] }
      : { id: 'x', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, text: 'ok', finish_reason: 'stop' }], data: [{ object: 'embedding', index: 0, embedding: [0.1] }] };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
});
await new Promise((r) => upstream.listen(0, '127.0.0.1', r));
const upstreamPort = upstream.address().port;

const msg = (content) => ({ model: 'm', messages: [{ role: 'user', content }] });
const chat = (patch) => ({ model: 'm', messages: [{ role: 'user', content: 'hello' }], ...patch });
const CASES = [
  ['openai.chat', 'user content', msg(`card ${CARD}`)],
  ['openai.chat', 'system message', chat({ messages: [{ role: 'system', content: `card ${CARD}` }, { role: 'user', content: 'hi' }] })],
  ['openai.chat', 'content part text', msg([{ type: 'text', text: `card ${CARD}` }])],
  ['openai.chat', 'message name', chat({ messages: [{ role: 'user', name: `c${CARD}`, content: 'hi' }] })],
  ['openai.chat', 'unknown role', chat({ messages: [{ role: `card ${CARD}`, content: 'hi' }] })],
  ['openai.chat', 'content part type', msg([{ type: `card ${CARD}`, text: 'hi' }])],
  ['openai.chat', 'image_url not base64', msg([{ type: 'image_url', image_url: { url: `data:text/plain,card ${CARD}` } }])],
  ['openai.chat', 'image_url https', msg([{ type: 'image_url', image_url: { url: `https://img.example/${CARD}.png` } }])],
  ['openai.chat', 'tool description', chat({ tools: [{ type: 'function', function: { name: 'f', description: `data: remember card ${CARD} for the customer record please`, parameters: { type: 'object', properties: {} } } }] })],
  ['openai.chat', 'tool parameter schema', chat({ tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object', properties: { a: { type: 'string', description: `card ${CARD}` } } } } }] })],
  ['openai.chat', 'assistant tool_call arguments', chat({ messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: null, tool_calls: [{ id: 't1', type: 'function', function: { name: 'pay', arguments: JSON.stringify({ card: CARD }) } }] }, { role: 'tool', tool_call_id: 't1', content: 'done' }] })],
  ['openai.chat', 'tool result content', chat({ messages: [{ role: 'user', content: 'hi' }, { role: 'tool', tool_call_id: 't1', content: `card ${CARD}` }] })],
  ['openai.chat', 'user field', chat({ user: `card ${CARD}` })],
  ['openai.chat', 'metadata', chat({ metadata: { note: `card ${CARD}` } })],
  ['openai.chat', 'stop sequence', chat({ stop: [`card ${CARD}`] })],
  ['openai.chat', 'response_format schema', chat({ response_format: { type: 'json_schema', json_schema: { name: 's', schema: { description: `card ${CARD}` } } } })],
  ['openai.chat', 'unknown extra field', chat({ x_extra: { deep: [`card ${CARD}`] } })],
  ['openai.chat', 'model name', { model: `card ${CARD}`, messages: [{ role: 'user', content: 'hi' }] }],
  ['openai.chat', 'model name, model-shaped', { model: CARD, messages: [{ role: 'user', content: 'hi' }] }],
  ['openai.chat', 'split across two messages', chat({ messages: [{ role: 'user', content: `card ${SPLIT[0]}` }, { role: 'user', content: `${SPLIT[1]} thanks` }] })],
  ['openai.chat', 'JSON unicode escapes', null, `{"model":"m","messages":[{"role":"user","content":"card ${[...CARD].map((d) => `\\u00${d.charCodeAt(0).toString(16)}`).join('')}"}]}`],
  ['openai.chat', 'duplicate key (first has the card)', null, `{"model":"m","messages":[{"role":"user","content":"card ${CARD}","content":"hello"}]}`],
  ['openai.chat', 'duplicate key (last has the card)', null, `{"model":"m","messages":[{"role":"user","content":"hello","content":"card ${CARD}"}]}`],
  ['openai.completions', 'prompt string', { model: 'm', prompt: `card ${CARD}` }],
  ['openai.completions', 'prompt array', { model: 'm', prompt: ['hi', `card ${CARD}`] }],
  ['openai.completions', 'suffix', { model: 'm', prompt: 'hi', suffix: `card ${CARD}` }],
  ['openai.embeddings', 'input array', { model: 'm', input: ['hi', `card ${CARD}`] }],
  ['ollama.chat', 'content', msg(`card ${CARD}`)],
  ['ollama.chat', 'images not base64', chat({ messages: [{ role: 'user', content: 'hi', images: [`card ${CARD}`] }] })],
  ['ollama.chat', 'format schema', chat({ format: { type: 'object', description: `card ${CARD}` } })],
  ['ollama.chat', 'options', chat({ options: { stop: [`card ${CARD}`] } })],
  ['ollama.generate', 'prompt', { model: 'm', prompt: `card ${CARD}` }],
  ['ollama.generate', 'system', { model: 'm', prompt: 'hi', system: `card ${CARD}` }],
  ['ollama.generate', 'template', { model: 'm', prompt: 'hi', template: `card ${CARD} {{ .Prompt }}` }],
  ['ollama.generate', 'suffix', { model: 'm', prompt: 'hi', suffix: `card ${CARD}` }],
  ['ollama.embed', 'input', { model: 'm', input: [`card ${CARD}`] }],
];
const PATHS = { 'openai.chat': '/v1/chat/completions', 'openai.completions': '/v1/completions', 'openai.embeddings': '/v1/embeddings', 'ollama.chat': '/api/chat', 'ollama.generate': '/api/generate', 'ollama.embed': '/api/embed' };

const state = mkdtempSync(join(tmpdir(), 'outpost-fields-'));
mkdirSync(join(state, 'policies'));
writeFileSync(
  join(state, 'policies', 'policy_bundle.json'),
  JSON.stringify({
    schema_version: 1,
    version: 'block-everything',
    created_at: '2026-11-29T00:00:00Z',
    auth: { mode: 'none' },
    models: [{ name: '*', risk_tier: 'strict' }],
    risk_tiers: { strict: { dlp: { tier1: { enabled: true, action: 'block' }, bundles: { PCI: { action: 'block' }, HIPAA: { action: 'block' }, GDPR: { action: 'block' }, SECRETS: { action: 'block' }, CLASSIFICATION: { action: 'block' } } } } },
  }),
);
const port = 20000 + Math.floor(Math.random() * 20000);
const gateway = spawn(process.execPath, [join(ROOT, 'bin/outpost.mjs'), 'start'], {
  env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), OUTPOST_AIRGAP: 'true', OUTPOST_UPSTREAM_URL: `http://127.0.0.1:${upstreamPort}`, OUTPOST_STATE_DIR: state, AIRGAP_POLICY_PATH: join(state, 'policies'), AUDIT_QUEUE_DB_PATH: join(state, 'audit', 'audit_queue.db'), OUTPOST_LOG_LEVEL: 'error' },
  stdio: 'ignore',
});
try {
  const end = Date.now() + 20000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) break;
    } catch {}
    if (Date.now() > end) throw new Error('gateway not ready');
    await new Promise((r) => setTimeout(r, 20));
  }
  let held = 0;
  const rows = [];
  for (const [route, field, body, raw] of CASES) {
    const before = received.length;
    const res = await fetch(`http://127.0.0.1:${port}${PATHS[route]}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw ?? JSON.stringify(body) });
    await res.arrayBuffer();
    const reached = received.slice(before).join('\n');
    const leaked = reached.includes(CARD) || reached.includes(SPLIT[0].replace(' ', '')) || (reached.includes(SPLIT[0]) && reached.includes(SPLIT[1])) || /\\u0034\\u0035\\u0033\\u0039/.test(reached);
    if (!leaked) held++;
    rows.push(`| ${route} | ${field} | ${res.status} | ${leaked ? 'LEAKED' : 'held'} |`);
  }
  console.log(`\nDLP field coverage (gateway blocking every finding): ${held}/${CASES.length} held\n`);
  console.log('| route | where the card is | status | result |\n|---|---|---|---|');
  for (const r of rows) console.log(r);
} finally {
  gateway.kill('SIGTERM');
  upstream.close();
}
