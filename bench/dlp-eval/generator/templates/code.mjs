/**
 * Lines of code, configuration and shell that carry credentials, and lines that look like they
 * do but carry none (placeholders, references, digests, UUID ids).
 */
import { neg } from '../document.mjs';
import * as S from '../values/secrets.mjs';

const G = 'GENERIC_SECRET';
const SECRET_NAMES = ['password', 'db_password', 'DB_PASS', 'secret', 'client_secret', 'api_key', 'apiKey', 'API_TOKEN', 'auth_token', 'SMTP_PASSWORD', 'access_token', 'passwd', 'REDIS_PASSWORD', 'encryption_key', 'webhook_secret', 'PGPASSWORD', 'signing_key', 'MYSQL_ROOT_PASSWORD'];

/** `name <op> value` in the syntax of one language or file format. [before, after] around the value. */
function assignment(r, name) {
  return r.pick([
    [`${name} = "`, '"\n'], [`${name} = '`, "'\n"], [`${name}=`, '\n'], [`export ${name.toUpperCase()}=`, '\n'], [`${name}: `, '\n'],
    [`"${name}": "`, '",\n'], [`  ${name}: "`, '"\n'], [`const ${name} = "`, '";\n'], [`${name} := "`, '"\n'], [`$${name} = '`, "';\n"],
    [`<add key="${name}" value="`, '" />\n'], [`${name.toUpperCase()}="`, '"\n'], [`set ${name}=`, '\n'], [`--${name.replace(/_/g, '-')} `, ' \\\n'],
    [`config.${name} = '`, "'\n"], [`  - ${name.toUpperCase()}=`, '\n'], [`${name} => '`, "',\n"],
  ]);
}

/** Each opener with the closer it needs: a quote opened is closed. */
const quoted = (openers) => openers.map((o) => [o, o.endsWith('("') ? '")\n' : o.startsWith('"') && o.endsWith('"') ? '",\n' : o.endsWith('"') ? '"\n' : '\n']);
/** [opener, value, closer] for b.add, with a matching closer. */
const around = (r, openers, value) => {
  const [open, close] = r.pick(quoted(openers));
  return [open, value, close];
};

export const SECRET_LINES = [
  (r, b) => { const [a, z] = assignment(r, r.pick(SECRET_NAMES)); b.add(a, [G, r.chance(0.5) ? S.password(r) : S.genericToken(r)], z); },
  (r, b) => { const [a, pw, z] = S.urlWithPassword(r); const [open, close] = r.pick(quoted(['DATABASE_URL=', 'url: ', 'conn = "', 'broker_url = "', '', 'CACHE_URL=', 'spring.datasource.url='])); b.add(open, a, ['URL_PASSWORD', pw], z, close); },
  (r, b) => b.add(r.pick(['SECRET_KEY = "', "SECRET_KEY = '", 'DJANGO_SECRET_KEY=']), [G, S.djangoKey(r)], r.pick(['"\n', "'\n", '\n'])),
  (r, b) => b.add(...around(r, ['SENDGRID_API_KEY=', 'sendgrid.api_key = "', 'sg_key: '], [G, S.sendgridKey(r)])),
  (r, b) => b.add(...around(r, ['VAULT_TOKEN=', 'vault login ', 'X-Vault-Token: ', 'token = "'], [G, S.vaultToken(r)])),
  (r, b) => b.add(r.pick(['TWILIO_API_KEY=', 'twilio_sid_key: ']), [G, S.twilioKey(r)], '\n'),
  (r, b) => b.add(r.pick(['MAILGUN_API_KEY=', 'mailgun: ']), [G, S.mailgunKey(r)], '\n'),
  (r, b) => b.add(...around(r, ['DD_API_KEY=', 'datadog_api_key = "'], [G, S.datadogKey(r)])),
  (r, b) => b.add(...around(r, ['aws_access_key_id = ', 'AWS_ACCESS_KEY_ID=', '"AccessKeyId": "'], ['AWS_ACCESS_KEY', S.awsAccessKey(r)]), ...around(r, ['aws_secret_access_key = ', 'AWS_SECRET_ACCESS_KEY=', '"SecretAccessKey": "'], ['AWS_SECRET_KEY', S.awsSecretKey(r)])),
  (r, b) => b.add(r.pick(['GITHUB_TOKEN=', 'git clone https://x-access-token:', 'token: ']), ['GITHUB_TOKEN', S.githubToken(r)], '\n'),
  (r, b) => b.add('GITLAB_TOKEN=', ['GITLAB_TOKEN', S.gitlabToken(r)], '\n'),
  (r, b) => b.add(r.pick(['SLACK_BOT_TOKEN=', 'slack_token: ']), ['SLACK_TOKEN', S.slackToken(r)], '\n'),
  (r, b) => b.add(...around(r, ['STRIPE_SECRET_KEY=', 'stripe.api_key = "'], ['STRIPE_KEY', S.stripeKey(r)])),
  (r, b) => b.add(...around(r, ['OPENAI_API_KEY=', 'client = OpenAI(api_key="'], ['OPENAI_API_KEY', S.openaiKey(r)])),
  (r, b) => b.add('ANTHROPIC_API_KEY=', ['ANTHROPIC_API_KEY', S.anthropicKey(r)], '\n'),
  (r, b) => b.add(r.pick(['GOOGLE_MAPS_KEY=', 'key=']), ['GOOGLE_API_KEY', S.googleApiKey(r)], '\n'),
  (r, b) => b.add('//registry.npmjs.org/:_authToken=', ['NPM_TOKEN', S.npmToken(r)], '\n'),
  (r, b) => b.add(r.pick(['Authorization: Bearer ', 'id_token=', 'jwt: ']), ['JWT', S.jwt(r)], '\n'),
  (r, b) => b.add(r.pick(['key.pem:\n', 'ssh_key: |\n', '']), ['PRIVATE_KEY', S.privateKey(r)], '\n'),
];

export const NON_SECRET_LINES = [
  (r, b) => { const [a, z] = assignment(r, r.pick(SECRET_NAMES)); b.add(a, neg(S.placeholder(r), 'placeholder'), z); },
  (r, b) => b.add(r.pick(['request_id = "', 'correlationId: "', 'tenant_id=', '"session_id": "', 'client_id = "', 'trace_id=']), neg(S.uuid(r), 'uuid'), r.pick(['"\n', '\n', '",\n'])),
  (r, b) => b.add(r.pick(['commit ', 'Merge ', 'revision: ', 'sha=']), neg(S.gitSha(r), 'git_sha'), '\n'),
  (r, b) => b.add(r.pick(['checksum: ', 'sha256sum ', 'digest = "']), neg(S.sha256(r), 'sha256'), '\n'),
  (r, b) => b.add('  integrity ', neg(S.integrity(r), 'integrity'), '\n'),
  (r, b) => b.add('image: registry.local/app@', neg(S.imageDigest(r), 'image_digest'), '\n'),
  (r, b) => b.add('password_min_length = 12\npassword_expiry_days = 90\n'),
  (r, b) => b.add(r.pick(['DATABASE_URL=postgres://app@db-prod-03.internal:5432/app\n', 'redis_url: redis://redis-primary:6379/0\n', 'amqp://guest@mq.corvid.local:5672/\n', 'https://docs.example.org/api/v2/auth\n'])),
];
