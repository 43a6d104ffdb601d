/**
 * outpost doctor --probe words what the gateway's egress probe saw: only the runtime's own refusal
 * (workerd's egress-deny worker, Deno's --allow-net) counts as the air gap holding; a DNS failure
 * in connected mode is a warning that says so (issue 21). The gateway's answers come from a
 * loopback stand-in speaking the admin API's shape; the live air-gap case is in doctor.test.ts.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { probe } from '../../cli/doctor.js';

let server: Server;
let url: string;
let answer: unknown;

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(answer));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

it('reports a DNS failure as a failure to reach, not as the runtime refusing', async () => {
  answer = { url: 'http://example.com/', worker: { refused: true }, runtime: { refused: true, error: 'DNS lookup failed.' } };
  const f = await probe(url, 'http://example.com/', 't');
  expect(f.severity).toBe('warn');
  expect(f.message).toContain('failed to reach it (DNS lookup failed.)');
  expect(f.message).not.toContain('refused by the worker and by the runtime');
});

it("reports workerd's and Deno's own refusals as the air gap holding", async () => {
  for (const error of ['egress to example.com:80 refused by the runtime: not a configured target', 'Requires net access to "example.com:80", run again with the --allow-net flag']) {
    answer = { url: 'http://example.com/', worker: { refused: true }, runtime: { refused: true, error } };
    const f = await probe(url, 'http://example.com/', 't');
    expect(f.severity, error).toBe('ok');
    expect(f.message).toContain('refused by the worker and by the runtime');
  }
});
