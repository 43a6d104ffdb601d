/**
 * Speakers of a transcript or dialogue: "Kalman: "Who are you?"\nJordan: "I'm Mary's daughter"".
 * One line that opens with "Word:" says little (mail headers and forms open lines the same way:
 * "Subject:", "Carrier:"), but two turns close together, each opened by a name-like word and
 * followed by speech, make both words speakers, so a rare or place-like given name counts there
 * ("Sofia: What a wife.\nEva: Remember me"). Text pasted from JSON or logs writes its line breaks
 * as a literal backslash-n, which counts as a line break here. Every look is bounded.
 */
import { isBlockedToken, isGivenName, isKnownName, isOrdinaryWord, isUnlistedNameShape } from './name-lexicon.js';

/** How far (characters) another turn may be from this one. */
const TURN_DISTANCE = 240;

/** After the speaker: the colon, optional space, an optional (escaped) quote, a capital. */
const SPEECH_OPENS = /^:[ \t]?\\?["“]?\p{Lu}/u;

/** A line opened by a speaker word: at a line start or after a literal "\n" (JSON-escaped text). */
const TURN = /(?:^|\n|\\n)[ \t]*(\p{Lu}[\p{L}'’-]{1,24}):[ \t]?\\?["“]?\p{Lu}/gu;

/** The text of the line before `start`, a literal "\n" ending a line too (at most 40 characters). */
export function lineBeforeAt(text: string, start: number): string {
  const window = text.slice(Math.max(0, start - 40), start);
  const escaped = window.lastIndexOf('\\n');
  return window.slice(Math.max(window.lastIndexOf('\n') + 1, escaped === -1 ? 0 : escaped + 2));
}

/** Endings of role and field nouns that no list holds ("Requester", "Assignee", "Co-signer", "Birthdate"). */
const ROLE_NOUN = /(?:er|or|ee|ant|ent|ist|ion|ity|ness|date|ship|ment|ing)$/;

/** A listed given name (a place too: "Sofia", "Santiago"), never an ordinary or heading word. */
const givenSpeaker = (word: string): boolean => !isBlockedToken(word) && !isOrdinaryWord(word) && isGivenName(word);
/** A listed given name, or a rare name-shaped word that is no role or field noun. */
const speakerWord = (word: string): boolean => givenSpeaker(word) || (!isBlockedToken(word) && !isOrdinaryWord(word) && !ROLE_NOUN.test(word) && (isKnownName(word) || isUnlistedNameShape(word)));

/**
 * Whether [start, end) opens a turn of a dialogue whose neighbouring turn is also opened by a name.
 * @example
 * speakerTurnAt('Sofia: What a wife.\nEva: Remember me', 0, 5); // true
 */
export function speakerTurnAt(text: string, start: number, end: number): boolean {
  if (!/^[ \t>]*$/.test(lineBeforeAt(text, start)) || !SPEECH_OPENS.test(text.slice(end, end + 4))) return false;
  if (!speakerWord(text.slice(start, end))) return false;
  const from = Math.max(0, start - TURN_DISTANCE);
  const window = text.slice(from, Math.min(text.length, end + TURN_DISTANCE));
  TURN.lastIndex = 0;
  for (let m = TURN.exec(window); m; m = TURN.exec(window)) {
    const wordStart = from + m.index + m[0].indexOf(m[1]!);
    // One of the two speakers at least must be a listed given name: "Requester:" and "Assignee:" are fields.
    if (wordStart !== start && (givenSpeaker(m[1]!) ? speakerWord(m[1]!) : speakerWord(m[1]!) && givenSpeaker(text.slice(start, end)))) return true;
  }
  return false;
}
