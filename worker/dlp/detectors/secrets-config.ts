/**
 * Credentials written into URLs, code and configuration: passwords in URLs of every scheme
 * (an empty user too: redis://:pw@host), values assigned to secret-looking names in code, YAML,
 * .env, JSON and INI (with an entropy floor and a stop-list of placeholders), Django SECRET_KEY,
 * and vendor formats (SendGrid, HashiCorp Vault, Twilio, Mailgun, Hugging Face, ...). UUIDs,
 * references (${VAR}, process.env.X) and placeholders (changeme, <password>, ****) are refused.
 */
import type { Detector } from '../detector.js';
import { characterClasses, looksLikePlaceholder, shannonEntropy } from '../validators.js';
import { SECRET_NAME, SECRET_NAME_KEYWORDS, SECRET_NAME_STARTS, assignedSecretValid, urlPasswordValid, vendorTokenPlaceholder, withoutClosingPunctuation } from './secret-values.js';
import { CHAT_SECRET_DETECTORS } from './secrets-chat.js';
import { CODE_SECRET_DETECTORS } from './secrets-code.js';
import { MARKUP_SECRET_DETECTORS } from './secrets-markup.js';
import { PROSE_SECRET_DETECTORS } from './secrets-prose.js';
import { VENDOR_SECRET_DETECTORS } from './secrets-vendors.js';

/** `NAME = `, `NAME: `, `NAME == ` (comparisons in code), `NAME[] = ` (C arrays), `env["NAME"] = `, with a short suffix on the name. */
const ASSIGN = String.raw`${SECRET_NAME}[A-Za-z0-9_.\-]{0,24}(?:\[\d{0,4}\])?(?:["']\]|["'\]])?[ \t]{0,3}(?:[!=]==?|:=|=>|=|:|[ \t]is)[ \t]{0,3}@?`;

export const CONFIG_SECRET_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.url_password',
    anchor: { literals: ['://'], window: [-21, -2], first: 'a-zA-Z', notAfter: 'A-Za-z0-9_' },
    type: 'URL_PASSWORD',
    secret: true,
    description: 'Passwords in URLs of any scheme (postgres, mongodb+srv, redis with an empty user, smtp, amqp, ftp, ...); the password is the finding',
    // The password runs to the last '@' before the host: an unencoded '@' inside it ("p@ssw0rd") stays in it.
    pattern: /\b[a-zA-Z][a-zA-Z0-9+.-]{1,20}:\/\/[^\s:/@"'<>]{0,64}:([^\s"'<>/]{1,128})@[A-Za-z0-9[\]._-]+/dg,
    group: 1,
    keywords: ['://'],
    validator: ({ value }) => urlPasswordValid(value),
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
    keywords: SECRET_NAME_KEYWORDS,
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
    keywords: SECRET_NAME_KEYWORDS,
    keywordsCaseInsensitive: true,
    validator: (c) => assignedSecretValid(c, true),
    score: 0.88,
    examples: ["SECRET_KEY = 'django-insecure-7c$k2!x9q#m4v8z@p1r6t0w3y5'"],
  },
  {
    id: 'tier1.generic_secret.backquoted',
    anchor: { literals: SECRET_NAME_STARTS },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Backquoted values assigned to secret-looking names (Go raw strings, JavaScript template literals, shell)',
    pattern: new RegExp(`${ASSIGN}\`([^\`\\n\\\\]{4,200})\``, 'dgi'),
    group: 1,
    keywords: SECRET_NAME_KEYWORDS,
    keywordsCaseInsensitive: true,
    validator: (c) => assignedSecretValid(c, true),
    score: 0.88,
    examples: ['apiKey := `k9#Lm2xQ7pZ`'],
  },
  {
    id: 'tier1.generic_secret.unquoted',
    anchor: { literals: SECRET_NAME_STARTS },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Unquoted values assigned to secret-looking names (.env, INI, YAML, connection strings)',
    pattern: new RegExp(`${ASSIGN}([^\\s"'\`,;<>]{4,200})`, 'dgi'),
    group: 1,
    keywords: SECRET_NAME_KEYWORDS,
    keywordsCaseInsensitive: true,
    resolveEnd: withoutClosingPunctuation,
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
    anchor: [{ literals: ['hf_', 'shpat_', 'shpss_', 'shpca_', 'shppa_', 'pypi-', 'dop_v1_', 'doo_v1_', 'dor_v1_', 'dp.', 'dapi', 'atatt3', 'lin_api_', 'pmak-', 'nrak-', 'key-', 'sq0', 'age-secret-key-1'], notAfter: 'A-Za-z0-9_' }, { literals: [':aa'], window: [-10, -8], first: '0-9', notAfter: 'A-Za-z0-9_' }, { runs: ['words'], first: '0-9a-f', notAfter: 'A-Za-z0-9_' }],
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Other vendor tokens with fixed prefixes: Hugging Face, Shopify, PyPI, DigitalOcean, Doppler, Databricks, Atlassian, Linear, Postman, New Relic, Mailgun, Mailchimp, Square, age, Telegram bots',
    pattern:
      /\b(?:hf_[A-Za-z0-9]{34,40}|shp(?:at|ss|ca|pa)_[A-Za-z0-9]{32,40}|pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,}|[0-9a-f]{32}-us\d{1,2}|do[opr]_v1_[a-f0-9]{64}|dp\.(?:st|ct|sa|scim|audit)\.[A-Za-z0-9_.-]{40,}|dapi[a-fA-F0-9]{32}(?:-\d)?|ATATT3[A-Za-z0-9_=-]{100,}|lin_api_[A-Za-z0-9]{40}|PMAK-[a-f0-9]{24}-[a-f0-9]{34}|NRAK-[A-Z0-9]{27}|key-[a-f0-9]{32}|sq0(?:atp|csp)-[A-Za-z0-9_-]{22,43}|AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}|\d{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])/g,
    keywords: ['hf_', 'shpat_', 'shpss_', 'shpca_', 'shppa_', 'pypi-', 'dop_v1_', 'doo_v1_', 'dor_v1_', 'dp.', 'dapi', 'ATATT3', 'lin_api_', 'PMAK-', 'NRAK-', 'key-', '-us', 'sq0', 'AGE-SECRET-KEY-', ':AA'],
    validator: ({ value }) => !vendorTokenPlaceholder(value) && shannonEntropy(value) >= 3,
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
  // Django key values, XML attributes, CLI flags and value-first comparisons (secrets-code.ts).
  ...CODE_SECRET_DETECTORS,
  // XML elements and name/value argument pairs (secrets-markup.ts).
  ...MARKUP_SECRET_DETECTORS,
  // Passwords given in chat replies to a line that asked for one (secrets-chat.ts).
  ...CHAT_SECRET_DETECTORS,
  // Passwords told in prose, in several languages (secrets-prose.ts).
  ...PROSE_SECRET_DETECTORS,
  // Vendor formats with their own prefixes or shapes (secrets-vendors.ts).
  ...VENDOR_SECRET_DETECTORS,
];
