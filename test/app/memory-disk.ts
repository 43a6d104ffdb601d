/**
 * An in-memory stand-in for a workerd `disk` service (the binding behind each mounted folder,
 * runtime/workerd.ts): GET a file, GET a folder with a trailing slash for its JSON listing, PUT,
 * DELETE. Paths are relative to the mount, as the worker sends them.
 */
export class MemoryDisk {
  readonly files = new Map<string, Uint8Array>();

  constructor(initial: Readonly<Record<string, string>> = {}) {
    for (const [path, text] of Object.entries(initial)) this.files.set(path, new TextEncoder().encode(text));
  }

  /** A file's text, or null. */
  text(path: string): string | null {
    const bytes = this.files.get(path);
    return bytes ? new TextDecoder().decode(bytes) : null;
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const rel = new URL(request.url).pathname.slice(1).split('/').map(decodeURIComponent).join('/');
    if (request.method === 'PUT') {
      this.files.set(rel, new Uint8Array(await request.arrayBuffer()));
      return new Response(null, { status: 204 });
    }
    if (request.method === 'DELETE') {
      for (const path of [...this.files.keys()]) if (path === rel || path.startsWith(`${rel}/`)) this.files.delete(path);
      return new Response(null, { status: 204 });
    }
    if (rel === '' || rel.endsWith('/')) return this.listing(rel);
    const bytes = this.files.get(rel);
    return bytes ? new Response(bytes as BodyInit) : new Response('not found', { status: 404 });
  };

  private listing(prefix: string): Response {
    const names = new Set<string>();
    for (const path of this.files.keys()) if (path.startsWith(prefix)) names.add(path.slice(prefix.length).split('/')[0]!);
    // The mount's root always exists; a sub-folder exists while it holds a file.
    if (prefix !== '' && names.size === 0) return new Response('not found', { status: 404 });
    return Response.json([...names].sort().map((name) => ({ name, type: 'file' })));
  }
}
