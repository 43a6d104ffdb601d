/**
 * Words that name a password in prose, in several languages, and the check that a written word is
 * one of them (typos included: "pasword", "passowrd", "paswsord"). Data for the prose password
 * detector (secrets-prose.ts). The lists are the ordinary dictionary words for "password" in each
 * language, written for this project (no outside source).
 */

import { HOMOGLYPHS } from '../confusables.js';

/** A word as the scanner sees it: Cyrillic and Greek look-alike letters folded to Latin (normalize.ts), so "пароль" is "пapoль". */
const scanned = (word: string): string => [...word].map((c) => HOMOGLYPHS.get(c) ?? c).join('');

/**
 * Lowercase stems a password word starts with: the scanner tries the prose pattern only at these
 * (anchor literals). Covers English typos too ("pasword" under "pas", "pssword" under "pssw").
 */
export const PASSWORD_WORD_STARTS: readonly string[] = [
  'pass', 'pasw', 'pssw', 'pwd', 'pw', 'psw', 'kennwort', 'contrase', 'clave', 'mot de passe', 'mdp', 'senha', 'wachtwoord',
  'hasło', 'haslo', 'parol', 'lösenord', 'losenord', 'adgangskode', 'salasana', 'jelsz', 'heslo', 'şifre', 'sifre',
  'lozinka', 'geslo', 'пароль', 'パスワード', '密码', '密碼', '비밀번호', 'mật khẩu', 'mat khau', 'kata sandi',
].map(scanned);

/** Whole words (lowercased) that name a password, with their common inflections. */
const PASSWORD_WORDS = new Set(
  `password passwords pass passwd pwd pw psw passcode passcodes passphrase passphrases
  passwort passworts passwortes kennwort kennworts contraseña contraseñas contrasena contrasenas mdp senha senhas
  wachtwoord wachtwoorden hasło hasła haslo hasla parola parolă parole parolei lösenord lösenordet losenord losenordet
  adgangskode adgangskoden passord passordet salasana salasanan salasanasi jelszó jelszó jelszava jelszo heslo hesla
  clave claves şifre şifren şifrem şifreniz şifresi sifre sifren sifrem sifreniz sifresi lozinka lozinku geslo пароль пароля паролем`.split(/\s+/).map(scanned),
);

/** Scripts written without spaces: the word may run straight into its particle (パスワードは, 密码是, 비밀번호는). */
const UNSPACED_WORDS: readonly string[] = ['パスワード', '密码', '密碼', '비밀번호'];

/** Multi-word names, matched at the end of the text before the value's link word. */
export const MULTI_WORD_PASSWORDS: readonly string[] = ['mot de passe', 'mots de passe', 'mật khẩu', 'mat khau', 'kata sandi'];

/** English spellings a typo is measured against. */
const TYPO_TARGETS: readonly string[] = ['password', 'passwords', 'passcode', 'passphrase'];

/** Whether `a` and `b` differ by at most one insertion, deletion, substitution or swap of neighbours. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  const restA = a.slice(i + 1);
  const restB = b.slice(i + 1);
  if (a.length === b.length) return restA === restB || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Whether a written word (any case) names a password: a dictionary word above, a word of an
 * unspaced script starting with one, or an English spelling one typo away ("passowrd"), but not
 * other words one typo from "pass" (passport, passenger and passage are two or more away).
 * @example
 * isPasswordWord('Pasword'); // true
 * isPasswordWord('passport'); // false
 */
export function isPasswordWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (PASSWORD_WORDS.has(lower)) return true;
  if (UNSPACED_WORDS.some((w) => lower.startsWith(w))) return true;
  return lower.length >= 6 && TYPO_TARGETS.some((target) => withinOneEdit(lower, target));
}

/** "pass" as a ticket or permit, not a password: "boarding pass is AB12CD", "guest pass: GP-2291". */
const TICKET_PASS = /(?<![a-z])(?:boarding|bus|train|rail|transit|travel|metro|day|season|hall|gate|visitor|guest|parking|ski|museum|backstage|press|event|festival|gym|annual|weekly|monthly|free|mountain|e|mobile|wallet|hall|access|security|vip)[ \t-]+pass(?:es)?(?![a-z])/i;

/**
 * Whether the text shortly before `start` calls a ticket or permit a "pass".
 * @example
 * ticketPassBefore('boarding pass is AB12CD', 17); // true
 */
export function ticketPassBefore(text: string, start: number): boolean {
  return TICKET_PASS.test(text.slice(Math.max(0, start - 48), start));
}
