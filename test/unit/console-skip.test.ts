/**
 * `npm test` on a machine without Chromium: the admin console browser test is skipped with one
 * line saying how to run it (and counted as skipped); with CI=true a missing browser fails.
 * Runs vitest itself on test/e2e/console.test.ts with CHROMIUM_PATH pointing at nothing.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../e2e/harness.js';

/** The parent's environment minus CI and vitest's own variables, plus `extra`. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (k !== 'CI' && !k.startsWith('VITEST') && k !== 'NODE_OPTIONS' && k !== 'TEST') env[k] = v;
  return { ...env, NO_COLOR: '1', CHROMIUM_PATH: '/nonexistent/chromium', ...extra };
}

function runConsoleTest(extra: Record<string, string>) {
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/e2e/console.test.ts'], { cwd: ROOT, env: childEnv(extra), encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe('the admin console browser test without a browser', () => {
  it('outside CI: skipped, counted as skipped, with one line saying how to run it', () => {
    const { status, output } = runConsoleTest({});
    expect(status, output).toBe(0);
    expect(output).toMatch(/Tests\s+1 skipped \(1\)/);
    const hints = output.split('\n').filter((line) => line.startsWith('SKIP '));
    expect(hints).toHaveLength(1);
    expect(hints[0]).toContain('no Chromium at /nonexistent/chromium');
    expect(hints[0]).toContain('npx vitest run test/e2e/console.test.ts');
  });

  it('with CI=true: a missing browser fails as before', () => {
    const { status, output } = runConsoleTest({ CI: 'true' });
    expect(status).not.toBe(0);
    expect(output).toContain('Chromium not found at /nonexistent/chromium');
  });
});
