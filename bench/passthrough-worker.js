// The floor: a bare workerd pass-through (read the body, fetch the target through the same kind
// of `external` service Outpost uses, return its body untouched). The gateway bench measures it
// beside Outpost so that workerd's own per-request cost is visible apart from Outpost's.
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const body = await request.arrayBuffer();
    const upstream = await env.UPSTREAM.fetch(`http://upstream${url.pathname}`, { method: request.method, headers: { 'content-type': 'application/json' }, body });
    return new Response(upstream.body, upstream);
  },
};
