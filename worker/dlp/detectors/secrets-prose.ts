/**
 * Passwords told in prose and chat, in several languages: "my password is Tr0ub4dor&3", "pw: …",
 * "the new pass for the vpn is …", "password → …", "can someone reset the staging pasword? its …",
 * "das Passwort lautet …", "la contraseña es …", "le mot de passe est …", "a senha é …",
 * "het wachtwoord is …", "パスワードは…", "密码是…". A password word (password-words.ts), at most a
 * few words, a link ("is", ":", "→", "ist", "es", "est", "é", …) and a password-shaped token
 * (letters with digits or symbols, or long and mixed-case; never a dictionary word alone, a
 * placeholder, a reference, a URL, an address, a date, a hash or an id). The span is the value
 * alone, without the sentence's closing punctuation.
 */
import type { Candidate, Detector } from '../detector.js';
import { MULTI_WORD_PASSWORDS, PASSWORD_WORD_STARTS, isPasswordWord, ticketPassBefore } from './password-words.js';
import { passwordShaped, refusedSecretValue, withoutClosingPunctuation } from './secret-values.js';

/**
 * A word as a pattern matching it in any case, without the `i` flag (which would also make the
 * value's `[A-Z]` match lower case): "pw" → "[pP][wW]".
 */
function anyCase(word: string): string {
  return [...word]
    .map((c) => {
      const lower = c.toLowerCase();
      const upper = c.toUpperCase();
      if (lower !== upper && lower.length === 1 && upper.length === 1) return `[${lower}${upper}]`;
      return c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    })
    .join('');
}

/** Latin letters with accents: a password word's inflections ("contraseñas", "lösenordet"). */
const LETTER = 'A-Za-zÀ-ÖØ-öø-ɏ';
/** Words that join the password word to its value, per language; whole words only. */
const LINK_WORDS = [
  'is', 'was', 'its', "it's", 'it’s', 'it is', 'now', 'to', 'ist', 'lautet', 'war', 'es', 'era', 'est', "c'est", 'était', 'é', 'è',
  'jest', 'brzmi', 'är', 'er', 'blir', 'on', 'je', 'это',
];
/** Links that are symbols: a colon (not inside a time), '=', arrows and dashes, and the particles of unspaced scripts. */
const LINK_SYMBOLS = String.raw`(?<!\d)[:=：]|->|=>|→|⇒|[—–](?=[ \t])|(?<=[ \t])-(?=[ \t])|は|是|为|為|는|은`;
/** The first characters of every link: a cheap test before the alternation at each position of the gap. */
const LINK_FIRST = [...new Set([...LINK_WORDS.flatMap((w) => [w[0]!, w[0]!.toUpperCase()]), ...':=：-–—→⇒は是为為는은'])].join('').replace(/[-\]\\^]/g, '\\$&');
const LINK = `(?=[${LINK_FIRST}])(?:(?<![${LETTER}])(?:${LINK_WORDS.map(anyCase).join('|')})(?![${LETTER}])|${LINK_SYMBOLS})`;
/** How far the link may sit from the password word ("the new pass for the vpn is"). */
const MAX_GAP = 48;
/** Characters of an unquoted value: no spaces, quotes or angle brackets. */
const VALUE_CHAR = String.raw`[^\s"'“”‘’«»<>\`]`;
/** A value worth validating: it holds a digit or symbol (not only a sentence's punctuation), or a capital after its first letter (not a plain word). */
const VALUE_SHAPE = String.raw`(?=\S{0,63}[^\sA-Za-z.,;:!?)\]}]|[A-Za-z]\S{0,62}[A-Z])`;

const WORD_START = PASSWORD_WORD_STARTS.map(anyCase).join('|');
/**
 * A password word (its stem and up to 10 more letters, ending the word), then either a gap of at
 * most MAX_GAP characters on the same line and a link, or just a space; then the value.
 */
const PROSE_PASSWORD = new RegExp(
  `(?<![${LETTER}0-9_])(?:${WORD_START})[${LETTER}]{0,10}(?![${LETTER}0-9_]|[-.][A-Za-z0-9])` +
    `(?:[^\\n]{0,${MAX_GAP}}?${LINK}[ \\t]{0,3}|[ \\t]{1,3})["'“‘«(]?${VALUE_SHAPE}(${VALUE_CHAR}{6,64})`,
  'dg',
);

/** Words between the password word and its value that make the value something about the password, not the password. */
const METADATA_WORDS =
  /(?<![a-z])(?:hash(?:ed|es)?|policy|policies|length|expir\w*|manager|hint|strength|requirements?|rules?|salt|digest|sha\d*|md5|bcrypt|fingerprint|id|ticket|case|ref(?:erence)?|version|attempts?|count|field|column|hashing|reset link|link|url|page|form|prompt|question|format|pattern|regex|example|e\.g\.)(?![a-z])/i;

