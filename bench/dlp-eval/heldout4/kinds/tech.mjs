/**
 * Technical documents: source code in several languages, configuration files in several formats
 * and application logs. Secrets are assigned to names, embedded in connection URLs or pasted as
 * vendor keys; placeholders, hashes, UUIDs, SHAs and versions are hard negatives beside them.
 * @example
 * render(configFile(rng)); // {text: 'DATABASE_URL=postgres://app_user:…@…', spans, negatives}
 */
import { birthDate, ordinaryDate } from '../dates.mjs';
import { email, ipAddress, ssn } from '../ids.mjs';
import { t } from '../marks.mjs';
import { person, personPiece } from '../names.mjs';
import { negative, privateIp, urlPlaceholder } from '../negatives.mjs';
import { usPhone } from '../phones.mjs';
import { assignedSecret, genericVendor, jwt, privateKey, urlWithPassword, vendorKey } from '../secrets.mjs';

/** One credential line's pieces: [name, value piece] drawn from every source of secrets. */
function credential(rng) {
  return rng.weighted([
    [4, () => { const v = vendorKey(rng); return [v.name, v.piece]; }],
    [4, () => { const v = genericVendor(rng); return [v.name, v.piece]; }],
    [4, () => { const v = assignedSecret(rng); return [v.name, v.piece]; }],
    [1, () => [rng.pick(['api_key', 'password', 'token', 'secret']), negative(rng, 'placeholder')]],
  ])();
}

const lines = (list) => list.flatMap((l, i) => (i ? ['\n', l] : [l]));

/** Source code: Python, JavaScript, Go, Java, Ruby, C#, shell. */
export function sourceCode(rng) {
  const [n1, v1] = credential(rng);
  const [n2, v2] = credential(rng);
  const author = person(rng);
  const style = rng.pick(['python', 'js', 'go', 'java', 'ruby', 'csharp', 'shell']);
  const header = rng.pick([
    t`# Author: ${personPiece(author, 'full')} <${email(rng, author)}>\n`,
    t`// TODO(${personPiece(author, 'lowercase-given')}): move these to the vault before ${ordinaryDate(rng, 'iso')}\n`,
    t`/* Maintainer: ${personPiece(author, 'full')} — last reviewed ${ordinaryDate(rng, 'iso')} */\n`,
    '',
  ]);
  switch (style) {
    case 'python': return t`${header}import os\nimport requests\n\n${n1.replace(/\W/g, '_').toUpperCase()} = "${v1}"\nDB_URL = "${urlWithPassword(rng)}"\nREQUEST_ID = "${negative(rng, 'uuid')}"\n\ndef client():\n    return requests.Session(headers={"Authorization": f"Bearer ${v2}"})\n`;
    case 'js': return t`${header}const config = {\n  ${n1.replace(/\W/g, '_')}: '${v1}',\n  ${n2.replace(/\W/g, '_')}: process.env.OVERRIDE ?? "${v2}",\n  build: '${negative(rng, 'git_sha')}',\n  version: '${negative(rng, 'version')}',\n};\nexport default config;\n`;
    case 'go': return t`${header}package main\n\nconst (\n\t${n1.replace(/\W/g, '')} = "${v1}"\n\tdsn = "${urlWithPassword(rng)}"\n\ttraceID = "${negative(rng, 'uuid')}"\n)\n`;
    case 'java': return t`${header}public final class Secrets {\n    private static final String ${n1.replace(/\W/g, '_').toUpperCase()} = "${v1}";\n    private static final String JDBC = "${urlWithPassword(rng, 'jdbc-sqlserver')}";\n    // checksum ${negative(rng, 'sha256')}\n}\n`;
    case 'ruby': return t`${header}Stripe.api_key = ENV.fetch('STRIPE_KEY') { '${v1}' }\nconfig.${n2.replace(/\W/g, '_')} = '${v2}'\n# integrity ${negative(rng, 'integrity_hash')}\n`;
    case 'csharp': return t`${header}var settings = new Settings {\n    ${n1.replace(/\W/g, '')} = @"${v1}",\n    Jwt = "${jwt(rng)}",\n    Build = "${negative(rng, 'build_number')}"\n};\n`;
    default: return t`#!/usr/bin/env bash\n${header}export ${n1.replace(/\W/g, '_').toUpperCase()}='${v1}'\ncurl -s -H "Authorization: Bearer ${v2}" https://api.example.com/v2/orders/${negative(rng, 'order_id')}\nssh deploy@${ipAddress(rng)} 'systemctl restart api'\n`;
  }
}

