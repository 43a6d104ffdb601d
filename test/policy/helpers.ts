/**
 * Test doubles for the policy module: an in-memory Volumes, a runtime around it, a logger that
 * keeps its lines, and bundle builders.
 */
import { parseConfig, type GatewayConfig } from '../../worker/config/index.js';
import type { Logger } from '../../worker/log/index.js';
import type { RuntimeAdapter, Volumes } from '../../worker/runtime/index.js';
import type { CallContext } from '../../worker/core/index.js';
import { MODEL_ROUTES } from '../../worker/protocol/index.js';

export class MemoryVolumes implements Volumes {
  readonly files = new Map<string, Uint8Array>();
  /** Folders that exist even when empty (a mounted but empty policy volume). */
  readonly folders = new Set<string>();
  failWrites = false;

  async read(path: string): Promise<Uint8Array | null> {
    return this.files.get(path) ?? null;
  }
  async write(path: string, data: Uint8Array | string): Promise<void> {
    if (this.failWrites) throw new Error('read-only file system');
    this.files.set(path, typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data));
  }
  async remove(path: string): Promise<void> {
    if (this.failWrites) throw new Error('read-only file system');
    this.files.delete(path);
  }
  async list(dir: string): Promise<string[] | null> {
    const prefix = `${dir}/`;
    const names = new Set<string>();
    for (const path of this.files.keys()) if (path.startsWith(prefix)) names.add(path.slice(prefix.length).split('/')[0]!);
    if (!names.size && !this.folders.has(dir)) return null;
    return [...names].sort();
  }
  text(path: string): string | null {
    const bytes = this.files.get(path);
    return bytes ? new TextDecoder().decode(bytes) : null;
  }
  put(path: string, text: string): void {
    this.files.set(path, new TextEncoder().encode(text));
  }
}

export const POLICY_DIR = '/opt/outpost/policies';
export const STATE_DIR = '/var/lib/outpost';
export const VOLUME_FILE = `${POLICY_DIR}/policy_bundle.json`;

export function testConfig(env: Record<string, string> = {}): GatewayConfig {
  return parseConfig({ AIRGAP_POLICY_PATH: POLICY_DIR, OUTPOST_STATE_DIR: STATE_DIR, OUTPOST_UPSTREAM_URL: 'http://127.0.0.1:8000', ...env });
}

export function testRuntime(volumes: Volumes, env: Record<string, string> = {}): RuntimeAdapter {
  return {
    describe: () => 'test',
    separatesListeners: false,
    env,
    audit: { kind: 'sqlite-wasm', open: () => Promise.reject(new Error('no audit queue in unit tests')) },
    volumes,
    fetchTarget: () => Promise.reject(new Error('no upstream in unit tests')),
    rawFetch: () => Promise.reject(new Error('no network in unit tests')),
    fetchPlatform: () => Promise.reject(new Error('no platform in unit tests')),
    startScheduler: async () => {},
  };
}

export interface CapturingLogger extends Logger {
  readonly lines: string[];
  text(): string;
}

export function capturingLogger(): CapturingLogger {
  const lines: string[] = [];
  const push = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return { lines, text: () => lines.join('\n'), debug: push('DEBUG'), info: push('INFO'), warn: push('WARN'), error: push('ERROR') };
}

/** A minimal valid bundle; `patch` replaces top-level fields. */
export function bundle(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema_version: 1,
    version: '2026-03-13',
    created_at: '2026-03-13T09:00:00Z',
    models: [{ name: '*', risk_tier: 'standard' }],
    risk_tiers: { standard: {} },
    auth: { mode: 'none' },
    ...patch,
  };
}

export const json = (value: unknown): string => JSON.stringify(value, null, 2);
export const bytes = (value: unknown): Uint8Array => new TextEncoder().encode(typeof value === 'string' ? value : json(value));

/** A call context for a route id ('openai.chat', ...) and model. */
export function callFor(routeId: string, model: string): CallContext {
  const route = MODEL_ROUTES.find((r) => r.id === routeId);
  if (!route) throw new Error(`no route ${routeId}`);
  return {
    requestId: 'req-1',
    route,
    protocol: route.protocol,
    receivedAt: Date.now(),
    peerAddress: '127.0.0.1',
    clientIp: '127.0.0.1',
    caller: undefined,
    model,
    target: undefined,
    policyVersion: undefined,
    riskTier: undefined,
  };
}
