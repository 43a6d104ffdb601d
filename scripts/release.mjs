#!/usr/bin/env node
// Builds the offline release: outpost-<version>-linux-x64.tar.gz (workerd) and
// outpost-<version>-linux-x64-deno.tar.gz (the same bundle under Deno), each holding one folder
// with the worker bundle and its modules, assets/, the runtime binary, the sh launcher (no Node,
// no npm on the target), the environment and config templates, OPERATIONS.md, a CycloneDX SBOM,
// SHA256SUMS and its Ed25519 signature. Beside the tarballs: SHA256SUMS (+ .sig) of the tarballs
// and the public key. Run after the build: `npm run release`.
//
//   node scripts/release.mjs [--out DIR] [--version V] [--runtime workerd|deno|both] [--no-tarball]
//
// Signing key: OUTPOST_RELEASE_SIGNING_KEY names an Ed25519 private key (PEM). Without it a
// development key is generated once in <out>/dev-signing-key.pem (never inside a release) and a
// warning says that such a release must not be shipped.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, createPublicKey } from 'node:crypto';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, importTs } from './release/load-ts.mjs';
import { writeLauncher } from './release/launcher.mjs';
import { envTemplate } from './release/env-template.mjs';
import { sbom } from './release/sbom.mjs';

// Strict: a mistyped flag stops the build rather than building with a default.
const { values: flags } = parseArgs({
  options: { out: { type: 'string' }, version: { type: 'string' }, runtime: { type: 'string' }, 'no-tarball': { type: 'boolean' } },
  strict: true,
  allowPositionals: false,
});

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const version = flags.version ?? pkg.version;
const outDir = resolve(flags.out ?? join(ROOT, 'release-out'));
const runtimeOption = flags.runtime ?? 'both';
const runtimes = runtimeOption === 'both' ? ['workerd', 'deno'] : [runtimeOption];
const makeTarball = !flags['no-tarball'];
if (!/^[0-9A-Za-z][0-9A-Za-z.+_-]*$/.test(version)) throw new Error(`unusable version "${version}"`);
for (const r of runtimes) if (r !== 'workerd' && r !== 'deno') throw new Error(`--runtime must be workerd, deno or both`);

const dist = join(ROOT, 'dist');
if (!existsSync(join(dist, 'worker.js'))) throw new Error('dist/worker.js is missing: run `node scripts/build.mjs` first (npm run release does)');

const release = await importTs('cli/release.ts');
const { VARIABLES } = await importTs('worker/config/variables.ts');
const { workerdConfig } = await importTs('cli/workerd-config.ts');

/** The runtime binaries, taken from their registry packages. */
function runtimeBinary(runtime) {
  if (runtime === 'workerd') {
    const dir = join(ROOT, 'node_modules', '@cloudflare', 'workerd-linux-64');
    return { path: join(dir, 'bin', 'workerd'), name: '@cloudflare/workerd-linux-64', version: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version };
  }
  const dir = join(ROOT, 'node_modules', 'deno');
  if (!existsSync(join(dir, 'deno'))) execFileSync(process.execPath, [join(dir, 'bin.cjs'), '--version'], { stdio: 'ignore' });
  return { path: join(dir, 'deno'), name: 'deno', version: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version };
}

function signingKey() {
  const path = process.env.OUTPOST_RELEASE_SIGNING_KEY;
  if (path) return release.loadSigningKey(readFileSync(path));
  const devKey = join(outDir, 'dev-signing-key.pem');
  if (!existsSync(devKey)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(devKey, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  console.warn(`WARN OUTPOST_RELEASE_SIGNING_KEY is not set: signed with the development key ${devKey}. Do not ship this release.`);
  return release.loadSigningKey(readFileSync(devKey));
}

/** Writes SHA256SUMS over every file of dir and signs it (SHA256SUMS.sig, raw Ed25519). */
function checksumAndSign(dir, files, key) {
  const sums = release.checksumsText(dir, files);
  writeFileSync(join(dir, 'SHA256SUMS'), sums);
  writeFileSync(join(dir, 'SHA256SUMS.sig'), release.signData(Buffer.from(sums), key));
}

function sourceDateEpoch() {
  if (process.env.SOURCE_DATE_EPOCH) return process.env.SOURCE_DATE_EPOCH;
  try {
    return execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: ROOT, encoding: 'utf8' }).trim() || String(Math.floor(Date.now() / 1000));
  } catch {
    return String(Math.floor(Date.now() / 1000));
  }
}