/** Configuration: .env, YAML, JSON, TOML, INI, Django settings.py, Java properties, docker-compose. */
export function configFile(rng) {
  const [n1, v1] = credential(rng);
  const [n2, v2] = credential(rng);
  const owner = person(rng);
  switch (rng.pick(['env', 'yaml', 'json', 'toml', 'ini', 'django', 'properties', 'compose'])) {
    case 'env': return lines([t`# ${rng.pick(['prod', 'staging'])} — owner ${personPiece(owner, 'full')}`, t`DATABASE_URL=${urlWithPassword(rng)}`, t`${n1.replace(/\W/g, '_').toUpperCase()}=${v1}`, t`${n2.replace(/\W/g, '_').toUpperCase()}="${v2}"`, t`APP_VERSION=${negative(rng, 'version')}`, t`INSTANCE_ID=${negative(rng, 'uuid')}`, t`AZURE_CLIENT_ID=${negative(rng, 'uuid')}`, t`DATABASE_URL_EXAMPLE=${urlPlaceholder(rng)}`, t`SUPPORT_PHONE=${usPhone(rng)}`]);
    case 'yaml': return lines([t`service: billing`, t`maintainer: ${personPiece(owner, 'full')}`, t`database:`, t`  url: "${urlWithPassword(rng)}"`, t`  pool: 12`, t`cache:`, t`  url: ${urlWithPassword(rng, rng.pick(['redis-empty-user', 'rediss-empty-user', 'redis']))}`, t`oauth:`, t`  tenant_id: ${negative(rng, 'uuid')}`, t`  client_id: "${negative(rng, 'uuid')}"`, t`credentials:`, t`  ${n1}: ${v1}`, t`  ${n2}: '${v2}'`, t`image: registry.internal/billing@${negative(rng, 'integrity_hash')}`]);
    case 'json': return t`{\n  "name": "ingest-worker",\n  "version": "${negative(rng, 'version')}",\n  "owner": {"name": "${personPiece(owner, 'full')}", "email": "${email(rng, owner)}"},\n  "${n1}": "${v1}",\n  "mq": "${urlWithPassword(rng, 'amqp')}",\n  "deploymentId": "${negative(rng, 'uuid')}"\n}`;
    case 'toml': return lines([t`[server]`, t`bind = "${negative(rng, 'loopback_or_any')}:8080"`, t`upstream = "${privateIp(rng)}:9000"`, t`[auth]`, t`${n1.replace(/\W/g, '_')} = "${v1}"`, t`[mail]`, t`url = "${urlWithPassword(rng, rng.pick(['smtp', 'smtps']))}"`, t`[release]`, t`commit = "${negative(rng, 'git_sha')}"`]);
    case 'ini': return lines([t`; managed by ${personPiece(owner, 'lowercase')}`, t`[database]`, t`host = db01`, t`user = svc_reports`, t`password = ${assignedSecret(rng).piece}`, t`[ldap]`, t`uri = ${urlWithPassword(rng, 'ldap')}`, t`[api]`, t`${n2} = ${v2}`]);
    case 'django': { const key = genericVendor(rng, rng.pick(['django', 'django_plain'])); return lines([t`# settings.py`, t`SECRET_KEY = '${key.piece}'`, t`DEBUG = False`, t`ADMINS = [("${personPiece(owner, 'full')}", "${email(rng, owner)}")]`, t`DATABASES = {"default": dj_database_url.parse("${urlWithPassword(rng, rng.pick(['postgres', 'postgresql', 'mysql']))}")}`, t`EMAIL_HOST_PASSWORD = "${assignedSecret(rng).piece}"`, t`SENDGRID_API_KEY = "${genericVendor(rng, 'sendgrid').piece}"`]); }
    case 'properties': return lines([t`# ${negative(rng, 'company_name')} integration`, t`spring.datasource.url=jdbc:postgresql://db:5432/app`, t`spring.datasource.password=${assignedSecret(rng).piece}`, t`${n1}=${v1}`, t`build.id=${negative(rng, 'build_number')}`]);
    default: return lines([t`services:`, t`  api:`, t`    image: acme/api:${negative(rng, 'version')}`, t`    environment:`, t`      - ${n1.replace(/\W/g, '_').toUpperCase()}=${v1}`, t`      - VAULT_TOKEN=${genericVendor(rng, 'vault').piece}`, t`      - REDIS_URL=${urlWithPassword(rng, 'redis-empty-user')}`, t`  db:`, t`    environment:`, t`      POSTGRES_PASSWORD: ${assignedSecret(rng).piece}`]);
  }
}

