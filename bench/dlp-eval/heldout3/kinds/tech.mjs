/**
 * Engineering text: source code in five languages, configuration in six formats, and application
 * logs with stack traces. Secrets sit where developers leave them (assignments, headers,
 * connection strings, commented-out lines); placeholders and environment lookups are negatives.
 */
import { djangoKey, jwt, password, privateKey, randomSecret, urlWithPassword, vendorKey } from '../secrets.mjs';
import { email, ip } from '../ids.mjs';
import { person, writeName } from '../names.mjs';
import { writePhone } from '../pieces.mjs';
import { writeNegative } from '../negatives.mjs';

const HOSTS = ['db.internal.northwind.io', 'pg-primary.svc.cluster.local', 'cache-01.prod', 'mq.eu-west-1.amazonaws.com', 'smtp.sendgrid.net', 'mongo0.a1b2c.mongodb.net', 'git.corp.example'];

const secret = (b, s) => b.pii(s.type, s.value, s.form);

/** One secret assignment line in a language: [prefix, suffix] around the value. */
const ASSIGN = {
  python: (name) => [`${name.toUpperCase()} = "`, '"\n'],
  js: (name) => [`const ${name.replace(/_(\w)/g, (_, c) => c.toUpperCase())} = '`, "';\n"],
  go: (name) => [`\t${name.replace(/(^|_)(\w)/g, (_, __, c) => c.toUpperCase())}: "`, '",\n'],
  java: (name) => [`    private static final String ${name.toUpperCase()} = "`, '";\n'],
  shell: (name) => [`export ${name.toUpperCase()}=`, '\n'],
};

function secretFor(rng) {
  return rng.weighted([
    [5, () => { const k = vendorKey(rng); return [k.variable.toLowerCase(), k]; }],
    [2, () => ['db_password', { type: 'GENERIC_SECRET', value: password(rng), form: 'password-code' }]],
    [1, () => ['webhook_secret', randomSecret(rng)]],
    [1, () => ['auth_token', jwt(rng)]],
  ])();
}

export function sourceCode(rng, b) {
  const lang = rng.pick(Object.keys(ASSIGN));
  const comment = lang === 'python' || lang === 'shell' ? '#' : '//';
  b.text(`${comment} ${rng.pick(['TODO: move to vault', 'quick fix for the demo', 'integration settings', 'do not commit (oops)'])} — author `);
  writeName(b, rng, person(rng), rng.pick(['full', 'lowercase', 'initial-surname']));
  b.text(' <').pii('EMAIL', email(rng, person(rng)).value, 'code-comment').text('>\n');
  const n = rng.int(2, 4);
  for (let i = 0; i < n; i++) {
    const [name, s] = secretFor(rng);
    const [pre, post] = ASSIGN[lang](name);
    b.text(rng.chance(0.15) ? `${comment} ` : '').text(pre);
    secret(b, s);
    b.text(post);
  }
  const [pre, post] = ASSIGN[lang](rng.pick(['api_token', 'secret_key', 'password']));
  b.text(pre).put((x) => writeNegative(x, rng, 'placeholder')).text(post);
  const [pre2, post2] = ASSIGN[lang]('request_id');
  b.text(pre2).put((x) => writeNegative(x, rng, 'uuid')).text(post2);
  b.text(`${comment} pinned to `).put((x) => writeNegative(x, rng, 'version')).text(` at `).put((x) => writeNegative(x, rng, 'git_sha')).text('\n');
  if (rng.chance(0.5)) {
    b.text(lang === 'python' ? 'DATABASE_URL = "' : lang === 'shell' ? 'export DATABASE_URL="' : 'const dsn = "');
    urlWithPassword(b, rng, rng.pick(HOSTS));
    b.text('"\n');
  }
  if (rng.chance(0.4)) {
    b.text(lang === 'python' ? 'headers = {"Authorization": "Bearer ' : 'fetch(url, { headers: { Authorization: "Bearer ');
    secret(b, rng.chance(0.5) ? jwt(rng) : vendorKey(rng, undefined, { bare: true }));
    b.text(lang === 'python' ? '"}\n' : '" } });\n');
  }
  return b;
}

