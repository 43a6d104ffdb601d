// Log-like text for the Tier 3 false-alarm rate: what operators paste when they ask a model
// "why does this fail?". Formats modelled on common software (nginx/Apache combined access logs,
// RFC 5424-ish syslog, JSON application logs, Java and Python stack traces, CI and kubectl
// output); vocabulary of its own, unrelated to the training templates in scripts/tier3/.

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

const HOSTS = ['web-01', 'api-gw-3', 'db-replica-2', 'batch-7', 'edge-eu-1', 'ingest-4'];
const SERVICES = ['checkout', 'inventory', 'auth', 'search', 'billing-sync', 'thumbnailer', 'scheduler', 'mailer'];
const PATHS = ['/api/v2/orders', '/healthz', '/static/app.3f9c1.js', '/login', '/api/v1/items?page=3', '/metrics', '/graphql', '/favicon.ico', '/api/v2/carts/88123/lines'];
const AGENTS = ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36', 'curl/8.5.0', 'Go-http-client/2.0', 'kube-probe/1.30', 'python-requests/2.32.3'];
const MESSAGES = [
  'connection pool exhausted, waiting for a free connection',
  'retrying request after timeout (attempt {n} of 5)',
  'cache miss for key product:{n}, loading from database',
  'scheduled job finished in {n} ms',
  'TLS handshake failed: certificate has expired',
  'worker {n} started, listening on port 8080',
  'slow query took {n} ms: SELECT id, status FROM orders WHERE updated_at > $1',
  'received SIGTERM, draining connections',
  'disk usage on /var/lib/data at {n}%',
  'rate limit exceeded for client, returning 429',
  'failed to parse config value "max_batch": expected integer',
  'upstream responded with 502 Bad Gateway',
  'migration 0042_add_index_on_created_at applied',
  'garbage collection pause of {n} ms',
  'lock acquired on partition {n}',
  'message queue depth {n}, scaling consumers up',
];
const EXCEPTIONS = [
  ['java.lang.NullPointerException: Cannot invoke "String.length()" because "name" is null', 'at com.example.catalog.ItemMapper.toDto(ItemMapper.java:{n})', 'at com.example.catalog.ItemService.find(ItemService.java:{n})', 'at org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:{n})'],
  ['Traceback (most recent call last):', '  File "/app/worker/tasks.py", line {n}, in process_batch', '    rows = fetch_rows(conn, batch_id)', '  File "/app/worker/db.py", line {n}, in fetch_rows', '    cur.execute(QUERY, (batch_id,))', 'psycopg.OperationalError: server closed the connection unexpectedly'],
  ['TypeError: Cannot read properties of undefined (reading \'map\')', '    at renderList (/srv/app/dist/views/list.js:{n}:18)', '    at processTicksAndRejections (node:internal/process/task_queues:95:5)'],
  ['panic: runtime error: index out of range [{n}] with length 3', '', 'goroutine 17 [running]:', 'main.(*Router).dispatch(0xc000124000)', '\t/src/router.go:{n} +0x1a5'],
];
const CI = [
  'Run npm ci', 'added {n} packages in 14s', 'Run npm test', ' ✓ src/parser.test.ts ({n} tests) 210ms', ' × src/cache.test.ts > evicts the oldest entry', 'AssertionError: expected 3 to equal 2',
  'Error: Process completed with exit code 1.', 'Step 4/9 : RUN apt-get update && apt-get install -y build-essential', ' ---> Running in 3b1f0c2d9e7a', 'Successfully built 9c2e1d7f4a10',
  'NAME                        READY   STATUS             RESTARTS   AGE', 'checkout-7d9f8c6b5-x2kqp    0/1     CrashLoopBackOff   {n}          11m', 'Warning  BackOff  2m (x{n} over 10m)  kubelet  Back-off restarting failed container',
];
const LEVELS = ['INFO', 'WARN', 'ERROR', 'DEBUG'];

/**
 * `count` log excerpts of 5 to 30 lines: `{ text, origin }`.
 * @example
 * logDocuments(3).map((d) => d.origin); // ['access', 'json', 'syslog']
 */
export function logDocuments(count, seed = 7) {
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const n = () => String(1 + Math.floor(r() * 5000));
  const fill = (s) => s.replace(/\{n\}/g, n);
  const time = (i) => `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T${String(Math.floor(r() * 24)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}.${String(Math.floor(r() * 1000)).padStart(3, '0')}Z`;
  const ip = () => `10.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}`;
  const kinds = {
    access: (i) => `${ip()} - - [${String(1 + (i % 28)).padStart(2, '0')}/Nov/2026:10:${String(Math.floor(r() * 60)).padStart(2, '0')}:11 +0000] "${pick(['GET', 'POST', 'PUT', 'DELETE'])} ${pick(PATHS)} HTTP/1.1" ${pick(['200', '200', '201', '304', '404', '500', '502'])} ${n()} "-" "${pick(AGENTS)}"`,
    syslog: (i) => `<${pick(['134', '131', '132'])}>1 ${time(i)} ${pick(HOSTS)} ${pick(SERVICES)} ${n()} - - ${fill(pick(MESSAGES))}`,
    json: (i) => JSON.stringify({ ts: time(i), level: pick(LEVELS).toLowerCase(), service: pick(SERVICES), msg: fill(pick(MESSAGES)), trace_id: Math.floor(r() * 2 ** 31).toString(16) }),
    plain: (i) => `${time(i)} ${pick(LEVELS).padEnd(5)} [${pick(SERVICES)}] ${fill(pick(MESSAGES))}`,
  };
  const out = [];
  for (let d = 0; d < count; d++) {
    const kind = ['access', 'syslog', 'json', 'plain', 'trace', 'ci'][d % 6];
    const lines = [];
    if (kind === 'trace') {
      for (let i = 0; i < 3; i++) lines.push(kinds.plain(d + i));
      for (const l of pick(EXCEPTIONS)) lines.push(fill(l));
    } else if (kind === 'ci') {
      const start = Math.floor(r() * (CI.length - 6));
      for (const l of CI.slice(start, start + 6 + Math.floor(r() * 6))) lines.push(fill(l));
    } else {
      const length = 5 + Math.floor(r() * 25);
      for (let i = 0; i < length; i++) lines.push(kinds[kind](d + i));
    }
    out.push({ text: lines.join('\n'), origin: kind });
  }
  return out;
}
