/**
 * PERSON in text that does not capitalise names: lowercase chat ("talked to maria yesterday",
 * "hi dana") and ALL-CAPS forms and headers ("PATIENT: JOHN SMITH", `"last_name": "OKONKWO"`).
 * Capitals say nothing there, so each pattern starts at a cue word (a greeting, a verb that takes a
 * person, a field label) and the validators look the title-cased tokens up in the name lists.
 * Lowercase words that are also names ("will", "may", "mark", "bill", "grace") are ordinary English
 * words in word-data.ts and never count; a weak cue ("talked to") takes only a common given name.
 */
import type { Candidate, Detector } from '../detector.js';
import { isBlockedToken, isCommonGivenName, isDistinctName, isFirstName, isKnownName, isOrdinaryWord, isPlaceName, isSurname, isUnlistedNameShape } from './name-lexicon.js';
import { CHAT_WORDS, LOWERCASE_WORD_NAMES } from './name-context-words.js';

/** Both cases of a cue's first letter: "hi" and "Hi" ("Thanks maria"), the rest as written. */
const eitherCase = (cue: string): string => `[${cue[0]!.toUpperCase()}${cue[0]}]${cue.slice(1).replace(/[.]/g, '\\.')}`;

/** Cues after which a listed name is a person: greetings, introductions, titles, name fields. */
const STRONG_CUES = ['hi', 'hey', 'hello', 'hiya', 'dear', 'thanks', 'thank you', 'thx', 'cheers', 'bye', 'my name is', 'name is', 'call me', "i'm", 'im', 'i am', 'this is', "it's", '—', 'named him', 'named her', 'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'name:', 'user:'];
/** Verbs that take a person, but in lowercase chat also products and places: only common given names after them. */
const WEAK_CUES = ['talked to', 'talking to', 'spoke to', 'spoke with', 'speak to', 'speak with', 'talk to', 'met with', 'meeting with', 'call with', 'chat with', 'sync with', 'lunch with', 'ask', 'asked', 'tell', 'told', 'ping', 'pinged', 'cc', 'cc:', 'said', 'says', 'according to', 'thanks to', 'loop in', 'assigned to', 'omg', 'yo'];
const CUE = [...STRONG_CUES, ...WEAK_CUES].sort((a, b) => b.length - a.length).map(eitherCase).join('|');
const STRONG_CUE_BEFORE = new RegExp(`(?:^|[^\\p{L}\\p{N}_])(?:${STRONG_CUES.map(eitherCase).join('|')})[ ,]{1,2}$`, 'u');

const LOWER_TOKEN = String.raw`\p{Ll}{2,}(?:['’-]\p{Ll}{2,})?`;
const AFTER = String.raw`(?![\p{L}\p{N}_@-])`;

const titleCase = (token: string): string => token.charAt(0).toUpperCase() + token.slice(1).toLowerCase();

/** Whether a strong cue (greeting, introduction, title, name field) stands right before the candidate. */
const strongCueBefore = ({ text, start }: Candidate): boolean => STRONG_CUE_BEFORE.test(text.slice(Math.max(0, start - 14), start));

/** A lowercase token that reads as a given name: listed, no ordinary English word, no place, no heading word. */
function lowercaseGivenName(token: string, strong: boolean): boolean {
  const name = titleCase(token);
  if (isOrdinaryWord(name) || isBlockedToken(name) || isPlaceName(name) || !isFirstName(name)) return false;
  // "tell mark the build is green": a name that is also an everyday word needs a greeting or an introduction.
  if (!strong && LOWERCASE_WORD_NAMES.has(token)) return false;
  return strong || isCommonGivenName(name);
}

/** "hi dana mitchell", "talked to maria lopez": a given name and a surname. */
function lowercaseFullNameValid(candidate: Candidate): boolean | number {
  const [first, last] = candidate.value.split(' ') as [string, string];
  const strong = strongCueBefore(candidate);
  if (!lowercaseGivenName(first, strong)) return false;
  const surname = titleCase(last);
  if (isOrdinaryWord(surname) || isBlockedToken(surname) || isPlaceName(surname)) return false;
  return isSurname(surname) || (strong && isUnlistedNameShape(surname)) ? 0.86 : false;
}

/** After an unlisted name in chat: the line or sentence ends, or a verb of the name's owner follows ("hey giorgos got a new number"). */
const UNLISTED_NAME_AFTER = /^(?:[ \t]*(?:[\n.,!?:)]|$)| (?:is|was|has|got|will|said|says|here)\b)/;

