/**
 * Credentials as they appear in code, config, logs and chat: vendor keys in their published
 * shapes, passwords and generic secrets, passwords inside connection URLs (label = the password
 * only), JWTs and PEM private keys. Random bodies; shapes written from general knowledge of each
 * vendor's documented prefix and length.
 * @example
 * vendorKey(rng, 'STRIPE_KEY');      // {name: 'STRIPE_SECRET_KEY', piece: secret('STRIPE_KEY', 'vendor', 'sk_live_…')}
 * urlWithPassword(rng, 'redis-empty-user'); // ['redis://:', secret('URL_PASSWORD', 'redis-empty-user', 'x9…'), '@cache-01.internal:6379/0']
 */
import { secret, unlabelled } from './marks.mjs';

const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64URL = `${B62}-_`;
const B64 = `${B62}+/`;
const HEX = '0123456789abcdef';
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Type → [variable names it is assigned to, body writer]. */
export const VENDOR_KEYS = {
  AWS_ACCESS_KEY: [['AWS_ACCESS_KEY_ID', 'aws_access_key_id', 'accessKeyId'], (r) => `${r.pick(['AKIA', 'ASIA'])}${r.chars(16, B32)}`],
  AWS_SECRET_KEY: [['AWS_SECRET_ACCESS_KEY', 'aws_secret_access_key', 'secretAccessKey'], (r) => r.chars(40, B64)],
  GITHUB_TOKEN: [['GITHUB_TOKEN', 'GH_TOKEN', 'github_pat'], (r) => (r.chance(0.8) ? `${r.pick(['ghp', 'gho', 'ghs', 'ghu'])}_${r.chars(36, B62)}` : `github_pat_${r.chars(22, B62)}_${r.chars(59, B62)}`)],
  GITLAB_TOKEN: [['GITLAB_TOKEN', 'CI_JOB_TOKEN_OVERRIDE', 'gitlab_private_token'], (r) => `glpat-${r.chars(20, `${B62}-_`)}`],
  GOOGLE_API_KEY: [['GOOGLE_API_KEY', 'MAPS_API_KEY', 'firebaseApiKey'], (r) => `AIza${r.chars(35, `${B62}-_`)}`],
  NPM_TOKEN: [['NPM_TOKEN', '//registry.npmjs.org/:_authToken'], (r) => `npm_${r.chars(36, B62)}`],
  OPENAI_API_KEY: [['OPENAI_API_KEY', 'openai.api_key', 'OPENAI_KEY'], (r) => (r.chance(0.6) ? `sk-proj-${r.chars(48, `${B62}-_`)}T3BlbkFJ${r.chars(48, `${B62}-_`)}` : `sk-${r.chars(20, B62)}T3BlbkFJ${r.chars(20, B62)}`)],
  ANTHROPIC_API_KEY: [['ANTHROPIC_API_KEY', 'anthropic_key', 'CLAUDE_API_KEY'], (r) => `sk-ant-api03-${r.chars(93, B64URL)}AA`],
  SLACK_TOKEN: [['SLACK_BOT_TOKEN', 'SLACK_TOKEN', 'slack_user_token'], (r) => `${r.pick(['xoxb', 'xoxp', 'xoxa'])}-${r.digits(11)}-${r.digits(12)}-${r.chars(24, B62)}`],
  STRIPE_KEY: [['STRIPE_SECRET_KEY', 'stripe.api_key', 'STRIPE_RESTRICTED_KEY'], (r) => `${r.pick(['sk_live_', 'rk_live_', 'sk_test_'])}${r.chars(r.pick([24, 99]), B62)}`],
};

