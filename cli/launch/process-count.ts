/**
 * How many workerd processes `outpost start` runs (OUTPOST_WORKERS). One workerd process runs
 * JavaScript on one thread, so the default is one process per core.
 */

/** More processes than this is a typo, not a plan: each one holds a full isolate. */
export const MAX_PROCESSES = 64;

/**
 * The process count from OUTPOST_WORKERS (unset or empty: `cores`). Throws a message naming the
 * variable for anything but an integer from 1 to MAX_PROCESSES.
 * @example
 * processCount({ OUTPOST_WORKERS: '' }, 2); // 2
 * processCount({ OUTPOST_WORKERS: '1' }, 8); // 1
 */
export function processCount(values: Record<string, string | undefined>, cores: number): number {
  const raw = (values.OUTPOST_WORKERS ?? '').trim();
  if (raw === '') return Math.max(1, Math.min(MAX_PROCESSES, cores));
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PROCESSES) throw new Error(`OUTPOST_WORKERS must be a whole number from 1 to ${MAX_PROCESSES}, got "${raw}"`);
  return n;
}

/** Where the audit queue's owner runs: in process 0, which also serves, or in a process of its own. */
export type AuditProcess = 'shared' | 'own';

/**
 * OUTPOST_AUDIT_PROCESS (unset or empty: 'shared'); throws a message naming the variable otherwise.
 * @example
 * auditProcess({ OUTPOST_AUDIT_PROCESS: 'own' }); // 'own'
 * auditProcess({}); // 'shared'
 */
export function auditProcess(values: Record<string, string | undefined>): AuditProcess {
  const raw = (values.OUTPOST_AUDIT_PROCESS ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'shared') return 'shared';
  if (raw === 'own') return 'own';
  throw new Error(`OUTPOST_AUDIT_PROCESS must be shared or own, got "${values.OUTPOST_AUDIT_PROCESS}"`);
}
