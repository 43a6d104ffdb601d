/**
 * Turns the resolved environment into a workerd config (Cap'n Proto text).
 *
 * Egress, the runtime half of air-gap enforcement:
 * - each target is an `external` service bound to the worker (TARGET_<ID>): the only way out;
 * - globalOutbound (every other fetch) is a tiny worker that logs the refused address and
 *   throws, and whose own outbound is a network with nothing allowed;
 * - in connected mode globalOutbound is a network service instead, and the worker's own guard
 *   limits it to the targets and the platform.
 * Secrets are `fromEnvironment` bindings, so they never land in the config text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { VARIABLES } from '../worker/config/variables.js';
import { parseConfig, type TargetConfig } from '../worker/config/index.js';
import { targetBindingName } from '../worker/runtime/workerd.js';
import { bundleTargets } from './bundle-targets.js';
import { splitPaths } from './environment.js';

export const COMPATIBILITY_DATE = '2026-11-01';
/** The audit Durable Object namespace's uniqueKey: also the name of its folder on disk. */
export const AUDIT_UNIQUE_KEY = 'outpost-audit';

export interface WorkerdConfigInput {
  /** Effective variable values (resolveEnvironment().values). */
  readonly values: Record<string, string>;
  /** Folder holding worker.js and modules.json. */
  readonly distDir: string;
}

export interface VolumeMount {
  readonly dir: string;
  readonly binding: string;
  readonly writable: boolean;
}

function capnpString(value: string): string {
  if (/[\u0000-\u001f]/.test(value)) throw new Error(`configuration value contains a control character: ${JSON.stringify(value)}`);
  return JSON.stringify(value);
}

/** host:port of a target's base URL, with the scheme's default port. */
export function targetAddress(target: TargetConfig): { address: string; https: boolean } {
  const url = new URL(target.baseUrl);
  const https = url.protocol === 'https:';
  const port = url.port || (https ? '443' : '80');
  const host = url.hostname.includes(':') && !url.hostname.startsWith('[') ? `[${url.hostname}]` : url.hostname;
  return { address: `${host}:${port}`, https };
}

/** Folders the worker reads (read-only) or writes, each mounted once as a disk service. */
export function volumeMounts(values: Record<string, string>): VolumeMount[] {
  const mounts = new Map<string, boolean>();
  const add = (dir: string | undefined, writable: boolean) => {
    if (!dir || !existsSync(dir)) return;
    mounts.set(dir, (mounts.get(dir) ?? false) || writable);
  };
  add(values.AIRGAP_POLICY_PATH, false);
  add(values.AIRGAP_MODEL_PATH, false);
  for (const file of ['DEBERTA_MODEL_PATH', 'GEOIP_MMDB_PATH', 'GEOIP_MMDB_FALLBACK_PATH', 'GEOIP_ASN_DB_PATH', 'GEOIP_ANON_DB_PATH', 'OUTPOST_TLS_CERT', 'OUTPOST_TLS_KEY', 'OUTPOST_CA_BUNDLE']) {
    for (const path of splitPaths(values[file] ?? '')) add(dirname(path), false);
  }
  // The policy public key may be given inline (PEM or base64) or as an absolute file path.
  const publicKey = values.OUTPOST_POLICY_PUBLIC_KEY ?? '';
  if (publicKey.startsWith('/') && existsSync(publicKey)) add(dirname(publicKey), false);
  add(values.OUTPOST_STATE_DIR, true);
  // The audit folder: the Durable Object's SQLite files live under it (see workerdConfig).
  if (values.AUDIT_QUEUE_DB_PATH) add(dirname(values.AUDIT_QUEUE_DB_PATH), true);
  return [...mounts].map(([dir, writable], i) => ({ dir, writable, binding: `VOLUME_${i}` }));
}

/** Targets known at config time: the environment's default target and every bundle's on disk. */
export function configuredTargets(values: Record<string, string>): TargetConfig[] {
  return [...parseConfig(values).targets, ...bundleTargets(values)];
}

/** One runtime channel per target address (scheme, host, port), as the worker looks them up. */
function targetChannels(targets: readonly TargetConfig[]): Array<{ binding: string; address: string; https: boolean }> {
  const channels = new Map<string, { binding: string; address: string; https: boolean }>();
  for (const t of targets) {
    const binding = targetBindingName(t.baseUrl);
    if (!channels.has(binding)) channels.set(binding, { binding, ...targetAddress(t) });
  }
  return [...channels.values()];
}

