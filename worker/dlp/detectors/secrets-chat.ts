/**
 * Passwords given in chat: a reply to a line that asked for one ("can u send me the staging pw" /
 * "[16:42] Ana: its tiger7794! dont share lol"). The reply carries the value after "its", "it's",
 * "it is" or "pw is"; the asking line (context/asked.ts) carries the password word, so ordinary
 * replies ("its fine", "it's 10:30") under ordinary questions are never read as passwords.
 */
import type { Candidate, Detector } from '../detector.js';
import { characterClasses, shannonEntropy } from '../validators.js';
import { answersQuestion } from './context/asked.js';
import { refusedSecretValue } from './secret-values.js';

/** The line before asked for a password or login. */
const ASKS_PASSWORD = /(?:^|[^a-z])(?:pw|pwd|password|passwd|pass|passcode|passphrase|creds|credentials|login)s?(?![a-z])/;

/** A value that reads as a password: letters with digits or symbols (or long and mixed case), not a time, date or amount. */
function passwordShaped(value: string): boolean {
  if (refusedSecretValue(value)) return false;
  if (!/[A-Za-z].*[A-Za-z]/.test(value) || /^[\d:./-]+(?:am|pm|h)?$/i.test(value)) return false;
  const classes = characterClasses(value);
  return (classes >= 2 && /[^A-Za-z]/.test(value)) || (value.length >= 12 && classes >= 2 && shannonEntropy(value) >= 3);
}

function chatPasswordValid(candidate: Candidate): boolean {
  const value = candidate.value.replace(/[.,;]$/, '');
  return passwordShaped(value) && answersQuestion(candidate.text, candidate.start, (question) => ASKS_PASSWORD.test(question));
}

export const CHAT_SECRET_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.generic_secret.chat_reply',
    anchor: { literals: ['its ', "it's ", 'it’s ', 'it is ', 'pw is ', 'password is '], notAfter: 'A-Za-z0-9_' },
    type: 'GENERIC_SECRET',
    secret: true,
    description: 'Passwords given in a chat reply ("its tiger7794!") to a line that asked for a password or login',
    pattern: /(?<![A-Za-z0-9_])(?:its|it's|it’s|it is|pw is|password is)[ \t]+(\S{6,64})(?!\S)/dgi,
    group: 1,
    keywords: ['pw', 'pwd', 'password', 'passwd', 'pass', 'passcode', 'passphrase', 'creds', 'credentials', 'login'],
    keywordsCaseInsensitive: true,
    validator: chatPasswordValid,
    score: 0.85,
    examples: ['Ops: can u send me the staging pw\nAna: its tiger7794! dont share'],
  },
];
