/**
 * The release's sh launcher must render exactly the workerd config (and Deno arguments) that
 * `outpost config` / `outpost start` render from the same environment. Runs the generated
 * launcher under every POSIX shell present (dash, bash --posix, busybox sh) against the Node
 * generator, byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveEnvironment } from '../../cli/environment.js';
import { workerdConfig } from '../../cli/workerd-config.js';
import { denoArgs } from '../../cli/start.js';
// @ts-expect-error plain JS module without types
import { renderLauncher } from '../../scripts/release/launcher.mjs';

const MODULES = [
  { name: 'ort-wasm-simd-threaded.wasm', type: 'wasm' },
  { name: 'model "q".onnx', type: 'data' },
];
const SHELLS = [['dash'], ['bash', '--posix'], ['busybox', 'sh']].filter(([bin]) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0);

let release: string;
let launcher: string;
let work: string;

beforeAll(async () => {
  release = mkdtempSync(join(tmpdir(), 'outpost-parity-'));
  mkdirSync(join(release, 'bin'));
  mkdirSync(join(release, 'dist'));
  writeFileSync(join(release, 'dist', 'modules.json'), JSON.stringify(MODULES));
  launcher = join(release, 'bin', 'outpost');
  writeFileSync(launcher, await renderLauncher({ version: '9.9.9-test', defaultRuntime: 'workerd', modules: MODULES }), { mode: 0o755 });
  work = mkdtempSync(join(tmpdir(), 'outpost-parity-work-'));
  for (const d of ['policies', 'models', 'geo', 'state', 'tls', 'rel/sub']) mkdirSync(join(work, d), { recursive: true });
});

function runSh(shell: string[], args: string[], env: Record<string, string>, cwd: string) {
  const r = spawnSync(shell[0]!, [...shell.slice(1), launcher, ...args], { env: { PATH: process.env.PATH!, ...env }, cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function node(env: Record<string, string>, cwd: string): { text?: string; error?: string } {
  try {
    return { text: workerdConfig({ values: resolveEnvironment(env, cwd).values, distDir: join(release, 'dist') }) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

const ENVIRONMENTS: Record<string, (w: string) => Record<string, string>> = {
  defaults: () => ({}),
  'air-gap, ollama, path prefix': () => ({ OUTPOST_AIRGAP: 'true', OUTPOST_UPSTREAM_KIND: 'Ollama', OUTPOST_UPSTREAM_URL: 'http://ollama.internal:11434/api/' }),
  'https default port, api key': () => ({ OUTPOST_AIRGAP: ' YES ', OUTPOST_UPSTREAM_URL: 'HTTPS://Vllm.Example.Internal/v1', OUTPOST_UPSTREAM_API_KEY_ENV: ' VLLM_KEY ' }),
  'volumes present, shared folders': (w) => ({
    OUTPOST_AIRGAP: 'true',
    AIRGAP_POLICY_PATH: join(w, 'policies'),
    AIRGAP_MODEL_PATH: join(w, 'models'),
    DEBERTA_MODEL_PATH: join(w, 'models', 'model.onnx'),
    GEOIP_MMDB_PATH: join(w, 'geo', 'city.mmdb'),
    GEOIP_ASN_DB_PATH: join(w, 'geo', 'asn.mmdb'),
    OUTPOST_TLS_CERT: join(w, 'tls', 'cert.pem'),
    OUTPOST_TLS_KEY: join(w, 'tls', 'key.pem'),
    OUTPOST_STATE_DIR: join(w, 'policies'),
    AUDIT_QUEUE_DB_PATH: join(w, 'state', 'audit.db'),
  }),
  'relative paths with dot segments': () => ({
    OUTPOST_STATE_DIR: './state/',
    AIRGAP_POLICY_PATH: 'rel/sub/../sub//',
    AIRGAP_MODEL_PATH: '../nonexistent/../models',
    AUDIT_QUEUE_DB_PATH: 'audit_queue/audit_queue.db',
    GEOIP_MMDB_FALLBACK_PATH: 'geo/fallback.mmdb',
  }),
  'ipv6 target and listener, odd values': () => ({
    HOST: '::1',
    PORT: '18080',
    OUTPOST_UPSTREAM_URL: 'http://[::1]:08000',
    OUTPOST_UPSTREAM_MODELS: 'a"b\\c, llama3.1',
    OUTPOST_TRUSTED_PROXIES: "10.0.0.0/8,'quoted' $HOME `x`",
    OUTPOST_LOG_LEVEL: 'DEBUG',
  }),
  'connected with platform, admin port': () => ({ OUTPOST_PLATFORM_URL: 'https://platform.example.internal', OUTPOST_UPSTREAM_URL: 'http://127.0.0.1:80', OUTPOST_ADMIN_PORT: '9090' }),
};

const FAILURES: Record<string, Record<string, string>> = {
  'unknown kind': { OUTPOST_UPSTREAM_KIND: 'tgi' },
  'ftp target': { OUTPOST_UPSTREAM_URL: 'ftp://x/' },
  'credentials in URL': { OUTPOST_UPSTREAM_URL: 'http://u:p@x:8000' },
  'bad air-gap flag': { OUTPOST_AIRGAP: 'maybe' },
  'control character': { OUTPOST_UPSTREAM_MODELS: 'a\tb' },
  'zero timeout': { OUTPOST_UPSTREAM_TIMEOUT_MS: '0' },
  'admin port out of range': { OUTPOST_ADMIN_PORT: '70000' },
};

describe.each(SHELLS.map((s) => [s.join(' '), s] as const))('launcher under %s', (_name, shell) => {
  it.each(Object.keys(ENVIRONMENTS))('renders the same config as outpost config: %s', (name) => {
    const env = ENVIRONMENTS[name]!(work);
    const expected = node(env, work);
    expect(expected.error).toBeUndefined();
    const got = runSh(shell, ['config'], env, work);
    expect(got.stderr).toBe('');
    expect(got.status).toBe(0);
    expect(got.stdout).toBe(expected.text);
  });

  it.each(Object.keys(ENVIRONMENTS))('passes the same arguments to deno serve: %s', (name) => {
    const env = ENVIRONMENTS[name]!(work);
    const values = resolveEnvironment(env, work).values;
    const expected = denoArgs(values, join(release, 'dist'));
    const got = runSh(shell, ['deno-args'], env, work);
    expect(got.status).toBe(0);
    expect(got.stdout.trimEnd().split('\n')).toEqual(expected);
  });

  it.each(Object.keys(FAILURES))('refuses what outpost config refuses: %s', (name) => {
    const env = FAILURES[name]!;
    const expected = node(env, work);
    expect(expected.error).toBeTruthy();
    const got = runSh(shell, ['config'], env, work);
    expect(got.status).not.toBe(0);
    expect(got.stderr).toMatch(/^ERROR /);
    const variable = /[A-Z_]{6,}/.exec(expected.error!)?.[0];
    if (variable) expect(got.stderr).toContain(variable);
  });

  it('answers version and help', () => {
    expect(runSh(shell, ['version'], {}, work).stdout.trim()).toBe('9.9.9-test');
    expect(runSh(shell, ['help'], {}, work).stdout).toContain('outpost start');
    expect(runSh(shell, ['bogus'], {}, work).status).toBe(2);
  });
});

it('found at least one POSIX shell to test with', () => {
  expect(SHELLS.length).toBeGreaterThan(0);
  expect(existsSync(launcher)).toBe(true);
});
