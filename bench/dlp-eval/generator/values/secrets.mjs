/**
 * Credentials as they appear in code, configs and URLs, and the look-alikes that are not
 * credentials (UUIDs, digests, placeholders, variable references).
 */
import { ALNUM, B64, B64URL, HEX, LOWER, UPPER } from '../random.mjs';
import { HOSTS } from '../pools/things.mjs';

const WORDS = ['otter', 'granite', 'violet', 'harbor', 'maple', 'falcon', 'cobalt', 'saffron', 'juniper', 'tundra', 'ember', 'quartz'];

/** A password a person chose or a generator made. */
export function password(r) {
  return r.pick([
    () => `${r.pick(WORDS)}${r.pick(['!', '#', '@', '$', '_', '-'])}${r.pick(WORDS)}${r.int(10, 99)}`,
    () => r.chars(ALNUM, r.int(12, 24)),
    () => `${r.pick(WORDS)[0].toUpperCase()}${r.pick(WORDS).slice(1)}${r.int(1000, 9999)}${r.pick(['!', '?', '*'])}`,
    () => r.chars(ALNUM + '!#%^*_-', r.int(14, 28)),
    () => `${r.chars(UPPER, 3)}${r.digits(3)}${r.chars(LOWER, 4)}${r.pick(['$', '&', '%'])}${r.digits(2)}`,
  ])();
}

const percentEncoded = (s) => s.replace(/[@:/%#?]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));

/**
 * A connection URL whose password is the labelled value. Returns the pieces around the password so
 * the template can label it exactly: [before, password, after].
 */
export function urlWithPassword(r) {
  const pw = r.chance(0.25) ? percentEncoded(`${r.pick(WORDS)}@${r.digits(3)}:${r.pick(WORDS)}%`) : password(r).replace(/[@:/#?%]/g, '');
  const host = r.pick(HOSTS);
  const user = r.pick(['admin', 'app', 'svc_reports', 'deploy', 'postgres', 'root', 'etl.user', 'backup']);
  const [scheme, port, path, emptyUser] = r.pick([
    ['postgresql', 5432, '/billing', false], ['postgres', 5432, '/app?sslmode=require', false], ['mysql', 3306, '/crm', false],
    ['mongodb', 27017, '/admin?authSource=admin', false], ['mongodb+srv', null, '/orders?retryWrites=true', false],
    ['redis', 6379, '/0', true], ['rediss', 6380, '/1', true], ['redis', 6379, '', false], ['amqp', 5672, '/vhost', false],
    ['amqps', 5671, '/', false], ['smtp', 587, '', false], ['smtps', 465, '', false], ['ftp', 21, '/uploads', false],
    ['sftp', 22, '/home/drop', false], ['https', null, '/api/v2/export', false], ['http', 8080, '/metrics', false],
    ['ldap', 389, '/dc=corp,dc=local', false], ['ldaps', 636, '', false], ['mssql', 1433, ';database=ledger', false],
    ['jdbc:postgresql', 5432, '/inventory', false], ['git+https', null, '/team/infra.git', false], ['nats', 4222, '', false],
  ]);
  const u = emptyUser ? '' : scheme.startsWith('smtp') && r.chance(0.6) ? `noreply%40${host.split('.').slice(-2).join('.')}` : user;
  return [`${scheme}://${u}:`, pw, `@${host}${port ? `:${port}` : ''}${path}`];
}

/** A Django SECRET_KEY value. */
export const djangoKey = (r) => (r.chance(0.5) ? `django-insecure-${r.chars('abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)', 50)}` : r.chars('abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)', 50));
export const sendgridKey = (r) => `SG.${r.chars(B64URL, 22)}.${r.chars(B64URL, 43)}`;
export const vaultToken = (r) => (r.chance(0.6) ? `hvs.${r.chars(ALNUM + '_-', 90)}` : `s.${r.chars(ALNUM, 24)}`);
export const twilioKey = (r) => `SK${r.chars(HEX, 32)}`;
export const mailgunKey = (r) => `key-${r.chars(HEX, 32)}`;
export const datadogKey = (r) => r.chars(HEX, 32);
export const genericToken = (r) => r.chars(r.pick([ALNUM, HEX, B64URL]), r.pick([24, 32, 40, 48]));

export const awsAccessKey = (r) => `${r.pick(['AKIA', 'ASIA'])}${r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;
export const awsSecretKey = (r) => r.chars(B64, 40);
export const githubToken = (r) => (r.chance(0.7) ? `${r.pick(['ghp', 'gho', 'ghs'])}_${r.chars(ALNUM, 36)}` : `github_pat_${r.chars(ALNUM, 22)}_${r.chars(ALNUM, 59)}`);
export const gitlabToken = (r) => `glpat-${r.chars(ALNUM + '-_', 20)}`;
export const slackToken = (r) => `${r.pick(['xoxb', 'xoxp'])}-${r.digits(11)}-${r.digits(12)}-${r.chars(ALNUM, 24)}`;
export const stripeKey = (r) => `${r.pick(['sk_live_', 'rk_live_'])}${r.chars(ALNUM, r.pick([24, 99]))}`;
export const openaiKey = (r) => `sk-proj-${r.chars(B64URL, 48)}T3BlbkFJ${r.chars(B64URL, 48)}`;
export const anthropicKey = (r) => `sk-ant-api03-${r.chars(B64URL, 93)}AA`;
export const googleApiKey = (r) => `AIza${r.chars(B64URL, 35)}`;
export const npmToken = (r) => `npm_${r.chars(ALNUM, 36)}`;

export function jwt(r) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: r.pick(['HS256', 'RS256']), typ: 'JWT' })}.${b64({ sub: r.digits(8), iat: 1700000000 + r.int(0, 9e7), scope: 'read write' })}.${r.chars(B64URL, 43)}`;
}

export function privateKey(r) {
  const kind = r.pick(['RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY', 'OPENSSH PRIVATE KEY']);
  const lines = Array.from({ length: r.int(4, 9) }, () => r.chars(B64, 64));
  return `-----BEGIN ${kind}-----\n${lines.join('\n')}\n${r.chars(B64, r.int(8, 40))}==\n-----END ${kind}-----`;
}

// --- look-alikes (hard negatives) -------------------------------------------------------------
export const uuid = (r) => `${r.chars(HEX, 8)}-${r.chars(HEX, 4)}-4${r.chars(HEX, 3)}-${r.pick(['8', '9', 'a', 'b'])}${r.chars(HEX, 3)}-${r.chars(HEX, 12)}`;
export const gitSha = (r) => r.chars(HEX, r.pick([7, 40]));
export const sha256 = (r) => r.chars(HEX, 64);
export const integrity = (r) => `sha512-${r.chars(B64, 86)}==`;
export const imageDigest = (r) => `sha256:${r.chars(HEX, 64)}`;
export function placeholder(r) {
  return r.pick(['<your-password>', '${DB_PASSWORD}', 'changeme', 'REPLACE_ME', '********', 'xxxxxxxxxxxxxxxx', '{{ vault_db_password }}', '%(PASSWORD)s', 'os.environ["API_KEY"]', 'process.env.SECRET', '<redacted>', 'YOUR_API_KEY_HERE', 'None', 'null', '""']);
}
