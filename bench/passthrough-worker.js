// The floor: a bare workerd pass-through through the same kind of `external` service Outpost
// uses. Whole responses go back natively; streamed ones through a JavaScript pull stream, chunk
// by chunk, the least any proxy that inspects or terminates streams must do. The gateway bench
// runs it beside Outpost so that workerd's own per-request and per-chunk costs are visible apart
// from Outpost's.
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const body = await request.arrayBuffer();
    const upstream = await env.UPSTREAM.fetch(`http://upstream${url.pathname}`, { method: request.method, headers: { 'content-type': 'application/json' }, body });
    if (!(upstream.headers.get('content-type') ?? '').includes('event-stream')) return new Response(upstream.body, upstream);
    const reader = upstream.body.getReader();
    const relayed = new ReadableStream(
      {
        async pull(controller) {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        },
      },
      { highWaterMark: 0 },
    );
    return new Response(relayed, upstream);
  },
};
