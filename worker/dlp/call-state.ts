/**
 * The DLP state of one call, carried explicitly from the request stage to the response stage in
 * RequestInspection.callState: the placeholders reversible redaction put into the request (the
 * response must restore them) and the finding hasher of the call.
 */
import type { RequestInspection } from '../core/index.js';
import { FindingHasher } from './findings.js';
import { Redactor } from './redact.js';

export class DlpCallState {
  constructor(
    readonly redactor: Redactor,
    readonly hasher: FindingHasher,
  ) {}

  /**
   * A fresh state for a call whose request left none (no inspection ran, or another engine's).
   * @example
   * const state = DlpCallState.fresh(salt, settings.redaction === 'reversible');
   */
  static fresh(salt: string, reversible: boolean): DlpCallState {
    return new DlpCallState(new Redactor(reversible), new FindingHasher(salt));
  }

  /**
   * The state the request inspection left, or a fresh one with nothing to restore.
   * @example
   * const { redactor, hasher } = DlpCallState.of(request, salt);
   */
  static of(request: RequestInspection, salt: string): DlpCallState {
    return request.callState instanceof DlpCallState ? request.callState : DlpCallState.fresh(salt, false);
  }
}
