// A mock model server speaking OpenAI (vLLM-style) and Ollama, for tests and benchmarks.
// Behaviour is chosen per request by the model name:
//   mock-*           normal answers (streamed when asked)
//   slow-<ms>        waits <ms> before answering
//   die-mid-stream   sends two chunks, then destroys the socket
//   truncate-stream  sends two chunks, then ends cleanly without the terminal event
//   error-500        answers 500 with an OpenAI-style error
//   stall-stream     sends one chunk, then nothing
//   drip-<ms>        streams with <ms> between chunks
//   echo             answers with the concatenated request text (for DLP tests)
//   logprobs-card    answers a card split over tokens, with logprobs (whole or streamed)
//   function-call-card  streams a legacy function_call whose arguments carry a card
//   framing-<kind>   odd framing: nonjson, cr, json (JSON body to stream:true), sse (SSE to
//                    stream:false), ndjson-error (an NDJSON line with an error field)
// Run standalone: node test/mock/upstream.mjs [port]
import { createServer } from 'node:http';

const MODELS = ['mock-llama', 'mock-mistral', 'echo'];

function json(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function textOf(body) {
  if (Array.isArray(body.messages)) return body.messages.map((m) => (typeof m.content === 'string' ? m.content : '')).join('\n');
  if (typeof body.prompt === 'string') return body.prompt;
  return 'Hello from the mock model.';
}

// Long enough (~100 words) that a stream scanned with a DLP hold-back window still releases
// text chunk by chunk before it ends.
export const MOCK_ANSWER =
  'Hello from the mock model. This is a streamed answer. ' +
  'The quarterly planning notes list three workstreams: the migration of the records service, the review of retention schedules, and the training plan for new staff. ' +
  'Each workstream has an owner, a due date and a short list of open questions that the team will revisit at the next meeting. ' +
  'Nothing in this answer is sensitive; it only gives the gateway enough text to relay in many small pieces, the way a real model streams its tokens one after another.';

function answerText(body) {
  return body.model === 'echo' ? textOf(body) : MOCK_ANSWER;
}

const words = (text) => text.match(/\S+\s*/g) ?? [text];

function openaiChunk(body, id, delta, finish = null) {
  return { id, object: 'chat.completion.chunk', created: 1700000000, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }] };
}

export const CARD_TOKENS = ['My', ' card', ' is', ' 4111', ' 1111', ' 1111', ' 1111', '.', ' Thanks', ' for', ' asking', ' about', ' it', ' today', ' friend', '.'];
const CARD = '4111111111111111';

/** Answers for the logprobs-, function-call- and framing- models; false for every other model. */
function oddAnswer(model, body, ollama, res) {
  const sseHead = () => res.writeHead(200, { 'content-type': 'text/event-stream' });
  const chunk = (choice) => `data: ${JSON.stringify({ id: 'chatcmpl-odd', object: 'chat.completion.chunk', created: 1700000000, model, choices: [choice] })}\n\n`;
  const entry = (t) => ({ token: t, logprob: -0.1, bytes: [...Buffer.from(t)], top_logprobs: [{ token: t, logprob: -0.1, bytes: [...Buffer.from(t)] }] });
  if (model === 'logprobs-card') {
    if (body.stream !== true) {
      json(res, 200, { id: 'chatcmpl-odd', object: 'chat.completion', created: 1700000000, model, choices: [{ index: 0, message: { role: 'assistant', content: CARD_TOKENS.join('') }, logprobs: { content: CARD_TOKENS.map(entry) }, finish_reason: 'stop' }] });
      return true;
    }
    sseHead();
    for (const t of CARD_TOKENS) res.write(chunk({ index: 0, delta: { content: t }, logprobs: { content: [entry(t)] }, finish_reason: null }));
    res.end(chunk({ index: 0, delta: {}, finish_reason: 'stop' }) + 'data: [DONE]\n\n');
    return true;
  }
  if (model === 'function-call-card') {
    sseHead();
    res.write(chunk({ index: 0, delta: { role: 'assistant', function_call: { name: 'pay', arguments: '{"card":"4111 1111' } }, finish_reason: null }));
    res.end(chunk({ index: 0, delta: { function_call: { arguments: ' 1111 1111"}' } }, finish_reason: null }) + chunk({ index: 0, delta: {}, finish_reason: 'function_call' }) + 'data: [DONE]\n\n');
    return true;
  }
  const hello = chunk({ index: 0, delta: { content: 'hello there' }, finish_reason: null });
  switch (model) {
    case 'framing-nonjson':
      sseHead();
      res.end(`${hello}data: card ${CARD}\n\ndata: [DONE]\n\n`);
      return true;
    case 'framing-cr':
      sseHead();
      res.end(`${hello}${chunk({ index: 0, delta: { content: `card ${CARD}` }, finish_reason: 'stop' })}data: [DONE]\n\n`.replace(/\n/g, '\r'));
      return true;
    case 'framing-json':
      json(res, 200, { id: 'chatcmpl-odd', object: 'chat.completion', model, choices: [{ index: 0, message: { role: 'assistant', content: `card ${CARD}` }, finish_reason: 'stop' }] });
      return true;
    case 'framing-sse':
      sseHead();
      res.end(`${chunk({ index: 0, delta: { content: `card ${CARD}` }, finish_reason: 'stop' })}data: [DONE]\n\n`);
      return true;
    case 'framing-ndjson-error':
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.end(`${JSON.stringify({ model, message: { role: 'assistant', content: 'hi' }, done: false })}\n${JSON.stringify({ error: `card ${CARD}` })}\n`);
      return true;
    default:
      return false;
  }
}

