/**
 * Launch facts: everything the launcher learns from the file system before it renders the
 * runtime's configuration (which volumes exist, which TLS pair is current, which extra modules
 * the build shipped, which targets the bundles on disk name). Gathering is the only step that
 * touches files; renderWorkerdConfig and denoArgs are pure functions of the facts.
 */
import { dirname, join } from 'node:path';
import { parseConfig, type TargetConfig } from '../../worker/config/index.js';
import { splitPaths } from '../environment.js';
import { bundleTargets, installedBundlesDir, volumeBundleFile } from './bundle-targets.js';
import type { LaunchFiles, LaunchPaths } from './files.js';

export interface VolumeMount {
  readonly dir: string;
  readonly binding: string;
  readonly writable: boolean;
}

/** A module of dist/modules.json beside worker.js (the ORT wasm, data files). */
export interface ExtraModule {
  readonly name: string;
  readonly type: 'wasm' | 'data' | 'esModule';
  /** Declared only when this variable is "true". */
  readonly when?: string;
}

/** The client certificate, key and CA bundle files of the mTLS channel to the platform. */
export interface PlatformTlsFiles {
  readonly cert: string;
  readonly key: string;
  readonly ca?: string;
}

export interface LaunchFacts {
  /** Effective variable values (resolveEnvironment().values). */
  readonly values: Record<string, string>;
  /** Folder holding worker.js and modules.json. */
  readonly distDir: string;
  readonly airGap: boolean;
  /** The environment's targets, then every bundle's on disk. */
  readonly targets: readonly TargetConfig[];
  /** Folders that exist, each mounted once. */
  readonly mounts: readonly VolumeMount[];
  /** dist/modules.json's modules whose `when` variable is on. */
  readonly modules: readonly ExtraModule[];
  /** The TLS pair in force: a renewed pair in the state folder wins over the configured one. */
  readonly tls: PlatformTlsFiles | null;
}

/** Variables naming files whose folder is mounted read-only. */
const FILE_VARIABLES = ['DEBERTA_MODEL_PATH', 'GEOIP_MMDB_PATH', 'GEOIP_MMDB_FALLBACK_PATH', 'GEOIP_ASN_DB_PATH', 'GEOIP_ANON_DB_PATH', 'OUTPOST_TLS_CERT', 'OUTPOST_TLS_KEY', 'OUTPOST_CA_BUNDLE'];

/** Candidate folders in mount order: [folder, writable]. The key's own file is checked first (policyKeyFile). */
function mountCandidates(values: Record<string, string>, files: Pick<LaunchFiles, 'exists'>): Array<[string | undefined, boolean]> {
  const list: Array<[string | undefined, boolean]> = [
    [values.AIRGAP_POLICY_PATH, false],
    [values.AIRGAP_MODEL_PATH, false],
  ];
  for (const name of FILE_VARIABLES) for (const path of splitPaths(values[name] ?? '')) list.push([dirname(path), false]);
  // The policy public key may be given inline (PEM or base64) or as an absolute file path.
  const key = policyKeyFile(values);
  if (key && files.exists(key)) list.push([dirname(key), false]);
  list.push([values.OUTPOST_STATE_DIR, true]);
  // The audit folder: the Durable Object's SQLite files live under it (see renderWorkerdConfig).
  if (values.AUDIT_QUEUE_DB_PATH) list.push([dirname(values.AUDIT_QUEUE_DB_PATH), true]);
  return list;
}

function policyKeyFile(values: Record<string, string>): string | undefined {
  const key = values.OUTPOST_POLICY_PUBLIC_KEY ?? '';
  return key.startsWith('/') ? key : undefined;
}

/**
 * Folders the worker reads (read-only) or writes, each mounted once as a disk service.
 * @example
 * volumeMounts(values, nodeLaunchFiles); // [{ dir: '/var/lib/outpost', writable: true, binding: 'VOLUME_0' }]
 */
export function volumeMounts(values: Record<string, string>, files: Pick<LaunchFiles, 'exists'>): VolumeMount[] {
  const mounts = new Map<string, boolean>();
  for (const [dir, writable] of mountCandidates(values, files)) {
    if (!dir || !files.exists(dir)) continue;
    mounts.set(dir, (mounts.get(dir) ?? false) || writable);
  }
  return [...mounts].map(([dir, writable], i) => ({ dir, writable, binding: `VOLUME_${i}` }));
}

/** The renewed pair the platform issued, stored in the state folder. */
function renewedTls(values: Record<string, string>): { cert: string; key: string } {
  return { cert: join(values.OUTPOST_STATE_DIR!, 'tls', 'client.pem'), key: join(values.OUTPOST_STATE_DIR!, 'tls', 'client.key') };
}

function tlsFiles(values: Record<string, string>, files: LaunchFiles): PlatformTlsFiles | null {
  if (!values.OUTPOST_TLS_CERT || !values.OUTPOST_TLS_KEY) return null;
  const renewed = renewedTls(values);
  const current = files.exists(renewed.cert) && files.exists(renewed.key) ? renewed : { cert: values.OUTPOST_TLS_CERT, key: values.OUTPOST_TLS_KEY };
  return { ...current, ...(values.OUTPOST_CA_BUNDLE ? { ca: values.OUTPOST_CA_BUNDLE } : {}) };
}

function extraModules(values: Record<string, string>, distDir: string, files: LaunchFiles): ExtraModule[] {
  const file = join(distDir, 'modules.json');
  const bytes = files.exists(file) ? files.read(file) : undefined;
  const all = bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as ExtraModule[]) : [];
  return all.filter((m) => !m.when || (values[m.when] ?? '').trim().toLowerCase() === 'true');
}

/**
 * The one step that reads the file system before a launch.
 * @example
 * const facts = gatherLaunchFacts(resolveEnvironment().values, '/srv/outpost/dist', nodeLaunchFiles);
 * renderWorkerdConfig(facts);
 */
export function gatherLaunchFacts(values: Record<string, string>, distDir: string, files: LaunchFiles): LaunchFacts {
  const airGap = parseConfig(values).airGap;
  const targets = [...parseConfig(values).targets, ...bundleTargets(values, files)];
  const mounts = volumeMounts(values, files);
  const modules = extraModules(values, distDir, files);
  return { values, distDir, airGap, targets, mounts, modules, tls: tlsFiles(values, files) };
}

/**
 * Every path gatherLaunchFacts may look at, known from the variables alone (the installed
 * bundles' files follow from listing their folder: installedBundleFiles). The workerd release's
 * renderer fetches exactly these.
 * @example
 * launchPaths(values, '/srv/outpost/dist').list; // ['/var/lib/outpost/policy/bundles']
 */
export function launchPaths(values: Record<string, string>, distDir: string): LaunchPaths {
  const candidates = mountCandidates(values, { exists: () => true }).map(([dir]) => dir);
  const key = policyKeyFile(values);
  const renewed = renewedTls(values);
  const volumeBundle = volumeBundleFile(values);
  const installed = installedBundlesDir(values);
  const exists = [...candidates, key, renewed.cert, renewed.key, join(distDir, 'modules.json'), volumeBundle, installed];
  const read = [join(distDir, 'modules.json'), volumeBundle];
  const defined = (list: Array<string | undefined>) => [...new Set(list.filter((p): p is string => !!p))];
  return { exists: defined(exists), read: defined(read), list: defined([installed]) };
}