/** Vendor formats reported as GENERIC_SECRET (form names the vendor). */
export const GENERIC_VENDORS = {
  sendgrid: [['SENDGRID_API_KEY', 'sendgrid_key'], (r) => `SG.${r.chars(22, B64URL)}.${r.chars(43, B64URL)}`],
  vault: [['VAULT_TOKEN', 'vault_token'], (r) => `hvs.${r.chars(24, B62)}`],
  django: [['SECRET_KEY'], (r) => `django-insecure-${r.chars(50, 'abcdefghijklmnopqrstuvwxyz0123456789!@#%^&*(-_=+)')}`],
  django_plain: [['SECRET_KEY'], (r) => r.chars(50, 'abcdefghijklmnopqrstuvwxyz0123456789!@#%^&*(-_=+)')],
  twilio: [['TWILIO_API_SECRET', 'TWILIO_AUTH_TOKEN'], (r) => r.chars(32, HEX)],
  mailgun: [['MAILGUN_API_KEY'], (r) => `key-${r.chars(32, HEX)}`],
  datadog: [['DD_API_KEY', 'DATADOG_API_KEY'], (r) => r.chars(32, HEX)],
  azure_storage: [['AZURE_STORAGE_KEY', 'AccountKey'], (r) => `${r.chars(86, B64)}==`],
  shopify: [['SHOPIFY_ACCESS_TOKEN'], (r) => `shpat_${r.chars(32, HEX)}`],
  huggingface: [['HF_TOKEN', 'HUGGINGFACE_TOKEN'], (r) => `hf_${r.chars(34, B62)}`],
  pypi: [['PYPI_TOKEN', 'TWINE_PASSWORD'], (r) => `pypi-AgEIcHlwaS5vcmc${r.chars(60, B64URL)}`],
  jwt_secret: [['JWT_SECRET', 'jwtSecret', 'SESSION_SECRET'], (r) => r.chars(r.int(32, 64), `${B62}!$%&*`)],
  hex_token: [['API_TOKEN', 'webhook_secret', 'client_secret'], (r) => r.chars(r.pick([40, 64]), HEX)],
};

/** A vendor key: the variable name it is usually assigned to and its label. */
export function vendorKey(rng, type = rng.pick(Object.keys(VENDOR_KEYS))) {
  const [names, write] = VENDOR_KEYS[type];
  return { name: rng.pick(names), piece: secret(type, 'vendor', write(rng)) };
}

/** A generic-secret vendor format (SendGrid, Vault, Django, …). */
export function genericVendor(rng, vendor = rng.pick(Object.keys(GENERIC_VENDORS))) {
  const [names, write] = GENERIC_VENDORS[vendor];
  return { name: rng.pick(names), piece: secret('GENERIC_SECRET', vendor, write(rng)) };
}

const WORDS = ['Summer', 'Falcon', 'Winter', 'Harbor', 'Maple', 'Tiger', 'Copper', 'Orchid', 'Rocket', 'Velvet', 'Granite', 'Monsoon'];

/** A password as people and generators make them. */
export function passwordText(rng) {
  return rng.weighted([
    [3, () => `${rng.pick(WORDS)}${rng.int(1990, 2026)}${rng.pick(['!', '#', '$', '?', '*'])}`],
    [3, () => rng.chars(rng.int(12, 24), `${B62}!#$%^&*-_`)],
    [2, () => `${rng.pick(WORDS).toLowerCase()}-${rng.pick(WORDS).toLowerCase()}-${rng.digits(3)}`],
    [2, () => rng.chars(rng.int(16, 32), B62)],
  ])();
}

/** Variable names a password or secret is assigned to in code and config. */
export const SECRET_NAMES = ['password', 'db_password', 'DB_PASS', 'POSTGRES_PASSWORD', 'MYSQL_ROOT_PASSWORD', 'admin_password', 'smtp_password', 'secret', 'client_secret', 'api_secret', 'auth_token', 'access_token', 'api_key', 'apiKey', 'privateToken', 'REDIS_PASSWORD', 'keystore.password', 'spring.datasource.password', 'passwd', 'pwd'];

/** A password or generic secret assigned to a secret-like name. */
export const assignedSecret = (rng) => ({ name: rng.pick(SECRET_NAMES), piece: secret('GENERIC_SECRET', 'assignment', passwordText(rng)) });

