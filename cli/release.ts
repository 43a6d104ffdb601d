/**
 * `outpost release verify <tarball|folder> [--key PUBLIC_KEY_PEM]`: in one step, what an operator
 * does with `sha256sum -c SHA256SUMS` and `openssl pkeyutl -verify ...` (OPERATIONS.md).
 *
 * The checksum and signature helpers here are also what scripts/release.mjs uses to write
 * SHA256SUMS and SHA256SUMS.sig, so producing and checking a release share one implementation
 * (and the standard tools check the same files independently, in test/release).
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { closeSync, existsSync, lstatSync, mkdtempSync, openSync, readFileSync, readSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { parseFlags, usageExit, type ParsedFlags } from './flags.js';

/** Files of a release that SHA256SUMS cannot list (it is them, or signs them). */
export const UNLISTED = new Set(['SHA256SUMS', 'SHA256SUMS.sig']);
export const PUBLIC_KEY_FILE = 'release-signing-key.pub.pem';

/** SHA-256 of a file, read in 1 MiB chunks (the runtime binaries are 100+ MB). */
export function sha256File(path: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** Every regular file under dir, as sorted '/'-separated relative paths. Symlinks are refused. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isSymbolicLink()) throw new Error(`${relative(dir, full)} is a symbolic link; releases hold regular files only`);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** SHA256SUMS text (the `sha256sum` format: hash, two spaces, path) for the given files. */
export function checksumsText(dir: string, files: readonly string[]): string {
  return files.map((f) => `${sha256File(join(dir, f))}  ${f}\n`).join('');
}

export interface ChecksumEntry {
  readonly hash: string;
  readonly path: string;
}

/** Parses SHA256SUMS; refuses absolute paths and '..' so a crafted list cannot point outside. */
export function parseChecksums(text: string): ChecksumEntry[] {
  const entries: ChecksumEntry[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (!line) continue;
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m) throw new Error(`SHA256SUMS line ${i + 1} is not "<sha256>  <path>"`);
    const path = m[2]!;
    if (path.startsWith('/') || path.split('/').includes('..')) throw new Error(`SHA256SUMS line ${i + 1} names a path outside the release: ${path}`);
    entries.push({ hash: m[1]!, path });
  }
  return entries;
}

