/**
 * Credentials in the shapes vendors issue them, with random bodies. Each returns a label of the
 * type the gateway reports (credentials are one family in scoring, so a vendor key reported as
 * GENERIC_SECRET still counts as found).
 * @example
 * secrets.github(rng) // {type: 'GITHUB_TOKEN', text: 'ghp_…'}
 */
import { val } from '../builder.mjs';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64 = `${ALNUM}+/`;
const URLSAFE = `${ALNUM}-_`;
const HEX = '0123456789abcdef';
const b64url = (s) => Buffer.from(s).toString('base64url');

/** A password a person would choose: words, digits and symbols, never a placeholder. */
export function humanPassword(rng) {
  const word = rng.pick(['Sunflower', 'tiger', 'Harbor', 'maple', 'Quartz', 'nebula', 'Falcon', 'winter', 'Orchid', 'copper', 'Biscuit', 'lantern']);
  return rng.pick([
    `${word}${rng.int(10, 9999)}${rng.pick(['!', '#', '$', '@', '?', ''])}`,
    `${rng.chars(rng.int(12, 20), `${ALNUM}!#%^*-_`)}`,
    `${word.toLowerCase()}-${rng.pick(['river', 'stone', 'cloud', 'ember'])}-${rng.int(10, 99)}`,
    `${rng.chars(rng.int(16, 32), ALNUM)}`,
  ]);
}

export const secrets = {
  awsAccess: (r) => val('AWS_ACCESS_KEY', `${r.pick(['AKIA', 'AKIA', 'ASIA'])}${r.chars(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`),
  awsSecret: (r) => val('AWS_SECRET_KEY', r.chars(40, B64)),
  github: (r) => val('GITHUB_TOKEN', r.chance(0.7) ? `${r.pick(['ghp_', 'ghp_', 'gho_', 'ghs_', 'ghu_'])}${r.chars(36, ALNUM)}` : `github_pat_11${r.chars(20, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}_${r.chars(59, ALNUM)}`),
  gitlab: (r) => val('GITLAB_TOKEN', `glpat-${r.chars(20, URLSAFE)}`),
  google: (r) => val('GOOGLE_API_KEY', `AIza${r.chars(35, URLSAFE)}`),
  openai: (r) => val('OPENAI_API_KEY', r.chance(0.6) ? `sk-proj-${r.chars(56, URLSAFE)}T3BlbkFJ${r.chars(56, URLSAFE)}` : `sk-${r.chars(20, ALNUM)}T3BlbkFJ${r.chars(20, ALNUM)}`),
  anthropic: (r) => val('ANTHROPIC_API_KEY', `sk-ant-api03-${r.chars(93, URLSAFE)}AA`),
  npm: (r) => val('NPM_TOKEN', `npm_${r.chars(36, ALNUM)}`),
  slack: (r) => val('SLACK_TOKEN', `${r.pick(['xoxb', 'xoxp', 'xoxa'])}-${r.digits(12)}-${r.digits(13)}-${r.chars(24, ALNUM)}`),
  stripe: (r) => val('STRIPE_KEY', `${r.pick(['sk_live_', 'rk_live_', 'sk_live_'])}${r.chars(r.pick([24, 34, 99]), ALNUM)}`),
  jwt: (r) => {
    const header = b64url(JSON.stringify({ alg: r.pick(['HS256', 'RS256', 'ES256']), typ: 'JWT' }));
    const payload = b64url(JSON.stringify({ sub: r.digits(8), iss: r.pick(['https://auth.fernbank.io', 'accounts.tallyhq.com', 'sso.corp.internal']), iat: 1_730_000_000 + r.int(0, 30_000_000), scope: r.pick(['read', 'read write', 'admin']) }));
    return val('JWT', `${header}.${payload}.${r.chars(43, URLSAFE)}`);
  },
  privateKey: (r) => {
    const label = r.pick(['RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY', 'OPENSSH PRIVATE KEY']);
    const lines = Array.from({ length: r.int(4, 9) }, () => r.chars(64, B64));
    return val('PRIVATE_KEY', `-----BEGIN ${label}-----\n${lines.join('\n')}\n${r.chars(r.int(8, 60), B64)}=\n-----END ${label}-----`);
  },
  /** Generic and vendor secrets with no family of their own in the gateway's list. */
  sendgrid: (r) => val('GENERIC_SECRET', `SG.${r.chars(22, URLSAFE)}.${r.chars(43, URLSAFE)}`, 'sendgrid'),
  vault: (r) => val('GENERIC_SECRET', r.chance(0.7) ? `hvs.${r.chars(24, URLSAFE)}` : `s.${r.chars(24, ALNUM)}`, 'vault'),
  twilio: (r) => val('GENERIC_SECRET', `SK${r.chars(32, HEX)}`, 'twilio'),
  mailgun: (r) => val('GENERIC_SECRET', `key-${r.chars(32, HEX)}`, 'mailgun'),
  django: (r) => val('GENERIC_SECRET', `django-insecure-${r.chars(50, 'abcdefghijklmnopqrstuvwxyz0123456789!@#%^&*(-_=+)')}`, 'django'),
  djangoPlain: (r) => val('GENERIC_SECRET', r.chars(50, 'abcdefghijklmnopqrstuvwxyz0123456789!@#%^&*(-_=+)'), 'djangoPlain'),
  azureStorage: (r) => val('GENERIC_SECRET', `${r.chars(86, B64)}==`, 'azureStorage'),
  datadog: (r) => val('GENERIC_SECRET', r.chars(32, HEX), 'datadog'),
  hexToken: (r) => val('GENERIC_SECRET', r.chars(r.pick([32, 40, 64]), HEX), 'hexToken'),
  password: (r) => val('GENERIC_SECRET', humanPassword(r), 'password'),
  bearer: (r) => val('GENERIC_SECRET', r.chars(r.int(32, 48), URLSAFE), 'bearer'),
};

