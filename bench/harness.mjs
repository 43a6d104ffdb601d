// What the benchmarks that start servers share: a free loopback port, waiting for readiness, the median.
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

/** The median of a list of numbers (the mean of the middle two for an even count). */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** A loopback port nobody listens on (bound, read, released). */
export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** Resolves once `url` answers 2xx; throws after `ms`. */
export async function waitFor(url, ms = 20000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`not ready: ${url}`);
}

/**
 * Writes, in `dir`, the workerd config of the bare pass-through floor (bench/passthrough-worker.js
 * relaying to the mock on `mockPort`, listening on `port`) and returns its path.
 */
export function floorConfig(dir, mockPort, port) {
  const file = join(dir, 'floor.capnp');
  const worker = resolve(import.meta.dirname, 'passthrough-worker.js');
  writeFileSync(
    file,
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = (modules = [(name = "worker.js", esModule = embed ${JSON.stringify(worker)})], compatibilityDate = "2026-11-01", bindings = [(name = "UPSTREAM", service = "upstream")])),
    (name = "upstream", external = (address = "127.0.0.1:${mockPort}", http = ())),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
`,
  );
  return file;
}
