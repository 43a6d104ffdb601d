/** What the audit queue's Durable Object reports about itself (its status() RPC). */
import type { CircuitState } from '../platform/circuit.js';

export interface DoStatus {
  readonly id: string;
  readonly depth: number;
  readonly lastSeq: number;
  readonly lastHash: string;
  readonly hashAlg: string;
  readonly circuit: CircuitState | null;
  readonly lastSuccess: string | null;
  readonly lastError: string | null;
  readonly commits: number;
  readonly appended: number;
}