/** A vendor key with the variable name code and config give it. */
export const NAMED_SECRETS = [
  ['AWS_ACCESS_KEY_ID', secrets.awsAccess], ['AWS_SECRET_ACCESS_KEY', secrets.awsSecret], ['GITHUB_TOKEN', secrets.github],
  ['GITLAB_TOKEN', secrets.gitlab], ['GOOGLE_MAPS_API_KEY', secrets.google], ['OPENAI_API_KEY', secrets.openai],
  ['ANTHROPIC_API_KEY', secrets.anthropic], ['NPM_TOKEN', secrets.npm], ['SLACK_BOT_TOKEN', secrets.slack],
  ['STRIPE_SECRET_KEY', secrets.stripe], ['SENDGRID_API_KEY', secrets.sendgrid], ['VAULT_TOKEN', secrets.vault],
  ['TWILIO_API_SECRET', secrets.twilio], ['MAILGUN_API_KEY', secrets.mailgun], ['DJANGO_SECRET_KEY', secrets.django],
  ['SECRET_KEY', secrets.djangoPlain], ['DATADOG_API_KEY', secrets.datadog], ['DB_PASSWORD', secrets.password],
  ['POSTGRES_PASSWORD', secrets.password], ['REDIS_PASSWORD', secrets.password], ['SMTP_PASSWORD', secrets.password],
  ['JWT_SECRET', secrets.hexToken], ['SESSION_SECRET', secrets.bearer], ['WEBHOOK_SIGNING_SECRET', secrets.hexToken],
  ['AZURE_STORAGE_KEY', secrets.azureStorage], ['API_TOKEN', secrets.bearer],
];

/** A connection URL with its password labelled (user may be empty, password percent-encoded). */
export function urlWithPassword(rng) {
  const scheme = rng.pick(['postgres', 'postgresql', 'mysql', 'mongodb+srv', 'redis', 'rediss', 'amqp', 'smtp', 'smtps', 'ftp', 'https', 'sftp', 'mssql', 'ldap']);
  const user = scheme.startsWith('redis') && rng.chance(0.6) ? '' : rng.pick(['app', 'svc_billing', 'admin', 'deploy', 'reporting', 'etl-user', 'postmaster', 'apikey']);
  let pw = humanPassword(rng);
  if (rng.chance(0.2)) pw = pw.replace(/[#%^]/g, '') + rng.pick(['%40', '%23', '%25', '%2F']) + rng.int(1, 99);
  pw = pw.replace(/[@/:?#]/g, '');
  const host = rng.pick(['db-primary.internal', 'cache.prod.svc.cluster.local', 'mq01.corp.lan', 'smtp.mailrelay.net', 'cluster0.x7k2p.mongodb.net', 'pg-replica-2.dc1', 'files.partner-sftp.com', 'ldap.hq.local']);
  const tail = rng.pick([':5432/orders', ':6379/0', ':5672/%2F', ':587', '/reports?retryWrites=true', ':3306/crm', '', ':1433;database=ledger']);
  return [`${scheme}://${user}:`, val('URL_PASSWORD', pw), `@${host}${tail}`];
}
