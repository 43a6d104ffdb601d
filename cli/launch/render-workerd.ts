/**
 * Renders the workerd config (Cap'n Proto text) from launch facts; pure, no file access.
 *
 * Egress, the runtime half of air-gap enforcement:
 * - each target is an `external` service bound to the worker (TARGET_<ID>): the only way out;
 * - globalOutbound (every other fetch) is a tiny worker that logs the refused address and
 *   throws, and whose own outbound is a network with nothing allowed;
 * - in connected mode globalOutbound is a network service instead, and the worker's own guard
 *   limits it to the targets and the platform.
 * Secrets are `fromEnvironment` bindings, so they never land in the config text.
 */
import { dirname, join } from 'node:path';
import { VARIABLES } from '../../worker/config/variables.js';
import { capnpString } from './capnp.js';
import { targetChannels } from './targets.js';
import type { LaunchFacts, PlatformTlsFiles, VolumeMount } from './facts.js';
import { internalSocket, ownsAuditQueue, peerServices, processBindings, servesPublic, type ProcessRole } from './render-processes.js';

export type { ProcessRole } from './render-processes.js';

export const COMPATIBILITY_DATE = '2026-11-01';
/** The audit Durable Object namespace's uniqueKey: also the name of its folder on disk. */
export const AUDIT_UNIQUE_KEY = 'outpost-audit';

const DENY_WORKER = [
  'export default { async fetch(request) {',
  ' const host = new URL(request.url).host;',
  ' console.error("WARN Egress refused by runtime: " + request.method + " " + host + " is not a configured target");',
  ' throw new Error("egress to " + host + " refused by the runtime: not a configured target");',
  '} };',
].join(' ');

/** What the worker service is wired to, decided from the facts before any text is written. */
interface Wiring {
  /** The writable mount holding the audit Durable Object's SQLite files. */
  readonly auditMount?: VolumeMount;
  /** Connected mode's platform links scheduler (a Durable Object alarm, same storage). */
  readonly scheduler: boolean;
  readonly platformUrl: URL | null;
  /** TLS options of the mTLS channel to an https platform. */
  readonly mtls: string | null;
}

/** TLS options for the mTLS channel: the client pair and, when given, the CA bundle as the only trusted roots. */
function tlsOptions(tls: PlatformTlsFiles): string {
  const trusted = tls.ca ? `, trustedCertificates = [embed ${capnpString(tls.ca)}], trustBrowserCas = false` : '';
  return `(keypair = (privateKey = embed ${capnpString(tls.key)}, certificateChain = embed ${capnpString(tls.cert)})${trusted})`;
}

function wiring(facts: LaunchFacts, role: ProcessRole | undefined): Wiring {
  const { values, mounts } = facts;
  // The audit queue: a SQLite-backed Durable Object stored on the audit folder's disk service,
  // so its file is <audit folder>/outpost-audit/<id>.sqlite (AUDIT_QUEUE_DB_PATH links to it).
  // With several processes only the owner declares it: the others never open the file.
  const auditMount = values.AUDIT_QUEUE_DB_PATH && ownsAuditQueue(role) ? mounts.find((m) => m.dir === dirname(values.AUDIT_QUEUE_DB_PATH!) && m.writable) : undefined;
  const platformUrl = !facts.airGap && values.OUTPOST_PLATFORM_URL ? new URL(values.OUTPOST_PLATFORM_URL) : null;
  const mtls = platformUrl?.protocol === 'https:' && facts.tls ? tlsOptions(facts.tls) : null;
  return { ...(auditMount ? { auditMount } : {}), scheduler: platformUrl !== null && auditMount !== undefined, platformUrl, mtls };
}

function moduleLines(facts: LaunchFacts): string[] {
  return [
    `(name = "worker.js", esModule = embed ${capnpString(join(facts.distDir, 'worker.js'))})`,
    ...facts.modules.map((m) => `(name = ${capnpString(m.name)}, ${m.type} = embed ${capnpString(join(facts.distDir, m.name))})`),
  ];
}

function bindingLines(facts: LaunchFacts, wired: Wiring, role: ProcessRole | undefined): string[] {
  const bindings: string[] = [];
  if (wired.auditMount) bindings.push(`(name = "AUDIT_QUEUE", durableObjectNamespace = "AuditQueueObject")`);
  if (wired.scheduler) bindings.push(`(name = "PLATFORM_SCHEDULER", durableObjectNamespace = "PlatformSchedulerObject")`);
  if (wired.mtls) bindings.push(`(name = "PLATFORM", service = "platform")`);
  for (const spec of VARIABLES) {
    if (spec.launcherOnly) continue;
    if (spec.secret) bindings.push(`(name = ${capnpString(spec.name)}, fromEnvironment = ${capnpString(spec.name)})`);
    else bindings.push(`(name = ${capnpString(spec.name)}, text = ${capnpString(facts.values[spec.name] ?? '')})`);
  }
  const keyEnvs = new Set(facts.targets.map((t) => t.apiKeyEnv).filter((x): x is string => !!x));
  for (const name of keyEnvs) bindings.push(`(name = ${capnpString(name)}, fromEnvironment = ${capnpString(name)})`);
  bindings.push(`(name = "OUTPOST_VOLUMES", json = ${capnpString(JSON.stringify(facts.mounts))})`);
  for (const m of facts.mounts) bindings.push(`(name = ${capnpString(m.binding)}, service = ${capnpString(`volume-${m.binding}`)})`);
  for (const c of targetChannels(facts.targets)) bindings.push(`(name = ${capnpString(c.binding)}, service = ${capnpString(c.binding.toLowerCase())})`);
  return [...bindings, ...processBindings(role)];
}