export function createMockUpstream() {
  const requests = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (raw += c));
    req.on('end', async () => {
      const url = new URL(req.url, 'http://mock');
      requests.push({ method: req.method, path: url.pathname, headers: req.headers, body: raw });
      if (req.method === 'GET' && url.pathname === '/v1/models') {
        return json(res, 200, { object: 'list', data: MODELS.map((id) => ({ id, object: 'model', created: 1700000000, owned_by: 'mock' })) });
      }
      if (req.method === 'GET' && url.pathname === '/api/tags') {
        return json(res, 200, { models: MODELS.map((name) => ({ name, model: name, modified_at: '2026-01-01T00:00:00Z', size: 1, digest: 'sha256:0', details: { family: 'mock' } })) });
      }
      let body;
      try {
        body = JSON.parse(raw || '{}');
      } catch {
        return json(res, 400, { error: { message: 'bad json', type: 'invalid_request_error', code: null } });
      }
      const model = String(body.model ?? '');
      if (model.startsWith('slow-')) await new Promise((r) => setTimeout(r, Number(model.slice(5))));
      if (model === 'error-500') return json(res, 500, { error: { message: 'mock failure', type: 'server_error', code: 'mock_500' } });
      const text = answerText(body);
      const ollama = url.pathname.startsWith('/api/');
      if (oddAnswer(model, body, ollama, res)) return;
      const stream = ollama ? body.stream !== false && url.pathname !== '/api/embed' : body.stream === true;

      if (url.pathname === '/v1/embeddings' || url.pathname === '/api/embed') {
        const inputs = Array.isArray(body.input) ? body.input : [body.input];
        if (ollama) return json(res, 200, { model, embeddings: inputs.map(() => [0.1, 0.2, 0.3]) });
        return json(res, 200, { object: 'list', model, data: inputs.map((_, index) => ({ object: 'embedding', index, embedding: [0.1, 0.2, 0.3] })), usage: { prompt_tokens: 1, total_tokens: 1 } });
      }
      if (!stream) {
        if (url.pathname === '/api/chat') return json(res, 200, { model, created_at: '2026-01-01T00:00:00Z', message: { role: 'assistant', content: text }, done: true, done_reason: 'stop' });
        if (url.pathname === '/api/generate') return json(res, 200, { model, created_at: '2026-01-01T00:00:00Z', response: text, done: true, done_reason: 'stop' });
        if (url.pathname === '/v1/completions') return json(res, 200, { id: 'cmpl-mock', object: 'text_completion', created: 1700000000, model, choices: [{ index: 0, text, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } });
        return json(res, 200, { id: 'chatcmpl-mock', object: 'chat.completion', created: 1700000000, model, choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } });
      }

      res.writeHead(200, { 'content-type': ollama ? 'application/x-ndjson' : 'text/event-stream', 'cache-control': 'no-cache' });
      const parts = words(text);
      const frame = (piece, last) => {
        if (ollama) {
          const base = { model, created_at: '2026-01-01T00:00:00Z', done: last };
          const obj = url.pathname === '/api/chat' ? { ...base, message: { role: 'assistant', content: piece } } : { ...base, response: piece };
          return JSON.stringify(last ? { ...obj, done_reason: 'stop' } : obj) + '\n';
        }
        if (url.pathname === '/v1/completions') return `data: ${JSON.stringify({ id: 'cmpl-mock', object: 'text_completion', created: 1700000000, model, choices: [{ index: 0, text: piece, finish_reason: last ? 'stop' : null }] })}\n\n`;
        return `data: ${JSON.stringify(openaiChunk(body, 'chatcmpl-mock', last ? {} : { content: piece }, last ? 'stop' : null))}\n\n`;
      };
      const delay = model.startsWith('drip-') ? Number(model.slice(5)) : 0;
      for (let i = 0; i < parts.length; i++) {
        res.write(frame(parts[i], false));
        if ((model === 'die-mid-stream' || model === 'truncate-stream' || model === 'stall-stream') && i === 1) {
          // Let the first chunks reach the gateway before failing.
          await new Promise((r) => setTimeout(r, 50));
          if (model === 'die-mid-stream') return res.destroy();
          if (model === 'truncate-stream') return res.end();
          return; // stall: never write again
        }
        if (delay) await new Promise((r) => setTimeout(r, delay));
      }
      res.write(frame('', true));
      if (!ollama) res.write('data: [DONE]\n\n');
      res.end();
    });
  });
  return {
    server,
    requests,
    listen(port = 0) {
      return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server.address().port)));
    },
    close() {
      server.closeAllConnections?.();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const mock = createMockUpstream();
  const port = await mock.listen(Number(process.argv[2] ?? 0));
  console.log(`mock upstream on http://127.0.0.1:${port}`);
}