/** The password word nearest before `start` on its line (at most 80 characters back), and where it ends; null if none. */
function passwordWordBefore(text: string, start: number): { end: number; word: string } | null {
  let lineStart = start;
  while (lineStart > 0 && lineStart > start - 80 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  const before = text.slice(lineStart, start);
  const lower = before.toLowerCase();
  let best: { end: number; word: string } | null = null;
  for (const m of before.matchAll(/[\p{L}\p{M}]+/gu)) {
    if (isPasswordWord(m[0])) best = { end: lineStart + m.index + m[0].length, word: m[0] };
  }
  for (const phrase of MULTI_WORD_PASSWORDS) {
    const at = lower.lastIndexOf(phrase);
    if (at >= 0 && (!best || lineStart + at + phrase.length > best.end)) best = { end: lineStart + at + phrase.length, word: phrase };
  }
  return best;
}

/** How a bare "pass" gives its value: a colon, '=', an arrow, or "is"/"was" right before it. */
const PASS_LINK = /(?:(?:^|[ \t])(?:is|was)|[:=→]|->)[ \t]*["'“‘«(]?$/;

/** Values that are something else: a URL, an email address, a path, a date or time, a version, a hash, a ticket id. */
function isOtherValue(value: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]{1,20}:\/\//i.test(value) ||
    /^www\./i.test(value) ||
    /^[^@\s]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/.test(value) ||
    /^(?:\/|\.\.?\/|~\/|[A-Za-z]:\\)/.test(value) ||
    /^[\d:./-]+(?:am|pm|h|z|utc)?$/i.test(value) ||
    /^\d{4}-\d{2}-\d{2}t/i.test(value) ||
    /^v?\d+(?:\.\d+){1,3}(?:-[a-z0-9.]+)?$/i.test(value) ||
    /^(?:[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{64}|[a-f0-9]{128})$/i.test(value) ||
    /^[A-Z]{2,8}-\d{2,}$/.test(value) ||
    /^\+?\d[\d\s().-]{6,}$/.test(value) ||
    /^--?[A-Za-z][A-Za-z-]*$/.test(value) ||
    // Code, not a value: a call or member access ("reader.readStringNT()"), a camelCase identifier ("withFileTypes").
    /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\(/.test(value) ||
    /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+,?$/.test(value) ||
    // A template expression or escaped pattern: "${a.get(", "#{user.pw}", "\\d{4}".
    /^(?:\$\{|#\{|\{\{|%\()|\\[dswbDSWB]/.test(value) ||
    /^(?:[A-Z]{1,5}|[a-z]+|[A-Z][a-z]+)(?:[A-Z][a-z]+)+$/.test(value)
  );
}


/** A prose value after a password word: password-shaped, not a reference or placeholder, not another kind of value, nothing about the password in between. */
function prosePasswordValid({ value, text, start }: Candidate): boolean {
  if (refusedSecretValue(value) || isOtherValue(value) || !passwordShaped(value)) return false;
  const cue = passwordWordBefore(text, start);
  if (!cue || start - cue.end > MAX_GAP + 8) return false;
  // "pass" is a verb as often as a password ("pass the flag to node-gyp"): only with a link that
  // gives it a value ("pass: …", "the pass for the vpn is …"), and never a ticket ("boarding pass").
  if (cue.word.toLowerCase() === 'pass' && (ticketPassBefore(text, cue.end + 1) || !PASS_LINK.test(text.slice(cue.end, start)))) return false;
  // The password word inside a URL or a user:pass pair ("mongodb://user:password@host:27017/db",
  // "--user user:pass --digest") is a template or a flag's argument, not prose about a password.
  let tokenStart = cue.end - cue.word.length;
  while (tokenStart > 0 && !/\s/.test(text[tokenStart - 1]!)) tokenStart--;
  if (/[:@/]/.test(text.slice(tokenStart, cue.end - cue.word.length))) return false;
  const gap = text.slice(cue.end, start);
  // Structure between the word and the value is data, not a sentence: '"PW":["680","01[12]",…'.
  if (/[[\]{}]/.test(gap) || (gap.match(/["']/g)?.length ?? 0) > 2) return false;
  return !gap.includes('://') && !METADATA_WORDS.test(gap);
}

/**
 * A login given as a pair after a credentials word: "creds: admin / Hq7!mZ2x", "login is
 * deploy:Hq7!mZ2x", "credentials for the NAS are admin | Hq7!mZ2x". The user is a short token, the
 * separator a slash, colon or bar; the password is the second half.
 */
const CREDENTIAL_WORDS: readonly string[] = ['creds', 'credentials', 'login', 'logon', 'log-in', 'sign-in'];
const ARE_IS = `(?:${anyCase('are')}|${anyCase('is')})`;
const CREDENTIAL_PAIR = new RegExp(
  String.raw`(?<![A-Za-z0-9_])(?:${CREDENTIAL_WORDS.map(anyCase).join('|')})(?![A-Za-z0-9_])(?:[ \t]+(?:${ARE_IS}|=|:)|[ \t]*[:=]|[ \t]+${anyCase('for')}[ \t][^\n]{1,32}?[ \t]${ARE_IS}[ \t]*:?)?[ \t]*["'“‘]?[^\s/:|"'“”]{1,40}[ \t]*[/:|][ \t]*["'“‘]?${VALUE_SHAPE}(${VALUE_CHAR}{6,64})`,
  'dg',
);

/** The second half of a credentials pair: password-shaped, and not a URL, path, time or placeholder. */
function credentialPairValid({ value }: Candidate): boolean {
  return !refusedSecretValue(value) && !isOtherValue(value) && !value.startsWith('/') && passwordShaped(value);
}

/**
 * The value told before the password word: "Tr0ub4dor&3 is the new password", "use Hq7!mZ2x as
 * the password". Anchored on the phrase; the match starts up to 64 characters before it.
 */
const VALUE_FIRST_PHRASES: readonly string[] = ['is the password', 'is the new password', 'is my password', 'is your password', 'is our password', 'is the pw', 'is my pw', 'as the password', 'as password', 'as your password', 'as the new password', 'as the pw'];
const VALUE_FIRST = new RegExp(
  String.raw`(?<![^\s"'“‘(])${VALUE_SHAPE}(${VALUE_CHAR}{6,64})["'”’)]?[ \t]{1,3}(?:${anyCase('is')}|${anyCase('as')})[ \t]+(?:(?:${['the', 'my', 'your', 'our'].map(anyCase).join('|')})[ \t]+)?(?:${anyCase('new')}[ \t]+)?(?:${anyCase('password')}|${anyCase('pw')})(?![A-Za-z])`,
  'dg',
);

/** A value before "is the password" / "as the password": password-shaped, not a reference, placeholder or other value. */
function valueFirstValid({ value }: Candidate): boolean {
  return !refusedSecretValue(value) && !isOtherValue(value) && passwordShaped(value);
}

export const PROSE_SECRET_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.generic_secret.value_before_password_word',
    anchor: { literals: VALUE_FIRST_PHRASES, window: [-68, -7] },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Passwords told before the password word: "Tr0ub4dor&3 is the new password", "use … as the password"',
    pattern: VALUE_FIRST,
    group: 1,
    keywords: VALUE_FIRST_PHRASES,
    keywordsCaseInsensitive: true,
    validator: valueFirstValid,
    score: 0.86,
    examples: ['Tr0ub4dor&3 is the new password for the kiosk', 'use Hq7!mZ2xLp as the password'],
  },
  {
    id: 'tier1.generic_secret.credential_pair',
    anchor: { literals: CREDENTIAL_WORDS, notAfter: 'A-Za-z0-9_' },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Passwords given as the second half of a login pair after a credentials word: "creds: admin / …", "login is deploy:…"',
    pattern: CREDENTIAL_PAIR,
    group: 1,
    keywords: CREDENTIAL_WORDS,
    keywordsCaseInsensitive: true,
    resolveEnd: withoutClosingPunctuation,
    validator: credentialPairValid,
    score: 0.86,
    examples: ['creds: admin / Hq7!mZ2xLp', 'the login for the router is admin:Rt5#kW9q'],
  },
  {
    id: 'tier1.generic_secret.prose_password',
    anchor: { literals: PASSWORD_WORD_STARTS, notAfter: 'A-Za-z0-9_' },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Passwords told in prose or chat in several languages: "my password is …", "pw: …", "das Passwort lautet …", "la contraseña es …", "a senha é …"',
    pattern: PROSE_PASSWORD,
    group: 1,
    keywords: PASSWORD_WORD_STARTS,
    keywordsCaseInsensitive: true,
    resolveEnd: withoutClosingPunctuation,
    validator: prosePasswordValid,
    score: 0.86,
    examples: ['my password is Tr0ub4dor&3.', 'new pw: Kx7#mQ2v', 'das Passwort lautet Sonne2024!'],
  },
];