/**
 * "hi i'm jianhua", "hey tesfaye got a new number": after a greeting or an introduction, a lowercase
 * word that no list holds and no dictionary knows, shaped like a name (four letters or more, no chat
 * word such as "gonna" or "lmao"), that ends the line or is followed by its verb.
 */
function unlistedAfterStrongCue(candidate: Candidate): boolean {
  const { value, text, start, end } = candidate;
  if (value.length < 4 || CHAT_WORDS.has(value) || LOWERCASE_WORD_NAMES.has(value) || !UNLISTED_NAME_SHAPE.test(value)) return false;
  if (!UNLISTED_NAME_AFTER.test(text.slice(end, end + 8))) return false;
  const name = titleCase(value);
  if (!isUnlistedNameShape(name) || isBlockedToken(name) || inflectedWord(value)) return false;
  return ADDRESS_CUE_BEFORE.test(text.slice(Math.max(0, start - 14), start));
}

/** Letters only; a hyphen only between two romanised syllables ("dong-hyun", not "billing-env"). */
const UNLISTED_NAME_SHAPE = /^(?:\p{Ll}+|\p{Ll}{1,5}-\p{Ll}{1,5})$/u;
/** Greetings and introductions, or a dash signature after a sentence ("Escalating to billing. — wiremu"); a field label ("name: notifier") names services and keys as often as people. */
const ADDRESS_CUE_BEFORE = /(?:^|[^\p{L}\p{N}_])(?:[Hh]i|[Hh]ey|[Hh]ello|[Hh]iya|[Dd]ear|[Tt]hanks|[Tt]hx|[Cc]heers|[Bb]ye|[Nn]ame is|[Cc]all me|[Ii]'m|[Ii]m|[Ii] am|[Tt]his is|[Ii]t's)[ ,]{1,2}$|[.!?] [—–] $/u;
/** "songwriters", "trending", "booked": an ordinary word with an ending the word list does not hold. */
function inflectedWord(token: string): boolean {
  const ending = /(?:ies|es|s|ed|ing|ers|er|ly)$/.exec(token);
  if (!ending) return false;
  const stem = token.slice(0, ending.index);
  return [stem, `${stem}e`, `${stem}y`].some((w) => w.length > 2 && isOrdinaryWord(titleCase(w)));
}

/** "talked to maria yesterday", "thanks priya": one given name. */
function lowercaseSingleValid(candidate: Candidate): boolean | number {
  if (lowercaseGivenName(candidate.value, strongCueBefore(candidate))) return 0.8;
  if (unlistedAfterStrongCue(candidate)) return 0.76;
  // "also tell osborne the wifi pw": chat writes surnames in lowercase too; a distinct listed surname only.
  const name = titleCase(candidate.value);
  return isSurname(name) && isDistinctName(name) && !LOWERCASE_WORD_NAMES.has(candidate.value) && !isOrdinaryWord(name) && !isBlockedToken(name) && !isPlaceName(name) ? 0.78 : false;
}

