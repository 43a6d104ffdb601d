/**
 * What an install may not do: add a target address the running gateway has no channel to (or move
 * `default` elsewhere), and what installs clean up: stored bundles beyond OUTPOST_POLICY_BUNDLES_KEPT.
 */
import { describe, expect, it } from 'vitest';
import { createPolicyStore } from '../../worker/policy/index.js';
import { MemoryVolumes, STATE_DIR, VOLUME_FILE, bundle, bytes, capturingLogger, json, testConfig, testRuntime } from './helpers.js';

async function boot(volumes: MemoryVolumes, env: Record<string, string> = {}) {
  const log = capturingLogger();
  const store = await createPolicyStore(testConfig(env), testRuntime(volumes, env), log);
  return { store, log };
}

const v = (version: string, extra: Record<string, unknown> = {}) => bundle({ version, created_at: `2026-03-13T09:00:${version.replace(/\D/g, '').padStart(2, '0')}Z`, ...extra });
const storedVersions = (volumes: MemoryVolumes) =>
  [...volumes.files.keys()].filter((p) => p.startsWith(`${STATE_DIR}/policy/bundles/`) && p.endsWith('.json')).map((p) => p.slice(`${STATE_DIR}/policy/bundles/`.length, -'.json'.length)).sort();

describe('targets a hot install cannot reach', () => {
  const target = (id: string, base_url: string) => ({ id, kind: 'openai', base_url, models: ['m-' + id] });

  it('a new address or a replaced default is refused, naming the targets and the next start; the active bundle keeps serving', async () => {
    const volumes = new MemoryVolumes();
    volumes.put(VOLUME_FILE, json(v('v1', { targets: [target('a', 'http://10.0.0.1:8000')] })));
    const { store } = await boot(volumes);

    const added = await store.install(bytes(v('v2', { targets: [target('a', 'http://10.0.0.1:8000'), target('b', 'http://10.0.0.2:8000')] })));
    expect(added).toMatchObject({ ok: false, status: 409, code: 'policy_needs_restart' });
    expect(added.ok ? '' : added.message).toBe(
      `target "b" (http://10.0.0.2:8000) needs an address the running gateway has no channel to; the bundle applies at the next start: put it at ${VOLUME_FILE} and restart the gateway (the active bundle is unchanged)`,
    );

    const moved = await store.install(bytes(v('v3', { targets: [target('default', 'http://10.0.0.9:8000'), target('c', 'http://10.0.0.8:8000')] })));
    expect(moved.ok ? '' : moved.message).toContain('targets "default" (http://10.0.0.9:8000), "c" (http://10.0.0.8:8000) need an address');
    expect(store.current().version).toBe('v1');
    expect(store.current().targets.resolve('m-a')?.baseUrl).toBe('http://10.0.0.1:8000');
    expect(store.current().targets.resolve('anything')?.baseUrl).toBe('http://127.0.0.1:8000');
    expect(storedVersions(volumes)).toEqual(['v1']);
  });

  it('known addresses are fine: a new target id on a known address, default moved to a known address', async () => {
    const volumes = new MemoryVolumes();
    volumes.put(VOLUME_FILE, json(v('v1', { targets: [target('a', 'http://10.0.0.1:8000')] })));
    const { store } = await boot(volumes);
    expect(await store.install(bytes(v('v2', { targets: [target('a2', 'http://10.0.0.1:8000/v1')] })))).toMatchObject({ ok: true, version: 'v2' });
    expect(await store.install(bytes(v('v3', { targets: [target('default', 'http://10.0.0.1:8000')] })))).toMatchObject({ ok: true, version: 'v3' });
  });

  it('after a restart with the bundle on the volume, it is active', async () => {
    const volumes = new MemoryVolumes();
    const { store } = await boot(volumes);
    const next = v('v2', { targets: [target('b', 'http://10.0.0.2:8000')] });
    expect(await store.install(bytes(next))).toMatchObject({ ok: false, code: 'policy_needs_restart' });
    volumes.put(VOLUME_FILE, json(next));
    const restarted = (await boot(volumes)).store;
    expect(restarted.current().version).toBe('v2');
    expect(restarted.current().targets.resolve('m-b')?.baseUrl).toBe('http://10.0.0.2:8000');
  });
});

describe('stored bundles are cleaned up', () => {
  it('keeps the active bundle and the last N others (OUTPOST_POLICY_BUNDLES_KEPT); rollback still works', async () => {
    const volumes = new MemoryVolumes();
    const env = { OUTPOST_POLICY_BUNDLES_KEPT: '3' };
    const { store, log } = await boot(volumes, env);
    for (let i = 1; i <= 7; i++) expect(await store.install(bytes(v(`v${i}`)))).toMatchObject({ ok: true });
    expect(storedVersions(volumes)).toEqual(['v4', 'v5', 'v6', 'v7']);
    expect(log.text()).toContain('INFO Policy: removed 1 stored bundle beyond OUTPOST_POLICY_BUNDLES_KEPT=3: v3');
    expect(await store.rollback()).toMatchObject({ ok: true, version: 'v6' });
    // Rolled-back-from v7 stays (one of the 3 newest besides the active one).
    expect(storedVersions(volumes)).toEqual(['v4', 'v5', 'v6', 'v7']);
    expect((await boot(volumes, env)).store.current().version).toBe('v6');
  });

  it('keeps 20 by default', async () => {
    const volumes = new MemoryVolumes();
    const { store } = await boot(volumes);
    for (let i = 1; i <= 25; i++) await store.install(bytes(v(`v${i}`)));
    expect(storedVersions(volumes)).toHaveLength(21);
    expect(storedVersions(volumes)).not.toContain('v4');
    expect(storedVersions(volumes)).toContain('v5');
  });
});