const LEVELS = ['INFO', 'WARN', 'ERROR', 'DEBUG'];

/** Application logs: timestamps, request ids, client IPs, users, leaked tokens and connection strings. */
export function logLines(rng) {
  const out = [];
  for (let i = 0; i < rng.int(5, 10); i++) {
    const ts = negative(rng, 'timestamp');
    const line = rng.weighted([
      [4, () => t`${ts} ${rng.pick(LEVELS)} req=${negative(rng, 'uuid')} GET /api/orders/${negative(rng, 'order_id')} 200 ${rng.int(3, 900)}ms client=${ipAddress(rng)}`],
      [2, () => { const p = person(rng); return t`${ts} INFO auth: login ok user=${email(rng, p)} name="${personPiece(p, 'full')}" ip=${ipAddress(rng)}`; }],
      [2, () => t`${ts} ERROR db: connection refused (${urlWithPassword(rng)})`],
      [1, () => t`${ts} DEBUG outbound headers: {"Authorization": "Bearer ${jwt(rng)}", "X-Request-Id": "${negative(rng, 'uuid_upper')}"}`],
      [1, () => t`${ts} WARN config: ${vendorKey(rng).piece} is deprecated, rotate before ${ordinaryDate(rng, 'iso')}`],
      [2, () => t`${ts} INFO deploy: ${negative(rng, 'git_sha')} -> prod (${negative(rng, 'version')}) by ${personPiece(person(rng), 'lowercase-given')}`],
      [1, () => t`${ts} INFO sms: sent OTP to ${usPhone(rng, rng.pick(['plus1-compact', 'bare10', 'plus1-dashes']))} (order ${negative(rng, 'order_id')})`],
      [1, () => { const p = person(rng); return t`${ts} WARN kyc: validation failed for applicant first=${personPiece(p, 'given')} last=${personPiece(p, 'surname-field')} dob=${birthDate(rng, rng.pick(['iso', 'compact', 'us-slash']))} ssn=${ssn(rng, rng.pick(['bare', 'dashes']))} reason=address_mismatch`; }],
      [1, () => t`${ts} ERROR payload rejected: {"patient":{"name":"${personPiece(person(rng), rng.pick(['full', 'last-first']))}","birthDate":"${birthDate(rng, 'iso')}","mrn":"${negative(rng, 'account_number_internal')}"}}`],
      [1, () => t`${ts} INFO worker pid=${negative(rng, 'port_or_pid')} host=${rng.chance(0.3) ? negative(rng, 'loopback_or_any') : privateIp(rng)} mac=${negative(rng, 'mac_address')}`],
      [1, () => t`${ts} ERROR tls: failed to load key\n${privateKey(rng)}`],
      [1, () => t`${ts} WARN cache: artifact ${negative(rng, 'sha256')} evicted, integrity ${negative(rng, 'integrity_hash')}`],
    ])();
    out.push(line);
  }
  return lines(out);
}