/** Field labels and keys whose value is a person's name. */
const NAME_LABELS = ['name', 'manager', 'requester', 'requested by', 'reporter', 'assignee', 'assigned to', 'approved by', 'prepared by', 'bill to', 'ship to', 'sold to', 'attention', 'agent', 'owner', 'maiden name', 'traveler', 'traveller', 'full name', 'full_name', 'fullname', 'first name', 'first_name', 'firstname', 'last name', 'last_name', 'lastname', 'surname', 'given name', 'family name', 'patient', 'patient name', 'customer', 'customer name', 'client', 'client name', 'employee', 'employee name', 'insured', 'member', 'member name', 'cardholder', 'card holder', 'account holder', 'applicant', 'beneficiary', 'guardian', 'subscriber', 'guarantor', 'emergency contact', 'contact', 'attn', 'physician', 'doctor', 'spouse', 'signed', 'signature', 'recipient', 'sender', 'passenger', 'driver'];
/** A label in any case ("NAME", "Name", "name"); the value after it is upper case. */
const caseless = (label: string): string => [...label].map((c) => (/[a-z]/.test(c) ? `[${c.toUpperCase()}${c}]` : c === ' ' ? '[ _]' : c)).join('');
const LABEL = NAME_LABELS.filter((l) => !l.includes('_')).sort((a, b) => b.length - a.length).map(caseless).join('|');
const CAPS_TOKEN = String.raw`\p{Lu}{2,}(?:['’-]\p{Lu}{2,})?`;

/** "JOHN SMITH", "SMITH, JOHN", "MARIA DE LA CRUZ" after a name label. */
function capsNameValid({ value }: Candidate): boolean | number {
  const tokens = value.split(/,? /).map(titleCase);
  if (tokens.some(isBlockedToken)) return false;
  const known = tokens.filter((t) => isKnownName(t) && !isOrdinaryWord(t)).length;
  // One listed name that is no ordinary word, the others names or name-shaped: "ACME CORP" and "NOT PROVIDED" fail.
  return known >= 1 && tokens.every((t) => isKnownName(t) || isUnlistedNameShape(t)) ? 0.86 : false;
}

/** The titles and passenger codes after a booking name ("MRS", "ADT") are not part of it. */
const NOT_A_TITLE = String.raw`(?!(?:MR|MRS|MS|MISS|MSTR|DR|PROF|ADT|CHD|INF)\b)`;

/** Particles inside a surname written in capitals: "DE LUCA", "DOS SANTOS", "DE LA FUENTE", "VAN DIJK". */
const SURNAME_PARTICLES: ReadonlySet<string> = new Set(['DE', 'DA', 'DI', 'DO', 'DU', 'DOS', 'DAS', 'DEL', 'DELLA', 'LA', 'LE', 'VAN', 'VON', 'DER', 'DEN', 'TER', 'TEN', 'BIN', 'BINTI', 'AL', 'EL']);
/** A passenger title or type code after the name ("MRS", "ADT"), or a numbered line of a booking before it ("2. "): the place of a passenger name. */
const PASSENGER_CODE_AFTER = /^ (?:MR|MRS|MS|MISS|MSTR|DR|PROF|ADT|CHD|INF)\b/;
const NUMBERED_LINE_BEFORE = /(?:^|\n)[ \t]*\d{1,2}\.[ \t]*$/;

/**
 * "KOBAYASHI/YUI MRS", "VAN DIJK/FEMKE", "DE LA FUENTE/VALENTINA": SURNAME/GIVEN as airline bookings and
 * passports write names. Outside a booking's place one part must be a listed name that is no ordinary word;
 * in it (a passenger code after, a numbered line before) name-shaped parts suffice ("NGATA/WIREMU MS", "LE/THU HA MR").
 */
function airlineNameValid({ value, text, start, end }: Candidate): boolean | number {
  const slash = value.indexOf('/');
  const surname = value.slice(0, slash).split(' ');
  // Particles count only before the surname's last word: "DE LUCA", but "LE" alone is the surname Lê.
  const parts = [...surname.filter((t, i) => i === surname.length - 1 || !SURNAME_PARTICLES.has(t)), ...value.slice(slash + 1).split(' ')];
  const tokens = parts.map(titleCase);
  if (tokens.some(isBlockedToken)) return false;
  const booked = PASSENGER_CODE_AFTER.test(text.slice(end, end + 6)) || NUMBERED_LINE_BEFORE.test(text.slice(Math.max(0, start - 8), start));
  // Parts of three letters or more outside a booking ("AC/DC", "LHR/JFK" fail), every one listed or name-shaped.
  if (!tokens.every((t) => (t.length >= 3 || booked) && (isKnownName(t) || isUnlistedNameShape(t)))) return false;
  if (tokens.some((t) => isKnownName(t) && !isOrdinaryWord(t))) return 0.86;
  return booked ? 0.84 : false;
}