mkdirSync(outDir, { recursive: true });
const key = signingKey();
const publicPem = createPublicKey(key).export({ type: 'spki', format: 'pem' });
const fingerprint = release.keyFingerprint(createPublicKey(key));
const baseSbom = sbom({ version });
const epoch = sourceDateEpoch();
const outputs = [];

for (const runtime of runtimes) {
  const started = Date.now();
  const name = `outpost-${version}-linux-x64${runtime === 'deno' ? '-deno' : ''}`;
  const stage = join(outDir, name);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(join(stage, 'bin'), { recursive: true });
  mkdirSync(join(stage, 'etc'), { recursive: true });

  // The application: dist/ as the build left it (bundle, modules, modules.json, the Node CLI
  // for sites that have Node), and assets/ wholesale (policy bundle and schema, model, ...).
  cpSync(dist, join(stage, 'dist'), { recursive: true, filter: (src) => !src.endsWith('.map') });
  if (existsSync(join(ROOT, 'assets'))) cpSync(join(ROOT, 'assets'), join(stage, 'assets'), { recursive: true, dereference: true });

  const binary = runtimeBinary(runtime);
  copyFileSync(binary.path, join(stage, 'bin', runtime));
  chmodSync(join(stage, 'bin', runtime), 0o755);
  await writeLauncher(stage, { version, runtime });

  writeFileSync(join(stage, 'VERSION'), `${version}\n`);
  writeFileSync(join(stage, 'etc', 'outpost.env.example'), envTemplate(VARIABLES, version));
  const exampleValues = Object.fromEntries(VARIABLES.map((v) => [v.name, v.default]));
  Object.assign(exampleValues, { OUTPOST_AIRGAP: 'true', OUTPOST_STATE_DIR: '/opt/outpost/state', AUDIT_QUEUE_DB_PATH: '/opt/outpost/state/audit/audit_queue.db' });
  writeFileSync(
    join(stage, 'etc', 'outpost.capnp.example'),
    `# Example only: \`bin/outpost config\` renders the real one from the environment (volumes appear\n# once their folders exist). Defaults of etc/outpost.env.example, release under /opt/outpost/current.\n` +
      workerdConfig({ values: exampleValues, distDir: '/opt/outpost/current/dist' }),
  );
  copyFileSync(join(ROOT, 'release', 'outpost.service'), join(stage, 'etc', 'outpost.service'));

  const operations = readFileSync(join(ROOT, 'release', 'OPERATIONS.md'), 'utf8')
    .replaceAll('{{VERSION}}', version)
    .replaceAll('{{RELEASE}}', name)
    .replaceAll('{{RUNTIME}}', runtime)
    .replaceAll('{{FINGERPRINT}}', fingerprint);
  writeFileSync(join(stage, 'OPERATIONS.md'), operations);

  // SBOM: the npm dependency tree from the lockfile, plus the runtime binary this release carries.
  const bom = structuredClone(baseSbom);
  bom.components.push({
    type: 'application',
    'bom-ref': `runtime:${binary.name}@${binary.version}`,
    name: binary.name,
    version: binary.version,
    purl: `pkg:npm/${binary.name.replace('@', '%40')}@${binary.version}`,
    hashes: [{ alg: 'SHA-256', content: release.sha256File(binary.path) }],
    description: `${runtime} runtime binary, shipped as bin/${runtime}`,
  });
  writeFileSync(join(stage, 'sbom.cdx.json'), `${JSON.stringify(bom, null, 2)}\n`);

  writeFileSync(join(stage, 'release-signing-key.pub.pem'), publicPem);
  checksumAndSign(stage, release.listFiles(stage).filter((f) => !release.UNLISTED.has(f)), key);

  if (makeTarball) {
    const tarball = join(outDir, `${name}.tar.gz`);
    // Reproducible: sorted names, fixed owner and mtime, no name or time in the gzip header.
    const tar = execFileSync('tar', ['--sort=name', '--owner=0', '--group=0', '--numeric-owner', `--mtime=@${epoch}`, '-cf', '-', '-C', outDir, name], { maxBuffer: 2 ** 31 - 1 });
    writeFileSync(tarball, execFileSync('gzip', ['-n', '-6'], { input: tar, maxBuffer: 2 ** 31 - 1 }));
    outputs.push(`${name}.tar.gz`);
    console.log(`${tarball} ${(statSync(tarball).size / 1048576).toFixed(1)} MiB (${Date.now() - started} ms)`);
  } else console.log(`${stage} (folder only)`);
}

if (outputs.length) {
  writeFileSync(join(outDir, 'release-signing-key.pub.pem'), publicPem);
  checksumAndSign(outDir, outputs.sort(), key);
}
console.log(`Signing key fingerprint: ${fingerprint}`);