const DENY_WORKER = [
  'export default { async fetch(request) {',
  ' const host = new URL(request.url).host;',
  ' console.error("WARN Egress refused by runtime: " + request.method + " " + host + " is not a configured target");',
  ' throw new Error("egress to " + host + " refused by the runtime: not a configured target");',
  '} };',
].join(' ');

/**
 * TLS options for the mTLS channel to the platform: the client certificate and key (a renewed pair
 * in the state folder wins when present: the platform issued it to replace the configured one)
 * and, when given, the CA bundle as the only trusted roots.
 */
function platformTls(values: Record<string, string>): string {
  const renewedCert = join(values.OUTPOST_STATE_DIR!, 'tls', 'client.pem');
  const renewedKey = join(values.OUTPOST_STATE_DIR!, 'tls', 'client.key');
  const renewed = existsSync(renewedCert) && existsSync(renewedKey);
  const cert = renewed ? renewedCert : values.OUTPOST_TLS_CERT!;
  const key = renewed ? renewedKey : values.OUTPOST_TLS_KEY!;
  const trusted = values.OUTPOST_CA_BUNDLE ? `, trustedCertificates = [embed ${capnpString(values.OUTPOST_CA_BUNDLE)}], trustBrowserCas = false` : '';
  return `(keypair = (privateKey = embed ${capnpString(key)}, certificateChain = embed ${capnpString(cert)})${trusted})`;
}

/**
 * The listening sockets. Each stamps its requests with `x-outpost-listener` (injected headers
 * override a client's), so that with OUTPOST_ADMIN_PORT the worker serves operator routes only on
 * the loopback admin socket and model routes only on the main one.
 */
function sockets(values: Record<string, string>): string[] {
  const listener = (name: string) => `http = (injectRequestHeaders = [(name = "x-outpost-listener", value = ${capnpString(name)})])`;
  const list = [`(name = "http", address = ${capnpString(`${values.HOST}:${values.PORT}`)}, ${listener('main')}, service = "outpost")`];
  if (values.OUTPOST_ADMIN_PORT) {
    const port = Number(values.OUTPOST_ADMIN_PORT);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`OUTPOST_ADMIN_PORT must be a port number, got "${values.OUTPOST_ADMIN_PORT}"`);
    list.push(`(name = "admin", address = ${capnpString(`127.0.0.1:${port}`)}, ${listener('admin')}, service = "outpost")`);
  }
  return list;
}

/**
 * @example
 * const text = workerdConfig({ values: resolveEnvironment().values, distDir: '/srv/outpost/dist' });
 */
