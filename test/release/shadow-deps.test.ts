/**
 * Shadow dependencies: the built bundle must not carry a URL or hostname that nobody decided on
 * (a telemetry endpoint, an update check, a CDN a dependency loads from). Every URL and every
 * public-looking hostname in dist/worker.js must match the allow-list below, each entry with the
 * reason it is harmless. The bundle is minified without legal comments, so documentation links in
 * comments are gone already; what remains is in strings and regular expressions.
 *
 * When this fails: find the string in the bundle (the failure shows its context). If it is an
 * identifier, an example or a pattern that is never fetched, add it here with why; if the code
 * would connect to it, remove that code path or make the address operator-configured.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { ROOT, ensureBuilt } from './helpers.js';

interface Allowed {
  readonly match: RegExp;
  readonly why: string;
}

/** URLs (scheme://...) the bundle may contain. */
const ALLOWED_URLS: Allowed[] = [
  { match: /^http:\/\/outpost-internal\$\{/, why: 'pseudo-origin of requests to another Outpost process over a workerd external service bound to its unix socket (worker/cluster/); the binding ignores the host' },
  { match: /^http:\/\/volume\//, why: 'pseudo-origin of requests to workerd disk service bindings (worker/runtime/workerd.ts); never leaves the process' },
  { match: /^http:\/\/localhost(\$\{|$)/, why: "hono's base URL for app.request() and URL parsing of relative paths; no connection is made" },
  { match: /^http:\/\/127\.0\.0\.1:8000$/, why: "OUTPOST_UPSTREAM_URL's default (vLLM's default port on loopback), from the variable table" },
  { match: /^https:\/\/json-schema\.org\/draft\/2020-12\/schema$/, why: '$schema identifier of the policy bundle JSON Schema; identifiers are never fetched' },
  { match: /^https:\/\/outpost\.invalid\//, why: '$id of our own JSON Schema; .invalid (RFC 2606) never resolves' },
  { match: /^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xhtml|1999\/xlink|2000\/xmlns\/?|XML\/1998\/namespace)$/, why: 'XML/SVG namespace URIs (admin console markup, DOM libraries): names, not addresses' },
  { match: /^http:\/\/vllm\.internal:8000\.?$/, why: 'example in a policy schema description (a site-internal name)' },
  { match: /^scheme:\/\/user:password@host$/, why: 'DLP detector description text (URL_PASSWORD)' },
  { match: /^https:\/\/hooks\.slack\.com\/$/, why: 'DLP anchor literal of the Slack webhook detector (worker/dlp/detectors/secrets.ts): text searched for, never fetched' },
  { match: /^file:\/\/(irrelevant|localhost\/)$/, why: "base URLs for path parsing in @sqlite.org/sqlite-wasm's VFS code (new URL(path, base).pathname); file: never reaches the network" },
  { match: /^https:\/\/sqlite\.org\/wasm\/doc\/trunk\/persistence\.md#coop-coep$/, why: 'documentation link inside a sqlite-wasm warning message (OPFS needs COOP/COEP); text, never fetched' },
  { match: /^file:\/\/$/, why: "onnxruntime-web's Emscripten glue tests whether a path starts with file:// (startsWith), no fetch" },
  { match: /^https:\/\/web\.dev\/cross-origin-isolation-guide\/$/, why: 'documentation link inside an onnxruntime-web warning about threads (we run one thread); text, never fetched' },
  { match: /^https:\/\/github\.com\/runk\/node-maxmind\/wiki\/Migration-guide$/, why: 'documentation link inside an mmdb-lib error message; text, never fetched' },
  { match: /^postgres:\/\/app:s3cr3t-Pa55@db\.internal:5432\/app$/, why: 'DLP detector self-test example (URL_PASSWORD)' },
  { match: /^https:\/\/[a-z0-9-]+\.example(\/[\w/.-]*)?$/, why: 'DLP detector examples on RFC 2606 .example hosts (curl -u ... https://nexus.example/repos); text, never fetched' },
  { match: /^https:\/\/(discord)?$/, why: 'DLP anchor literals of the Discord and Teams webhook detectors (worker/dlp/detectors/secrets-vendors.ts): text searched for, never fetched' },
];

/** Hostnames (outside URLs) the bundle may contain. */
const ALLOWED_HOSTS: Allowed[] = [
  { match: /^json-schema\.org$/, why: 'part of the $schema identifier above' },
  { match: /^www\.w3\.org$/, why: 'part of the XML namespace URIs above' },
  { match: /^hooks\.slack\.com$/, why: 'DLP keyword of the Slack webhook secret detector: matched in content, never contacted' },
  { match: /^acme-corp\.com$/, why: 'DLP detector self-test example e-mail domain' },
  { match: /^(example\.(com|org|net)|[a-z0-9-]+\.example\.(com|org|net))$/, why: 'RFC 2606 example domains in detector examples and docs strings' },
  { match: /^(fly\.io|frame\.io|webhook\.office\.com)$/, why: 'vendor names in DLP token detector descriptions (secrets-vendors.ts: "Fly.io access tokens", Teams "webhook.office.com/webhookb2/..." URLs); matched in content, never contacted' },
];

const URL_RE = /\b([a-z][a-z0-9+.-]{1,15}):\/\/[^\s"'`<>)\\,]*/gi;
// Public-looking hostnames: labels ending in a common public TLD, not part of a property chain
// (minified code is full of `e.log.info`), not assigned or called, outside URLs (scanned above).
// A first label of one character followed by `=` or `(` is a minified property access (f.dev=...).
const HOST_RE = /(?<![\w.$/@-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|org|net|io|dev|ai|co|cloud|sh|gov|edu|us|uk|de|ru|cn|xyz|gg|ly))(?![\w-])(?!\s*[=(])/gi;
const SCHEMES_IGNORED = new Set(['data', 'blob', 'node', 'cloudflare', 'about', 'javascript']);

let bundle: string;

beforeAll(() => {
  ensureBuilt();
  bundle = readFileSync(join(ROOT, 'dist', 'worker.js'), 'utf8');
});

function context(at: number): string {
  return bundle.slice(Math.max(0, at - 60), at + 80).replace(/\s+/g, ' ');
}

it('contains no URL outside the allow-list', () => {
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const m of bundle.matchAll(URL_RE)) {
    const url = m[0];
    if (SCHEMES_IGNORED.has(m[1]!.toLowerCase()) || seen.has(url)) continue;
    seen.add(url);
    if (!ALLOWED_URLS.some((a) => a.match.test(url))) unknown.push(`${url}\n    in: …${context(m.index!)}…`);
  }
  expect(unknown, `URLs not in the allow-list of ${import.meta.filename}`).toEqual([]);
});

it('contains no public hostname outside the allow-list', () => {
  const withoutUrls = bundle.replace(URL_RE, (u) => ' '.repeat(u.length));
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const m of withoutUrls.matchAll(HOST_RE)) {
    const host = m[1]!.toLowerCase();
    // A one-character first label is a minified identifier (f.dev, t.io), not a host.
    if (seen.has(host) || /^[a-z0-9]\./.test(host)) continue;
    seen.add(host);
    if (!ALLOWED_HOSTS.some((a) => a.match.test(host))) unknown.push(`${host}\n    in: …${context(m.index!)}…`);
  }
  expect(unknown, `hostnames not in the allow-list of ${import.meta.filename}`).toEqual([]);
});

it('the scan finds what it should (the checks are not vacuous)', () => {
  const sample = 'x="https://telemetry.vendor.io/v1/collect";y="updates.vendor.com"';
  expect([...sample.matchAll(URL_RE)].map((m) => m[0])).toEqual(['https://telemetry.vendor.io/v1/collect']);
  expect([...sample.replace(URL_RE, ' ').matchAll(HOST_RE)].map((m) => m[1])).toEqual(['updates.vendor.com']);
  // Property chains: `e.log.info` is no host (info is not in the TLD list); a longer chain that
  // ends in a listed TLD is reported, which errs on the side of looking at it.
  expect([...'e.log.info(x);cfg.vendor.io'.matchAll(HOST_RE)].map((m) => m[1])).toEqual(['cfg.vendor.io']);
  expect([...'f.dev=l.id;g.sh(x)'.matchAll(HOST_RE)]).toEqual([]);
  for (const a of [...ALLOWED_URLS, ...ALLOWED_HOSTS]) expect(a.why.length).toBeGreaterThan(10);
});
