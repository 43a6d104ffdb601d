// A mock management platform for the audit sync: POST /v1/internal/outpost-audit-sync.
// Behaviour is switchable at run time: 'accept' (default), 'refuse' (drop the connection),
// 'error' (500), 'timeout' (never answer), 'half' (accept the first half of each batch).
// Run standalone: node test/mock/platform.mjs [port]
import { createServer } from 'node:http';

/**
 * @example
 * const platform = createMockPlatform(); const port = await platform.listen(0);
 * platform.mode = 'error'; ... platform.batches.length
 */
export function createMockPlatform() {
  const sockets = new Set();
  const state = {
    mode: 'accept',
    /** Every batch that arrived: { mode, events }. */
    batches: [],
    /** seqs accepted, in order. */
    accepted: [],
    /** Connections or requests of any kind (air-gap tests expect none). */
    hits: 0,
  };
  const server = createServer((req, res) => {
    state.hits++;
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/internal/outpost-audit-sync') {
        res.writeHead(404).end();
        return;
      }
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400).end();
        return;
      }
      const events = Array.isArray(body.events) ? body.events : [];
      const mode = state.mode;
      state.batches.push({ mode, events });
      if (mode === 'refuse') return req.socket.destroy();
      if (mode === 'timeout') return; // never answers
      if (mode === 'error') return res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"boom"}');
      const taken = mode === 'half' ? events.slice(0, Math.ceil(events.length / 2)) : events;
      const seqs = taken.map((e) => e.seq);
      state.accepted.push(...seqs);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: seqs }));
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return Object.assign(state, {
    listen(port = 0) {
      return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server.address().port)));
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const platform = createMockPlatform();
  const port = await platform.listen(Number(process.argv[2] ?? 9400));
  console.log(`mock platform on http://127.0.0.1:${port}`);
}