export function workerdConfig(input: WorkerdConfigInput): string {
  const { values, distDir } = input;
  const airGap = parseConfig(values).airGap;
  const targets = configuredTargets(values);
  const mounts = volumeMounts(values);
  const modulesFile = join(distDir, 'modules.json');
  // Modules with a `when` are declared only when that variable is "true" (the ORT wasm with Tier 3).
  const extraModules = (existsSync(modulesFile) ? (JSON.parse(readFileSync(modulesFile, 'utf8')) as Array<{ name: string; type: 'wasm' | 'data' | 'esModule'; when?: string }>) : []).filter(
    (m) => !m.when || (values[m.when] ?? '').trim().toLowerCase() === 'true',
  );

  const modules = [
    `(name = "worker.js", esModule = embed ${capnpString(join(distDir, 'worker.js'))})`,
    ...extraModules.map((m) => `(name = ${capnpString(m.name)}, ${m.type} = embed ${capnpString(join(distDir, m.name))})`),
  ];

  // The audit queue: a SQLite-backed Durable Object stored on the audit folder's disk service,
  // so its file is <audit folder>/outpost-audit/<id>.sqlite (AUDIT_QUEUE_DB_PATH links to it).
  const auditMount = values.AUDIT_QUEUE_DB_PATH ? mounts.find((m) => m.dir === dirname(values.AUDIT_QUEUE_DB_PATH!) && m.writable) : undefined;

  // Connected mode: the platform links' scheduler (a Durable Object alarm, same storage), and an
  // mTLS channel to an https platform when the client certificate and key are configured.
  const platformUrl = !airGap && values.OUTPOST_PLATFORM_URL ? new URL(values.OUTPOST_PLATFORM_URL) : null;
  const scheduler = platformUrl !== null && auditMount !== undefined;
  const mtls = platformUrl?.protocol === 'https:' && values.OUTPOST_TLS_CERT && values.OUTPOST_TLS_KEY ? platformTls(values) : null;

  const bindings: string[] = [];
  if (auditMount) bindings.push(`(name = "AUDIT_QUEUE", durableObjectNamespace = "AuditQueueObject")`);
  if (scheduler) bindings.push(`(name = "PLATFORM_SCHEDULER", durableObjectNamespace = "PlatformSchedulerObject")`);
  if (mtls) bindings.push(`(name = "PLATFORM", service = "platform")`);
  for (const spec of VARIABLES) {
    if (spec.secret) bindings.push(`(name = ${capnpString(spec.name)}, fromEnvironment = ${capnpString(spec.name)})`);
    else bindings.push(`(name = ${capnpString(spec.name)}, text = ${capnpString(values[spec.name] ?? '')})`);
  }
  const keyEnvs = new Set(targets.map((t) => t.apiKeyEnv).filter((x): x is string => !!x));
  for (const name of keyEnvs) bindings.push(`(name = ${capnpString(name)}, fromEnvironment = ${capnpString(name)})`);
  bindings.push(`(name = "OUTPOST_VOLUMES", json = ${capnpString(JSON.stringify(mounts))})`);
  for (const m of mounts) bindings.push(`(name = ${capnpString(m.binding)}, service = ${capnpString(`volume-${m.binding}`)})`);
  const channels = targetChannels(targets);
  for (const c of channels) bindings.push(`(name = ${capnpString(c.binding)}, service = ${capnpString(c.binding.toLowerCase())})`);

  const services: string[] = [];
  services.push(`(name = "outpost", worker = (
      modules = [
        ${modules.join(',\n        ')}
      ],
      compatibilityDate = ${capnpString(COMPATIBILITY_DATE)},${
        auditMount
          ? `
      durableObjectNamespaces = [
        (className = "AuditQueueObject", uniqueKey = ${capnpString(AUDIT_UNIQUE_KEY)}, enableSql = true)${
          scheduler ? `,
        (className = "PlatformSchedulerObject", uniqueKey = "outpost-platform", enableSql = true)` : ''
        }
      ],
      durableObjectStorage = (localDisk = ${capnpString(`volume-${auditMount.binding}`)}),`
          : ''
      }
      bindings = [
        ${bindings.join(',\n        ')}
      ],
      globalOutbound = ${airGap ? '"egress-deny"' : '"egress-connected"'},
    ))`);
  for (const c of channels) {
    services.push(`(name = ${capnpString(c.binding.toLowerCase())}, external = (address = ${capnpString(c.address)}, ${c.https ? 'https = ()' : 'http = ()'}))`);
  }
  for (const m of mounts) services.push(`(name = ${capnpString(`volume-${m.binding}`)}, disk = (path = ${capnpString(m.dir)}, writable = ${m.writable}))`);
  if (mtls && platformUrl) {
    const port = platformUrl.port || '443';
    services.push(`(name = "platform", external = (address = ${capnpString(`${platformUrl.hostname}:${port}`)}, https = (tlsOptions = ${mtls})))`);
  }
  if (airGap) {
    services.push(`(name = "egress-deny", worker = (
      modules = [(name = "egress-deny.js", esModule = ${capnpString(DENY_WORKER)})],
      compatibilityDate = ${capnpString(COMPATIBILITY_DATE)},
      globalOutbound = "no-network",
    ))`);
    services.push(`(name = "no-network", network = (allow = []))`);
  } else {
    services.push(`(name = "egress-connected", network = (allow = ["public", "private", "local"]))`);
  }

  return `# Generated by \`outpost config\` from the environment. Secrets are read from the environment
# at run time (fromEnvironment bindings) and are not in this file.
# Run: workerd serve <this file> --import-path=/
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    ${services.join(',\n    ')}
  ],
  sockets = [
    ${sockets(values).join(',\n    ')}
  ],
);
`;
}
