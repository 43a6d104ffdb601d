/**
 * The runtime seam's contracts: everything the gateway needs from its host (workerd or Deno) goes through
 * one RuntimeAdapter, so the pipeline never touches `env` bindings or `Deno` directly.
 *
 * - volumes: files the operator mounts (policy, model, GeoIP) and the writable state folder;
 * - fetchTarget: the only way to reach an upstream model server;
 * - rawFetch: an unguarded outbound fetch, used solely by the egress probe to show that the
 *   runtime itself refuses what the worker would refuse.
 */
import type { TargetConfig } from '../config/index.js';
import type { AuditBackendOpener } from '../audit/backend.js';

export type { RequestFacts } from '../core/index.js';

export interface Volumes {
  /** Reads a whole file by absolute path; null when it does not exist. */
  read(path: string): Promise<Uint8Array | null>;
  /** Writes a file atomically (temp file + rename). Only under writable volumes. */
  write(path: string, data: Uint8Array | string): Promise<void>;
  /** Deletes a file; a missing file is not an error. */
  remove(path: string): Promise<void>;
  /** Lists the entries of a folder, or null when it does not exist. */
  list(dir: string): Promise<string[] | null>;
}

export interface RuntimeAdapter {
  /** The runtime's name and nothing more, for the status page and the heartbeat ('workerd', 'deno'). */
  describe(): string;
  /**
   * The runtime stamps each request with the listener it came in on (x-outpost-listener, set by
   * the socket and overriding the client's), so operator and model routes can answer on
   * different ports (OUTPOST_ADMIN_PORT).
   */
  readonly separatesListeners: boolean;
  /** The audit queue's backend on this runtime (audit/ holds the code; the adapter hands it its resources). */
  readonly audit: AuditBackendOpener;
  /** Raw environment (string values), as the operator set it. */
  readonly env: Readonly<Record<string, unknown>>;
  readonly volumes: Volumes;
  /**
   * Sends a request to a configured target over the runtime's channel for that target. URL and
   * init, not a Request: the runtime builds its own request from them, and a Request built first
   * in JavaScript is a second one per call.
   */
  fetchTarget(target: TargetConfig, url: string, init: RequestInit): Promise<Response>;
  /** Unguarded outbound fetch (egress probe only). */
  rawFetch(url: string, init?: RequestInit): Promise<Response>;
  /**
   * Sends a request to the management platform (connected mode only): through the mTLS channel
   * the config declares when there is one, else the guarded global fetch.
   */
  fetchPlatform(request: Request): Promise<Response>;
  /**
   * Runs `tick` now and again at the time each call resolves to, for the life of the process:
   * workerd arms a Durable Object alarm (which calls the gateway's platform tick itself), Deno
   * a timer.
   */
  startScheduler(tick: () => Promise<number>): Promise<void>;
}


export class VolumeError extends Error {
  override name = 'VolumeError';
}

/** The runtime has no channel to a target (its address was not in the config at start). */
export class TargetUnreachableError extends Error {
  override name = 'TargetUnreachableError';
}
