/**
 * Configuration files in many formats (.env, YAML, TOML, JSON, INI, XML, Java properties,
 * docker-compose, Kubernetes manifests). Secrets are assigned to the names real configs use;
 * placeholders, references to the environment and ids stand where a secret might be.
 */
import { NAMED_SECRETS, secrets, urlWithPassword } from '../values/secrets.mjs';
import { lookalikes, placeholder } from '../values/negatives.mjs';
import { ip } from '../values/ids.mjs';
import { emailFor, person } from '../values/people.mjs';

/** A few [name, piece] entries: real secrets, placeholders and harmless values mixed. */
function entries(rng) {
  const out = [];
  for (let i = rng.int(2, 4); i > 0; i--) {
    const [name, make] = rng.pick(NAMED_SECRETS);
    out.push([name, make(rng)]);
  }
  for (let i = rng.int(1, 3); i > 0; i--) out.push([rng.pick(['DB_PASSWORD', 'API_KEY', 'ADMIN_PASSWORD', 'CLIENT_SECRET', 'AUTH_TOKEN', 'SMTP_PASS']), placeholder(rng)]);
  out.push(['APP_VERSION', lookalikes.version(rng)], ['INSTANCE_ID', lookalikes.uuid(rng)], ['LOG_LEVEL', rng.pick(['info', 'debug', 'warn'])]);
  if (rng.chance(0.5)) out.push(['BUILD_SHA', lookalikes.gitSha(rng)]);
  if (rng.chance(0.5)) out.push(['DATABASE_URL', urlWithPassword(rng)]);
  if (rng.chance(0.3)) out.push(['BIND_ADDRESS', ip(rng)]);
  if (rng.chance(0.3)) out.push(['ALERT_EMAIL', emailFor(rng, person(rng, { latinOnly: true }), 'ops.' + rng.pick(['fernbank.io', 'kestrel.ai']))]);
  return rng.shuffle(out);
}

const lower = (name) => name.toLowerCase();
const camel = (name) => name.toLowerCase().replace(/_([a-z])/g, (_, c) => c.toUpperCase());
const pieces = (v) => (Array.isArray(v) ? v : [v]);

const FORMATS = {
  env: (rng, b, es) => { b.add('# .env — do not commit\n'); for (const [k, v] of es) b.add([`${k}=`, ...(rng.chance(0.2) ? ['"', ...pieces(v), '"'] : pieces(v)), '\n']); },
  yaml: (rng, b, es) => { b.add(`# config/${rng.pick(['production', 'staging'])}.yaml\nservice:\n  name: ${rng.pick(['billing', 'ingest', 'notifier'])}\n  settings:\n`); for (const [k, v] of es) b.add([`    ${lower(k)}: `, ...(rng.chance(0.3) ? ['"', ...pieces(v), '"'] : pieces(v)), '\n']); },
  toml: (rng, b, es) => { b.add(`[${rng.pick(['server', 'app', 'worker'])}]\n`); for (const [k, v] of es) b.add([`${lower(k)} = "`, ...pieces(v), '"\n']); },
  json: (rng, b, es) => { b.add('{\n'); es.forEach(([k, v], i) => b.add([`  "${camel(k)}": "`, ...pieces(v), `"${i < es.length - 1 ? ',' : ''}\n`])); b.add('}\n'); },
  ini: (rng, b, es) => { b.add(`; ${rng.pick(['odbc', 'app', 'legacy'])}.ini\n[${rng.pick(['database', 'credentials', 'default'])}]\n`); for (const [k, v] of es) b.add([`${lower(k)} = `, ...pieces(v), '\n']); },
  xml: (rng, b, es) => { b.add('<?xml version="1.0" encoding="UTF-8"?>\n<configuration>\n  <appSettings>\n'); for (const [k, v] of es) b.add([`    <add key="${camel(k)}" value="`, ...pieces(v), '" />\n']); b.add('  </appSettings>\n</configuration>\n'); },
  properties: (rng, b, es) => { b.add('# application.properties\n'); for (const [k, v] of es) b.add([`${lower(k).replace(/_/g, '.')}=`, ...pieces(v), '\n']); },
  compose: (rng, b, es) => {
    b.add(`services:\n  ${rng.pick(['api', 'db', 'worker'])}:\n    image: ${rng.pick(['postgres', 'redis', 'ghcr.io/acme/api'])}:`); b.add([lookalikes.version(rng), '\n    environment:\n']);
    for (const [k, v] of es) b.add([`      ${rng.chance(0.5) ? '- ' : ''}${k}${rng.chance(0.5) ? '=' : ': '}`, ...pieces(v), '\n']);
    b.add('    ports:\n      - "8080:8080"\n');
  },
  k8s: (rng, b, es) => {
    b.add(`apiVersion: v1\nkind: ${rng.pick(['Secret', 'ConfigMap'])}\nmetadata:\n  name: ${rng.pick(['app-secrets', 'billing-env'])}\n  uid: `); b.add([lookalikes.uuid(rng), '\nstringData:\n']);
    for (const [k, v] of es) b.add([`  ${k}: `, ...(rng.chance(0.5) ? ['"', ...pieces(v), '"'] : pieces(v)), '\n']);
  },
};

export function configFile(rng, b) {
  const format = rng.pick(Object.keys(FORMATS));
  FORMATS[format](rng, b, entries(rng));
  if (rng.chance(0.12)) b.add(['\n# TLS key for the legacy endpoint\nTLS_KEY=', secrets.privateKey(rng), '\n']);
  return format;
}
