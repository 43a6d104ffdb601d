// The audit chain's digest inside workerd (issue 15): the JavaScript SHA-256 / HMAC-SHA256 of
// worker/crypto/sha256.ts against crypto.subtle (native, but asynchronous: one awaited promise
// per event, since each event's hash is inside the next one's content). workerd's clocks stand
// still during CPU work, so the cost is the workerd process's CPU from /proc around a request
// that hashes N event-sized texts each way, minus an empty request's.
//
//   node bench/audit-digest.mjs [--n 2000] [--rounds 5] [--bytes 1500]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { freePort, median, waitFor } from './harness.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const argOf = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = argOf('n', 2000);
const ROUNDS = argOf('rounds', 5);
const BYTES = argOf('bytes', 1500);
const CLK_TCK = 100;

const dir = mkdtempSync(join(tmpdir(), 'outpost-digest-'));
const entry = join(dir, 'entry.js');
// Each text differs (a counter up front), as each event does; hex out, as the chain stores it.
writeFileSync(
  entry,
  `import { sha256, hmacSha256, toHex, utf8 } from ${JSON.stringify(join(ROOT, 'worker/crypto/sha256.ts'))};
const encoder = new TextEncoder();
const hex = (buf) => { const b = new Uint8Array(buf); let s = ''; for (let i = 0; i < b.length; i++) s += (b[i] < 16 ? '0' : '') + b[i].toString(16); return s; };
let hmacKey;
export default {
  async fetch(request) {
    const url = new URL(request.url);
    const n = Number(url.searchParams.get('n')), bytes = Number(url.searchParams.get('bytes'));
    const filler = 'x'.repeat(bytes);
    const key = utf8('audit-hmac-key-of-32-characters!');
    hmacKey ??= await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    let last = '';
    switch (url.pathname) {
      case '/empty': for (let i = 0; i < n; i++) last = i + filler.slice(0, 10); break;
      case '/js-sha256': for (let i = 0; i < n; i++) last = toHex(sha256(utf8(i + last + filler))); break;
      case '/js-hmac': for (let i = 0; i < n; i++) last = toHex(hmacSha256(key, utf8(i + last + filler))); break;
      case '/subtle-sha256': for (let i = 0; i < n; i++) last = hex(await crypto.subtle.digest('SHA-256', encoder.encode(i + last + filler))); break;
      case '/subtle-hmac': for (let i = 0; i < n; i++) last = hex(await crypto.subtle.sign('HMAC', hmacKey, encoder.encode(i + last + filler))); break;
    }
    return new Response(last);
  },
};`,
);
await build({ entryPoints: [entry], bundle: true, format: 'esm', outfile: join(dir, 'worker.js'), logLevel: 'warning' });
const port = await freePort();
writeFileSync(
  join(dir, 'config.capnp'),
  `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = (modules = [(name = "worker.js", esModule = embed "worker.js")], compatibilityDate = "2026-11-01"))],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
`,
);
const workerd = spawn(join(ROOT, 'node_modules/workerd/bin/workerd'), ['serve', join(dir, 'config.capnp')], { stdio: ['ignore', 'inherit', 'inherit'] });
const cpuMs = () => {
  const f = readFileSync(`/proc/${workerd.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK;
};
try {
  await waitFor(`http://127.0.0.1:${port}/empty?n=1&bytes=1`);
  const kinds = ['empty', 'js-sha256', 'subtle-sha256', 'js-hmac', 'subtle-hmac'];
  const runs = Object.fromEntries(kinds.map((k) => [k, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of kinds) {
      const before = cpuMs();
      const res = await fetch(`http://127.0.0.1:${port}/${kind}?n=${N}&bytes=${BYTES}`);
      await res.text();
      runs[kind].push(((cpuMs() - before) * 1000) / N);
    }
  }
  const empty = median(runs.empty);
  console.log(`\nDigest of a ${BYTES}-byte text inside workerd, CPU per digest (median of ${ROUNDS} rounds of ${N}; the loop's own cost, ${empty.toFixed(2)} us, subtracted)\n`);
  console.log('| digest | JS (worker/crypto/sha256.ts) | crypto.subtle, awaited |');
  console.log('|---|---|---|');
  for (const alg of ['sha256', 'hmac']) {
    console.log(`| ${alg === 'hmac' ? 'HMAC-SHA256' : 'SHA-256'} | ${(median(runs[`js-${alg}`]) - empty).toFixed(2)} us | ${(median(runs[`subtle-${alg}`]) - empty).toFixed(2)} us |`);
  }
} finally {
  workerd.kill();
  rmSync(dir, { recursive: true, force: true });
}
