/**
 * PERSON in @-mentions made of a person's name: "@shirin.karimi", "@bjørn", "@ana_lima". A handle
 * names its owner the way a name does when its parts are a given name and a surname, so it is
 * redacted like one; a handle that is no name ("@alexwlchan", "@nytimes", "@here", "@types/node",
 * "@Override") is left alone, as public social-media corpora (WNUT-17) label only some of them.
 * Rule: the first part is a listed given name that is no ordinary word; any further parts (after
 * "." "_" or "-") are listed names or shaped like surnames; decorators, package scopes, hosts and
 * email addresses never match.
 */
import type { Candidate, Detector } from '../detector.js';
import { isBlockedToken, isFirstName, isKnownName, isOrdinaryWord, isPlaceName, isUnlistedNameShape } from './name-lexicon.js';
import { CHAT_WORDS } from './name-context-words.js';

/** Handle words that are roles, groups, bots or code annotations, whatever the name lists say. */
const NOT_A_PERSON: ReadonlySet<string> = new Set(
  'here channel everyone all team admin admins root bot dependabot renovate github gitlab jenkins support help info sales ops devops oncall on-call security legal finance hr param return returns type types throws see since deprecated override author example media import keyframes apply extend mixin include test before after autowired component service bean entity inject input output value data getter setter builder property staticmethod classmethod dataclass pytest app router mock patch'.split(' '),
);

const titleCase = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

/** Whether one part of a handle may be a surname: listed, or name-shaped and no ordinary word or place. */
function surnamePart(part: string): boolean {
  const name = titleCase(part);
  if (part.length < 2 || isBlockedToken(name) || isOrdinaryWord(name) || isPlaceName(name)) return false;
  return isKnownName(name) || (part.length >= 3 && isUnlistedNameShape(name));
}

/**
 * A handle whose parts are a given name and optional surnames, not followed by what makes it code or a host.
 * @example
 * handleNameValid({ value: 'shirin.karimi', text: 'ping @shirin.karimi re: access', start: 6, end: 19 }); // 0.82
 * handleNameValid({ value: 'nytimes', text: 'via @nytimes', start: 5, end: 12 }); // false
 */
export function handleNameValid({ value, text, start, end }: Candidate): boolean | number {
  // "@app.route(", "@types/node", "@host:5432": code, a package scope or a host.
  const next = text.charCodeAt(end);
  if (next === 40 /* ( */ || next === 47 /* / */ || (next === 58 /* : */ && /^:\d/.test(text.slice(end, end + 2)))) return false;
  // "@Override" alone on its line is an annotation.
  if (/(?:^|\n)[ \t]*@$/.test(text.slice(Math.max(0, start - 40), start)) && /^[ \t]*(?:\r?\n|$)/.test(text.slice(end, end + 4))) return false;
  const parts = value.split(/[._-]/);
  const given = parts[0]!;
  if (parts.length > 3 || NOT_A_PERSON.has(value.toLowerCase()) || NOT_A_PERSON.has(given.toLowerCase()) || CHAT_WORDS.has(given.toLowerCase())) return false;
  const first = titleCase(given);
  if (given.length < 3 || !isFirstName(first) || isOrdinaryWord(first) || isBlockedToken(first) || isPlaceName(first)) return false;
  return parts.slice(1).every(surnamePart) ? 0.82 : false;
}

export const HANDLE_PERSON_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.person.handle',
    anchor: { literals: ['@'], notAfter: 'A-Za-z0-9_.@/+-' },
    type: 'PERSON',
    description: 'An @-mention made of a person\'s name ("@shirin.karimi", "@bjørn"); the "@" stays outside the span',
    pattern: new RegExp(String.raw`(?<![\p{L}\p{N}_.@/+-])@(\p{L}+(?:[._-]\p{L}+){0,2})(?![\p{L}\p{N}_@]|[.-][\p{L}\p{N}])`, 'dgu'),
    group: 1,
    validator: handleNameValid,
    score: 0.82,
    examples: ['ping @shirin.karimi re: access review'],
  },
];
