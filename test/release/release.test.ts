/**
 * `npm run release` end to end: both tarballs (workerd and Deno) are built once, then each is
 * checked the way a receiving site would: with the standard tools (the exact commands printed in
 * OPERATIONS.md), with `outpost release verify`, against tampering, for its contents, and by
 * running the gateway through the release's own sh launcher against the mock model server.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VARIABLES } from '../../worker/config/variables.js';
import { resolveEnvironment } from '../../cli/environment.js';
import { workerdConfig } from '../../cli/workerd-config.js';
import { listFiles, releaseCommand, verifyReleaseDir, verifyTarball } from '../../cli/release.js';
import { createPublicKey } from 'node:crypto';
import { ROOT, buildRelease, chat, startLauncher } from './helpers.js';
import { freePort, startMock, type MockUpstream } from '../e2e/harness.js';

const VERSION = '0.0.0-releasetest';
let out: string;
let unpacked: string;
let keyDir: string;
let mock: MockUpstream;
let mockUrl: string;
let buildMs = 0;

const RUNTIMES = [
  { runtime: 'workerd', name: `outpost-${VERSION}-linux-x64` },
  { runtime: 'deno', name: `outpost-${VERSION}-linux-x64-deno` },
] as const;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'outpost-release-'));
  keyDir = mkdtempSync(join(tmpdir(), 'outpost-release-key-'));
  // A signing key "held by the release manager", passed the documented way.
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  writeFileSync(join(keyDir, 'signing.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(join(keyDir, 'trusted.pub.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
  const started = Date.now();
  buildRelease(out, ['--version', VERSION], { OUTPOST_RELEASE_SIGNING_KEY: join(keyDir, 'signing.pem') });
  buildMs = Date.now() - started;
  unpacked = mkdtempSync(join(tmpdir(), 'outpost-unpacked-'));
  for (const { name } of RUNTIMES) execFileSync('tar', ['-xzf', join(out, `${name}.tar.gz`), '-C', unpacked]);
  ({ mock, url: mockUrl } = await startMock());
}, 240_000);

afterAll(async () => {
  await mock?.close();
  // Each release folder holds a 100+ MB runtime binary: leave nothing behind in the temp folder.
  for (const dir of [out, unpacked, keyDir, ...scratch]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const scratch: string[] = [];

it('builds both tarballs and a signed SHA256SUMS beside them', () => {
  for (const { name } of RUNTIMES) expect(existsSync(join(out, `${name}.tar.gz`))).toBe(true);
  expect(readFileSync(join(out, 'SHA256SUMS'), 'utf8')).toMatch(new RegExp(`^[0-9a-f]{64}  outpost-${VERSION.replace(/\./g, '\\.')}-linux-x64\\.tar\\.gz$`, 'm'));
  expect(existsSync(join(out, 'dev-signing-key.pem'))).toBe(false); // the given key was used
  console.log(`release build: ${buildMs} ms; tarballs: ${RUNTIMES.map(({ name }) => `${name} ${(statSync(join(out, `${name}.tar.gz`)).size / 1048576).toFixed(1)} MiB`).join(', ')}`);
});

/** The verification commands exactly as OPERATIONS.md prints them, the trusted key path swapped in. */
function documentedCommands(dir: string): string[] {
  const ops = readFileSync(join(dir, 'OPERATIONS.md'), 'utf8');
  const openssl = ops.split('\n').find((l) => l.startsWith('openssl pkeyutl -verify'))!;
  const sha = ops.split('\n').find((l) => l.trim() === 'sha256sum -c SHA256SUMS')!;
  expect(openssl).toBeTruthy();
  expect(sha).toBeTruthy();
  return [openssl.replace('/media/trusted/release-signing-key.pub.pem', join(keyDir, 'trusted.pub.pem')), sha];
}

/**
 * openssl is what OPERATIONS.md tells a receiving site to verify with. A machine with only Node
 * skips those commands with a SKIP line; CI (.ci/run installs openssl) always runs them.
 */
