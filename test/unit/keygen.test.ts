/**
 * `outpost policy keygen --out DIR` as an operator runs it: a missing folder is created with
 * owner-only access, and the key pair lands in it.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../e2e/harness.js';

describe('outpost policy keygen', () => {
  it('creates a missing --out folder (mode 0700) and writes the key pair into it', () => {
    const parent = mkdtempSync(join(tmpdir(), 'outpost-keygen-'));
    const out = join(parent, 'keys', 'nested');
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'outpost.mjs'), 'policy', 'keygen', '--out', out], { encoding: 'utf8' });
    expect(run.stderr).not.toContain('ENOENT');
    expect(run.status).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o700);
    expect(statSync(join(out, 'policy_signing_key.pem')).mode & 0o777).toBe(0o600);
    expect(existsSync(join(out, 'policy_signing_key.pub.pem'))).toBe(true);
    expect(run.stdout).toMatch(/OUTPOST_POLICY_PUBLIC_KEY=\S+/);
  });
});
