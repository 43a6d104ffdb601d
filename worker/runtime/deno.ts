/**
 * Deno adapter: `deno serve dist/worker.js`. Files come straight from disk, targets through the
 * global fetch; the runtime-level egress allow-list is Deno's own `--allow-net=host:port` list,
 * which `outpost start --runtime deno` generates from the same configuration.
 */
import type { TargetConfig } from '../config/index.js';
import type { RequestFacts, RuntimeAdapter, Volumes } from './types.js';
import { VolumeError } from './types.js';
import { openSqliteWasmBackend, type DenoAuditApi } from '../audit/sqlite-wasm/backend.js';
import { denoDrain, type DenoSignalApi } from './deno-shutdown.js';

interface DenoFileInfo {
  name: string;
}
interface DenoApi extends DenoAuditApi, DenoSignalApi {
  env: { toObject(): Record<string, string> };
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string, options?: { recursive?: boolean }): Promise<void>;
  mkdir(path: string, options?: { recursive?: boolean }): Promise<void>;
  readDir(path: string): AsyncIterable<DenoFileInfo>;
  errors: { NotFound: new (...args: never[]) => Error };
}

/** The Deno global, when running on Deno. */
export function denoApi(): DenoApi | undefined {
  return (globalThis as { Deno?: DenoApi }).Deno;
}

function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

function createFileVolumes(deno: DenoApi): Volumes {
  const notFound = (e: unknown) => e instanceof deno.errors.NotFound;
  return {
    async read(path) {
      try {
        return await deno.readFile(path);
      } catch (e) {
        if (notFound(e)) return null;
        throw new VolumeError(`reading ${path}: ${(e as Error).message}`);
      }
    },
    async write(path, data) {
      const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
      await deno.mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.tmp-${crypto.randomUUID()}`;
      await deno.writeFile(tmp, bytes);
      await deno.rename(tmp, path);
    },
    async remove(path) {
      try {
        await deno.remove(path, { recursive: true });
      } catch (e) {
        if (!notFound(e)) throw new VolumeError(`deleting ${path}: ${(e as Error).message}`);
      }
    },
    async list(dir) {
      try {
        const names: string[] = [];
        for await (const entry of deno.readDir(dir)) names.push(entry.name);
        return names.sort();
      } catch (e) {
        if (notFound(e)) return null;
        throw new VolumeError(`listing ${dir}: ${(e as Error).message}`);
      }
    },
  };
}

export function createDenoRuntime(deno: DenoApi): RuntimeAdapter {
  const originalFetch = globalThis.fetch.bind(globalThis);
  denoDrain.install(deno);
  return {
    describe: () => 'deno',
    // deno serve has one listener: operator and model routes share it (OUTPOST_ADMIN_PORT is workerd's).
    separatesListeners: false,
    env: deno.env.toObject(),
    audit: {
      kind: 'sqlite-wasm',
      async open(config, log) {
        const backend = await openSqliteWasmBackend(deno, config, log);
        // On SIGTERM, after the drain: the last batch committed and the file closed.
        denoDrain.onExit(() => backend.close());
        return backend;
      },
    },
    volumes: createFileVolumes(deno),
    fetchTarget: (_target: TargetConfig, url: string, init: RequestInit) => originalFetch(url, init),
    rawFetch: (url, init) => originalFetch(url, init),
    fetchPlatform: (request) => fetch(request),
    async startScheduler(tick) {
      const loop = async (): Promise<void> => {
        const next = await tick().catch(() => Date.now() + 5000);
        setTimeout(() => void loop(), Math.max(100, next - Date.now()));
      };
      void loop();
    },
  };
}

interface DenoServeInfo {
  remoteAddr?: { hostname?: string };
  completed?: Promise<void>;
}

/**
 * The request's peer and its background work; both the response and the background work count
 * as in flight for a graceful exit (deno-shutdown.ts).
 * @example
 * app.fetch(request, { getGateway, facts: denoRequestFacts(info) });
 */
export function denoRequestFacts(info: DenoServeInfo | undefined): RequestFacts {
  denoDrain.track(info?.completed);
  return {
    peerAddress: info?.remoteAddr?.hostname,
    // Deno keeps serving after the response; background work just runs, counted until it settles.
    waitUntil: (p) => denoDrain.track(p.then(() => undefined)),
  };
}
