/**
 * Credentials in the shapes their vendors issue (prefixes and lengths as documented publicly by
 * each vendor; bodies random), generic passwords and secrets as people choose them, and
 * connection URLs with passwords. Each returns {type, value, form}; for URLs the label is the
 * password alone (the rest of the URL is not secret), see urlWithPassword.
 * @example
 * vendorKey(rng); // {type: 'GITHUB_TOKEN', value: 'ghp_…', form: 'github-classic'}
 */
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
const ALNUM = LOWER + UPPER + DIGITS;
const B64 = ALNUM + '+/';
const URLSAFE = ALNUM + '-_';
const B32 = UPPER + '234567';

const b64url = (s) => Buffer.from(s).toString('base64url');

export function jwt(rng) {
  const header = b64url(JSON.stringify({ alg: rng.pick(['HS256', 'RS256']), typ: 'JWT' }));
  const payload = b64url(JSON.stringify({ sub: String(rng.int(10000, 99999)), iat: 1764000000 + rng.int(0, 9e6), scope: rng.pick(['read', 'admin', 'billing:write']) }));
  return { type: 'JWT', value: `${header}.${payload}.${rng.chars(43, URLSAFE)}`, form: 'jwt' };
}

export function privateKey(rng) {
  const kind = rng.pick(['RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY', 'OPENSSH PRIVATE KEY']);
  const lines = Array.from({ length: rng.int(3, 7) }, () => rng.chars(64, B64));
  return { type: 'PRIVATE_KEY', value: `-----BEGIN ${kind}-----\n${lines.join('\n')}\n${rng.chars(rng.int(8, 60), B64)}=\n-----END ${kind}-----`, form: kind.split(' ')[0].toLowerCase() };
}

/** Vendor tokens by their issued shapes. */
const VENDORS = [
  ['AWS_ACCESS_KEY', 'aws-akia', (r) => `${r.pick(['AKIA', 'ASIA'])}${r.chars(16, B32)}`],
  ['AWS_SECRET_KEY', 'aws-secret', (r) => r.chars(40, ALNUM + '/+')],
  ['GITHUB_TOKEN', 'github-classic', (r) => `${r.pick(['ghp', 'gho', 'ghs', 'ghu'])}_${r.chars(36, ALNUM)}`],
  ['GITHUB_TOKEN', 'github-fine-grained', (r) => `github_pat_${r.chars(22, ALNUM)}_${r.chars(59, ALNUM)}`],
  ['GITLAB_TOKEN', 'gitlab', (r) => `glpat-${r.chars(20, URLSAFE)}`],
  ['SLACK_TOKEN', 'slack', (r) => `${r.pick(['xoxb', 'xoxp'])}-${r.digits(11)}-${r.digits(12)}-${r.chars(24, ALNUM)}`],
  ['STRIPE_KEY', 'stripe', (r) => `${r.pick(['sk_live', 'rk_live', 'sk_test'])}_${r.chars(r.pick([24, 99]), ALNUM)}`],
  ['GOOGLE_API_KEY', 'google', (r) => `AIza${r.chars(35, URLSAFE)}`],
  ['OPENAI_API_KEY', 'openai', (r) => r.pick([`sk-proj-${r.chars(48, URLSAFE)}T3BlbkFJ${r.chars(48, URLSAFE)}`, `sk-${r.chars(20, ALNUM)}T3BlbkFJ${r.chars(20, ALNUM)}`])],
  ['ANTHROPIC_API_KEY', 'anthropic', (r) => `sk-ant-${r.pick(['api03', 'admin01'])}-${r.chars(93, URLSAFE)}AA`],
  ['NPM_TOKEN', 'npm', (r) => `npm_${r.chars(36, ALNUM)}`],
  ['GENERIC_SECRET', 'sendgrid', (r) => `SG.${r.chars(22, URLSAFE)}.${r.chars(43, URLSAFE)}`],
  ['GENERIC_SECRET', 'vault', (r) => `hvs.${r.chars(24, ALNUM)}`],
  ['GENERIC_SECRET', 'twilio', (r) => `SK${r.chars(32, DIGITS + 'abcdef')}`],
  ['GENERIC_SECRET', 'mailgun', (r) => `key-${r.chars(32, DIGITS + 'abcdef')}`],
  ['GENERIC_SECRET', 'shopify', (r) => `shpat_${r.chars(32, DIGITS + 'abcdef')}`],
  ['GENERIC_SECRET', 'datadog', (r) => r.chars(32, DIGITS + 'abcdef')],
];

