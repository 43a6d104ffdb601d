// Realistic mixed text that is not the project's DLP corpus: prose, source code, JSON, logs and
// stack traces, with a few sensitive values sprinkled in (about one per 2 KB). Deterministic.
const PROSE = [
  'The quarterly review covered onboarding, the migration of the billing service and the new retention policy.',
  'Please summarise the attached meeting notes and list the action items with their owners and due dates.',
  'We noticed that latency on the search endpoint doubled after the last deploy; rolling back fixed it.',
  'Customers in the pilot preferred the simplified checkout, although a few asked for saved addresses.',
  'Write a short paragraph explaining the difference between eventual and strong consistency.',
  'The department agreed to move the offsite to the second week of June, pending budget approval.',
];
const CODE = [
  'function retry(fn, attempts = 3) {\n  for (let i = 0; i < attempts; i++) {\n    try { return fn(); } catch (e) { if (i === attempts - 1) throw e; }\n  }\n}\n',
  'const config = { host: "db.internal", port: 5432, pool: { min: 2, max: 10 }, ssl: true };\n',
  'def handler(event, context):\n    records = event.get("Records", [])\n    return {"statusCode": 200, "count": len(records)}\n',
  'SELECT id, created_at, status FROM orders WHERE status = \'pending\' ORDER BY created_at DESC LIMIT 50;\n',
];
const LOGS = [
  '2026-05-13T10:22:31.512Z INFO  request_id=7f3a9c21 method=GET path=/api/v2/items status=200 duration_ms=41\n',
  '2026-05-13T10:22:32.004Z WARN  upstream slow: 1843 ms (threshold 1500 ms) pool=search-2 retries=1\n',
  '    at Object.<anonymous> (/srv/app/node_modules/express/lib/router/index.js:284:7)\n',
  '2026-05-13T10:22:35.118Z ERROR job=reindex shard=12 error="connection reset by peer" attempt=3/5\n',
];
const VALUES = [
  'card 4111 1111 1111 1111', 'mail jane.doe@acme-corp.com', 'SSN 536-22-8712', 'call (415) 555-2671',
  'AWS_ACCESS_KEY_ID=AKIAZ7VRSQ2LMXK4P3TN', 'IBAN DE89 3704 0044 0532 0130 00', 'from 203.0.113.42',
];

/** `bytes` characters of mixed text, the same for a given seed. */
export function mixedText(bytes, seed = 42) {
  let s = seed >>> 0;
  const r = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  let out = '';
  let sinceValue = 0;
  while (out.length < bytes) {
    const kind = r();
    const piece = kind < 0.45 ? `${pick(PROSE)} ` : kind < 0.7 ? pick(CODE) : pick(LOGS);
    out += piece;
    sinceValue += piece.length;
    if (sinceValue > 2048) {
      out += ` ${pick(VALUES)}. `;
      sinceValue = 0;
    }
  }
  return out.slice(0, bytes);
}
