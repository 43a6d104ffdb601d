/**
 * node:fs for the renderer inside workerd (scripts/release/render/workerd.ts), which has no host
 * file system: answers from a snapshot of the paths the renderer asked for, and records every
 * path it does not know yet. The renderer runs the generator, fetches what was missing through a
 * read-only disk service rooted at "/", and runs it again, until a run needs nothing new. Misses
 * are recorded even when the generator catches the error, so a swallowed miss cannot yield a
 * wrong config.
 */
export type Entry =
  | { kind: 'missing' }
  | { kind: 'dir'; entries?: string[] }
  | { kind: 'file'; size: number; data?: Uint8Array };

export type Need = 'stat' | 'read' | 'list';

export const snapshot = new Map<string, Entry>();
export const misses = new Map<string, Need>();
/**
 * Writes the renderer asked for (mkdirSync, writeFileSync), as lines the sh launcher carries out:
 * `mkdir <octal mode>` or `write <octal mode>`, then the path, then (write) the one-line content.
 */
export const effects: string[] = [];
/** This round's simulated writes: later reads in the same run see them, the next round does not. */
const overlay = new Map<string, Entry>();

/** Starts a render round: forgets the previous round's misses, effects and simulated writes. */
export function resetRound(): void {
  misses.clear();
  effects.length = 0;
  overlay.clear();
}

function normalise(path: unknown): string {
  const p = String(path instanceof URL ? path.pathname : path);
  if (!p.startsWith('/')) throw new Error(`renderer: relative path ${p}`);
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

class Miss extends Error {
  code = 'ENOENT';
}

function lookup(path: unknown, need: Need): Entry {
  const p = normalise(path);
  const entry = overlay.get(p) ?? snapshot.get(p);
  const satisfied = entry && (entry.kind !== 'file' || need !== 'read' || entry.data) && (entry.kind !== 'dir' || need !== 'list' || entry.entries);
  if (!satisfied) {
    if (misses.get(p) !== 'read' && misses.get(p) !== 'list') misses.set(p, need);
    throw new Miss(`renderer: ${p} not in snapshot yet`);
  }
  return entry;
}

function enoent(path: unknown): never {
  const e = new Error(`ENOENT: no such file or directory, '${String(path)}'`) as Error & { code: string };
  e.code = 'ENOENT';
  throw e;
}

const decoder = new TextDecoder();

export function existsSync(path: unknown): boolean {
  try {
    return lookup(path, 'stat').kind !== 'missing';
  } catch {
    return false;
  }
}

function stats(entry: Entry) {
  return {
    isFile: () => entry.kind === 'file',
    isDirectory: () => entry.kind === 'dir',
    isSymbolicLink: () => false,
    size: entry.kind === 'file' ? entry.size : 0,
    mode: 0o644,
  };
}

export function statSync(path: unknown, options?: { throwIfNoEntry?: boolean }) {
  const entry = lookup(path, 'stat');
  if (entry.kind === 'missing') {
    if (options?.throwIfNoEntry === false) return undefined;
    enoent(path);
  }
  return stats(entry);
}

export const lstatSync = statSync;

export function readFileSync(path: unknown, options?: string | { encoding?: string | null }) {
  const entry = lookup(path, 'read');
  if (entry.kind !== 'file') enoent(path);
  const encoding = typeof options === 'string' ? options : options?.encoding;
  const data = entry.data!;
  if (encoding) return decoder.decode(data);
  return globalThis.Buffer ? globalThis.Buffer.from(data) : data;
}

export function readdirSync(path: unknown, options?: { withFileTypes?: boolean }) {
  const entry = lookup(path, 'list');
  if (entry.kind !== 'dir') enoent(path);
  const names = entry.entries!;
  if (!options?.withFileTypes) return [...names];
  return names.map((name) => {
    const full = normalise(`${normalise(path)}/${name}`);
    const child = overlay.get(full) ?? snapshot.get(full);
    return { name, isFile: () => child?.kind === 'file', isDirectory: () => child?.kind === 'dir', isSymbolicLink: () => false };
  });
}

export function accessSync(path: unknown): void {
  if (lookup(path, 'stat').kind === 'missing') enoent(path);
}

function refuse(name: string) {
  return () => {
    throw new Error(`renderer: fs.${name} is not available while rendering the config`);
  };
}

function oneLine(value: string, what: string): string {
  if (/[\u0000-\u001f]/.test(value)) throw new Error(`renderer: ${what} holds a control character; the launcher cannot carry it out`);
  return value;
}

export function mkdirSync(path: unknown, options?: { recursive?: boolean; mode?: number }): void {
  const p = normalise(path);
  effects.push(`mkdir ${((options?.mode ?? 0o777) & 0o7777).toString(8)}`, oneLine(p, 'a folder path'));
  for (let q = p; q !== '/' && (overlay.get(q) ?? snapshot.get(q))?.kind !== 'dir'; q = q.slice(0, q.lastIndexOf('/')) || '/') overlay.set(q, { kind: 'dir', entries: [] });
}

export function writeFileSync(path: unknown, data: unknown, options?: { mode?: number } | string): void {
  const p = normalise(path);
  const text = typeof data === 'string' ? data : decoder.decode(data as Uint8Array);
  const mode = typeof options === 'object' && options?.mode !== undefined ? options.mode : 0o666;
  effects.push(`write ${(mode & 0o7777).toString(8)}`, oneLine(p, 'a file path'), oneLine(text, `the content of ${p}`));
  overlay.set(p, { kind: 'file', size: text.length, data: new TextEncoder().encode(text) });
}
export const mkdtempSync = refuse('mkdtempSync');
export const chmodSync = refuse('chmodSync');
export const constants = { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 };
export default { existsSync, statSync, lstatSync, readFileSync, readdirSync, accessSync, mkdirSync, writeFileSync, mkdtempSync, chmodSync, constants };
