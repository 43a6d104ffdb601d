/**
 * Whether a value assigned to a secret-looking name holds a secret: not a reference to one (an
 * environment lookup, a template, a code expression), not a placeholder or ordinary word, not a
 * UUID, path or URL, and random enough for its kind. Shared by the config, code and CLI detectors.
 */
import type { Candidate } from '../detector.js';
import { characterClasses, looksLikePlaceholder, shannonEntropy } from '../validators.js';
import { ticketPassBefore } from './password-words.js';

/**
 * Values that name a secret instead of containing one: env lookups ($VAR, ${VAR}, %VAR%),
 * annotations (@Value), templates ({{ x }}, <password>, %(PASSWORD)s) and code references.
 * Only whole references count: "@h9wou(w2g+…" (a Django key) and "m{{h}o)p${e]…" are values.
 */
const SECRET_REFERENCE =
  /^(?:\$\{?[A-Za-z_][\w.:-]*\}?$|\$\(|%[A-Za-z_]\w*%$|%\([\w.]+\)[sdr]$|%s$|@[A-Za-z_][\w.]*(?:\(|$)|\{\{\s*[\w.$-]+\s*\}\}$|<[^<>]*>$|process\.env|os\.environ|os\.getenv|env\(|env\.|getenv|secrets?\.|vault:|ref\+|self\.|this\.|config\.|settings\.|cfg\.|params\.|args\.|options\.|request\.|req\.|kwargs)/i;
/** YAML anchors and aliases (&db_pass, *db_pass): lowercase names, unlike random values that start with * or &. */
const YAML_ALIAS = /^[&*][a-z_][a-z0-9_-]*$/;
/** Whole values that are placeholders or ordinary words, never a real secret. */
const STOP_VALUES = new Set(
  `password passwd pass pwd secret secrets token apikey api_key key changeme change_me changeit default admin root test testing example sample dummy
  none null nil undefined true false yes no on off empty blank hidden masked redacted removed omitted todo tbd fixme na n/a unknown required optional string
  your_password yourpassword mypassword my_password password123 secret123 letmein qwerty abc123 foobar foo bar baz xxx xxxx xxxxx xxxxxx xxxxxxxx`.split(/\s+/),
);
/** A stop word with a few digits (test123, password1, admin2024): sample values, not secrets. */
/** Values that say they are not secrets: "not_a_real_token", "no-secret-here", "notused". */
const SAYS_NOT_SECRET = /^(?:not|no)[_\- ]?(?:a[_\- ]?)?(?:real|valid|used|secret|set)(?:[_\- ]|$)/i;
const PLACEHOLDER_WITH_DIGITS = /^(?:test|testing|password|passwd|pass|admin|secret|changeme|demo|example|sample|dummy|guest|user|default|qwerty|letmein)[-_]?\d{1,4}!?$/;
/** Values encrypted at rest (SOPS ENC[AES256_GCM,…], Ansible $ANSIBLE_VAULT): ciphertext whose key lives elsewhere. */
const ENCRYPTED_VALUE = /^(?:ENC\[|\$ANSIBLE_VAULT)/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Key names that hold metadata about a secret, not the secret: token_url, secret_name, api_key_header. */
const METADATA_KEY = /(?:name|names|url|uri|endpoint|path|file|type|id|ids|header|env|ref|length|len|ttl|expiry|expires|expiration|expires_in|lifetime|count|policy|provider|field|prompt|label|hint|reset|min|max|rotation|version|store|manager|mode|scope|scopes|format|encoding|algorithm|alg|hash|limit|required|enabled|strategy|prefix|suffix|placeholder|pattern|days)["']?$/;
const PASSWORD_KEY = /(?:pass(?:word|wd|phrase|code)?|pwd|passw|(?:^|[^a-z])pw)s?(?:[^a-z]|$)/;

/**
 * A reference, placeholder, UUID or run of one character: never reported as a secret.
 * @example
 * refusedSecretValue('${DB_PASSWORD}'); // true
 * refusedSecretValue('Tr0ub4dor&3'); // false
 */
export function refusedSecretValue(value: string): boolean {
  const lower = value.toLowerCase();
  return STOP_VALUES.has(lower) || PLACEHOLDER_WITH_DIGITS.test(lower) || SAYS_NOT_SECRET.test(value) || ENCRYPTED_VALUE.test(value) || SECRET_REFERENCE.test(value) || YAML_ALIAS.test(value) || looksLikePlaceholder(value) || UUID.test(value) || /^\*+$|^x+$|^\.+$|^-+$/i.test(value);
}

/** Hex of a digest's length (MD5, SHA-1, SHA-256, SHA-512), and words that say a value is one: "the sha256 of the password is …". */
const HASH_LENGTH_HEX = /^(?:[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{64}|[a-f0-9]{128})$/i;
const HASH_WORDS = /(?<![a-z])(?:sha-?\d*|md5|hash(?:ed|es)?|digest|checksum|fingerprint)(?![a-z])/i;

/** The text before `start` on its line, at most `reach` characters. */
function lineBefore(text: string, start: number, reach: number): string {
  const before = text.slice(Math.max(0, start - reach), start);
  return before.slice(before.lastIndexOf('\n') + 1);
}

/** The key the value is assigned to, lowercased ("db_password", "spring.datasource.password"). */
function keyBefore(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 80), start);
  const m = /([A-Za-z0-9_.\-]+)(?:\[\d{0,4}\])?(?:["']\]|["'\]])?[ \t]*(?:[!=]==?|:=|=>|=|:|[ \t]is|[ \t])[ \t]*@?(?:["'`]|Bearer |Basic )?$/i.exec(before);
  return (m?.[1] ?? '').toLowerCase();
}

/**
 * A type or variable name rather than a token: camelCase or PascalCase English words, each with a
 * vowel ("InjectionToken", "NonSharedBuffer", "resolvedApiKey", "TSESTree.Token[]"), as in a
 * TypeScript parameter `token: InjectionToken`. Random letters ("CkvcZDEKtauKWD") have segments
 * without vowels.
 * @example
 * looksLikeCodeIdentifier('InjectionToken'); // true
 * looksLikeCodeIdentifier('CkvcZDEKtauKWD'); // false
 */
export function looksLikeCodeIdentifier(value: string): boolean {
  const name = value.replace(/(?:\$\d+|\[\])+$/, '');
  if (name.length > 48 || !/^[A-Za-z]+(?:\.[A-Za-z]+)*$/.test(name)) return false;
  const segments = name.split('.').flatMap((part) => part.match(/[A-Z]*[a-z]+|[A-Z]+(?![a-z])/g) ?? []);
  return segments.length > 0 && segments.every((segment) => {
    // An acronym alone ("TSES", "GL") or a word with a vowel ("Token", "Or", "enum"); "Ckvc" is neither.
    return /[a-z]/.test(segment) ? /[aeiouy]/i.test(segment) : segment.length <= 6;
  });
}

/**
 * A password-shaped value: letters and digits or symbols, or long with mixed case and entropy.
 * @example
 * passwordShaped('Kestrel1996!'); // true
 * passwordShaped('Summer'); // false
 */
export function passwordShaped(value: string): boolean {
  if (!/[A-Za-z].*[A-Za-z]/.test(value)) return false;
  const classes = characterClasses(value);
  // A digit or a symbol beyond the punctuation of words: "up-to-date", "(optional)" and "e.g." are prose.
  if (classes >= 2 && /[^A-Za-z\-.'’()[\]{}]/.test(value)) return true;
  // Letters alone: long, mixed-case and random, not words run together ("Salesforce", "NonSharedBuffer").
  return value.length >= 12 && classes >= 2 && shannonEntropy(value) >= 3 && !looksLikeCodeIdentifier(value);
}

/**
 * Scores a value by the key it is assigned to: passwords may be short human words with digits or
 * symbols; keys and tokens must look random (length, entropy, character classes) or be long hex or
 * base64; a password-like value (letters, digits and a symbol) counts under any secret name.
 * @example
 * secretValueScore('Etter5837?', 'apikey', true); // 0.85
 */
export function secretValueScore(value: string, key: string, quoted: boolean): number | false {
  if (refusedSecretValue(value)) return false;
  if (METADATA_KEY.test(key)) return false;
  // Unquoted code: `password = get_password()`, `token = request.token` are references, not values.
  if (!quoted && (/^[A-Za-z_][\w.]*\(/.test(value) || /^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_.]*$/i.test(value))) return false;
  // URLs and host names ("Authentication-Results: 5h.ca.iphmx.com") say where, not what.
  // A URL of any scheme without a password in it (tier1.url_password reports those): "mongodb://localhost:27017/db".
  if (/^[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/]*(?::\d{1,5})?(?:[/?#]|$)/i.test(value) || /^(?:[a-z0-9-]{1,63}\.)+[a-z]{2,12}$/.test(value)) return false;
  // File paths and key files: `key_file = /secure/release.pem`, `secret: ./certs/tls.key`.
  if (/^(?:\/|\.\.?\/|~\/|[A-Za-z]:\\)/.test(value) || /\.(?:pem|key|crt|cer|json|ya?ml|txt|env|p12|pfx|jks|der)$/i.test(value)) return false;
  const entropy = shannonEntropy(value);
  const classes = characterClasses(value);
  if (PASSWORD_KEY.test(key)) {
    if (value.length < 6) return false;
    if (/^[a-z]+$/.test(value) && value.length < 12) return false;
    return entropy >= 2.2 && (classes >= 2 || value.length >= 12) ? 0.9 : false;
  }
  if (!quoted && looksLikeCodeIdentifier(value)) return false;
  if (value.length >= 12 && entropy >= 3 && classes >= 2) return 0.88;
  if (/^[a-f0-9]{16,}$/i.test(value) || /^[A-Za-z0-9+/_-]{20,}={0,2}$/.test(value)) return 0.8;
  return value.length >= 8 && classes >= 3 && entropy >= 2.5 ? 0.85 : false;
}

/**
 * Validator for a value captured after `KEY = ` / `KEY: ` / `KEY == `: the key is read back from
 * the text before it.
 */
export function assignedSecretValid({ value, text, start }: Candidate, quoted: boolean): boolean | number {
  const key = keyBefore(text, start);
  if (key === 'pass' && ticketPassBefore(text, start)) return false;
  if (HASH_LENGTH_HEX.test(value) && HASH_WORDS.test(lineBefore(text, start, 48))) return false;
  // Told in a sentence ("the password is up-to-date"): it must look like a password on its own.
  if (!quoted && /[ \t]is[ \t]*$/i.test(text.slice(Math.max(0, start - 4), start)) && !passwordShaped(value)) return false;
  // A typed parameter, `password: BinaryLike,` or `token?: InjectionToken)`: a type name, not a value.
  if (!quoted && /^[ \t]*[,)|;>=]/.test(text.slice(start + value.length, start + value.length + 4)) && looksLikeCodeIdentifier(value)) return false;
  return secretValueScore(value, key, quoted);
}

/**
 * Where an unquoted value ends without the sentence's closing punctuation: "password is Tr0ub4dor&3."
 * ends before the period; a closing bracket stays when the value opened one ("pa(ss)"); a URL's
 * next query parameter ("&sslmode=require") is cut off.
 * @example
 * withoutClosingPunctuation('pw: Xk9#pL2m.', 4, 13); // 12
 */
export function withoutClosingPunctuation(text: string, start: number, end: number): number {
  // A query string's next parameter is not part of the value: "password=Hq7!mZ2x&sslmode=require".
  const nextParameter = /&[A-Za-z_][\w.-]{0,40}=/.exec(text.slice(start, end));
  let e = nextParameter && nextParameter.index > 0 ? start + nextParameter.index : end;
  while (e > start + 1) {
    const c = text[e - 1]!;
    if (c === '.' || c === ',' || c === ';' || c === ':') e--;
    else if ((c === ')' || c === ']' || c === '}') && !text.slice(start, e).includes(c === ')' ? '(' : c === ']' ? '[' : '{')) e--;
    else break;
  }
  return e;
}

/** Secret-looking names; the key may carry a prefix (DB_, spring.datasource.) and a short suffix. */
export const SECRET_NAME = String.raw`(?:pass(?:word|wd|phrase)?|pwd|pw(?![a-z])|storage[_.-]?key|secret|token|api[_. -]?key|apikey|access[_.-]?key|account[_.-]?key|private[_.-]?key|client[_.-]?secret|secret[_.-]?key|signing[_.-]?key|encryption[_.-]?key|master[_.-]?key|auth[_.-]?key|app[_.-]?key|credentials?|auth(?!entic|or))`;
/** How every SECRET_NAME alternative begins: the scanner tries the patterns only there (keep in step; test/dlp/anchors.test.ts checks). */
export const SECRET_NAME_STARTS: readonly string[] = ['pass', 'pwd', 'pw', 'storage', 'secret', 'token', 'api', 'access', 'account', 'private', 'client', 'signing', 'encryption', 'master', 'auth', 'app', 'credential'];
/** Keywords that must occur for any secret-name detector to run. */
export const SECRET_NAME_KEYWORDS: readonly string[] = ['pass', 'pwd', 'pw', 'storage', 'secret', 'token', 'key', 'credential', 'auth'];

/** A URL's password field holding a template or its own name: `{password}`, `[PASSWORD]`, `$(DB_PASS)`, `:password@`. */
const URL_PASSWORD_TEMPLATE = /^(?:\{[\w.-]+\}|\[[\w.-]+\]|\$\([\w.-]+\)|\{\{.*\}\}|<%.*%>|password|passwd|pwd|x+|\*+|\.+)$/i;

/**
 * Whether the password part of a URL (`scheme://user:PASSWORD@host`) is a password: anything but a
 * reference, template or placeholder. Short and common values count here ("user:pass@",
 * "admin:secret123@"), since a URL that carries them logs in with them; the stop-list that keeps
 * `password = test` out of code findings does not apply.
 * @example
 * urlPasswordValid('s3cr3t-Pa55'); // true
 * urlPasswordValid('${DB_PASSWORD}'); // false
 */
export function urlPasswordValid(value: string): boolean {
  if (URL_PASSWORD_TEMPLATE.test(value) || SECRET_REFERENCE.test(value) || looksLikePlaceholder(value) || ENCRYPTED_VALUE.test(value)) return false;
  return !/^\$[A-Za-z_{(]/.test(value);
}

/** Runs of the alphabet or of digits, which documentation tokens are often typed with. */
const SEQUENCE = /0123456|123456789|abcdefgh/gi;

/**
 * Whether a token with a vendor's literal prefix and exact shape is only a template: placeholder
 * words (your_, example, redacted), ${VAR}, or one character repeated. A typed-out sequence
 * ("…1234567890abcdefghij") does not make it one: the prefix and shape say what the token is, and
 * a sample token pasted into a prompt leaks the same way a real one would.
 * @example
 * vendorTokenPlaceholder('gsk_your_key_here'); // true
 * vendorTokenPlaceholder('gsk_aBcDeFgHiJkLmNoPqRsT1234567890abcdefghijklmnopqrstuv'); // false
 */
export function vendorTokenPlaceholder(value: string): boolean {
  return looksLikePlaceholder(value.replace(SEQUENCE, '~'));
}
