/**
 * The workerd release's renderer, run by the sh launcher as `workerd test render.capnp` (workerd
 * is the only JavaScript engine a workerd release has). Bindings: every variable of the table
 * and OUTPOST_CWD, OUTPOST_DIST_DIR as fromEnvironment, ROOT (read-only disk service on "/"),
 * OUT (writable disk service for the result). Writes `workerd.capnp` (or, with OUTPOST_RENDER_MODE
 * prepare, `effects.txt`), or `error.txt` with the message `outpost config` would print.
 */
import { VARIABLES } from '../../../worker/config/variables.js';
import { effects, misses, resetRound, snapshot, type Entry } from './fs-shim.js';
import { prepare, renderConfig } from './render.js';

interface Fetcher {
  fetch(input: string, init?: RequestInit): Promise<Response>;
}

interface Env {
  [name: string]: unknown;
  OUTPOST_CWD: string;
  OUTPOST_DIST_DIR: string;
  /** config (default): write workerd.capnp; prepare: write effects.txt (folders and files to create). */
  OUTPOST_RENDER_MODE?: string;
  ROOT: Fetcher;
  OUT: Fetcher;
}

const MAX_READ = 16 << 20;
const MAX_ROUNDS = 200;

const url = (path: string) => `http://root${path.split('/').map(encodeURIComponent).join('/')}`;

async function fetchEntry(root: Fetcher, path: string, need: string): Promise<Entry> {
  const head = await root.fetch(url(path), { method: 'HEAD' });
  if (head.status === 404) return { kind: 'missing' };
  if (!head.ok) throw new Error(`cannot read ${path} (disk service answered ${head.status})`);
  if (!head.headers.has('content-length')) {
    if (need !== 'list') return { kind: 'dir' };
    const listing = (await (await root.fetch(url(path))).json()) as Array<{ name: string }>;
    return { kind: 'dir', entries: listing.map((e) => e.name) };
  }
  const size = Number(head.headers.get('content-length'));
  if (need !== 'read') return { kind: 'file', size };
  if (size > MAX_READ) throw new Error(`${path} is larger than ${MAX_READ} bytes; the renderer reads small files only`);
  return { kind: 'file', size, data: new Uint8Array(await (await root.fetch(url(path))).arrayBuffer()) };
}

export default {
  async test(_controller: unknown, env: Env): Promise<void> {
    const raw: Record<string, string> = {};
    for (const v of VARIABLES) if (typeof env[v.name] === 'string' && env[v.name] !== '') raw[v.name] = env[v.name] as string;
    const cwd = env.OUTPOST_CWD;
    const distDir = env.OUTPOST_DIST_DIR;
    let result: { ok: true; text: string } | { ok: false; message: string } | undefined;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      resetRound();
      let attempt: typeof result;
      try {
        if (env.OUTPOST_RENDER_MODE === 'prepare') {
          prepare(raw, cwd);
          attempt = { ok: true, text: effects.length ? `${effects.join('\n')}\n` : '' };
        } else attempt = { ok: true, text: renderConfig(raw, cwd, distDir) };
      } catch (e) {
        attempt = { ok: false, message: (e as Error).message };
      }
      if (misses.size === 0) {
        result = attempt;
        break;
      }
      for (const [path, need] of [...misses]) {
        const entry = await fetchEntry(env.ROOT, path, need);
        snapshot.set(path, entry);
        // Listing a folder also tells what each child is, as readdirSync withFileTypes needs.
        if (entry.kind === 'dir' && entry.entries) {
          for (const name of entry.entries) {
            const child = `${path === '/' ? '' : path}/${name}`;
            if (!snapshot.has(child)) snapshot.set(child, await fetchEntry(env.ROOT, child, 'stat'));
          }
        }
      }
    }
    if (!result) result = { ok: false, message: `the configuration touched more than ${MAX_ROUNDS} rounds of new paths` };
    const file = env.OUTPOST_RENDER_MODE === 'prepare' ? 'effects.txt' : 'workerd.capnp';
    if (result.ok) await env.OUT.fetch(`http://out/${file}`, { method: 'PUT', body: result.text });
    else await env.OUT.fetch('http://out/error.txt', { method: 'PUT', body: result.message });
  },
};