const OPENSSL = /^(true|1)$/i.test(process.env.CI ?? '') || spawnSync('openssl', ['version']).status === 0;
if (!OPENSSL) console.warn('SKIP (release openssl checks): openssl is not installed; .ci/run installs it');

function sh(command: string, cwd: string) {
  return spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8' });
}

it.skipIf(!OPENSSL)('the outer SHA256SUMS verifies with openssl and sha256sum', () => {
  const [openssl] = documentedCommands(join(unpacked, RUNTIMES[0].name));
  const sig = sh(openssl!, out);
  expect(sig.stdout).toContain('Signature Verified Successfully');
  expect(sh('sha256sum -c SHA256SUMS', out).status).toBe(0);
});

describe.each(RUNTIMES)('$runtime release', ({ runtime, name }) => {
  const dir = () => join(unpacked, name);

  it('holds the bundle, assets, runtime, launcher, templates, SBOM and signature', () => {
    const files = listFiles(dir());
    for (const f of ['VERSION', 'bin/outpost', `bin/${runtime}`, 'dist/worker.js', 'dist/modules.json', 'OPERATIONS.md', 'etc/outpost.env.example', 'etc/outpost.capnp.example', 'etc/outpost.service', 'sbom.cdx.json', 'SHA256SUMS', 'SHA256SUMS.sig', 'release-signing-key.pub.pem', runtime === 'workerd' ? 'lib/render-workerd.js' : 'lib/render-deno.mjs']) {
      expect(files, f).toContain(f);
    }
    expect(files).not.toContain(runtime === 'workerd' ? 'bin/deno' : 'bin/workerd');
    for (const m of JSON.parse(readFileSync(join(ROOT, 'dist', 'modules.json'), 'utf8')) as { name: string }[]) expect(files).toContain(`dist/${m.name}`);
    // assets/ is taken wholesale: whatever the other parts of the build put there ships.
    if (existsSync(join(ROOT, 'assets'))) for (const f of listFiles(join(ROOT, 'assets'))) expect(files).toContain(`assets/${f}`);
    expect(statSync(join(dir(), 'bin', 'outpost')).mode & 0o111).not.toBe(0);
    expect(readFileSync(join(dir(), 'VERSION'), 'utf8').trim()).toBe(VERSION);
    expect(files.some((f) => /private|signing-key\.pem$|dev-signing/.test(f))).toBe(false);
  });

  it('verifies with the standard tools, using the commands printed in OPERATIONS.md', () => {
    for (const command of documentedCommands(dir())) {
      const r = sh(command, dir());
      expect(r.status, `${command}\n${r.stdout}${r.stderr}`).toBe(0);
    }
    const launcher = spawnSync(join(dir(), 'bin', 'outpost'), ['verify'], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
    expect(launcher.status, launcher.stderr).toBe(0);
  });

  it('verifies with outpost release verify (folder and tarball, with the trusted key)', () => {
    const key = createPublicKey(readFileSync(join(keyDir, 'trusted.pub.pem')));
    const started = Date.now();
    const report = verifyTarball(join(out, `${name}.tar.gz`), key);
    console.log(`outpost release verify ${name}.tar.gz: ${Date.now() - started} ms`);
    expect(report.errors).toEqual([]);
    expect(report.ok).toBe(true);
    expect(verifyReleaseDir(dir(), key).ok).toBe(true);
    expect(releaseCommand(['verify', dir(), '--key', join(keyDir, 'trusted.pub.pem')])).toBe(0);
  });

  it('detects tampering: a changed file, an added file, a re-signed list, a foreign key', () => {
    const copy = mkdtempSync(join(tmpdir(), 'outpost-tamper-'));
    scratch.push(copy);
    const key = createPublicKey(readFileSync(join(keyDir, 'trusted.pub.pem')));
    const fresh = () => {
      const d = join(copy, String(Math.random()).slice(2));
      // The runtime binary is hard-linked, not copied: four copies of 100+ MB for nothing otherwise.
      cpSync(dir(), d, { recursive: true, filter: (src) => src !== join(dir(), 'bin', runtime) });
      linkSync(join(dir(), 'bin', runtime), join(d, 'bin', runtime));
      return d;
    };

    const changed = fresh();
    appendFileSync(join(changed, 'dist', 'worker.js'), '\n// injected');
    expect(sh('sha256sum -c SHA256SUMS', changed).status).not.toBe(0);
    expect(verifyReleaseDir(changed, key).errors.join()).toMatch(/dist\/worker\.js: checksum does not match/);

    const added = fresh();
    writeFileSync(join(added, 'bin', 'helper'), '#!/bin/sh\n');
    expect(verifyReleaseDir(added, key).errors.join()).toMatch(/bin\/helper: not listed/);

    // An attacker who rewrites SHA256SUMS to match cannot sign it.
    const relisted = fresh();
    appendFileSync(join(relisted, 'etc', 'outpost.env.example'), 'OUTPOST_AIRGAP=false\n');
    const sums = execFileSync('sha256sum', ['etc/outpost.env.example'], { cwd: relisted, encoding: 'utf8' });
    const text = readFileSync(join(relisted, 'SHA256SUMS'), 'utf8').replace(/^[0-9a-f]{64} {2}etc\/outpost\.env\.example$/m, sums.trim());
    writeFileSync(join(relisted, 'SHA256SUMS'), text);
    expect(sh('sha256sum -c SHA256SUMS', relisted).status).toBe(0);
    const [openssl] = documentedCommands(relisted);
    if (OPENSSL) expect(sh(openssl!, relisted).status).not.toBe(0);
    expect(verifyReleaseDir(relisted, key).errors.join()).toMatch(/does not verify/);

    // The bundled key is replaced together with a new signature: only the out-of-band key catches it.
    const resigned = fresh();
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    writeFileSync(join(resigned, 'release-signing-key.pub.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
    const resums = execFileSync('sh', ['-c', "find . -type f ! -name SHA256SUMS ! -name SHA256SUMS.sig | sed 's|^\\./||' | LC_ALL=C sort | xargs sha256sum"], { cwd: resigned });
    writeFileSync(join(resigned, 'SHA256SUMS'), resums);
    writeFileSync(join(resigned, 'SHA256SUMS.sig'), execFileSync('node', ['-e', `process.stdout.write(require('crypto').sign(null, require('fs').readFileSync('SHA256SUMS'), ${JSON.stringify(privateKey.export({ type: 'pkcs8', format: 'pem' }))}))`], { cwd: resigned }));
    expect(verifyReleaseDir(resigned).ok).toBe(true); // self-consistent...
    expect(verifyReleaseDir(resigned).warnings.join()).toMatch(/out of band/);
    const withKey = verifyReleaseDir(resigned, key);
    expect(withKey.ok).toBe(false); // ...but not signed by the trusted key
    expect(withKey.errors.join()).toMatch(/not the key given with --key/);
  });

  it('lists every variable with its default and secret flag in the environment template', () => {
    const env = readFileSync(join(dir(), 'etc', 'outpost.env.example'), 'utf8');
    for (const v of VARIABLES) {
      expect(env).toMatch(new RegExp(`^# (\\(set above\\) )?${v.name}=`, 'm'));
      const block = env.slice(0, env.search(new RegExp(`^# (\\(set above\\) )?${v.name}=`, 'm')));
      const description = block.slice(block.lastIndexOf('\n# ', block.length - 2));
      expect(block).toContain(`# default: ${v.default === '' ? '(unset)' : v.default}`);
      if (v.secret) expect(env).toContain(`# [secret] ${v.description}`);
      expect(description).toBeTruthy();
    }
    expect(env).toMatch(/^OUTPOST_STATE_DIR=\/opt\/outpost\/state$/m);
  });

  it('carries a CycloneDX SBOM of the runtime dependencies from the lockfile, plus the runtime binary', () => {
    const bom = JSON.parse(readFileSync(join(dir(), 'sbom.cdx.json'), 'utf8')) as { bomFormat: string; specVersion: string; metadata: { component: { version: string } }; components: { name: string; group?: string; version: string; hashes?: { content: string }[] }[] };
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.specVersion).toBe('1.6');
    expect(bom.metadata.component.version).toBe(VERSION);
    const names = new Set(bom.components.map((c) => (c.group ? `${c.group}/${c.name}` : c.name)));
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    for (const dep of Object.keys(pkg.dependencies)) expect(names, dep).toContain(dep);
    expect(names).not.toContain('vitest'); // dev dependencies are not shipped
    const runtimeComponent = bom.components.find((c) => c.name === (runtime === 'workerd' ? '@cloudflare/workerd-linux-64' : 'deno'));
    expect(runtimeComponent?.hashes?.[0]?.content).toBe(execFileSync('sha256sum', [join(dir(), 'bin', runtime)], { encoding: 'utf8' }).split(' ')[0]);
  });

  it('documents install, upgrade, rollback, backup and restore, diagnostics', () => {
    const ops = readFileSync(join(dir(), 'OPERATIONS.md'), 'utf8');
    for (const heading of ['Verify', 'Install', 'Upgrade', 'Rollback', 'Backup and restore', 'Diagnostics']) expect(ops).toMatch(new RegExp(`^## \\d\\. ${heading}`, 'm'));
    expect(ops).toContain('".backup');
    expect(ops).toContain('out of band');
    expect(ops).not.toMatch(/\{\{[A-Z]+\}\}/);
  });

  it("renders through its own launcher the config `outpost config` renders", () => {
    const work = mkdtempSync(join(tmpdir(), 'outpost-launch-cfg-'));
    scratch.push(work);
    mkdirSync(join(work, 'policies'));
    const env = { OUTPOST_AIRGAP: 'true', OUTPOST_STATE_DIR: join(work, 'state'), AIRGAP_POLICY_PATH: join(work, 'policies'), OUTPOST_UPSTREAM_URL: 'http://vllm.internal:8000' };
    mkdirSync(env.OUTPOST_STATE_DIR);
    const got = execFileSync(join(dir(), 'bin', 'outpost'), ['config'], { env: { PATH: '/usr/bin:/bin', ...env }, cwd: work, encoding: 'utf8' });
    expect(got).toBe(workerdConfig({ values: resolveEnvironment(env, work).values, distDir: join(dir(), 'dist') }));
  });

  it('serves traffic in air-gap mode through its own launcher (no Node on PATH)', async () => {
    const state = mkdtempSync(join(tmpdir(), 'outpost-launch-'));
    scratch.push(state);
    const port = await freePort();
    const gw = await startLauncher(join(dir(), 'bin', 'outpost'), { PORT: String(port), OUTPOST_AIRGAP: 'true', OUTPOST_UPSTREAM_URL: mockUrl, OUTPOST_STATE_DIR: state, AIRGAP_POLICY_PATH: join(state, 'policies'), AUDIT_QUEUE_DB_PATH: join(state, 'audit', 'audit_queue.db') });
    try {
      const r = await chat(gw.url);
      expect(r.status).toBe(200);
      expect(r.text).toContain('Hello from the mock model');
      expect(gw.output()).toContain(`INFO Outpost ${VERSION} starting (${runtime},`);
      expect(gw.output()).toContain('Air-gap mode enabled');
    } finally {
      expect(await gw.stop()).toBe(0);
    }
  });
});

it('refuses to verify a folder without SHA256SUMS', () => {
  expect(verifyReleaseDir(mkdtempSync(join(tmpdir(), 'outpost-empty-'))).ok).toBe(false);
  expect(readdirSync(out).filter((f) => f.endsWith('.tar.gz'))).toHaveLength(2);
});
