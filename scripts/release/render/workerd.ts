/**
 * The workerd release's renderer, run by the sh launcher as `workerd test render.capnp` (workerd
 * is the only JavaScript engine a workerd release has). Bindings: every variable of the table
 * and OUTPOST_CWD, OUTPOST_DIST_DIR as fromEnvironment, ROOT (read-only disk service on "/"),
 * OUT (writable disk service for the result). Writes `workerd.capnp` (or, with OUTPOST_RENDER_MODE
 * prepare, `effects.txt`), or `error.txt` with the message `outpost config` would print.
 *
 * workerd has no host file system: the renderer fetches the launch paths (cli/launch/facts.ts
 * launchPaths) through ROOT once, then renders from that snapshot.
 */
import { VARIABLES } from '../../../worker/config/variables.js';
import { resolveEnvironment } from '../../../cli/environment.js';
import { gatherFactsFromSnapshot, type PathProbe, type SnapshotEntry } from '../../../cli/launch/snapshot-files.js';
import { renderWorkerdConfig } from '../../../cli/launch/render-workerd.js';
import { effectLines, preparationSteps, saltFile } from '../../../cli/launch/prepare.js';

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

const url = (path: string) => `http://root${path.split('/').map(encodeURIComponent).join('/')}`;

/** Answers the launcher's questions through the read-only disk service on "/". */
function diskProbe(root: Fetcher): PathProbe {
  return {
    async probe(path, need): Promise<SnapshotEntry> {
      const head = await root.fetch(url(path), { method: 'HEAD' });
      if (head.status === 404) return { kind: 'missing' };
      if (!head.ok) throw new Error(`cannot read ${path} (disk service answered ${head.status})`);
      if (!head.headers.has('content-length')) {
        if (need !== 'list') return { kind: 'dir' };
        const listing = (await (await root.fetch(url(path))).json()) as Array<{ name: string }>;
        return { kind: 'dir', entries: listing.map((e) => e.name) };
      }
      const size = Number(head.headers.get('content-length'));
      if (need !== 'read') return { kind: 'file' };
      if (size > MAX_READ) throw new Error(`${path} is larger than ${MAX_READ} bytes; the renderer reads small files only`);
      return { kind: 'file', data: new Uint8Array(await (await root.fetch(url(path))).arrayBuffer()) };
    },
  };
}

async function render(env: Env, values: Record<string, string>): Promise<string> {
  const probe = diskProbe(env.ROOT);
  if (env.OUTPOST_RENDER_MODE === 'prepare') {
    const saltExists = (await probe.probe(saltFile(values), 'exists')).kind !== 'missing';
    const lines = effectLines(preparationSteps(values, { exists: () => saltExists }));
    return lines.length ? `${lines.join('\n')}\n` : '';
  }
  return renderWorkerdConfig(await gatherFactsFromSnapshot(values, env.OUTPOST_DIST_DIR, probe));
}

export default {
  async test(_controller: unknown, env: Env): Promise<void> {
    const raw: Record<string, string> = {};
    for (const v of VARIABLES) if (typeof env[v.name] === 'string' && env[v.name] !== '') raw[v.name] = env[v.name] as string;
    let result: { ok: true; text: string } | { ok: false; message: string };
    try {
      result = { ok: true, text: await render(env, resolveEnvironment(raw, env.OUTPOST_CWD).values) };
    } catch (e) {
      result = { ok: false, message: (e as Error).message };
    }
    const file = env.OUTPOST_RENDER_MODE === 'prepare' ? 'effects.txt' : 'workerd.capnp';
    if (result.ok) await env.OUT.fetch(`http://out/${file}`, { method: 'PUT', body: result.text });
    else await env.OUT.fetch('http://out/error.txt', { method: 'PUT', body: result.message });
  },
};
