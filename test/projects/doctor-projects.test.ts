/**
 * `outpost doctor` in projects mode: the project folders are checked instead of one bundle.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { resolveEnvironment } from '../../cli/environment.js';
import { checkPolicy, runChecks } from '../../cli/doctor.js';
import { checkProjects } from '../../cli/doctor-projects.js';

const bundle = (project: Record<string, unknown> | undefined) => JSON.stringify({ schema_version: 1, version: 'v1', created_at: '2026-11-29T00:00:00Z', models: [{ name: '*', risk_tier: 'std' }], risk_tiers: { std: {} }, auth: { mode: 'none' }, ...(project ? { project } : {}) });

it('names a bundle in the wrong folder, a hostname claimed twice and a folder that is no project id', () => {
  const site = mkdtempSync(join(tmpdir(), 'outpost-doctor-projects-'));
  const write = (folder: string, text: string) => {
    mkdirSync(join(site, 'policies', 'projects', folder), { recursive: true });
    writeFileSync(join(site, 'policies', 'projects', folder, 'policy_bundle.json'), text);
  };
  write('alpha', bundle({ id: 'alpha', hostnames: ['shared.test'] }));
  write('beta', bundle({ id: 'alpha' }));
  write('gamma', bundle({ id: 'gamma', hostnames: ['shared.test'] }));
  write('Not_An_Id', bundle({ id: 'x' }));
  const values = resolveEnvironment({ OUTPOST_MODE: 'projects', AIRGAP_POLICY_PATH: join(site, 'policies'), OUTPOST_PROJECT_CACHE_SIZE: '2' }, site).values;
  const findings = checkProjects(values, checkPolicy);
  expect(findings[0]).toMatchObject({ check: 'projects', severity: 'ok' });
  expect(findings[0]!.message).toMatch(/3 projects .* 1 without errors; up to 2 compiled at once/);
  expect(findings.find((f) => f.check === 'project beta' && f.severity === 'error')!.message).toMatch(/names project "alpha"/);
  expect(findings.find((f) => f.check === 'project gamma' && f.severity === 'error')!.message).toMatch(/shared\.test is claimed by projects alpha and gamma/);
  expect(findings.some((f) => f.severity === 'warn' && f.message.includes('Not_An_Id'))).toBe(true);
  expect(findings.some((f) => f.severity === 'info' && /more projects \(3\) than OUTPOST_PROJECT_CACHE_SIZE \(2\)/.test(f.message))).toBe(true);
  // runChecks uses the project checks instead of the single-bundle one.
  const all = runChecks({ values, distDir: join(site, 'dist') });
  expect(all.some((f) => f.check === 'projects')).toBe(true);
  expect(all.some((f) => f.check === 'policy' && /built-in baseline/.test(f.message))).toBe(false);
});

it('a missing projects folder is an error', () => {
  const site = mkdtempSync(join(tmpdir(), 'outpost-doctor-projects-'));
  const values = resolveEnvironment({ OUTPOST_MODE: 'projects', AIRGAP_POLICY_PATH: join(site, 'policies') }, site).values;
  expect(checkProjects(values, checkPolicy)[0]).toMatchObject({ check: 'projects', severity: 'error' });
});
