/**
 * What the words around a PERSON candidate say: titles, greetings, sign-offs, field labels, chat
 * speaker prefixes, reported speech, CSV name columns, lists of names, and the capitalised words
 * of an organisation, product or place name the candidate sits inside. Every look is bounded to a
 * few dozen characters around the candidate, so the cost per candidate is constant.
 */
import { atSentenceStart, textAfter, textBefore } from './context/nearby.js';
import { nameColumnHeaderAt } from './person-columns.js';
import { inPeopleLine } from './person-native-cues.js';
import { lineBeforeAt, speakerTurnAt } from './person-transcript.js';
import { isCommonGivenName, isDistinctName, isGivenName, isKnownName, isOrdinaryWord, isPlaceName, isUnlistedNameShape } from './name-lexicon.js';
import { NOT_NAME_WORDS, ORGANISATION_WORDS, PLACE_PREFIXES } from './name-context-words.js';

/**
 * How strongly the surroundings say "a person's name is here": `strong` (a title, a `Name:` field,
 * a greeting, a chat speaker), `weak` (reported speech, "with X", a list of other names), `loose`
 * (a verb or preposition after the name that fits people and places alike), `none`.
 */
export type PersonContext = 'strong' | 'weak' | 'loose' | 'none';

/** Titles and honorifics that make the next capitalised word a name. */
const TITLE_BEFORE = /(?:^|[^a-z])(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|madam|mme|mlle|m|herr|frau|sr|sra|srta|sig|sra|dott|dra|sen|rep|capt|sgt|lt|col|rev|fr|hon|judge|officer|detective|nurse|coach|uncle|aunt|auntie|colonel|captain|lieutenant|sergeant|president|senator|governor|mayor|chancellor|inspector|commissioner|ambassador|admiral|commander|brigadier)\.? ?$/;
/** Greetings and thanks directly before a name: "Hi Maria,", "thanks, Chidi". */
const GREETING_BEFORE = /(?:^|[^a-z])(?:hi|hello|hey|dear|hiya|greetings|thanks|thank you|thx|ty|cheers|welcome|morning|good morning|good afternoon|good evening|congrats|congratulations|sorry|ok|okay|bye|ciao|hola|bonjour|hallo|salut|ola|olá|hej|moin|servus|buongiorno|buenos días|bom dia|merhaba|salam|shalom|namaste|selamat pagi|kia ora|sawasdee|estimad[oa]|querid[oa]|prezad[oa]|car[oa]|gentile|gentil[ií]sim[oa]|lieber?|liebe|sehr geehrte[r]?|cher|chère|beste|geachte|kære|hej|drogi|droga|sayın|sevgili)[,!]? {1,2}$/;
/** Sign-offs on the previous line: "Regards,\nMaria Lopez". */
const SIGN_OFF_BEFORE = /(?:regards|best|cheers|thanks|thank you|sincerely|yours|truly|warmly|br|talk soon|speak soon|all the best|kind regards|best wishes|respectfully|saludos|un saludo|atentamente|grüße|grüßen|grüsse|grüssen|cordialement|bien à vous|cumprimentos|atenciosamente|abraços|saluti|cordiali saluti|distinti saluti|groeten|groet|hälsningar|hilsen|pozdrawiam|saygılarımla|-|—|--)[,.!]?[ \t]*\r?\n[ \t]*(?:>[ \t]*)*$/;
/** Field labels and JSON/YAML keys holding a person: `Name:`, `"first_name": "`, `cc:`, `From:`. */
const FIELD_BEFORE = /(?:name|first|given|surname|last|family|cc|bcc|from|to|attn|attention|contact|assignee|assigned to|owner|reporter|reviewer|reported by|author|requester|requested by|agent|rep|representative|manager|supervisor|employee|patient|customer|client|applicant|candidate|cardholder|account holder|beneficiary|guardian|emergency contact|spouse|signed|signature|signed by|approved by|reviewed by|submitted by|prepared by|created by|updated by|caller|user|member|tenant|driver|passenger|guest|student|teacher|doctor|physician|nurse|witness|recipient|sender|host|interviewer|interviewee|speaker|attendees|participants|founders|co-founders|cofounders|guarantor|co-?signer|co-?applicant|next of kin|traveller|traveler|insured|policyholder|subscriber)s?["']?[ \t]*(?:[:=]|=>|\.{3,24})[ \t]*(?:\[[ \t]*)?["']?$/;
/** Verbs and phrases that take a person: "you can reach Bayu", "spoke with Kaori", "my name is Ana". */
const PERSON_VERB_BEFORE = /(?:^|[^a-z])(?:reach|spoke with|speak with|talk to|talked to|ask|tell|ping|loop in|cc'd|name is|my name's|name\?|call me|i am|i'm|this is|escalated by|assigned to|handed to|hand over to|calls me|called me|known as|goes by|aka)[ \t]$|["”],? (?:says|said|asks|asked|adds|added|writes|wrote|notes|noted|explains|explained|recalls|recalled) $/;
/** A relative, friend or colleague named right after the relation: "my kid Elija", "her husband, Tomasz", "named him Ivo". */
const RELATION_BEFORE = /(?:^|[^a-z])(?:(?:my|our|his|her|their|your) (?:kids?|child|children|son|daughter|wife|husband|partner|fianc[eé]e?|girlfriend|boyfriend|mom|mum|mother|dad|father|brother|sister|sibling|friend|best friend|boss|colleague|co-?worker|cousin|uncle|aunt|nephew|niece|grandma|grandpa|grandmother|grandfather|grandson|granddaughter|neighbou?r|roommate|flatmate|landlord|landlady|assistant|lawyer|attorney|therapist|teacher|tutor|nanny|mentor|spouse|stepson|stepdaughter)|(?:named|called|name|christened) (?:him|her|them|it|me|us)|(?:his|her|their|my) name (?:is|was))[,:]? $/;
/** Labels and verbs in prose before a person: "Customer Maria Lopez", "spoke with Kaori", "per Ana". */
const PROSE_BEFORE = /(?:^|[^a-z])(?:customer|client|patient|employee|applicant|candidate|manager|colleague|agent|by|with|ask|tell|ping|loop in|cc'd|cc|per|according to|thanks to|contact|reach|call|email|message|meet|met|introduce|invite|hire|hired|named|called|name is|i am|i'm|this is|me,|add|remove|says|said|asked|replied|wrote|starring|featuring|feat\.|signed by|written by|directed by|shouted at|yelled at|smiled at|waved at|assistant to|married|marry|son of|daughter of|wife of|husband of|friend of|mother of|father of|ex-[a-z]+|the late)[ \t]$/;
/** Speech to someone: "said Carlos to ⟦Mina⟧", "wrote to ⟦Ana⟧", "talking to ⟦Ivo⟧". */
const REPORTED_TO_BEFORE = /(?:^|[^a-z])(?:(?:said|says|whispered|shouted|wrote|replied|explained|complained|mentioned|lied|talked|talking|spoke|speaking|wrote|writing|listen|listening|pointed|turned|went over) (?:[a-z'’-]+ )?to|gave it to|sent it to)[ \t]$/;
/** Keys ending in "name" that hold things other than people. */
const NOT_PERSON_KEY = /(?:user|host|file|path|app|product|company|org|organisation|organization|business|brand|service|project|team|display|screen|device|domain|bucket|table|column|field|db|database|schema|class|module|package|repo|branch|tag|city|country|state|street|region|store|vendor|merchant|bank|plan|model|server|queue|topic|key|role|group|event|item|variable|var|env|node|cluster|container|image|pod|job|task|account)[_ -]?name["']?[ \t]*[:=]/;
/** Verbs after a name in reported speech and narrative: "Okonkwo said", "Maria wrote". */
const SPEECH_AFTER = /^(?: (?:said|says|wrote|writes|asked|asks|told|tells|replied|replies|confirmed|confirms|mentioned|mentions|noted|notes|reported|reports|explained|explains|added|adds|called|calls|emailed|texted|messaged|agreed|approved|requested|requests|stated|states|claims|claimed|thinks|thought|believes|suggested|suggests|recommended|responded|answered|commented|shared|sent|signed|joined|joins|will join|is joining|shouted|smiled|laughed|nodded|lives|lived|works|worked|moved|went|came|arrived|knows|met|visited|were|was born|began|decided|wants|wanted|needs|needed|loves|loved|hates|hated|likes|liked|feels|felt|cried|died|married|retired|resigned|graduated|studied|apologi[sz]ed|promised|insisted|admitted|complained|is (?:a )?very|is so|just has|has given|had given|gave|will be talking|spent|has been under|walked (?:us )?through|flagged|argued|raised|proposed|presented|demoed|volunteered|escalated|pointed out|followed up|took (?:the|an|over)|will (?:own|rotate|follow up|send|share|check|draft|update|book|ping|review|handle|look into|circle back)|to (?:follow up|own|send|share|check|draft|update|book|review|schedule|prepare|investigate|confirm|circulate|reach out|contact|fix|look into|set up|sign off)|dijo|dice|comentó|afirmó|explicó|sagte|meinte|erklärte|a dit|a déclaré|disse|ha detto|zei|zegt|powiedział|powiedziała|dedi)\b|['’]s\b)/;
/** An email address in angle brackets right after the span. */
const DISPLAY_NAME_AFTER = /^ ?<[^\s<>@]{1,32}@/;
/** Words after a name that also follow places and things: "Maria is", "Jordan and". */
const LOOSE_AFTER = /^(?: (?:will|would|can|could|is|was|has|had|and|from|at|in|on)\b| ?[(<]|[,:])/;
/** A chat or transcript line prefix before the speaker: "[13:22] ", "09:41 ", "> ". */
const SPEAKER_PREFIX = /^[ \t>]*(?:\[[^\]\n]{1,25}\][ \t]*|\d{1,2}:\d{2}(?::\d{2})?[ \t]+)$/;
/** Headers of CSV columns that hold people's names. */
const NAME_COLUMN = /^(?:name|full[ _]?name|first[ _]?name|firstname|given[ _]?name|last[ _]?name|lastname|surname|family[ _]?name|middle[ _]?name|contact(?:[ _]?name)?|customer(?:[ _]?name)?|employee(?:[ _]?name)?|patient(?:[ _]?name)?|client(?:[ _]?name)?|owner|assignee|manager|reporter|author|applicant|cardholder|holder|emergency[ _]?contact|spouse|agent|rep)$/;
/** A capitalised word right before or after a candidate, separated by one space. */
const WORD_BEFORE = /(\p{Lu}[\p{L}'’-]*)[ ]$/u;
const WORD_AFTER = /^[ ](\p{Lu}[\p{L}'’-]*)/u;
/** A neighbouring item of a list: "Ros and ⟦Velásquez⟧", "⟦Sanjeewa⟧, Hakobyan and Sousa". */
const LIST_ITEM_BEFORE = /(\p{Lu}[\p{L}'’-]+)(?:,| and| &| y| und| et) $/u;
const LIST_ITEM_AFTER = /^(?:,| and| &| y| und| et) (\p{Lu}[\p{L}'’-]+)/u;

/** A transcript line opened by a speaker: "⟦Tara⟧: Remember me?", "[13:22] ⟦Rizal⟧: ok", "⟦Mika⟧:"Who are you?"". */
function speakerAt(text: string, start: number, end: number): boolean {
  const prefix = lineBeforeAt(text, start);
  if (SPEAKER_PREFIX.test(prefix)) return true;
  // Without a time stamp the line start alone says little ("Notes:", "Carrier:"): only a distinct
  // listed name followed by speech counts, or any name-like word in a dialogue of several turns.
  const value = text.slice(start, end);
  if (/^[ \t>]*$/.test(prefix) && /^:[ ]?\\?["“]?\p{Lu}/u.test(text.slice(end, end + 5)) && isDistinctName(value) && !isPlaceName(value)) return true;
  return speakerTurnAt(text, start, end);
}

/** "Escalating to billing. — ⟦Mariam⟧", "Signed 02/25/2025 — ⟦Ana Lima⟧": a dash, the name, then the line ends. */
function dashSignatureAt(text: string, start: number, end: number): boolean {
  const dash = text.charCodeAt(start - 2);
  if (text.charCodeAt(start - 1) !== 32 || (dash !== 0x2014 && dash !== 0x2013)) return false;
  // After a sentence, a date or at a line start; "PATIENT INTAKE FORM — Tallyhq" is a heading and its organisation.
  const before = text.charCodeAt(start - 3);
  if (!Number.isNaN(before) && before !== 10 && !(text[start - 3] === ' ' && /[.!?0-9]/.test(text[start - 4] ?? ''))) return false;
  const next = text.charCodeAt(end);
  return Number.isNaN(next) || next === 10 || next === 13;
}

/**
 * Direct address: "Remember me, ⟦Hussa⟧?", "Don't go, ⟦Ana⟧!", "⟦Seo-yun⟧, can I please …".
 * @example
 * vocativeAt('Remember me, Hussa?', 13, 18); // true
 */
const VOCATIVE_REQUEST = /^, (?:(?:can|could|would|will|do|did|are|have) (?:you|i|we)\b|please\b)/i;
export function vocativeAt(text: string, start: number, end: number): boolean {
  const next = text.charCodeAt(end);
  if (next === 44 /* , */) return VOCATIVE_REQUEST.test(text.slice(end, end + 16)) && atSentenceStart(text, start);
  return (next === 33 /* ! */ || next === 63 /* ? */) && text.slice(Math.max(0, start - 2), start) === ', ';
}


/**
 * How strongly the surroundings say that [start, end) is a person's name.
 * @example
 * personContext('Manager: Tran', 9, 13); // 'strong'
 * personContext('I spoke with Kaori today', 13, 18); // 'weak'
 */
export function personContext(text: string, start: number, end: number): PersonContext {
  const before = beforeKindAt(text, start);
  if (before === 'title') return 'strong';
  const header = nameColumnHeaderAt(text, start, end);
  if (header !== undefined) return NAME_COLUMN.test(header) ? 'strong' : 'none';
  if (before === 'field') return 'strong';
  if (before === 'not-a-person-field') return 'none';
  if (before === 'greeting') return 'strong';
  if (text.charCodeAt(end) === 58 /* : */ && speakerAt(text, start, end)) return 'strong';
  if (dashSignatureAt(text, start, end)) return 'strong';
  const after = textAfter(text, end, 16);
  if (vocativeAt(text, start, end)) return 'weak';
  if (before === 'prose' || SPEECH_AFTER.test(after)) return 'weak';
  if (inListOfNames(text, start, end)) return 'weak';
  // The display name of an address: "Ana Lima <ana@example.com>", as mail headers and commit authors write it.
  if (DISPLAY_NAME_AFTER.test(text.slice(end, end + 40))) return 'weak';
  // An item of a To/cc or attendees line whose neighbours are not names ("Attendees: Rodrigo, ⟦Y. Xu⟧").
  if (inPeopleLine(text, start)) return 'weak';
  if (LOOSE_AFTER.test(after)) return 'loose';
  return 'none';
}

type BeforeKind = 'title' | 'field' | 'not-a-person-field' | 'greeting' | 'prose' | 'none';

/** The words before a position, classified once per position: the full-name, "Last, First" and single-name detectors all ask about the same starts. */
let beforeCache: { text: string; kinds: Map<number, BeforeKind> } | undefined;

function beforeKindAt(text: string, start: number): BeforeKind {
  if (!beforeCache || beforeCache.text !== text) beforeCache = { text, kinds: new Map() };
  let kind = beforeCache.kinds.get(start);
  if (kind === undefined) {
    kind = classifyBefore(textBefore(text, start, 40));
    beforeCache.kinds.set(start, kind);
  }
  return kind;
}

function classifyBefore(before: string): BeforeKind {
  if (TITLE_BEFORE.test(before)) return 'title';
  if (FIELD_BEFORE.test(before)) return NOT_PERSON_KEY.test(before) ? 'not-a-person-field' : 'field';
  if (GREETING_BEFORE.test(before) || (before.includes('\n') && SIGN_OFF_BEFORE.test(before)) || PERSON_VERB_BEFORE.test(before) || RELATION_BEFORE.test(before)) return 'greeting';
  return PROSE_BEFORE.test(before) || REPORTED_TO_BEFORE.test(before) ? 'prose' : 'none';
}

/** Verbs only people do: "Albuquerque wrote" is a person even though Albuquerque is a city. */
const SPOKE_AFTER = /^ (?:said|says|wrote|writes|asked|asks|told|tells|replied|replies|confirmed|mentioned|noted|explained|added|agreed|stated|emailed|texted|argued|argues|thinks|thought|believes|suggested|suggests|proposed|insisted)\b/;

/**
 * Whether a verb of speaking follows the span.
 * @example
 * followedBySpeechVerb('Albuquerque wrote back', 11); // true
 */
export function followedBySpeechVerb(text: string, end: number): boolean {
  return SPOKE_AFTER.test(text.slice(end, end + 16));
}

/** A bullet at a line start: "- ", "* ", "• " (a headline's "Lockheed says" opens no minutes). */
const LINE_START_BEFORE = /(?:^|\n)[ \t]*[-*•][ \t]+$/;

/**
 * Whether the span opens a bullet item and a verb of speaking follows: "- Oikonomou said
 * the contract…", minutes and notes naming a person by surname alone.
 * @example
 * speakerOpensBullet('Notes\n- Wongsawat argued the point', 8, 17); // true
 */
export function speakerOpensBullet(text: string, start: number, end: number): boolean {
  return followedBySpeechVerb(text, end) && LINE_START_BEFORE.test(text.slice(Math.max(0, start - 8), start));
}

/** Whether the candidate is an item of a list whose neighbouring item is a given name ("Davis, Reynolds and Williamson" is a firm). */
function inListOfNames(text: string, start: number, end: number): boolean {
  const before = LIST_ITEM_BEFORE.exec(text.slice(Math.max(0, start - 30), start));
  if (before && neighbourIsName(before)) return true;
  const after = LIST_ITEM_AFTER.exec(text.slice(end, end + 30));
  return !!after && neighbourIsName(after);
}

/** Two items of a list after the candidate, or two before it: "⟦Saidali⟧, Elizabeth, Michael", "Mateo, Boris, ⟦Lethokuhle⟧". */
const TWO_ITEMS_AFTER = /^(?:,| and) (\p{Lu}[\p{L}'’-]+)(?:,| and) (\p{Lu}[\p{L}'’-]+)/u;
const TWO_ITEMS_BEFORE = /(\p{Lu}[\p{L}'’-]+), (\p{Lu}[\p{L}'’-]+),? (?:and )?$/u;

/**
 * Whether the candidate sits among listed names: its two neighbouring items, or the two items on
 * one side of it, are known names. A list of people takes a rare name ("James, Maryam, ⟦Beshoi⟧, Luca").
 * @example
 * amongListedNames('They had 6: James, Maryam, Beshoi, Luca and Noah.', 27, 33); // true
 */
export function amongListedNames(text: string, start: number, end: number): boolean {
  const before = LIST_ITEM_BEFORE.exec(text.slice(Math.max(0, start - 30), start));
  const after = LIST_ITEM_AFTER.exec(text.slice(end, end + 30));
  if (before && after) return isKnownName(before[1]!) && isKnownName(after[1]!);
  const pair = after ? TWO_ITEMS_AFTER.exec(text.slice(end, end + 60)) : before ? TWO_ITEMS_BEFORE.exec(text.slice(Math.max(0, start - 60), start)) : null;
  return !!pair && isKnownName(pair[1]!) && isKnownName(pair[2]!);
}

/** A given name in any list; any distinct listed name across a plain "and" ("Morales and Ramos were"). */
const neighbourIsName = (match: RegExpExecArray): boolean => isGivenName(match[1]!) || (/ and /.test(match[0]) && isDistinctName(match[1]!) && !isPlaceName(match[1]!));


/** A word that may stand capitalised before a name without being part of another proper noun. */
const mayPrecedeName = (word: string, text: string, wordStart: number): boolean =>
  !PLACE_PREFIXES.has(word) && (NOT_NAME_WORDS.has(word) || (atSentenceStart(text, wordStart) && isOrdinaryWord(word)));

/**
 * Whether a single capitalised token is one word of a longer proper noun that is not a person's
 * name: "Credit ⟦Karma⟧", "Lake ⟦Geneva⟧", "New ⟦Zealand⟧", "⟦Okta⟧ Verify", "⟦Leggett⟧ & Platt".
 * @example
 * insideOtherProperNoun('Lake Geneva', 5, 11); // true
 * insideOtherProperNoun('Hi Maria', 3, 8); // false
 */
export function insideOtherProperNoun(text: string, start: number, end: number): boolean {
  const value = text.slice(start, end);
  const next = WORD_AFTER.exec(text.slice(end, end + 30));
  // Any capitalised word right after it: had the pair been a person, the full-name reading would have taken it.
  if (next) return true;
  // "St. ⟦Petersburg⟧", "Mt. ⟦Vernon⟧": an abbreviated place prefix.
  if (/(?:^|[^\p{L}])(?:St|Ste|Mt|Ft|Pt)\. $/u.test(text.slice(Math.max(0, start - 6), start))) return true;
  // After a lowercase particle it is the end of a longer name or place ("Villafranca del ⟦Cid⟧"); the particle detector reads real "de la Cruz".
  if (PARTICLE_BEFORE.test(text.slice(Math.max(0, start - 8), start))) return true;
  const previous = WORD_BEFORE.exec(text.slice(Math.max(0, start - 30), start));
  // "ex-Beatle ⟦Starr⟧": a former role, not the first word of a longer name.
  if (previous && EX_ROLE.test(text.slice(Math.max(0, start - previous[0].length - 3), start - previous[0].length))) return false;
  if (previous && (!mayPrecedeName(previous[1]!, text, start - previous[0].length) || isPlaceName(`${previous[1]} ${value}`))) return true;
  return JOINED_BY_AMPERSAND.test(text.slice(end, end + 4)) || /\p{Lu}[\p{L}.]* & $/u.test(text.slice(Math.max(0, start - 24), start));
}

/**
 * Whether a full-name candidate is part of a longer proper noun: a capitalised word before or after
 * it that is neither a name nor a heading word ("Kabushiki ⟦Kaisha Seiyoken⟧", "⟦John Hancock⟧
 * Preferred Income Fund", "⟦Dow Jones⟧ & Company").
 * @example
 * partOfLongerProperNoun('John Hancock Preferred Income Fund', 0, 12); // true
 */
export function partOfLongerProperNoun(text: string, start: number, end: number): boolean {
  const next = WORD_AFTER.exec(text.slice(end, end + 30));
  if (next && !NOT_NAME_WORDS.has(next[1]!) && !isKnownName(next[1]!) && !NAME_SUFFIX.test(next[1]!)) return true;
  // Before it, an unlisted or organisation word ("Kabushiki", "Trust"); an ordinary word there is
  // usually a role ("Producer James Sparks") and a possessive ends the other noun ("Ltd's Ema Nakajima").
  const previous = WORD_BEFORE.exec(text.slice(Math.max(0, start - 30), start));
  const word = previous?.[1];
  // "San ⟦Giovanni Di Casarsa⟧", "Berkery ⟦Noyes Mandasoft⟧": a place prefix, or a name-like word
  // the longer reading starting there would have taken, makes this the tail of another proper noun.
  if (word && !/['’]s$/.test(word) && (PLACE_PREFIXES.has(word) || (!NOT_NAME_WORDS.has(word) && !isOrdinaryWord(word) && (isKnownName(word) || isUnlistedNameShape(word))))) return true;
  if (word && !/['’]s$/.test(word) && !isKnownName(word) && !NOT_NAME_WORDS.has(word) && (!isOrdinaryWord(word) || ORGANISATION_WORDS.has(word) || PLACE_PREFIXES.has(word))) return true;
  return JOINED_BY_AMPERSAND.test(text.slice(end, end + 4)) || /\p{Lu}[\p{L}.]* & $/u.test(text.slice(Math.max(0, start - 24), start));
}

/** Three names in a row, two or more of them not common given names: "Owens, Duran and Oneal", "Thomas, Holt and Myers", the way firms are named. */
const SURNAME_TRIPLE = /(\p{Lu}[\p{L}'’-]+), (\p{Lu}[\p{L}'’-]+),? (?:and|&) (\p{Lu}[\p{L}'’-]+)/dgu;

/**
 * Whether [start, end) lies in a firm name of three surnames ("Jones, Mitchell and Williams").
 * @example
 * inSurnameFirmName('Davis, Reynolds and Williamson', 7, 15); // true
 */
export function inSurnameFirmName(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 48);
  const window = text.slice(from, end + 48);
  // Cheap exit first: a firm name of three needs a comma and an "and" or "&".
  if (window.indexOf(', ') < 0 || (window.indexOf(' and ') < 0 && window.indexOf(' & ') < 0)) return false;
  SURNAME_TRIPLE.lastIndex = 0;
  for (let m = SURNAME_TRIPLE.exec(window); m; m = SURNAME_TRIPLE.exec(window)) {
    const [whole] = m.indices!;
    if (from + whole![0] > start || from + whole![1] < end) continue;
    // A fourth item before it makes a list of people ("Sama, Jakob, Pol and Hugo"), not a firm.
    if (/\p{Lu}[\p{L}'’-]*, $/u.test(window.slice(Math.max(0, whole![0] - 24), whole![0]))) return false;
    if (PEOPLE_LIST_LABEL.test(window.slice(Math.max(0, whole![0] - 16), whole![0]))) return false;
    return [m[1]!, m[2]!, m[3]!].filter((t) => !isCommonGivenName(t)).length >= 2;
  }
  return false;
}

/** Degrees and generational suffixes after a name: "Giovanna Rodrigues MD", "Kevin Veitonen II". */
const NAME_SUFFIX = /^(?:MD|PhD|DDS|DVM|DO|RN|NP|PA|CPA|Esq|Jr|Sr|II|III|IV|MBA|MSc|BSc)\.?$/;

/** "ex-" before a capitalised role word: "ex-Beatle", "ex-Googler". */
const EX_ROLE = /(?:^|[^\p{L}])ex-$/iu;
/** A label of people before a list: "founders: Owens, Duran and Oneal", "Attendees: …". */
const PEOPLE_LIST_LABEL = /(?:founders|co-?founders|attendees|participants|members|owners|cc)[:] $/i;

/** A lowercase name particle right before a token. */
const PARTICLE_BEFORE = /(?:^|[^\p{L}])(?:van|von|der|den|de|del|della|di|da|dos|das|du|le|la|ter|ten|el|al|y) $/u;

/** "Leggett & Platt", "Cohen & Steers": proper nouns joined by an ampersand name a firm. */
const JOINED_BY_AMPERSAND = /^ & \p{Lu}/u;
/** An article or a place preposition before the candidate: "the ⟦California⟧", "in ⟦Villafranca del Cid⟧". */
const ARTICLE_BEFORE = /(?:^|[^\p{L}])(?:the|a|an)[ ]$/iu;
const PLACE_BEFORE = /(?:^|[^a-z])(?:in|at|from|to|near|into|via|visit|visiting|moved here from|based in|lives in|located in|originally from)[ ]$/;

/**
 * What precedes the candidate that says "thing or place": an article, or a place preposition.
 * @example
 * precededBy('the Sunni', 4); // 'article'
 */
export function precededBy(text: string, start: number): 'article' | 'place-preposition' | undefined {
  const before = text.slice(Math.max(0, start - 20), start);
  if (ARTICLE_BEFORE.test(before)) return 'article';
  return PLACE_BEFORE.test(before.toLowerCase()) ? 'place-preposition' : undefined;
}

/**
 * An organisation word right after the span: "Atlas Freight", "Harbor Dental Group".
 * @example
 * followedByOrganisationWord('Atlas Freight', 5); // true
 */
export function followedByOrganisationWord(text: string, end: number): boolean {
  // Cheap exit first: most names are followed by a lowercase word or punctuation.
  const joiner = text.charCodeAt(end);
  if (joiner !== 32 && joiner !== 44 && joiner !== 45 && joiner !== 39 && joiner !== 0x2019) return false;
  const following = text.charCodeAt(end + 1);
  if (joiner === 32 && following >= 98 && following <= 122) return false;
  // Up to four capitalised words after the span (and a possessive): "Cedar ⟦Ridge Insurance⟧", "Zoe's Kitchen Inc.".
  const next = /^(?:['’]s)?(?:(?: |, |-)(?:& ?|and |\+ )?\p{Lu}[\p{L}.]*){1,4}/u.exec(text.slice(end, end + 56));
  if (!next) return false;
  // "Justin Timberlake, Gwen Stefani, Linkin Park": after a comma only a legal form ("Zoe's Kitchen, Inc.")
  // continues the name; any other capitalised word opens the next item of a list.
  // "Hoover, Morris and Johnson Group": an "and" after the comma joins the words into one firm's name.
  const [head, afterComma] = /(?: and |&)/.test(next[0]) ? [next[0], undefined] : (next[0].split(', ', 2) as [string, string | undefined]);
  for (const word of head.split(/[ ,&+-]+/)) if (ORGANISATION_WORDS.has(word.replace(/\.$/, ''))) return true;
  return afterComma !== undefined && LEGAL_FORMS.has(afterComma.split(/[ &+-]+/).find((w) => w !== '')!.replace(/\.$/, ''));
}

/** Legal forms that follow a firm's name after a comma ("Acme, Inc.", "Smith & Sons, Ltd"). */
const LEGAL_FORMS: ReadonlySet<string> = new Set('Inc Incorporated LLC LLP Ltd Limited Corp Corporation Co GmbH AG SA SAS BV NV PLC Pty'.split(' '));

/**
 * Whether "Last, First" is really two items of a list ("White, Willis and Hoffman").
 * @example
 * continuesAList('White, Willis and Hoffman', 13); // true
 */
export function continuesAList(text: string, start: number, end: number): boolean {
  return /^(?:,| and| &) \p{Lu}/u.test(text.slice(end, end + 8)) || /\p{Lu}[\p{L}'’-]*, $/u.test(text.slice(Math.max(0, start - 24), start));
}
