// A mock management platform for the audit sync: POST /v1/internal/outpost-audit-sync.
// Behaviour is switchable at run time: 'accept' (default), 'refuse' (drop the connection),
// 'error' (500), 'timeout' (never answer), 'half' (accept the first half of each batch).
// The platform links have their own switches in `links` ('accept' | 'error' | 'refuse'):
//   POST /v1/internal/outpost-heartbeat        records each heartbeat body
//   GET  /api/admin/policy-bundle/export       serves `policy` ({ bytes, signature }) or 404
//   POST /v1/internal/outpost-cert-renew       answers with `issueCertificate(body)` when set
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
    links: { heartbeat: 'accept', policy: 'accept', renew: 'accept' },
    heartbeats: [],
    policyRequests: 0,
    renewals: [],
    /** { bytes: Buffer, signature?: string } served by the policy export. */
    policy: null,
    /** async (body) => certificate PEM for the renewal endpoint. */
    issueCertificate: null,
  };
  const linkRoutes = {
    'POST /v1/internal/outpost-heartbeat': ['heartbeat', (body, res) => {
      state.heartbeats.push(JSON.parse(body.toString('utf8')));
      res.writeHead(204).end();
    }],
    'GET /api/admin/policy-bundle/export': ['policy', (_body, res) => {
      state.policyRequests++;
      if (!state.policy) return res.writeHead(404).end();
      const headers = { 'content-type': 'application/json' };
      if (state.policy.signature) headers['x-outpost-signature'] = state.policy.signature;
      res.writeHead(200, headers).end(state.policy.bytes);
    }],
    'POST /v1/internal/outpost-cert-renew': ['renew', async (body, res) => {
      const request = JSON.parse(body.toString('utf8'));
      state.renewals.push(request);
      if (!state.issueCertificate) return res.writeHead(503).end();
      const pem = await state.issueCertificate(request);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ certificate_pem: pem }));
    }],
  };
  const server = createServer((req, res) => {
    state.hits++;
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const link = linkRoutes[`${req.method} ${req.url}`];
      if (link) {
        const [name, handle] = link;
        const mode = state.links[name];
        if (mode === 'refuse') return req.socket.destroy();
        if (mode === 'error') return res.writeHead(500).end();
        return void Promise.resolve(handle(Buffer.concat(chunks), res)).catch(() => res.writeHead(500).end());
      }
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