/** Loads an Ed25519 private key (PEM) and checks its type. */
export function loadSigningKey(pem: string | Buffer): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the release signing key must be Ed25519, got ${key.asymmetricKeyType}`);
  return key;
}

/** Ed25519 signature of data (raw, as `openssl pkeyutl -sign -rawin` makes and checks it). */
export function signData(data: Buffer, privateKey: KeyObject): Buffer {
  return sign(null, data, privateKey);
}

/** Hex SHA-256 of the key's DER SubjectPublicKeyInfo: what operators compare out of band. */
export function keyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly errors: string[];
  readonly warnings: string[];
  readonly files: number;
  readonly fingerprint?: string;
}

/**
 * Verifies a release folder: the signature of SHA256SUMS, every listed file's hash, and that no
 * file was added. With expectedKey (the key received out of band) the bundled key must match it;
 * without it the bundled key is used and a warning says so.
 */
export function verifyReleaseDir(dir: string, expectedKey?: KeyObject): VerifyReport {
  const errors: string[] = [];
  const warnings: string[] = [];
  const sumsPath = join(dir, 'SHA256SUMS');
  if (!existsSync(sumsPath)) return { ok: false, errors: [`${dir} has no SHA256SUMS`], warnings, files: 0 };
  const sums = readFileSync(sumsPath);

  let fingerprint: string | undefined;
  const bundledPath = join(dir, PUBLIC_KEY_FILE);
  const bundled = existsSync(bundledPath) ? createPublicKey(readFileSync(bundledPath)) : undefined;
  let key = expectedKey ?? bundled;
  if (expectedKey && bundled && !expectedKey.equals(bundled)) errors.push(`${PUBLIC_KEY_FILE} is not the key given with --key`);
  if (!expectedKey) warnings.push(`no --key given: checked with the bundled ${PUBLIC_KEY_FILE}; compare its fingerprint with the one received out of band`);
  if (!key) errors.push(`no public key: ${PUBLIC_KEY_FILE} is missing and no --key was given`);
  else if (key.asymmetricKeyType !== 'ed25519') {
    errors.push(`the public key is ${key.asymmetricKeyType}, not Ed25519`);
    key = undefined;
  }
  if (key) {
    fingerprint = keyFingerprint(key);
    const sigPath = join(dir, 'SHA256SUMS.sig');
    if (!existsSync(sigPath)) errors.push('SHA256SUMS.sig is missing');
    else if (!verify(null, sums, key, readFileSync(sigPath))) errors.push('SHA256SUMS.sig does not verify: SHA256SUMS was altered or signed by another key');
  }

  let entries: ChecksumEntry[] = [];
  try {
    entries = parseChecksums(sums.toString('utf8'));
  } catch (e) {
    errors.push((e as Error).message);
  }
  const listed = new Set(entries.map((e) => e.path));
  for (const { hash, path } of entries) {
    const full = join(dir, path);
    if (!existsSync(full) || !lstatSync(full).isFile()) errors.push(`${path}: missing`);
    else if (sha256File(full) !== hash) errors.push(`${path}: checksum does not match`);
  }
  try {
    for (const f of listFiles(dir)) if (!UNLISTED.has(f) && !listed.has(f)) errors.push(`${f}: not listed in SHA256SUMS (added after signing)`);
  } catch (e) {
    errors.push((e as Error).message);
  }
  return { ok: errors.length === 0, errors, warnings, files: entries.length, ...(fingerprint ? { fingerprint } : {}) };
}

/**
 * Verifies a release tarball: first the tarball itself against the SHA256SUMS beside it (when the
 * release folder holds one, signed), then its unpacked contents with verifyReleaseDir.
 */
export function verifyTarball(tarball: string, expectedKey?: KeyObject): VerifyReport {
  const errors: string[] = [];
  const warnings: string[] = [];
  const outer = join(dirname(tarball), 'SHA256SUMS');
  if (existsSync(outer) && existsSync(`${outer}.sig`)) {
    const entry = parseChecksums(readFileSync(outer, 'utf8')).find((e) => e.path === basename(tarball));
    if (!entry) warnings.push(`${basename(tarball)} is not listed in the SHA256SUMS beside it`);
    else {
      const key = expectedKey ?? (existsSync(join(dirname(tarball), PUBLIC_KEY_FILE)) ? createPublicKey(readFileSync(join(dirname(tarball), PUBLIC_KEY_FILE))) : undefined);
      if (key && !verify(null, readFileSync(outer), key, readFileSync(`${outer}.sig`))) errors.push('the SHA256SUMS beside the tarball does not verify');
      if (sha256File(tarball) !== entry.hash) errors.push(`${basename(tarball)}: checksum does not match the SHA256SUMS beside it`);
    }
  }
  const tmp = mkdtempSync(join(tmpdir(), 'outpost-verify-'));
  try {
    execFileSync('tar', ['-xzf', tarball, '-C', tmp, '--no-same-owner'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const tops = readdirSync(tmp);
    if (tops.length !== 1 || !statSync(join(tmp, tops[0]!)).isDirectory()) {
      return { ok: false, errors: [...errors, 'the tarball must hold exactly one top-level folder'], warnings, files: 0 };
    }
    const inner = verifyReleaseDir(join(tmp, tops[0]!), expectedKey);
    return { ...inner, ok: inner.ok && errors.length === 0, errors: [...errors, ...inner.errors], warnings: [...warnings, ...inner.warnings] };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}


const USAGE = 'Usage: outpost release verify <tarball|folder> [--key PUBLIC_KEY_PEM]';

/** The `outpost release` command. Exit 0: verified; 1: verification failed; 2: usage. */
export function releaseCommand(args: string[]): number {
  const [sub, ...rest] = args;
  let parsed: ParsedFlags<{ key: { type: 'string' } }> | undefined;
  try {
    parsed = parseFlags(rest, { key: { type: 'string' } }, { positionals: 1 });
  } catch (e) {
    return usageExit(e, USAGE);
  }
  const target = parsed?.positionals[0];
  if (sub !== 'verify' || !parsed || !target) {
    console.error(USAGE);
    return 2;
  }
  let expectedKey: KeyObject | undefined;
  if (parsed.flags.key) expectedKey = createPublicKey(readFileSync(parsed.flags.key));
  if (!existsSync(target)) {
    console.error(`ERROR ${target} does not exist`);
    return 2;
  }
  const started = Date.now();
  const report = statSync(target).isDirectory() ? verifyReleaseDir(target, expectedKey) : verifyTarball(target, expectedKey);
  for (const w of report.warnings) console.log(`WARN ${w}`);
  for (const e of report.errors) console.log(`ERROR ${e}`);
  if (report.fingerprint) console.log(`Signing key fingerprint (SHA-256 of the public key, DER): ${report.fingerprint}`);
  if (report.ok) console.log(`OK ${target}: signature valid, ${report.files} files match SHA256SUMS, nothing added (${Date.now() - started} ms)`);
  else console.log(`FAILED ${target}: do not install this release`);
  return report.ok ? 0 : 1;
}