/** "[16:57] bogdan: hey", "- [ ] arnel: ping legal": a lowercase chat speaker or action owner. */
function lowercaseSpeakerValid({ value }: Candidate): boolean | number {
  return lowercaseGivenName(value, true) ? 0.8 : false;
}

export const UNCASED_PERSON_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.person.airline_name',
    anchor: { runs: ['capitals'], notAfter: 'A-Za-z0-9_', second: 'A-Z' },
    type: 'PERSON',
    description: 'SURNAME/GIVEN names as bookings and passports write them ("KOBAYASHI/YUI MRS")',
    pattern: new RegExp(String.raw`(?<![\p{L}\p{N}_])(${CAPS_TOKEN}(?: ${CAPS_TOKEN}){0,2}\/${CAPS_TOKEN}(?: ${NOT_A_TITLE}${CAPS_TOKEN})?)(?![\p{L}\p{N}/])`, 'dgu'),
    group: 1,
    validator: airlineNameValid,
    score: 0.86,
    examples: ['2. KOBAYASHI/YUI MRS'],
  },
  {
    id: 'tier1.person.lowercase_speaker',
    anchor: { literals: ['] '], window: [2, 2] },
    type: 'PERSON',
    description: 'A lowercase given name as a chat speaker after a time stamp or a checkbox ("[16:57] bogdan: hey", "- [ ] arnel: ping legal")',
    pattern: new RegExp(String.raw`(?<=\[\d{1,2}:\d{2}(?::\d{2})?\] |- \[[ x]\] )(${LOWER_TOKEN}):`, 'dgu'),
    group: 1,
    validator: lowercaseSpeakerValid,
    score: 0.8,
    examples: ['[16:57] bogdan: hey'],
  },
  {
    id: 'tier1.person.lowercase_full_name',
    anchor: { literals: [...STRONG_CUES, ...WEAK_CUES], notAfter: 'A-Za-z0-9_' },
    type: 'PERSON',
    description: 'Lowercase given name and surname after a greeting, an introduction or a verb that takes a person ("hi dana mitchell")',
    pattern: new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:${CUE})[ ,]{1,2}(${LOWER_TOKEN} ${LOWER_TOKEN})${AFTER}`, 'dgu'),
    group: 1,
    validator: lowercaseFullNameValid,
    score: 0.86,
    examples: ['talked to maria lopez yesterday'],
  },
  {
    id: 'tier1.person.lowercase_single',
    anchor: { literals: [...STRONG_CUES, ...WEAK_CUES], notAfter: 'A-Za-z0-9_' },
    type: 'PERSON',
    description: 'Lowercase given name after a greeting, an introduction or a verb that takes a person ("talked to maria yesterday")',
    pattern: new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:${CUE})[ ,]{1,2}(${LOWER_TOKEN})${AFTER}`, 'dgu'),
    group: 1,
    validator: lowercaseSingleValid,
    score: 0.8,
    examples: ['talked to maria yesterday'],
  },
  {
    id: 'tier1.person.caps_field',
    anchor: { literals: NAME_LABELS.map((l) => l.split(/[ _]/)[0]!), notAfter: 'A-Za-z0-9' },
    type: 'PERSON',
    description: 'ALL-CAPS names after a name label in forms and headers ("PATIENT: JOHN SMITH", "NAME: SMITH, JOHN")',
    pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${LABEL})["']?[ \t]{0,3}(?:[:=|\t]|\.{3,20})[ \t]{0,3}["']?(${CAPS_TOKEN}(?:,? ${CAPS_TOKEN}){0,3})${AFTER}`, 'dgu'),
    group: 1,
    validator: capsNameValid,
    score: 0.86,
    examples: ['PATIENT: JOHN SMITH'],
  },
];
