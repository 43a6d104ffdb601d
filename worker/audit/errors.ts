/**
 * The one error an unusable audit queue turns into: 503 audit_unavailable. Clients see it
 * instead of a response that would go unaudited.
 */
import { GatewayError } from '../core/index.js';

/** The queue's owning process (OUTPOST_WORKERS > 1) could not be reached or refused the batch. */
export class OwnerUnreachableError extends Error {
  override name = 'OwnerUnreachableError';
}

/** Why SQLite failed, in an operator's words (disk full, read-only, broken file), never internals. */
export function describeFailure(error: unknown): string {
  if (error instanceof OwnerUnreachableError) return error.message.slice(0, 200);
  const text = String((error as Error)?.message ?? error);
  if (/SQLITE_FULL|database or disk is full|No space left|ENOSPC/i.test(text)) return 'the disk is full';
  if (/READONLY|read-only|EROFS|EACCES|permission denied/i.test(text)) return 'the database is read-only';
  if (/CORRUPT|NOTADB|malformed|not a database/i.test(text)) return 'the database file is broken';
  if (/CANTOPEN|unable to open/i.test(text)) return 'the database cannot be opened';
  return `the database failed (${text.slice(0, 160)})`;
}

/**
 * @example
 * throw auditUnavailable('the disk is full');
 */
export function auditUnavailable(reason: string): GatewayError {
  return new GatewayError(503, 'audit_unavailable', `The audit queue cannot commit events (${reason}); the gateway refuses traffic it cannot audit`, 'unavailable');
}
