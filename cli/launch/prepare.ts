/**
 * The writable folders the gateway needs (state, audit database folder), private to the service
 * user, and the finding-hash salt (0600) when OUTPOST_AUDIT_SALT is not set: workerd's disk
 * service cannot choose file modes, so the launcher makes the file before the worker reads it.
 * Deciding is pure (preparationSteps); Node carries the steps out (applyPreparation), the
 * workerd release's renderer hands them to the sh launcher.
 */
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { LaunchFiles } from './files.js';

export type PreparationStep =
  | { readonly op: 'mkdir'; readonly path: string; readonly mode: number; readonly variable: string }
  | { readonly op: 'write'; readonly path: string; readonly mode: number; readonly content: string; readonly variable: string };

/** The salt file, created when OUTPOST_AUDIT_SALT is not set. */
export function saltFile(values: Record<string, string>): string {
  return join(values.OUTPOST_STATE_DIR!, 'finding-salt');
}

/**
 * @example
 * preparationSteps(values, nodeLaunchFiles); // [{ op: 'mkdir', path: '/var/lib/outpost', mode: 0o700, ... }, ...]
 */
export function preparationSteps(values: Record<string, string>, files: Pick<LaunchFiles, 'exists'>): PreparationStep[] {
  const state = values.OUTPOST_STATE_DIR!;
  const steps: PreparationStep[] = [{ op: 'mkdir', path: state, mode: 0o700, variable: 'OUTPOST_STATE_DIR' }];
  const salt = saltFile(values);
  if (!values.OUTPOST_AUDIT_SALT && !files.exists(salt)) steps.push({ op: 'write', path: salt, mode: 0o600, content: randomBytes(32).toString('hex'), variable: 'OUTPOST_STATE_DIR' });
  const audit = values.AUDIT_QUEUE_DB_PATH;
  // Private to the service user like the state folder: the queue is the audit trail (never 777).
  if (audit) steps.push({ op: 'mkdir', path: dirname(audit), mode: 0o700, variable: 'AUDIT_QUEUE_DB_PATH' });
  return steps;
}

/**
 * The steps as lines for the sh launcher: `mkdir <octal mode>` or `write <octal mode>`, then the
 * path, then (write) the one-line content.
 * @example
 * effectLines([{ op: 'mkdir', path: '/s', mode: 0o700, variable: 'OUTPOST_STATE_DIR' }]); // ['mkdir 700', '/s']
 */
export function effectLines(steps: readonly PreparationStep[]): string[] {
  const oneLine = (value: string, what: string) => {
    if (/[\u0000-\u001f]/.test(value)) throw new Error(`renderer: ${what} holds a control character; the launcher cannot carry it out`);
    return value;
  };
  return steps.flatMap((s) =>
    s.op === 'mkdir'
      ? [`mkdir ${s.mode.toString(8)}`, oneLine(s.path, 'a folder path')]
      : [`write ${s.mode.toString(8)}`, oneLine(s.path, 'a file path'), oneLine(s.content, `the content of ${s.path}`)],
  );
}
