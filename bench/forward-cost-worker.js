// Variants of one relay inside workerd, chosen by path, each adding one thing Outpost's forward
// stage (worker/proxy/forward.ts) does on top of the bare relay (bench/passthrough-worker.js), so
// that bench/forward-cost.mjs can charge each its CPU from outside the isolate.
//   /relay       the bare relay: body as bytes, one header, the upstream response passed through
//   /headers     + the request headers forward() sends (x-request-id, accept, content-type)
//   /timer       + a setTimeout/clearTimeout around the fetch (the upstream timeout)
//   /signal      + an AbortController whose signal goes to the fetch, with the timer
//   /whole       + the response read whole (arrayBuffer) and answered from bytes with new headers
//   /whole-race  as /whole, with the timeout as a timer promise raced against the fetch (no signal)
//   /abort-timeout  the headers, and AbortSignal.timeout() as the fetch's signal (no JavaScript timer)
export default {
  async fetch(request, env) {
    const path = new URL(request.url).pathname;
    const body = await request.arrayBuffer();
    const bare = { 'content-type': 'application/json' };
    const full = { 'x-request-id': 'req-0123456789abcdef', accept: 'application/json', 'content-type': 'application/json' };
    if (path === '/relay') {
      const upstream = await env.UPSTREAM.fetch('http://upstream/v1/chat/completions', { method: 'POST', headers: bare, body });
      return new Response(upstream.body, upstream);
    }
    if (path === '/headers') {
      const upstream = await env.UPSTREAM.fetch('http://upstream/v1/chat/completions', { method: 'POST', headers: full, body });
      return new Response(upstream.body, upstream);
    }
    if (path === '/timer') {
      const timer = setTimeout(() => {}, 30000);
      try {
        const upstream = await env.UPSTREAM.fetch('http://upstream/v1/chat/completions', { method: 'POST', headers: full, body });
        return new Response(upstream.body, upstream);
      } finally {
        clearTimeout(timer);
      }
    }
    if (path === '/signal' || path === '/whole') {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 30000);
      let upstream;
      try {
        upstream = await env.UPSTREAM.fetch('http://upstream/v1/chat/completions', { method: 'POST', headers: full, body, signal: controller.signal });
      } finally {
        clearTimeout(timer);
      }
      if (path === '/signal') return new Response(upstream.body, upstream);
      const bytes = new Uint8Array(await upstream.arrayBuffer());
      return new Response(bytes, { status: 200, headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/json', 'x-request-id': 'req-0123456789abcdef' } });
    }
    if (path === '/whole-race') {
      let timer;
      const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 30000)));
      let upstream;
      try {
        upstream = await Promise.race([env.UPSTREAM.fetch('http://upstream/v1/chat/completions', { method: 'POST', headers: full, body }), timeout]);
      } finally {
        clearTimeout(timer);
      }
      const bytes = new Uint8Array(await upstream.arrayBuffer());
      return new Response(bytes, { status: 200, headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/json', 'x-request-id': 'req-0123456789abcdef' } });
    }
    if (path === '/abort-timeout') {
      const upstream = await env.UPSTREAM.fetch('http://upstream/v1/chat/completions', { method: 'POST', headers: full, body, signal: AbortSignal.timeout(30000) });
      return new Response(upstream.body, upstream);
    }
    return new Response('no such variant', { status: 404 });
  },
};
