/**
 * Credentials written into URLs, code and configuration: passwords in URLs of every scheme
 * (an empty user too: redis://:pw@host), values assigned to secret-looking names in code, YAML,
 * .env, JSON and INI (with an entropy floor and a stop-list of placeholders), Django SECRET_KEY,
 * and vendor formats (SendGrid, HashiCorp Vault, Twilio, Mailgun, Hugging Face, ...). UUIDs,
 * references (${VAR}, process.env.X) and placeholders (changeme, <password>, ****) are refused.
 */
import type { Candidate, Detector } from '../detector.js';
import { characterClasses, looksLikePlaceholder, shannonEntropy } from '../validators.js';

/** Values that name a secret instead of containing one: env lookups, templates, code references. */
const SECRET_REFERENCE =
  /^(?:\$|%|@|&|\{\{|<|process\.env|os\.environ|os\.getenv|env\(|env\.|getenv|secrets?\.|vault:|ref\+|self\.|this\.|config\.|settings\.|cfg\.|params\.|args\.|options\.|request\.|req\.|kwargs)/i;
/** Whole values that are placeholders or ordinary words, never a real secret. */
const STOP_VALUES = new Set(
  `password passwd pass pwd secret secrets token apikey api_key key changeme change_me changeit default admin root test testing example sample dummy
  none null nil undefined true false yes no on off empty blank hidden masked redacted removed omitted todo tbd fixme na n/a unknown required optional string
  your_password yourpassword mypassword my_password password123 secret123 letmein qwerty abc123 foobar foo bar baz xxx xxxx xxxxx xxxxxx xxxxxxxx`.split(/\s+/),
);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Key names that hold metadata about a secret, not the secret: token_url, secret_name, api_key_header. */
const METADATA_KEY = /(?:name|names|url|uri|endpoint|path|file|type|id|ids|header|env|ref|length|len|ttl|expiry|expires|expiration|expires_in|lifetime|count|policy|provider|field|prompt|label|hint|reset|min|max|rotation|version|store|manager|mode|scope|scopes|format|encoding|algorithm|alg|hash|limit|required|enabled|strategy|prefix|suffix|placeholder|pattern)["']?$/;

function refused(value: string): boolean {
  const lower = value.toLowerCase();
  return STOP_VALUES.has(lower) || SECRET_REFERENCE.test(value) || looksLikePlaceholder(value) || UUID.test(value) || /^\*+$|^x+$|^\.+$|^-+$/i.test(value);
}

/** The key the value is assigned to, lowercased ("db_password", "spring.datasource.password"). */
function keyBefore(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 80), start);
  const m = /([A-Za-z0-9_.\-[\]]+)["'\]]?[ \t]*(?::=|=>|=|:|[ \t]is)[ \t]*(?:["'`]|Bearer |Basic )?$/i.exec(before);
  return (m?.[1] ?? '').toLowerCase();
}

const PASSWORD_KEY = /(?:pass(?:word|wd|phrase|code)?|pwd|passw)s?(?:[^a-z]|$)/;

/** A value assigned to a secret-looking name: not a reference or placeholder, and random enough for its kind. */
function assignedSecretValid({ value, text, start }: Candidate, quoted: boolean): boolean | number {
  if (refused(value)) return false;
  const key = keyBefore(text, start);
  if (METADATA_KEY.test(key)) return false;
  // Unquoted code: `password = get_password()`, `token = request.token` are references, not values.
  if (!quoted && (/[()]/.test(value) || /^[a-z_][a-z0-9_]*\.[a-z_]/i.test(value))) return false;
  if (/^https?:\/\//i.test(value)) return false;
  // File paths and key files: `key_file = /secure/release.pem`, `secret: ./certs/tls.key`.
  if (/^(?:\/|\.\.?\/|~\/|[A-Za-z]:\\)/.test(value) || /\.(?:pem|key|crt|cer|json|ya?ml|txt|env|p12|pfx|jks|der)$/i.test(value)) return false;
  const entropy = shannonEntropy(value);
  const classes = characterClasses(value);
  if (PASSWORD_KEY.test(key)) {
    if (value.length < 6) return false;
    if (/^[a-z]+$/.test(value) && value.length < 12) return false;
    return entropy >= 2.2 && (classes >= 2 || value.length >= 12) ? 0.9 : false;
  }
  if (value.length < 12 || entropy < 3 || classes < 2) return /^[a-f0-9]{16,}$/i.test(value) || /^[A-Za-z0-9+/_-]{20,}={0,2}$/.test(value) ? 0.8 : false;
  return 0.88;
}

/** Secret-looking names; the key may carry a prefix (DB_, spring.datasource.) and a short suffix. */
const SECRET_NAME = String.raw`(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|secret[_-]?key|signing[_-]?key|encryption[_-]?key|master[_-]?key|auth[_-]?key|app[_-]?key|credentials?|auth)`;
/** How every SECRET_NAME alternative begins: the scanner tries the patterns only there (keep in step). */
const SECRET_NAME_STARTS = ['pass', 'pwd', 'secret', 'token', 'api', 'access', 'private', 'client', 'signing', 'encryption', 'master', 'auth', 'app', 'credential'];
const ASSIGN = String.raw`${SECRET_NAME}[A-Za-z0-9_.\-]{0,24}["'\]]?[ \t]{0,3}(?::=|=>|=|:|[ \t]is)[ \t]{0,3}`;

export const CONFIG_SECRET_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.url_password',
    anchor: { literals: ['://'], window: [-21, -2], first: 'a-zA-Z', notAfter: 'A-Za-z0-9_' },
    type: 'URL_PASSWORD',
    secret: true,
    description: 'Passwords in URLs of any scheme (postgres, mongodb+srv, redis with an empty user, smtp, amqp, ftp, ...); the password is the finding',
    pattern: /\b[a-zA-Z][a-zA-Z0-9+.-]{1,20}:\/\/[^\s:/@"'<>]{0,64}:([^\s@"'<>]{1,128})@[A-Za-z0-9[\]._-]+/dg,
    group: 1,
    keywords: ['://'],
    validator: ({ value }) => !refused(value) && !/^(?:pass(?:word)?|pwd|secret|x+|\*+)$/i.test(value),
    // Above EMAIL (0.95): a password with `@`-like tails (`pa%25ss@host`) must stay a password.
    score: 0.97,
    examples: ['postgres://app:s3cr3t-Pa55@db.internal:5432/app'],
  },
  {
    id: 'tier1.generic_secret',
    anchor: { literals: SECRET_NAME_STARTS },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Double-quoted values assigned to secret-looking names (password, secret, token, api_key, client_secret) in code, JSON, YAML',
    pattern: new RegExp(`${ASSIGN}"([^"\\n\\\\]{4,200})"`, 'dgi'),
    group: 1,
    keywords: ['pass', 'pwd', 'secret', 'token', 'key', 'credential', 'auth'],
    keywordsCaseInsensitive: true,
    validator: (c) => assignedSecretValid(c, true),
    score: 0.88,
    examples: ['DB_PASSWORD="hK8#vQ2!mZr9"', '"client_secret": "9fK2mQ7xLp3Vz8Rt"'],
  },
  {
    id: 'tier1.generic_secret.single_quoted',
    anchor: { literals: SECRET_NAME_STARTS },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Single-quoted values assigned to secret-looking names (Python, Ruby, PHP, YAML)',
    pattern: new RegExp(`${ASSIGN}'([^'\\n\\\\]{4,200})'`, 'dgi'),
    group: 1,
    keywords: ['pass', 'pwd', 'secret', 'token', 'key', 'credential', 'auth'],
    keywordsCaseInsensitive: true,
    validator: (c) => assignedSecretValid(c, true),
    score: 0.88,
    examples: ["SECRET_KEY = 'django-insecure-7c$k2!x9q#m4v8z@p1r6t0w3y5'"],
  },
  {
    id: 'tier1.generic_secret.unquoted',
    anchor: { literals: SECRET_NAME_STARTS },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Unquoted values assigned to secret-looking names (.env, INI, YAML, connection strings)',
    pattern: new RegExp(`${ASSIGN}([^\\s"'\`,;<>]{4,200})`, 'dgi'),
    group: 1,
    keywords: ['pass', 'pwd', 'secret', 'token', 'key', 'credential', 'auth'],
    keywordsCaseInsensitive: true,
    validator: (c) => assignedSecretValid(c, false),
    score: 0.86,
    examples: ['DB_PASSWORD=Tr0ub4dor&3', 'Password=Xk9#pL2m;'],
  },
  {
    id: 'tier1.django_secret_key',
    anchor: { literals: ['django-insecure-'] },
    type: 'GENERIC_SECRET',
    secret: true,
    description: "Django secret keys (django-insecure- prefix, or 50 characters assigned to SECRET_KEY)",
    pattern: /django-insecure-[A-Za-z0-9!@#$%^&*()_+=\-]{30,80}/g,
    keywords: ['django-insecure-'],
    score: 0.97,
  },
  {
    id: 'tier1.sendgrid_key',
    anchor: { literals: ['sg.'], notAfter: 'A-Za-z0-9_' },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'SendGrid API keys (SG.<22>.<43>)',
    pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g,
    keywords: ['SG.'],
    validator: ({ value }) => !looksLikePlaceholder(value),
    score: 0.98,
  },
  {
    id: 'tier1.vault_token',
    anchor: { literals: ['hvs.', 'hvb.', 'hvr.', 's.'], notAfter: 'A-Za-z0-9_.' },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'HashiCorp Vault tokens (hvs., hvb., hvr. service/batch/recovery tokens; legacy s. tokens next to vault words)',
    pattern: /(?<![\w.])(?:hv[sbr]\.[A-Za-z0-9_-]{24,200}|s\.[A-Za-z0-9]{24})(?![\w.-])/g,
    keywords: ['hvs.', 'hvb.', 'hvr.', 's.'],
    validator: ({ value, text, start }) => {
      if (looksLikePlaceholder(value)) return false;
      if (value.startsWith('hv')) return true;
      return /vault|token/i.test(text.slice(Math.max(0, start - 48), start)) && characterClasses(value) >= 3;
    },
    score: 0.95,
  },
  {
    id: 'tier1.vendor_token',
    anchor: [{ literals: ['hf_', 'shpat_', 'shpss_', 'shpca_', 'shppa_', 'pypi-', 'dop_v1_', 'doo_v1_', 'dor_v1_', 'dp.', 'dapi', 'atatt3', 'lin_api_', 'pmak-', 'nrak-', 'key-', 'sq0', 'age-secret-key-1'], notAfter: 'A-Za-z0-9_' }, { literals: [':aa'], window: [-10, -8], first: '0-9', notAfter: 'A-Za-z0-9_' }],
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Other vendor tokens with fixed prefixes: Hugging Face, Shopify, PyPI, DigitalOcean, Doppler, Databricks, Atlassian, Linear, Postman, New Relic, Mailgun, Square, age, Telegram bots',
    pattern:
      /\b(?:hf_[A-Za-z0-9]{34,40}|shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}|pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}|do[opr]_v1_[a-f0-9]{64}|dp\.(?:st|ct|sa|scim|audit)\.[A-Za-z0-9_.-]{40,}|dapi[a-f0-9]{32}(?:-\d)?|ATATT3[A-Za-z0-9_=-]{100,}|lin_api_[A-Za-z0-9]{40}|PMAK-[a-f0-9]{24}-[a-f0-9]{34}|NRAK-[A-Z0-9]{27}|key-[a-f0-9]{32}|sq0(?:atp|csp)-[A-Za-z0-9_-]{22,43}|AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}|\d{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])/g,
    keywords: ['hf_', 'shpat_', 'shpss_', 'shpca_', 'shppa_', 'pypi-', 'dop_v1_', 'doo_v1_', 'dor_v1_', 'dp.', 'dapi', 'ATATT3', 'lin_api_', 'PMAK-', 'NRAK-', 'key-', 'sq0', 'AGE-SECRET-KEY-', ':AA'],
    validator: ({ value }) => !looksLikePlaceholder(value) && shannonEntropy(value) >= 3,
    score: 0.95,
  },
  {
    id: 'tier1.twilio_key',
    anchor: { runs: ['words'], first: '0-9a-fA-FS' },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Twilio API key sids (SK + 32 hex) and auth tokens (32 hex) next to Twilio words',
    pattern: /\b(?:SK[0-9a-fA-F]{32}|[0-9a-f]{32})\b/g,
    keywords: ['twilio', 'SK', 'auth_token', 'authtoken'],
    keywordsCaseInsensitive: true,
    validator: ({ value, text, start }) => (value.startsWith('SK') && /[a-f]/.test(value) && shannonEntropy(value) >= 3) || (/twilio|auth_?token/i.test(text.slice(Math.max(0, start - 48), start)) && shannonEntropy(value) >= 3),
    score: 0.9,
  },
];
