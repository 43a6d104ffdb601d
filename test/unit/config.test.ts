import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseBaseUrl, parseConfig, ConfigError } from '../../worker/config/index.js';
import { VARIABLES } from '../../worker/config/variables.js';
import { TargetRegistry } from '../../worker/proxy/targets.js';
import { resolveEnvironment } from '../../cli/environment.js';
import { workerdConfig } from '../../cli/workerd-config.js';
// @ts-expect-error plain JS script without types
import { variablesTable, START, END } from '../../scripts/variables.mjs';

const ROOT = join(import.meta.dirname, '..', '..');

describe('configuration', () => {
  it('defaults match the operator contract', () => {
    const config = parseConfig({});
    expect(config.airGap).toBe(false);
    expect(config.targets).toEqual([{ id: 'default', kind: 'openai', baseUrl: 'http://127.0.0.1:8000', models: ['*'] }]);
    expect(config.auditDbPath).toBe('audit_queue/audit_queue.db');
    expect(config.policyPath).toBe('/opt/outpost/policies');
  });

  it('normalises target base URLs and refuses bad ones with the variable name', () => {
    expect(normaliseBaseUrl('X', 'http://vllm.internal:8000/v1/')).toBe('http://vllm.internal:8000');
    expect(normaliseBaseUrl('X', 'http://127.0.0.1:11434/api')).toBe('http://127.0.0.1:11434');
    expect(() => normaliseBaseUrl('OUTPOST_UPSTREAM_URL', 'ftp://x')).toThrow(/OUTPOST_UPSTREAM_URL must be http or https/);
    expect(() => normaliseBaseUrl('OUTPOST_UPSTREAM_URL', 'http://user:pw@host')).toThrow(ConfigError);
    expect(() => parseConfig({ OUTPOST_UPSTREAM_TIMEOUT_MS: '-5' })).toThrow(/OUTPOST_UPSTREAM_TIMEOUT_MS must be a positive integer/);
    expect(() => parseConfig({ OUTPOST_AIRGAP: 'maybe' })).toThrow(/OUTPOST_AIRGAP/);
  });

  it('gives each subsystem typed settings read by the kind the variable table declares', () => {
    const config = parseConfig({ OUTPOST_AUDIT_BREAKER_FAILURES: '7', GEOIP_DOWNLOAD_ON_START: 'YES', OUTPOST_TRUSTED_PROXIES: ' 10.0.0.0/8 , ,::1 ', OUTPOST_ADMIN_PORT: '9091', OUTPOST_METRICS_AUTH: 'None' });
    expect(config.audit).toEqual({ breakerFailures: 7, breakerCooldownMs: 30_000 });
    expect(config.geoip).toMatchObject({ downloadOnStart: true, trustedProxies: ['10.0.0.0/8', '::1'] });
    expect(config.admin).toEqual({ port: 9091, metricsAuth: 'none' });
    expect(config.platform.heartbeatIntervalMs).toBe(30_000);
    expect(config.tls).toEqual({ warnDays: 45 });
    expect(config.tier3).toEqual({ enabled: false, modelDir: '/opt/outpost/models' });
    expect(() => parseConfig({ OUTPOST_PLATFORM_TIMEOUT_MS: '10s' })).toThrow(/OUTPOST_PLATFORM_TIMEOUT_MS must be a positive integer, got "10s"/);
    expect(() => parseConfig({ OUTPOST_METRICS_AUTH: 'open' })).toThrow(/OUTPOST_METRICS_AUTH must be token or none/);
    expect(() => parseConfig({ GEOIP_DOWNLOAD_URL: 'ftp://mirror/db' })).toThrow(/GEOIP_DOWNLOAD_URL must be http or https/);
    // Every variable declares a kind the readers know.
    for (const v of VARIABLES) expect(['string', 'path', 'bool', 'int', 'url', 'list', 'enum']).toContain(v.kind);
  });

  it('looks up a target API key only by the variable the operator named', () => {
    const config = parseConfig({ OUTPOST_UPSTREAM_API_KEY_ENV: 'VLLM_KEY', VLLM_KEY: 'sk-local' });
    expect(config.targets[0]!.apiKeyEnv).toBe('VLLM_KEY');
    expect(config.apiKeyOf(config.targets[0]!)).toBe('sk-local');
    expect(config.apiKeyOf({ apiKeyEnv: 'UNSET_VARIABLE' })).toBeUndefined();
    expect(config.apiKeyOf({})).toBeUndefined();
  });

  it('routes models to targets: exact claims first, then the catch-all', () => {
    const registry = new TargetRegistry([
      { id: 'ollama', kind: 'ollama', baseUrl: 'http://127.0.0.1:11434', models: ['llama3.1'] },
      { id: 'vllm', kind: 'openai', baseUrl: 'http://127.0.0.1:8000', models: ['*'] },
    ]);
    expect(registry.resolve('llama3.1')?.id).toBe('ollama');
    expect(registry.resolve('anything')?.id).toBe('vllm');
    expect(new TargetRegistry([{ id: 'a', kind: 'openai', baseUrl: 'http://h:1', models: ['m'] }]).resolve('other')).toBeUndefined();
  });

  it('the README documents every variable, generated from the table', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END)).trim();
    expect(section).toBe(variablesTable(VARIABLES));
  });
});

describe('workerd config', () => {
  const values = resolveEnvironment({ OUTPOST_AIRGAP: 'true', OUTPOST_UPSTREAM_URL: 'http://10.0.0.5:8000', OUTPOST_ADMIN_TOKEN: 's3cret-token-value', OUTPOST_STATE_DIR: '/tmp' }, '/tmp').values;
  const text = workerdConfig({ values, distDir: join(ROOT, 'dist') });

  it('reaches the target only through an external service, everything else is refused', () => {
    expect(text).toMatch(/external = \(address = "10\.0\.0\.5:8000"/);
    expect(text).toMatch(/globalOutbound = "egress-deny"/);
    expect(text).toMatch(/allow = \[\]/);
    expect(text).not.toMatch(/"public"|"private"|"local"/);
  });

  it('never writes a secret into the config text', () => {
    expect(text).not.toContain('s3cret-token-value');
    expect(text).toMatch(/name = "OUTPOST_ADMIN_TOKEN", fromEnvironment = "OUTPOST_ADMIN_TOKEN"/);
  });
});
