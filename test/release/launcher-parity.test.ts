/**
 * The release's sh launcher must render exactly the workerd config (and Deno arguments) that
 * `outpost config` / `outpost start` render from the same environment. The launcher runs the
 * bundled TypeScript renderer on the release's own runtime (`workerd test` with a file-system
 * snapshot, or `deno run`), so this compares the real artifacts against the Node functions,
 * byte for byte, over environments that touch every input: defaults, air gap, https targets,
 * API key names, existing and missing volumes, relative paths, policy bundles adding targets
 * (on the volume and installed in the state folder), odd characters, and refusals.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareWritableFolders, resolveEnvironment } from '../../cli/environment.js';
import { listFiles } from '../../cli/release.js';
import { VARIABLES } from '../../worker/config/variables.js';
import { statSync, existsSync } from 'node:fs';
import { workerdConfig } from '../../cli/workerd-config.js';
import { denoArgs } from '../../cli/workerd-config.js';
// @ts-expect-error plain JS module without types
import { writeLauncher } from '../../scripts/release/launcher.mjs';
import { ROOT, ensureBuilt } from './helpers.js';

const RUNTIMES = ['workerd', 'deno'] as const;
const releases: Record<string, string> = {};
let work: string;

function bundle(version: string, targets: Array<{ id: string; kind: string; base_url: string; models: string[]; api_key_env?: string }>): string {
  const base = JSON.parse(readFileSync(join(ROOT, 'assets', 'policy', 'policy_bundle.baseline.json'), 'utf8')) as Record<string, unknown>;
  return JSON.stringify({ ...base, version, targets });
}

beforeAll(async () => {
  ensureBuilt();
  for (const runtime of RUNTIMES) {
    const dir = mkdtempSync(join(tmpdir(), `outpost-parity-${runtime}-`));
    cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
    await writeLauncher(dir, { version: '9.9.9-test', runtime });
    const binary = runtime === 'workerd' ? join(ROOT, 'node_modules', '@cloudflare', 'workerd-linux-64', 'bin', 'workerd') : join(ROOT, 'node_modules', 'deno', 'deno');
    symlinkSync(binary, join(dir, 'bin', runtime));
    releases[runtime] = dir;
  }
  work = mkdtempSync(join(tmpdir(), 'outpost-parity-work-'));
  for (const d of ['policies', 'models', 'geo', 'state/policy/bundles', 'tls', 'rel/sub', 'bundled']) mkdirSync(join(work, d), { recursive: true });
  writeFileSync(join(work, 'bundled', 'policy_bundle.json'), bundle('v-volume', [
    { id: 'ollama-gpu', kind: 'ollama', base_url: 'http://ollama.internal:11434', models: ['llama3*'] },
    { id: 'vllm-b', kind: 'openai', base_url: 'https://vllm-b.internal/v1', models: ['mistral'], api_key_env: 'VLLM_B_KEY' },
  ]));
  writeFileSync(join(work, 'state', 'policy', 'bundles', '2026-01-01.json'), bundle('v-installed', [{ id: 'old', kind: 'openai', base_url: 'http://10.1.2.3:8000', models: ['old-model'] }]));
  writeFileSync(join(work, 'state', 'policy', 'bundles', 'broken.json'), '{ not a bundle');
}, 60_000);

afterAll(() => {
  for (const dir of [...Object.values(releases), work]) if (dir) rmSync(dir, { recursive: true, force: true });
});

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
  'policy bundles add targets (volume and installed)': (w) => ({
    OUTPOST_AIRGAP: 'true',
    AIRGAP_POLICY_PATH: join(w, 'bundled'),
    OUTPOST_STATE_DIR: join(w, 'state'),
    AUDIT_QUEUE_DB_PATH: join(w, 'state', 'audit', 'audit_queue.db'),
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
  'bad air-gap flag': { OUTPOST_AIRGAP: 'maybe' },
  'control character': { OUTPOST_UPSTREAM_MODELS: 'a\tb' },
};

function node(env: Record<string, string>): { text?: string; error?: string } {
  try {
    return { text: workerdConfig({ values: resolveEnvironment(env, work).values, distDir: '' }) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function launcher(runtime: string, args: string[], env: Record<string, string>) {
  const r = spawnSync(join(releases[runtime]!, 'bin', 'outpost'), args, { env: { PATH: '/usr/bin:/bin', HOME: work, ...env }, cwd: work, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.each(RUNTIMES)('%s release launcher', (runtime) => {
  const expected = (env: Record<string, string>) => workerdConfig({ values: resolveEnvironment(env, work).values, distDir: join(releases[runtime]!, 'dist') });

  it.each(Object.keys(ENVIRONMENTS))('renders the same config as outpost config: %s', (name) => {
    const env = ENVIRONMENTS[name]!(work);
    const got = launcher(runtime, ['config'], env);
    expect(got.stderr).toBe('');
    expect(got.status).toBe(0);
    expect(got.stdout).toBe(expected(env));
    if (name.startsWith('policy bundles')) {
      // The case is not vacuous: both bundles' targets became runtime channels.
      for (const address of ['ollama.internal:11434', 'vllm-b.internal:443', '10.1.2.3:8000']) expect(got.stdout).toContain(`address = "${address}"`);
    }
  });

  it.each(Object.keys(FAILURES))('refuses what outpost config refuses, with its message: %s', (name) => {
    const env = FAILURES[name]!;
    const want = node(env);
    expect(want.error).toBeTruthy();
    const got = launcher(runtime, ['config'], env);
    expect(got.status).not.toBe(0);
    expect(got.stderr).toBe(`ERROR ${want.error}\n`);
  });

  it('creates the writable folders and files outpost start creates', () => {
    const layout = (root: string) => {
      const env = { OUTPOST_STATE_DIR: join(root, 'st', 'state'), AUDIT_QUEUE_DB_PATH: join(root, 'audit', 'q.db') };
      return env;
    };
    const viaNode = mkdtempSync(join(tmpdir(), 'outpost-prep-node-'));
    prepareWritableFolders(resolveEnvironment(layout(viaNode), viaNode).values);
    const viaSh = mkdtempSync(join(tmpdir(), 'outpost-prep-sh-'));
    const got = launcher(runtime, ['prepare'], layout(viaSh));
    expect(got.stderr).toBe('');
    expect(got.status).toBe(0);
    const files = (root: string) => listFiles(root).filter((f) => !f.includes('/.run/') && !f.includes('/.deno/'));
    expect(files(viaSh)).toEqual(files(viaNode));
    expect(existsSync(join(viaSh, 'audit'))).toBe(true);
    for (const f of files(viaNode)) expect((statSync(join(viaSh, f)).mode & 0o777).toString(8), f).toBe((statSync(join(viaNode, f)).mode & 0o777).toString(8));
    expect((statSync(join(viaSh, 'st', 'state')).mode & 0o077)).toBe(0);
  });

  it('answers version and help', () => {
    expect(launcher(runtime, ['version'], {}).stdout.trim()).toBe('9.9.9-test');
    expect(launcher(runtime, ['help'], {}).stdout).toContain('outpost start');
    expect(launcher(runtime, ['bogus'], {}).status).toBe(2);
  });
});

describe('deno release launcher', () => {
  it.each(Object.keys(ENVIRONMENTS).filter((n) => !n.includes('control')))('passes the same arguments to deno serve: %s', (name) => {
    const env = ENVIRONMENTS[name]!(work);
    const want = denoArgs(resolveEnvironment(env, work).values, join(releases.deno!, 'dist'));
    const got = launcher('deno', ['deno-args'], env);
    expect(got.stderr).toBe('');
    expect(got.stdout.trimEnd().split('\n')).toEqual(want);
  });
});

it('hands deno the environment outpost start hands it (known variables resolved)', () => {
  const env = ENVIRONMENTS['relative paths with dot segments']!(work);
  const got = launcher('deno', ['deno-launch'], env);
  // deno-launch is internal; reach it through the renderer the launcher runs.
  expect(got.status).not.toBe(0);
  const direct = spawnSync(join(releases.deno!, 'bin', 'deno'), ['run', '--quiet', '--no-config', '--no-lock', '--allow-env', '--allow-read', `--allow-write=${work}`, join(releases.deno!, 'lib', 'render-deno.mjs'), 'deno-launch', join(releases.deno!, 'dist')], { env: { PATH: '/usr/bin:/bin', HOME: work, DENO_DIR: join(work, '.deno'), ...env }, cwd: work, encoding: 'utf8' });
  expect(direct.stderr).toBe('');
  const [envLines] = direct.stdout.split('\n--\n');
  const values = resolveEnvironment(env, work).values;
  const secret = new Set(VARIABLES.filter((v) => v.secret).map((v) => v.name));
  expect(envLines!.split('\n')).toEqual(Object.entries(values).filter(([n]) => !secret.has(n)).map(([n, v]) => `${n}=${v}`));
});

it('the workerd launcher refuses paths it cannot see rather than rendering without them', () => {
  const got = launcher('workerd', ['config'], { AIRGAP_POLICY_PATH: join(work, '.hidden', 'policies') });
  expect(got.status).not.toBe(0);
  expect(got.stderr).toMatch(/AIRGAP_POLICY_PATH=.*component starting with '\.'/);
});
