/**
 * The policy store's public shapes: what status(), install, rollback and list return.
 */
import type { PolicySnapshot, PolicySource } from './snapshot.js';

export interface PolicyStatus {
  readonly version: string;
  readonly source: PolicySource;
  /** Why this bundle is the active one. */
  readonly reason: string;
  /** When this bundle is active because another was refused: that bundle's problems. */
  readonly problems: readonly string[];
  /** True when a refused bundle made the gateway fall back (last known good or baseline). */
  readonly fallback: boolean;
  readonly created_at: string;
  readonly sha256: string;
  readonly signed: boolean;
  readonly rules: number;
  readonly activated_at: string;
  /** The most recent refused install or rollback, if any since boot. */
  readonly last_refused?: { readonly what: string; readonly at: string; readonly problems: readonly string[] };
}

/** The outcome of install and rollback, shaped for the admin API. */
export type PolicyChange =
  | { readonly ok: true; readonly version: string; readonly previous: string; readonly unchanged: boolean }
  | { readonly ok: false; readonly status: 409 | 422 | 503; readonly code: string; readonly message: string; readonly problems: readonly string[] };

export interface InstalledBundle {
  readonly version: string;
  readonly created_at: string | null;
  readonly sha256: string;
  /** A signature file is stored beside it (verified when the bundle is activated). */
  readonly has_signature: boolean;
  readonly active: boolean;
  /** Position in the rollback history (0 = oldest), or null when not in it. */
  readonly history_index: number | null;
}

export interface PolicyStore {
  /** The active snapshot. Take it once per call: install swaps it atomically. */
  current(): PolicySnapshot;
  status(): PolicyStatus;
  /** Checks, persists and activates a bundle (exact file bytes and optional .sig bytes). */
  install(bundle: Uint8Array, signature?: Uint8Array | null): Promise<PolicyChange>;
  /** Returns to the version that was active before the current one. */
  rollback(): Promise<PolicyChange>;
  /**
   * Decides again from the volumes, as at boot, which bundle is active (another process of the
   * gateway installed or rolled back one: OUTPOST_WORKERS > 1).
   */
  reload(): Promise<PolicyChange>;
  /** Stored bundle versions. */
  list(): Promise<InstalledBundle[]>;
}
