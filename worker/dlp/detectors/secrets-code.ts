/**
 * Secrets in code and configuration written in forms the assignment detectors (secrets-config.ts)
 * do not read: Django SECRET_KEY values (50 characters of Django's key alphabet, whatever quotes
 * surround them), XML/.NET config attributes (<add key="DB_PASSWORD" value="…"/>), command-line
 * flags (--db-password VALUE, --secret=VALUE) and comparisons with the value first
 * (if ("…" == password)), setters and constructors (setPassword("…"), std::string secret("…")) and
 * whitespace-separated pairs (.netrc `password VALUE`, Dockerfile `ENV DB_PASSWORD VALUE`). Values go through the same references/placeholder/entropy checks.
 */
import type { Candidate, Detector } from '../detector.js';
import { characterClasses, shannonEntropy } from '../validators.js';
import { SECRET_NAME, SECRET_NAME_KEYWORDS, SECRET_NAME_STARTS, passwordShaped, secretValueScore } from './secret-values.js';

/** Django's get_random_secret_key() alphabet: lowercase letters, digits and !@#$%^&*(-_=+). */
const DJANGO_KEY_CHAR = String.raw`[a-z0-9!@#$%^&*(\-_=+)]`;

/** The lowercased key named in `key="…"`/`name="…"` right before a `value="` attribute. */
function attributeKey(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 120), start);
  return (/(?:key|name)\s*=\s*["']([^"'<>]{1,80})["']\s+value\s*=\s*["']$/i.exec(before)?.[1] ?? '').toLowerCase();
}

/** The lowercased flag name right before the value (--db-password, --secret=). */
function flagName(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 64), start);
  return (/--([A-Za-z0-9_.-]{1,48})(?:=|[ \t]+)["']?$/.exec(before)?.[1] ?? '').toLowerCase();
}

/** The lowercased name the value is compared with ("…" == my_password). */
function comparedName(text: string, end: number): string {
  const after = text.slice(end, end + 64);
  return (/^["'`][ \t]*[!=]==?[ \t]*([A-Za-z0-9_.]{1,48})/.exec(after)?.[1] ?? '').toLowerCase();
}

/** The lowercased function or variable name right before `("` (setPassword, secret, secret.assign). */
function calledName(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 64), start);
  return (/([A-Za-z0-9_.]{1,48})\([ \t]{0,2}["'`]$/.exec(before)?.[1] ?? '').replace(/\.(?:assign|set|put|update)$/i, '').toLowerCase();
}

/** The lowercased name right before whitespace and the value (`password VALUE`, `ENV DB_PASSWORD VALUE`). */
function spacedName(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 64), start);
  return (/([A-Za-z0-9_.-]{1,48})[ \t]{1,3}["']?$/.exec(before)?.[1] ?? '').toLowerCase();
}

/**
 * An unquoted value after a bare name and a space is read from prose as often as from config
 * ("password reset link", "token 3 of 5"): it must look like a password or key on its own (letters
 * and digits and a symbol, or a long random run), and the name must end right there.
 */
function spacedSecretValid({ value, text, start }: Candidate): boolean | number {
  const quoted = /["']$/.test(text.slice(Math.max(0, start - 1), start));
  // "(auth 8ab540f0…)" on a receipt is a payment authorisation code, not a credential.
  const name = spacedName(text, start);
  if (name === 'auth' || name === 'token') return false;
  if (!quoted && (value.length < 8 || characterClasses(value) < 3 || !/\d/.test(value) || !/[A-Za-z]/.test(value))) return false;
  // A quoted phrase with spaces ('password "field is required"') is prose unless it looks like a password without them.
  if (value.includes(' ') && !passwordShaped(value.replace(/ /g, ''))) return false;
  return secretValueScore(value, name, quoted);
}

/** Commands whose -p (attached to the value, MySQL-style, or spaced for sshpass) or -a (redis-cli) flag takes a password. */
const ATTACHED_P_COMMANDS = /(?<![\w-])(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlcheck|mysqlsh|mariadb|mariadb-dump)(?![\w-])/;
const SPACED_P_COMMANDS = /(?<![\w-])sshpass(?![\w-])/;
const A_COMMANDS = /(?<![\w-])(?:redis-cli|keydb-cli)(?![\w-])/;

/** The value of -p/-a on a command line whose command takes a password there (read back to the line's start, at most 200 characters). */
function shortPasswordFlagValid({ value, text, start }: Candidate): boolean | number {
  let lineStart = start;
  while (lineStart > 0 && lineStart > start - 200 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  const line = text.slice(lineStart, start);
  const flag = /-([pa])[ \t]*["']?$/.exec(line);
  if (!flag || value.startsWith('-')) return false;
  const attached = !/[ \t]["']?$/.test(line);
  const command = flag[1] === 'a' ? A_COMMANDS : attached ? ATTACHED_P_COMMANDS : SPACED_P_COMMANDS;
  if (!command.test(line)) return false;
  return secretValueScore(value, 'password', true);
}

export const CODE_SECRET_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.django_secret_key.value',
    anchor: { literals: ['secret_key'] },
    type: 'GENERIC_SECRET',
    secret: true,
    description: "Django SECRET_KEY values: 50 characters of Django's key alphabet assigned to a *SECRET_KEY name, in any quotes or none",
    pattern: new RegExp(`SECRET_KEY["']?[ \\t]{0,3}[:=][ \\t]{0,3}["']?(${DJANGO_KEY_CHAR}{50})(?!${DJANGO_KEY_CHAR})`, 'dg'),
    group: 1,
    keywords: ['SECRET_KEY'],
    validator: ({ value }) => shannonEntropy(value) >= 4 && /[^a-z0-9]/.test(value) && /\d/.test(value),
    score: 0.95,
    examples: ["SECRET_KEY = '9*9fet*=zo4)=bwd2=+qw^=lgz_9-!sa8k_4_+u*m4a3wa+@n3'"],
  },
  {
    id: 'tier1.generic_secret.xml_attribute',
    anchor: { literals: ['key', 'name'] },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Values of XML/.NET config entries whose key names a secret: <add key="DB_PASSWORD" value="…" />',
    pattern: new RegExp(`(?:key|name)[ \\t]*=[ \\t]*["'][A-Za-z0-9_.:-]{0,32}${SECRET_NAME}[A-Za-z0-9_.:-]{0,24}["'][ \\t]{1,3}value[ \\t]*=[ \\t]*["']([^"'\\n<>]{4,200})["']`, 'dgi'),
    group: 1,
    keywords: SECRET_NAME_KEYWORDS,
    keywordsCaseInsensitive: true,
    validator: (c: Candidate) => secretValueScore(c.value, attributeKey(c.text, c.start), true),
    score: 0.88,
    examples: ['<add key="DB_PASSWORD" value="kOoMRqkGW7okG0E7sOWpTUbv" />'],
  },
  {
    id: 'tier1.generic_secret.cli_flag',
    anchor: { literals: ['--'], notAfter: 'A-Za-z0-9_-' },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Values of command-line flags that name a secret: --db-password VALUE, --secret=VALUE, --PGPASSWORD VALUE',
    pattern: new RegExp(`(?<![\\w-])--[A-Za-z0-9_.-]{0,24}${SECRET_NAME}[A-Za-z0-9_.-]{0,16}(?:=|[ \\t]{1,3})["']?([^\\s"'\`]{4,200})`, 'dgi'),
    group: 1,
    keywords: SECRET_NAME_KEYWORDS,
    keywordsCaseInsensitive: true,
    validator: (c: Candidate) => !c.value.startsWith('-') && secretValueScore(c.value, flagName(c.text, c.start), false),
    score: 0.86,
    examples: ['--webhook-secret Talcon5819*', '--db-password=Xk9#pL2m'],
  },
  {
    id: 'tier1.generic_secret.compared',
    anchor: { literals: ['"', "'", '`'] },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Quoted values compared with a secret-named variable, value first: if ("…" == password)',
    pattern: new RegExp(`["'\`]([^"'\`\\n\\\\]{4,200})["'\`][ \\t]*[!=]==?[ \\t]*[A-Za-z0-9_.]{0,24}${SECRET_NAME}`, 'dgi'),
    group: 1,
    keywords: SECRET_NAME_KEYWORDS,
    keywordsCaseInsensitive: true,
    validator: (c: Candidate) => secretValueScore(c.value, comparedName(c.text, c.end), true),
    score: 0.86,
    examples: ['if ("Xk9#pL2mQw7" == db_password) {'],
  },
  {
    id: 'tier1.generic_secret.call_argument',
    anchor: { literals: SECRET_NAME_STARTS },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Quoted values passed to setters and constructors that name a secret: setPassword("…"), std::string secret("…"), token.assign("…")',
    pattern: new RegExp(`${SECRET_NAME}[A-Za-z0-9_]{0,24}(?:\\.(?:assign|set|put|update))?\\([ \\t]{0,2}["'\`]([^"'\`\\n\\\\]{4,200})["'\`]`, 'dgi'),
    group: 1,
    keywords: SECRET_NAME_KEYWORDS,
    keywordsCaseInsensitive: true,
    validator: (c: Candidate) => secretValueScore(c.value, calledName(c.text, c.start), true),
    score: 0.86,
    examples: ['std::string secret("Xk9#pL2mQw7Zr4");', 'client.setPassword("Tr0ub4dor&3")'],
  },
  {
    id: 'tier1.generic_secret.space_separated',
    anchor: { literals: SECRET_NAME_STARTS },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Values after a secret name and whitespace: .netrc (login u password VALUE), Dockerfile ENV NAME VALUE, Go/HCL name "value"',
    // Quoted, the value runs to the closing quote (brackets and all: Go's `password "m{{h}o)p…"`); bare, to a space or bracket.
    pattern: new RegExp(`${SECRET_NAME}[A-Za-z0-9_]{0,24}[ \\t]{1,3}"?((?<=")[^"\\n\\\\]{6,128}(?=")|(?<!")[^\\s"'\`,;<>()]{6,128})`, 'dgi'),
    group: 1,
    keywords: SECRET_NAME_KEYWORDS,
    keywordsCaseInsensitive: true,
    validator: spacedSecretValid,
    score: 0.84,
    examples: ['machine api.example.com login deploy password Zq8#vR2pLm4', 'ENV DB_PASSWORD Xk9pL2mQw7!'],
  },
  {
    id: 'tier1.generic_secret.basic_auth_flag',
    anchor: { literals: ['-u', '--user'], notAfter: 'A-Za-z0-9_-' },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Passwords in user:password arguments of curl, wget and HTTP clients: curl -u "deploy:…", --user admin:…',
    pattern: /(?<![\w-])(?:-u|--user)(?:=|[ \t]{1,3})["']?[^\s:"'@/<>[\]]{1,64}:([^\s"'@<>[\]]{4,128})(?![<>\]])/dg,
    group: 1,
    validator: ({ value }: Candidate) => secretValueScore(value, 'password', true),
    score: 0.88,
    examples: ['curl -u "deploy:ecc9Tpm#SSsMDzm" https://nexus.example/repos'],
  },
  {
    id: 'tier1.generic_secret.short_password_flag',
    anchor: { literals: ['-p', '-a'], notAfter: 'A-Za-z0-9_-' },
    type: 'GENERIC_SECRET',
    secret: true,
    description: "Passwords in short flags of database and remote clients: mysql -pVALUE, mysql -p'VALUE', sshpass -p VALUE, redis-cli -a VALUE",
    pattern: /(?<![\w-])-[pa](?:[ \t]{1,3})?["']?([^\s"'`]{4,128})/dg,
    group: 1,
    validator: shortPasswordFlagValid,
    score: 0.86,
    examples: ["mysqldump -u backup -pK7#vQ2mZr9 shop > shop.sql", 'sshpass -p Xk9pL2mQw7! ssh deploy@10.0.0.5'],
  },
  {
    id: 'tier1.generic_secret.authorization_scheme',
    anchor: { literals: ['authorization'], notAfter: 'A-Za-z0-9_' },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Credentials in Authorization headers with schemes other than Bearer and Basic: Token, ApiKey, Bot, SSWS, Key, OAuth, DeepL-Auth-Key',
    pattern: /\bauthorization["']?[ \t]*[:=][ \t]*["']?(?:Token|ApiKey|Api-Key|Bot|SSWS|Key|OAuth|DeepL-Auth-Key|Splunk|GenieKey|Klaviyo-API-Key)[ \t]+([A-Za-z0-9._~+/:-]{16,}=*)/dgi,
    group: 1,
    validator: ({ value }: Candidate) => secretValueScore(value, 'token', true),
    score: 0.88,
    examples: ["curl -H 'Authorization: Token 9b7cQ2mZr4Lp8XkT1vWy' \"$API_URL/v1/orders\""],
  },
  {
    id: 'tier1.generic_secret.db_connect_argument',
    anchor: { literals: ['pdo(', 'mysqli(', 'mysqli_connect(', 'mysql_connect('] , window: [-4, 0] },
    type: 'GENERIC_SECRET',
    secret: true,
    description: "The password argument of database connection calls: new PDO($dsn, 'user', '…'), mysqli_connect('host', 'user', '…')",
    pattern: /(?:PDO|mysqli|mysqli_connect|mysql_connect)\([ \t]*(?:["'][^"'\n]{0,200}["'][ \t]*,[ \t]*){2}["']([^"'\n]{4,128})["']/dgi,
    group: 1,
    validator: ({ value }: Candidate) => secretValueScore(value, 'password', true),
    score: 0.88,
    examples: ["new PDO('mysql:host=localhost;dbname=shop', 'shop', 'j%bThmUAENAA5F');"],
  },
];
