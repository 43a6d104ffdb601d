/**
 * workerd adapter. The generated config (cli/workerd-config.ts) gives the worker:
 * - one `external` service binding per target address, named by targetBindingName(baseUrl);
 * - one `disk` service per mounted folder, listed in the OUTPOST_VOLUMES json binding;
 * - every variable of worker/config/variables.ts as a `fromEnvironment` binding.
 * Anything else the worker fetches goes to globalOutbound, which refuses and logs.
 */
import type { TargetConfig } from '../config/index.js';
import type { RequestFacts, RuntimeAdapter, Volumes } from './types.js';
import { TargetUnreachableError, VolumeError } from './types.js';
import { openDurableObjectBackend } from '../audit/durable-object-backend.js';
import { openRemoteAuditBackend, type OwnerChannel } from '../audit/remote-backend.js';

/** A service binding as workerd passes it. */
export interface Fetcher {
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
}

/** One mounted folder: the absolute host path and the binding of its disk service. */
export interface VolumeMount {
  readonly dir: string;
  readonly binding: string;
  readonly writable: boolean;
}

/**
 * The binding name that carries the external service for a target's address. Channels are keyed
 * by scheme, host and port (not by target id): bundles may name targets as they like, and two
 * targets on one server share its channel.
 * @example
 * targetBindingName('http://10.0.0.5:8000'); // 'TARGET_HTTP_10_0_0_5_8000'
 */
export function targetBindingName(baseUrl: string): string {
  const url = new URL(baseUrl);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `TARGET_${url.protocol.slice(0, -1)}_${url.hostname}_${port}`.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
}

function parseMounts(value: unknown): VolumeMount[] {
  if (!value) return [];
  const mounts = typeof value === 'string' ? (JSON.parse(value) as VolumeMount[]) : (value as VolumeMount[]);
  // Longest folder first, so the most specific mount wins.
  return [...mounts].sort((a, b) => b.dir.length - a.dir.length);
}

function createDiskVolumes(env: Record<string, unknown>): Volumes {
  const mounts = parseMounts(env.OUTPOST_VOLUMES);
  const locate = (path: string): { disk: Fetcher; rel: string; mount: VolumeMount } => {
    for (const mount of mounts) {
      const prefix = mount.dir.endsWith('/') ? mount.dir : `${mount.dir}/`;
      if (path === mount.dir || path.startsWith(prefix)) {
        const disk = env[mount.binding] as Fetcher | undefined;
        if (!disk) break;
        const rel = path.slice(prefix.length).split('/').map(encodeURIComponent).join('/');
        return { disk, rel, mount };
      }
    }
    throw new VolumeError(`no volume is mounted for ${path}`);
  };
  return {
    async read(path) {
      let located;
      try {
        located = locate(path);
      } catch {
        return null;
      }
      const res = await located.disk.fetch(`http://volume/${located.rel}`);
      if (res.status === 404) return null;
      if (!res.ok) throw new VolumeError(`reading ${path}: disk service answered ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    },
    async write(path, data) {
      const { disk, rel, mount } = locate(path);
      if (!mount.writable) throw new VolumeError(`${mount.dir} is mounted read-only`);
      const res = await disk.fetch(`http://volume/${rel}`, { method: 'PUT', body: data as BodyInit });
      if (!res.ok) throw new VolumeError(`writing ${path}: disk service answered ${res.status}`);
    },
    async remove(path) {
      const { disk, rel, mount } = locate(path);
      if (!mount.writable) throw new VolumeError(`${mount.dir} is mounted read-only`);
      const res = await disk.fetch(`http://volume/${rel}`, { method: 'DELETE' });
      if (!res.ok && res.status !== 404) throw new VolumeError(`deleting ${path}: disk service answered ${res.status}`);
    },
    async list(dir) {
      let located;
      try {
        located = locate(dir);
      } catch {
        return null;
      }
      const res = await located.disk.fetch(`http://volume/${located.rel}${located.rel ? '/' : ''}`);
      if (res.status === 404) return null;
      if (!res.ok) throw new VolumeError(`listing ${dir}: disk service answered ${res.status}`);
      const entries = (await res.json()) as Array<{ name: string }>;
      return entries.map((e) => e.name);
    },
  };
}

/** Builds the adapter from workerd's `env` (stable for the isolate's life). */
export function createWorkerdRuntime(env: Record<string, unknown>): RuntimeAdapter {
  const originalFetch = globalThis.fetch.bind(globalThis);
  // A target's binding name, worked out once per address (a URL parse and a regex per call otherwise).
  const bindingNames = new Map<string, string>();
  const bindingOf = (baseUrl: string): string => {
    let name = bindingNames.get(baseUrl);
    if (name === undefined) bindingNames.set(baseUrl, (name = targetBindingName(baseUrl)));
    return name;
  };
  return {
    describe: () => 'workerd',
    separatesListeners: true,
    env,
    // With OUTPOST_WORKERS > 1 only process 0 holds the Durable Object; the others reach it (AUDIT_OWNER).
    audit: { kind: 'workerd-durable-object', open: (config) => (env.AUDIT_OWNER ? openRemoteAuditBackend(env.AUDIT_OWNER as OwnerChannel, config.auditDbPath) : openDurableObjectBackend(env.AUDIT_QUEUE, config.auditDbPath)) },
    volumes: createDiskVolumes(env),
    fetchTarget(target: TargetConfig, url: string, init: RequestInit) {
      const service = env[bindingOf(target.baseUrl)] as Fetcher | undefined;
      // No binding means the config was generated without this address (e.g. a hot-installed
      // bundle added a server): the runtime has no channel to it, so it is refused like any egress.
      if (!service) return Promise.reject(new TargetUnreachableError(`target ${target.id} (${new URL(target.baseUrl).host}) has no runtime channel; restart the gateway to apply new target addresses`));
      return service.fetch(url, init);
    },
    rawFetch: (url, init) => originalFetch(url, init),
    fetchPlatform(request) {
      const channel = env.PLATFORM as Fetcher | undefined;
      return channel ? channel.fetch(request) : fetch(request);
    },
    async startScheduler() {
      // OUTPOST_WORKERS > 1: process 0 (which declares the scheduler's Durable Object) runs the links.
      if (env.AUDIT_OWNER) return;
      // The alarm calls the gateway's platform tick itself (platform/scheduler.ts).
      const namespace = env.PLATFORM_SCHEDULER as DurableObjectNamespaceLike | undefined;
      if (!namespace) throw new Error('the workerd config declares no PLATFORM_SCHEDULER (generated only in connected mode)');
      await (namespace.get(namespace.idFromName('platform')) as unknown as { start(): Promise<void> }).start();
    },
  };
}

interface DurableObjectNamespaceLike {
  idFromName(name: string): unknown;
  get(id: unknown): unknown;
}

interface WorkerdExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

/** workerd puts the socket peer in request.cf.clientIp ("ip" or "ip:port", IPv6 maybe bracketed). */
export function workerdRequestFacts(request: Request, ctx: WorkerdExecutionContext | undefined): RequestFacts {
  const cf = (request as Request & { cf?: { clientIp?: string } }).cf;
  return {
    peerAddress: stripPort(cf?.clientIp),
    waitUntil: (p) => (ctx ? ctx.waitUntil(p) : void p.catch(() => {})),
  };
}

function stripPort(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (value.startsWith('[')) return value.slice(1, value.indexOf(']'));
  const colons = value.split(':').length - 1;
  if (colons === 1) return value.slice(0, value.indexOf(':'));
  return value;
}