function durableObjectLines(wired: Wiring): string {
  if (!wired.auditMount) return '';
  const scheduler = wired.scheduler
    ? `,
        (className = "PlatformSchedulerObject", uniqueKey = "outpost-platform", enableSql = true)`
    : '';
  return `
      durableObjectNamespaces = [
        (className = "AuditQueueObject", uniqueKey = ${capnpString(AUDIT_UNIQUE_KEY)}, enableSql = true)${scheduler}
      ],
      durableObjectStorage = (localDisk = ${capnpString(`volume-${wired.auditMount.binding}`)}),`;
}

function workerService(facts: LaunchFacts, wired: Wiring, role: ProcessRole | undefined): string {
  return `(name = "outpost", worker = (
      modules = [
        ${moduleLines(facts).join(',\n        ')}
      ],
      compatibilityDate = ${capnpString(COMPATIBILITY_DATE)},${durableObjectLines(wired)}
      bindings = [
        ${bindingLines(facts, wired, role).join(',\n        ')}
      ],
      globalOutbound = ${facts.airGap ? '"egress-deny"' : '"egress-connected"'},
    ))`;
}

function egressServices(airGap: boolean): string[] {
  if (!airGap) return [`(name = "egress-connected", network = (allow = ["public", "private", "local"]))`];
  return [
    `(name = "egress-deny", worker = (
      modules = [(name = "egress-deny.js", esModule = ${capnpString(DENY_WORKER)})],
      compatibilityDate = ${capnpString(COMPATIBILITY_DATE)},
      globalOutbound = "no-network",
    ))`,
    `(name = "no-network", network = (allow = []))`,
  ];
}

function services(facts: LaunchFacts, role: ProcessRole | undefined): string[] {
  const wired = wiring(facts, role);
  const list = [workerService(facts, wired, role), ...peerServices(role)];
  for (const c of targetChannels(facts.targets)) {
    list.push(`(name = ${capnpString(c.binding.toLowerCase())}, external = (address = ${capnpString(c.address)}, ${c.https ? 'https = ()' : 'http = ()'}))`);
  }
  for (const m of facts.mounts) list.push(`(name = ${capnpString(`volume-${m.binding}`)}, disk = (path = ${capnpString(m.dir)}, writable = ${m.writable}))`);
  if (wired.mtls && wired.platformUrl) {
    const port = wired.platformUrl.port || '443';
    list.push(`(name = "platform", external = (address = ${capnpString(`${wired.platformUrl.hostname}:${port}`)}, https = (tlsOptions = ${wired.mtls})))`);
  }
  return [...list, ...egressServices(facts.airGap)];
}

/**
 * The listening sockets. Each stamps its requests with `x-outpost-listener` (injected headers
 * override a client's), so that with OUTPOST_ADMIN_PORT the worker serves operator routes only on
 * the loopback admin socket and model routes only on the main one.
 */
function sockets(values: Record<string, string>, role: ProcessRole | undefined): string[] {
  // An audit queue owner of its own (OUTPOST_AUDIT_PROCESS=own) answers only its internal socket.
  if (!servesPublic(role)) return internalSocket(role);
  const listener = (name: string) => `http = (injectRequestHeaders = [(name = "x-outpost-listener", value = ${capnpString(name)})])`;
  const list = [`(name = "http", address = ${capnpString(`${values.HOST}:${values.PORT}`)}, ${listener('main')}, service = "outpost")`];
  if (values.OUTPOST_ADMIN_PORT) {
    const port = Number(values.OUTPOST_ADMIN_PORT);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`OUTPOST_ADMIN_PORT must be a port number, got "${values.OUTPOST_ADMIN_PORT}"`);
    list.push(`(name = "admin", address = ${capnpString(`127.0.0.1:${port}`)}, ${listener('admin')}, service = "outpost")`);
  }
  return [...list, ...internalSocket(role)];
}

/**
 * The config of the single process, or (with `role`) of one of OUTPOST_WORKERS processes, whose
 * main and admin sockets the launcher passes with --socket-fd (render-processes.ts).
 * @example
 * const text = renderWorkerdConfig(gatherLaunchFacts(resolveEnvironment().values, '/srv/outpost/dist', nodeLaunchFiles));
 * const second = renderWorkerdConfig(facts, { index: 1, count: 2, socketDir: '/tmp/outpost-Ab12Cd' });
 */
export function renderWorkerdConfig(facts: LaunchFacts, role?: ProcessRole): string {
  return `# Generated by \`outpost config\` from the environment. Secrets are read from the environment
# at run time (fromEnvironment bindings) and are not in this file.
# Run: workerd serve <this file> --import-path=/
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    ${services(facts, role).join(',\n    ')}
  ],
  sockets = [
    ${sockets(facts.values, role).join(',\n    ')}
  ],
);
`;
}