export function configFile(rng, b) {
  const format = rng.pick(['env', 'yaml', 'compose', 'ini', 'django', 'properties']);
  const pairs = [];
  const count = rng.int(3, 6);
  for (let i = 0; i < count; i++) {
    const [name, s] = rng.weighted([
      [3, () => { const k = vendorKey(rng); return [k.variable, k]; }],
      [2, () => [rng.pick(['DB_PASSWORD', 'POSTGRES_PASSWORD', 'smtp_pass', 'admin_password', 'REDIS_PASSWORD', 'ldap.bind.password']), { type: 'GENERIC_SECRET', value: password(rng), form: 'password-config' }]],
      [1, () => [rng.pick(['SESSION_SECRET', 'JWT_SIGNING_KEY', 'ENCRYPTION_KEY', 'WEBHOOK_SIGNING_SECRET']), randomSecret(rng)]],
      [1, () => ['VAULT_TOKEN', vendorKey(rng, 'vault')]],
    ])();
    pairs.push([name, s]);
  }
  const line = {
    env: (k) => [`${k}=`, '\n'], yaml: (k) => [`  ${k.toLowerCase()}: "`, '"\n'], compose: (k) => [`      - ${k}=`, '\n'],
    ini: (k) => [`${k.toLowerCase()} = `, '\n'], django: (k) => [`${k} = '`, "'\n"], properties: (k) => [`${k.toLowerCase().replace(/_/g, '.')}=`, '\n'],
  }[format];
  b.text({ env: '# .env.production\n', yaml: 'secrets:\n', compose: 'services:\n  api:\n    image: registry.local/api:', ini: '[database]\n', django: '# settings/production.py\nDEBUG = False\n', properties: '# application.properties\n' }[format]);
  if (format === 'compose') b.put((x) => writeNegative(x, rng, 'version')).text('\n    environment:\n');
  if (format === 'django') { const [pre, post] = line('SECRET_KEY'); b.text(pre); secret(b, djangoKey(rng)); b.text(post); }
  for (const [k, s] of pairs) { const [pre, post] = line(k); b.text(pre); secret(b, s); b.text(post); }
  const [pre, post] = line(rng.pick(['API_KEY', 'PASSWORD', 'CLIENT_SECRET']));
  b.text(pre).put((x) => writeNegative(x, rng, 'placeholder')).text(post);
  const [pre2, post2] = line('INSTANCE_ID');
  b.text(pre2).put((x) => writeNegative(x, rng, 'uuid')).text(post2);
  const [pre3, post3] = line('DATABASE_URL');
  b.text(pre3);
  urlWithPassword(b, rng, rng.pick(HOSTS));
  b.text(post3);
  if (rng.chance(0.35)) { b.text(format === 'yaml' ? '  tls_key: |\n' : '# server.key\n'); secret(b, privateKey(rng)); b.text('\n'); }
  const [pre4, post4] = line('ADMIN_EMAIL');
  b.text(pre4).pii('EMAIL', email(rng, person(rng)).value, 'config').text(post4);
  return b;
}

export function logLines(rng, b) {
  const n = rng.int(4, 9);
  for (let i = 0; i < n; i++) {
    b.put((x) => writeNegative(x, rng, 'timestamp')).text(` ${rng.pick(['INFO', 'WARN', 'ERROR', 'DEBUG'])} [${rng.pick(['auth', 'billing', 'http', 'worker-3'])}] `);
    rng.pick([
      () => { b.text('login ok user='); b.pii('EMAIL', email(rng, person(rng)).value, 'log'); b.text(' ip='); const v = ip(rng); b.pii('IP_ADDRESS', v.value, v.form); },
      () => { b.text('request_id=').put((x) => writeNegative(x, rng, 'uuid')).text(' status=200 took=').text(`${rng.int(2, 900)}ms`); },
      () => { b.text('retrying with token='); const s = vendorKey(rng, undefined, { bare: true }); b.pii(s.type, s.value, s.form); },
      () => { b.text('connect ').text('url="'); urlWithPassword(b, rng, rng.pick(HOSTS)); b.text('" failed: ECONNREFUSED'); },
      () => { b.text('sms sent to '); writePhone(b, rng); b.text(' template=otp'); },
      () => { b.text('profile updated for "'); writeName(b, rng, person(rng), 'full'); b.text('" by admin'); },
      () => { b.text('build ').put((x) => writeNegative(x, rng, 'version')).text(' deployed sha=').put((x) => writeNegative(x, rng, 'git_sha')); },
      () => { b.text('shipment ').put((x) => writeNegative(x, rng, 'tracking_number')).text(' label created ').put((x) => writeNegative(x, rng, 'port_pid')); },
    ])();
    b.text('\n');
  }
  if (rng.chance(0.5)) {
    b.text(`Traceback (most recent call last):\n  File "/srv/app/billing/charge.py", line ${rng.int(10, 400)}, in charge\n    resp = client.charge(card=card, amount=amount)\nstripe.error.CardError: Request `).neg('request_id', `req_${rng.chars(14, 'abcdefghijklmnopqrstuvwxyz0123456789')}`).text(': Your card was declined. card=');
    b.put((x) => writeNegative(x, rng, 'luhn_invalid_card')).text(` customer="`);
    writeName(b, rng, person(rng), 'full');
    b.text('"\n');
  }
  return b;
}
