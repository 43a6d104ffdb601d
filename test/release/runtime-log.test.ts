/**
 * An egress probe to a host that does not resolve, with the air gap off: workerd logs the failed
 * lookup as a C++ internal error with a native stack. Both launchers turn it into WARN lines
 * (issue 21): the release's sh launcher (sed over a FIFO) and the Node one (cli/launch/runtime-log.ts).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildRelease, startLauncher } from './helpers.js';
import { freePort, startGateway } from '../e2e/harness.js';

const VERSION = '0.0.0-runtimelog';
const TOKEN = 'runtime-log-admin-token-0123456789';
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'outpost-runtimelog-'));
  buildRelease(join(work, 'out'), ['--version', VERSION, '--runtime', 'workerd', '--no-tarball']);
}, 240_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function probeUnresolvable(url: string): Promise<void> {
  const res = await fetch(`${url}/admin/api/egress-probe`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ url: 'http://outpost-test.invalid/' }) });
  expect(res.status).toBe(200);
  await new Promise((r) => setTimeout(r, 500));
}

function expectOperatorLines(output: string): void {
  expect(output).toMatch(/WARN Runtime: an outbound connection failed \(.*(lookup|resolve|name).*\)/i);
  expect(output).not.toMatch(/\.c\+\+:\d+: error/);
  expect(output).not.toMatch(/^stack: /m);
}

it('the release launcher logs a failed lookup as WARN lines, without the native stack', async () => {
  const state = join(work, 'state-release');
  mkdirSync(state);
  const gw = await startLauncher(join(work, 'out', `outpost-${VERSION}-linux-x64`, 'bin', 'outpost'), {
    PORT: String(await freePort()),
    OUTPOST_AIRGAP: 'false',
    OUTPOST_ADMIN_TOKEN: TOKEN,
    OUTPOST_STATE_DIR: state,
    AUDIT_QUEUE_DB_PATH: join(state, 'audit', 'audit_queue.db'),
    AIRGAP_POLICY_PATH: join(state, 'policies'),
  });
  try {
    await probeUnresolvable(gw.url);
  } finally {
    expect(await gw.stop()).toBe(0);
  }
  expectOperatorLines(gw.output());
}, 120_000);

it('the Node launcher logs it the same way', async () => {
  const state = join(work, 'state-node');
  mkdirSync(state);
  const gw = await startGateway({ OUTPOST_AIRGAP: 'false', OUTPOST_ADMIN_TOKEN: TOKEN, OUTPOST_STATE_DIR: state, AUDIT_QUEUE_DB_PATH: join(state, 'audit', 'audit_queue.db'), AIRGAP_POLICY_PATH: join(state, 'policies') });
  try {
    await probeUnresolvable(gw.url);
  } finally {
    await gw.stop();
  }
  expectOperatorLines(gw.output());
}, 120_000);