/** Percent-encodes the characters a URL's userinfo cannot hold. */
const percentEncode = (s) => s.replace(/[@:/%#?]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

// 10.20.4.17 is a private address: an ignore region (marks.mjs unlabelled), neither gold nor negative.
const HOSTS = ['db-prod-02.internal', 'pg.acme-corp.net', unlabelled('10.20.4.17'), 'mongo-0.mongo.svc.cluster.local', 'cache-01.internal', 'mq.eu-west-1.example.net', 'smtp.mailhost.io', 'files.partner-co.com', 'ldap.corp.local', 'sqlsrv03.lan'];

/** Scheme form → [scheme prefix, default user, port/path suffix]. */
export const URL_SCHEMES = {
  postgres: ['postgres://', 'app_user', ':5432/orders'], postgresql: ['postgresql://', 'reporting', ':5432/analytics?sslmode=require'],
  mysql: ['mysql://', 'root', ':3306/shop'], 'mongodb+srv': ['mongodb+srv://', 'svc-api', '/prod?retryWrites=true&w=majority'],
  redis: ['redis://', 'default', ':6379/0'], 'redis-empty-user': ['redis://', '', ':6379'], 'rediss-empty-user': ['rediss://', '', ':6380/2'],
  amqp: ['amqp://', 'rabbit', ':5672/%2Fvhost'], smtp: ['smtp://', 'alerts%40acme-corp.net', ':587'], smtps: ['smtps://', 'noreply', ':465'],
  ftp: ['ftp://', 'upload', '/incoming/'], sftp: ['sftp://', 'deploy', ':22/var/www'], https: ['https://', 'ci-bot', '/repo.git'],
  ldap: ['ldap://', 'cn=admin,dc=corp,dc=local', ':389'], 'jdbc-sqlserver': ['jdbc:sqlserver://', '', ''],
};

/**
 * A connection URL whose password is labelled (URL_PASSWORD, form = scheme; "-encoded" when the
 * password carries percent-escapes).
 */
export function urlWithPassword(rng, scheme = rng.pick(Object.keys(URL_SCHEMES))) {
  const [prefix, user, suffix] = URL_SCHEMES[scheme];
  const host = rng.pick(HOSTS);
  const raw = passwordText(rng);
  const encoded = rng.chance(0.25) ? `${raw.slice(0, 4)}${rng.pick(['@', '%', ':', '/', '#'])}${raw.slice(4)}` : raw;
  const text = percentEncode(encoded);
  const form = text !== raw ? `${scheme}-encoded` : scheme;
  if (scheme === 'jdbc-sqlserver') return [prefix, host, ';databaseName=hr;user=sa;password=', secret('URL_PASSWORD', form, text), ';encrypt=true'];
  return [prefix, user, ':', secret('URL_PASSWORD', form, text), '@', host, suffix];
}

const b64url = (s) => Buffer.from(s).toString('base64url');

/** A signed JWT (HS256 or RS256) with a plausible payload. */
export function jwt(rng) {
  const alg = rng.pick(['HS256', 'RS256', 'ES256']);
  const header = b64url(JSON.stringify({ alg, typ: 'JWT' }));
  const payload = b64url(JSON.stringify({ sub: rng.digits(8), iat: 1_760_000_000 + rng.int(0, 9_999_999), scope: rng.pick(['read:orders', 'admin', 'openid profile']) }));
  return secret('JWT', alg, `${header}.${payload}.${rng.chars(alg === 'HS256' ? 43 : 86, B64URL)}`);
}

/** A PEM private key (RSA, EC, PKCS#8 or OpenSSH), label = BEGIN line through END line. */
export function privateKey(rng) {
  const kind = rng.pick(['RSA PRIVATE KEY', 'EC PRIVATE KEY', 'PRIVATE KEY', 'OPENSSH PRIVATE KEY']);
  const count = rng.int(4, 9);
  const lines = Array.from({ length: count }, (_, i) => rng.chars(i === count - 1 ? rng.int(8, 60) : 64, B64));
  const body = kind === 'OPENSSH PRIVATE KEY' ? [`b3BlbnNzaC1rZXktdjEAAAAA${lines[0].slice(24)}`, ...lines.slice(1)] : lines;
  return secret('PRIVATE_KEY', kind.split(' ')[0].toLowerCase(), `-----BEGIN ${kind}-----\n${body.join('\n')}\n-----END ${kind}-----`);
}
