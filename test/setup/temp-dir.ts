// Every test file makes its scratch folders with mkdtemp(os.tmpdir()): the harness's state
// folders, audit databases, rendered configs. Pointing TMPDIR at one folder per run, before the
// test workers fork (they inherit the environment), lets the run remove all of it at the end,
// so repeated `npm test` runs leave nothing behind in /tmp.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Vitest global setup: one temporary folder for the whole run, removed at teardown. */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'outpost-tests-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
