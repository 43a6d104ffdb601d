/**
 * Launch facts apart from rendering: the split launcher renders byte for byte what the launcher
 * rendered before the split (test/fixtures/launch, from commit 261f7c5), both from node:fs and
 * from a snapshot of launchPaths() alone (what the workerd release's renderer fetches).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { layOutEnvironments, type LaunchEnvironment } from './launch-environments.js';
import { resolveEnvironment } from '../../cli/environment.js';
import { gatherLaunchFacts } from '../../cli/launch/facts.js';
import { nodeLaunchFiles } from '../../cli/launch/node-files.js';
import { renderWorkerdConfig } from '../../cli/launch/render-workerd.js';
import { denoArgs } from '../../cli/launch/render-deno.js';
import { gatherFactsFromSnapshot, snapshotFiles, takeLaunchSnapshot, type PathProbe } from '../../cli/launch/snapshot-files.js';
import { effectLines, preparationSteps } from '../../cli/launch/prepare.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'launch');
let root = '';
let environments: LaunchEnvironment[] = [];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'outpost-launch-'));
  environments = layOutEnvironments(root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8').split('<ROOT>').join(root);

/** A probe over node:fs that records every path it was asked about. */
function recordingProbe(asked: string[]): PathProbe {
  return {
    async probe(path, need) {
      asked.push(path);
      if (!existsSync(path)) return { kind: 'missing' };
      if (statSync(path).isDirectory()) return need === 'list' ? { kind: 'dir', entries: nodeLaunchFiles.list(path)! } : { kind: 'dir' };
      return need === 'read' ? { kind: 'file', data: readFileSync(path) } : { kind: 'file' };
    },
  };
}

describe('launch facts', () => {
  const names = ['airgap-defaults', 'airgap-admin-port-bundles', 'connected-mtls', 'connected-renewed-tls', 'tier3-geoip'];

  it.each(names)('%s: the workerd config and Deno arguments are those of the launcher before the split', (name) => {
    const env = environments.find((e) => e.name === name)!;
    const facts = gatherLaunchFacts(resolveEnvironment(env.raw, root).values, env.distDir, nodeLaunchFiles);
    expect(renderWorkerdConfig(facts)).toBe(fixture(`${name}.capnp`));
    expect(`${denoArgs(facts).join('\n')}\n`).toBe(fixture(`${name}.deno.txt`));
  });

  it.each(names)('%s: a snapshot of the launch paths alone, each asked once, renders the same config', async (name) => {
    const env = environments.find((e) => e.name === name)!;
    const values = resolveEnvironment(env.raw, root).values;
    const asked: string[] = [];
    const facts = await gatherFactsFromSnapshot(values, env.distDir, recordingProbe(asked));
    expect(renderWorkerdConfig(facts)).toBe(fixture(`${name}.capnp`));
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('the installed bundles count: a broken one and a non-JSON file are skipped, the valid one adds its target', () => {
    const env = environments.find((e) => e.name === 'airgap-admin-port-bundles')!;
    const facts = gatherLaunchFacts(resolveEnvironment(env.raw, root).values, env.distDir, nodeLaunchFiles);
    expect(facts.targets.map((t) => t.baseUrl)).toEqual(['http://10.0.0.5:8000', 'http://10.0.0.7:8000', 'https://ollama.internal:11434']);
  });

  it('a path outside the launch paths is refused by the snapshot rather than read as missing', async () => {
    const env = environments[0]!;
    const values = resolveEnvironment(env.raw, root).values;
    const files = snapshotFiles(await takeLaunchSnapshot(values, env.distDir, recordingProbe([])));
    expect(files.exists(join(env.distDir, 'modules.json'))).toBe(false);
    expect(() => files.exists(join(root, 'elsewhere'))).toThrow(/not among the launch paths/);
  });
});

describe('preparation steps', () => {
  it('state folder, salt (0600, when OUTPOST_AUDIT_SALT is unset and no salt exists), audit folder, as the sh launcher reads them', () => {
    const values = resolveEnvironment({ OUTPOST_STATE_DIR: '/s', AUDIT_QUEUE_DB_PATH: '/s/audit/q.db' }, '/').values;
    const lines = effectLines(preparationSteps(values, { exists: () => false }));
    expect(lines.slice(0, 2)).toEqual(['mkdir 700', '/s']);
    expect(lines.slice(2, 4)).toEqual(['write 600', '/s/finding-salt']);
    expect(lines[4]).toMatch(/^[0-9a-f]{64}$/);
    expect(lines.slice(5)).toEqual(['mkdir 700', '/s/audit']);
    expect(effectLines(preparationSteps(values, { exists: () => true }))).toEqual(['mkdir 700', '/s', 'mkdir 700', '/s/audit']);
    const salted = resolveEnvironment({ OUTPOST_STATE_DIR: '/s', OUTPOST_AUDIT_SALT: 'x', AUDIT_QUEUE_DB_PATH: '/s/audit/q.db' }, '/').values;
    expect(effectLines(preparationSteps(salted, { exists: () => false }))).toEqual(['mkdir 700', '/s', 'mkdir 700', '/s/audit']);
  });
});
