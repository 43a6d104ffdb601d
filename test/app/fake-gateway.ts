/**
 * The app under test without workerd: the real `createApp()` and the real `createGateway()`,
 * built through the real workerd runtime adapter (`createWorkerdRuntime`) over in-memory
 * bindings: the target's service binding is the in-process FakeUpstream, the mounted folders
 * are MemoryDisks, the audit queue's Durable Object namespace is a MemoryAuditQueue. Requests go
 * through the worker's own entry (`serveRequest`: model calls past the router, the rest through
 * the app), as workerd's fetch hands them over.
 */
import { expect } from 'vitest';
import { createApp } from '../../worker/app.js';
import { serveRequest } from '../../worker/model-call-path.js';
import { createGateway, type Gateway } from '../../worker/gateway.js';
import type { AuditEvent } from '../../worker/audit/event.js';
import { createWorkerdRuntime, targetBindingName } from '../../worker/runtime/workerd.js';
import { FAKE_MODELS, FakeUpstream, type Reply } from './fake-upstream.js';
import { MemoryAuditQueue } from './memory-audit.js';
import { MemoryDisk } from './memory-disk.js';

const UPSTREAM_URL = 'http://127.0.0.1:8000';
const POLICY_DIR = '/etc/outpost/policies';
const STATE_DIR = '/var/lib/outpost';

export interface FakeGatewayOptions {
  /** A policy bundle for the policy volume; absent: the built-in baseline is enforced. */
  readonly bundle?: Record<string, unknown>;
  /** Scripted answers by model name; these models are served besides FAKE_MODELS. */
  readonly replies?: Readonly<Record<string, Reply>>;
  /** Extra environment variables (OUTPOST_MAX_BODY_BYTES, OUTPOST_API_KEYS, ...). */
  readonly env?: Readonly<Record<string, string>>;
}

export interface FakeGateway {
  readonly gateway: Gateway;
  readonly upstream: FakeUpstream;
  readonly audit: MemoryAuditQueue;
  readonly state: MemoryDisk;
  /** Sends one request to the app, as a client on 127.0.0.1 would. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** A fetch for the official clients (any origin: only the path and query reach the app). */
  readonly fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** POSTs a JSON body (a string is sent as it is) with a fresh x-request-id. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** The one audit event of a request; fails the test unless there is exactly one. */
  auditOf(requestId: string): AuditEvent;
}

/** A small valid bundle: every model on one risk tier, no authentication; `patch` replaces top-level fields. */
export function smallBundle(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema_version: 1,
    version: 'app-test-1',
    created_at: '2026-11-29T00:00:00Z',
    models: [{ name: '*', risk_tier: 'standard' }],
    risk_tiers: { standard: {} },
    auth: { mode: 'none' },
    ...patch,
  };
}

let requestCounter = 0;
/** A request id unique in the test file, so each test finds its own audit event. */
export const nextRequestId = (): string => `app-test-${++requestCounter}`;

/**
 * @example
 * const gw = await fakeGateway({ bundle: smallBundle({ dlp: { tier1: { enabled: true, action: 'block' } } }) });
 * const res = await gw.post('/v1/chat/completions', { model: 'fake-llama', messages: [{ role: 'user', content: 'hi' }] });
 */
export async function fakeGateway(options: FakeGatewayOptions = {}): Promise<FakeGateway> {
  const upstream = new FakeUpstream();
  for (const [model, reply] of Object.entries(options.replies ?? {})) upstream.reply(model, reply);
  const audit = new MemoryAuditQueue();
  const state = new MemoryDisk();
  const policy = new MemoryDisk(options.bundle ? { 'policy_bundle.json': JSON.stringify(options.bundle) } : {});
  const env: Record<string, unknown> = {
    OUTPOST_AIRGAP: 'true',
    // The fake serves both APIs; an Ollama-kind target is reached by the OpenAI routes too (README, Targets).
    OUTPOST_UPSTREAM_KIND: 'ollama',
    OUTPOST_UPSTREAM_URL: UPSTREAM_URL,
    OUTPOST_UPSTREAM_MODELS: [...FAKE_MODELS, ...Object.keys(options.replies ?? {})].join(','),
    AIRGAP_POLICY_PATH: POLICY_DIR,
    OUTPOST_STATE_DIR: STATE_DIR,
    AUDIT_QUEUE_DB_PATH: `${STATE_DIR}/audit/audit_queue.db`,
    OUTPOST_AUDIT_SALT: 'app-test-salt-0123456789abcdef0123456789abcdef',
    OUTPOST_LOG_LEVEL: 'error',
    ...options.env,
    // The bindings workerd would give the worker (cli/workerd-config.ts generates them).
    // Without a bundle no policy folder is mounted, as a gateway started without one.
    OUTPOST_VOLUMES: JSON.stringify([...(options.bundle ? [{ dir: POLICY_DIR, binding: 'DISK_POLICY', writable: false }] : []), { dir: STATE_DIR, binding: 'DISK_STATE', writable: true }]),
    DISK_POLICY: policy,
    DISK_STATE: state,
    [targetBindingName(UPSTREAM_URL)]: upstream,
    AUDIT_QUEUE: audit,
  };
  const gateway = await createGateway(createWorkerdRuntime(env));
  const app = createApp();
  const bindings = { getGateway: async () => gateway, facts: { peerAddress: '127.0.0.1', waitUntil: (p: Promise<unknown>) => void p.catch(() => {}) } };

  // As hono's app.request() builds a request from a path: relative paths on http://localhost.
  const toRequest = (input: RequestInfo | URL, init?: RequestInit): Request => {
    if (input instanceof Request) return init ? new Request(input, init) : input;
    const url = String(input);
    return new Request(/^https?:\/\//.test(url) ? url : `http://localhost${url}`, init);
  };
  const request = async (path: string, init?: RequestInit): Promise<Response> => serveRequest(app, toRequest(path, init), bindings);
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => serveRequest(app, toRequest(input, init), bindings);
  return {
    gateway,
    upstream,
    audit,
    state,
    request,
    fetch,
    post: (path, body, headers = {}) =>
      request(path, {
        method: 'POST',
        body: typeof body === 'string' ? body : JSON.stringify(body),
        headers: { 'content-type': 'application/json', 'x-request-id': nextRequestId(), ...headers },
      }),
    auditOf(requestId) {
      const events = audit.events.filter((e) => e.request_id === requestId);
      expect(events, `audit events of ${requestId}`).toHaveLength(1);
      return events[0]!;
    },
  };
}