/** The environment variable a team would store each vendor's key in. */
export const VARIABLE_FOR = {
  'aws-akia': 'AWS_ACCESS_KEY_ID', 'aws-secret': 'AWS_SECRET_ACCESS_KEY', 'github-classic': 'GITHUB_TOKEN', 'github-fine-grained': 'GH_PAT',
  gitlab: 'GITLAB_TOKEN', slack: 'SLACK_BOT_TOKEN', stripe: 'STRIPE_SECRET_KEY', google: 'GOOGLE_MAPS_API_KEY', openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY', npm: 'NPM_TOKEN', sendgrid: 'SENDGRID_API_KEY', vault: 'VAULT_TOKEN', twilio: 'TWILIO_API_KEY',
  mailgun: 'MAILGUN_API_KEY', shopify: 'SHOPIFY_ACCESS_TOKEN', datadog: 'DD_API_KEY',
};

/** Forms whose shape says what they are even with no variable name next to them. */
const PREFIXED = new Set(['aws-akia', 'github-classic', 'github-fine-grained', 'gitlab', 'slack', 'stripe', 'google', 'openai', 'anthropic', 'npm', 'sendgrid', 'vault', 'shopify']);

/**
 * A vendor key. `bare: true` keeps to self-describing (prefixed) shapes, for text where no
 * variable name or header says what the value is: 40 random characters in a chat are not
 * recognisable as an AWS secret by anyone, so they would not be a fair label.
 */
export function vendorKey(rng, form, { bare = false } = {}) {
  const pool = bare ? VENDORS.filter((v) => PREFIXED.has(v[1])) : VENDORS;
  const [type, f, make] = form ? VENDORS.find((v) => v[1] === form) : rng.pick(pool);
  return { type, value: make(rng), form: f, variable: VARIABLE_FOR[f] };
}

/** Passwords as people and admins choose them (no placeholders; those are hard negatives). */
export function password(rng) {
  return rng.pick([
    () => `${rng.pick(['Summer', 'Falcon', 'Maple', 'Orion', 'Tigris', 'Kestrel'])}${rng.int(1990, 2026)}${rng.pick(['!', '#', '$', '?'])}`,
    () => rng.chars(rng.int(14, 24), ALNUM + '!#%^*-_'),
    () => `${rng.pick(['correct', 'purple', 'granite', 'velvet'])}-${rng.pick(['horse', 'tunnel', 'orbit', 'lantern'])}-${rng.pick(['battery', 'staple', 'seventy', 'quartz'])}-${rng.int(10, 99)}`,
    () => rng.chars(rng.int(10, 16), LOWER + DIGITS) + rng.pick(['@@', '%%', '&']),
  ])();
}

/** A Django SECRET_KEY: 50 characters of its default alphabet, sometimes with the insecure prefix. */
export const djangoKey = (rng) => ({ type: 'GENERIC_SECRET', value: `${rng.chance(0.4) ? 'django-insecure-' : ''}${rng.chars(50, LOWER + DIGITS + '!@#$%^&*(-_=+)')}`, form: 'django' });

/** A random hex or base64 secret as apps generate them (session keys, webhook signing secrets). */
export const randomSecret = (rng) => rng.chance(0.5)
  ? { type: 'GENERIC_SECRET', value: rng.chars(rng.pick([32, 40, 64]), DIGITS + 'abcdef'), form: 'hex' }
  : { type: 'GENERIC_SECRET', value: rng.chars(rng.pick([32, 44]), B64.replace('/', '')), form: 'base64' };

const SCHEMES = [
  ['postgresql', 5432, '/orders'], ['mysql', 3306, '/crm'], ['mongodb+srv', null, '/analytics?retryWrites=true'], ['redis', 6379, '/0'],
  ['amqp', 5672, '/vhost'], ['smtp', 587, ''], ['ftp', 21, '/exports'], ['https', null, '/repo.git'], ['rediss', 6380, ''], ['mssql', 1433, ';database=hr'],
];

/**
 * Writes a connection URL whose password is labelled URL_PASSWORD (form: the scheme, or
 * "empty-user" for redis's `redis://:pw@host`, or "percent-encoded" when it carries escapes).
 */
export function urlWithPassword(b, rng, host) {
  const [scheme, port, path] = rng.pick(SCHEMES);
  const noUser = scheme.startsWith('redis') && rng.chance(0.5);
  const user = noUser ? '' : rng.pick(['app', 'svc_reporting', 'admin', 'deploy', 'jlindqvist', 'postgres', 'mailer@northwind.io'.replace('@', '%40')]);
  let pw = password(rng);
  let encoded = false;
  // Characters that end the userinfo are either percent-escaped (as a careful admin does) or absent.
  if (rng.chance(0.3)) { pw = pw.replace(/[!#%^*&@?]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`); encoded = /%/.test(pw); }
  else pw = pw.replace(/[#%@?/]/g, '');
  b.text(`${scheme}://${user}:`).pii('URL_PASSWORD', pw, noUser ? 'empty-user' : encoded ? 'percent-encoded' : scheme);
  return b.text(`@${host}${port ? `:${port}` : ''}${path}`);
}
