/**
 * PERSON's validators for the Latin-script detectors of person.ts: each decides one candidate with
 * the name, word and place lists (name-lexicon.ts) and the words around it (person-context.ts).
 * How a token counts (distinct, ambiguous, unlisted) is explained in person.ts.
 */
import type { Candidate } from '../detector.js';
import { atSentenceStart } from './context/nearby.js';
import {
  isBlockedToken,
  isCommonGivenName,
  isRomanisedGivenName,
  isDistinctName,
  isFirstName,
  isGivenName,
  isStreetWord,
  isKnownName,
  isOrdinaryWord,
  isPlaceName,
  isRegionName,
  isSurname,
  isUnlistedNameShape,
} from './name-lexicon.js';
import { NOT_NAME_WORDS, ORGANISATION_WORDS, PLACE_PREFIXES, TITLE_WORDS } from './name-context-words.js';
import { cityLineOfAddress, saidToBeOrganisation } from './person-not-person.js';
import { afterPlaceAndComma, afterPlacePrefix } from './person-surroundings.js';
import { onAttendeesLine } from './person-native-cues.js';
import { amongListedNames, continuesAList, speakerOpensBullet, followedByOrganisationWord, followedBySpeechVerb, inSurnameFirmName, insideOtherProperNoun, partOfLongerProperNoun, personContext, precededBy, vocativeAt } from './person-context.js';

/** Surname morphology across naming traditions: Irish/Scottish prefixes and common patronymic or family suffixes. */
const SURNAME_FORM = /^(?:O['’]\p{Lu}|Mc\p{Lu}|Mac\p{Lu}|Fitz)|(?:son|sen|sson|ez|es|ov|ova|ev|eva|in|ina|sky|ski|ska|wicz|czyk|escu|eanu|ian|yan|oglu|oğlu|oglou|poulos|opoulou|akis|idis|iadis|enko|uk|ić|ic|ič|vić|ini|elli|etti|otti|ucci|berg|stein|mann|feld|baum|ides|adze|dze|shvili|ayev|yev|uddin|ullah|wala|appa|ara|ola|emi|unde|anya|ekwe|uwa|oye|ade|ienė|aitė|ytė|utė|auskas|evičius|avičius|dóttir|dottir|zadeh|pour|nathan|kar|ov[aá]|ová|ská|ský)$/u;

/** The surname endings of SURNAME_FORM that ordinary words, brands and places almost never have. */
const DISTINCT_SURNAME_FORM = /\p{Ll}(?:ov|ova|ev|eva|yev|ayev|ić|ič|vić|enko|chuk|czuk|sky|ski|ska|wicz|czyk|escu|eanu|yan|oglu|oğlu|poulos|opoulou|akis|idis|adze|dze|shvili|dóttir|dottir|sson|ienė|aitė|ytė|auskas|zadeh)$/u;

/** The capitalised name tokens of a span (initials and particles left out). */
const tokensOf = (value: string): string[] => value.split(/[ ,]+/).filter((t) => /^\p{Lu}(?:['’]\p{Lu})?\p{Ll}/u.test(t));

/** A token that may be part of a name at all: listed, or unlisted and name-shaped. */
const nameOrUnlisted = (token: string): boolean => isKnownName(token) || isUnlistedNameShape(token);

/** Whether the span names a place rather than a person ("Santa Monica", "Costa Rica", "Lake Geneva"). */
const looksLikePlace = (value: string, first: string): boolean => PLACE_PREFIXES.has(first) || isPlaceName(value);

/** Two or three name tokens: a given name (or a surname first, as in East Asian order) and a surname. */
export function fullNameValid(candidate: Candidate): boolean | number {
  // "Judge Inoue", "Nurse Han": a title is no part of the name; the single-name detector takes the surname after it.
  if (TITLE_WORDS.has(candidate.value.slice(0, candidate.value.indexOf(' ')).replace(/\.$/, ''))) return false;
  const shaped = nameShapedPairValid(candidate);
  return shaped === false ? listedFullNameValid(candidate) : shaped;
}

/** The middle initial of "Soib K. Kishiev", "Jildau S Bouts". */
const MIDDLE_INITIAL = / \p{Lu}\.? /u;

/**
 * Shapes that say "person" whatever the lists hold: a given name, a middle initial and any surname
 * ("Jildau S Bouts", "Soib K. Kishiev"); a romanised hyphenated given name and a short surname
 * ("Ji-a Im", "Ha-rin Gang", "Chin-lung Low"), Korean and Chinese surnames being short and often
 * ordinary words or months in English.
 */
function nameShapedPairValid({ value, text, start, end }: Candidate): false | number {
  const tokens = tokensOf(value);
  if (tokens.length !== 2) return false;
  const [first, last] = tokens as [string, string];
  const initial = MIDDLE_INITIAL.test(value);
  const romanised = !initial && isRomanisedGivenName(first) && last.length <= 5 && !NOT_NAME_WORDS.has(last);
  if (!initial && !romanised) return false;
  if (initial && (!nameOrUnlisted(first) || isOrdinaryWord(first) || isBlockedToken(first) || isBlockedToken(last))) return false;
  if (followedByOrganisationWord(text, end) || saidToBeOrganisation(text, start, end) || looksLikePlace(value, first)) return false;
  return 0.84;
}

function listedFullNameValid({ value, text, start, end }: Candidate): boolean | number {
  const tokens = tokensOf(value);
  if (tokens.length < 2 || tokens.some(isBlockedToken)) return false;
  // Word lists first (cheap): every branch below needs name-like tokens.
  if (!tokens.every(nameOrUnlisted) && !tokens.some(isDistinctName)) return false;
  if (followedByOrganisationWord(text, end)) return false;
  const context = personContext(text, start, end);
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  if (context === 'strong') return tokens.every(nameOrUnlisted) || tokens.some(isDistinctName) ? 0.92 : false;
  if (looksLikePlace(value, first) || partOfLongerProperNoun(text, start, end) || inSurnameFirmName(text, start, end)) return false;
  if (saidToBeOrganisation(text, start, end) || cityLineOfAddress(text, start, end)) return false;
  const distinct = tokens.filter(isDistinctName).length;
  const known = tokens.filter(isKnownName).length;
  const preceding = context === 'weak' ? undefined : precededBy(text, start);
  // "the White Stripes", "in Villafranca del Cid": after an article or a place preposition only
  // listed names with a distinct given name say person ("a Mateo Reyes concert", "to Maria Lopez").
  const givenFirst = isDistinctName(first) && (isFirstName(first) || first.includes('-'));
  // "a Calquín Cazares concert", "the Aasha Nepali version": a work or household after the name makes it a person's.
  const personalNoun = preceding === 'article' && PERSONAL_NOUN_AFTER.test(text.slice(end, end + 12)) && tokens.every(nameOrUnlisted);
  if (preceding && !personalNoun && !(givenFirst && (preceding === 'place-preposition' || known === tokens.length))) return false;
  if (personalNoun) return 0.8;
  // "Grant Park", "Maple Hall": a street or building word last is a place unless the context says person.
  if (context !== 'weak' && isStreetWord(last)) return false;
  const named = context === 'weak' || context === 'loose';
  // Every token a listed name, one of them unambiguous: "Maria Gonzalez", "Nguyen Thanh".
  if (known === tokens.length && distinct >= 1) return named ? 0.9 : 0.86;
  // Listed but all ambiguous ("Grant Park", "Will Young"): only in a person's context.
  // "The Princess Royal arrived": after an article even reported speech does not make them a name.
  if (known === tokens.length) return context === 'weak' && precededBy(text, start) !== 'article' ? 0.8 : false;
  const otherTokensFit = tokens.every((t) => isKnownName(t) || isUnlistedNameShape(t));
  if (!otherTokensFit) return false;
  // A distinct given name and a surname no list holds: "Eva Waage", "Leandra Thanasi".
  if (isDistinctName(first) && isFirstName(first)) return 0.84;
  // An unlisted given name and a distinct surname: "Nagi Okamoto", "Alise Liepiņš".
  if (isDistinctName(last) && isSurname(last)) return named ? 0.84 : 0.8;
  if (named && (distinct >= 1 || SURNAME_FORM.test(last))) return 0.8;
  // Reported speech or a verb that takes a person: two rare name-shaped tokens ("spoke with Binita Koroveshi").
  if (context === 'weak') return 0.78;
  // Two rare tokens, the last shaped like a surname of its tradition: "Aisultan Kusainov", "Ástríður Steinarsdóttir".
  if (SURNAME_FORM.test(last) && !SURNAME_FORM.test(first) && !preceding) return 0.78;
  return false;
}

/** One token: a name only with context, or a distinct given name in mid-sentence position. */
export function singleNameValid({ value, text, start, end }: Candidate): boolean | number {
  // "Bill to: Judge Arnel Dimaculangan": a title before a name is not one.
  if (TITLE_WORDS.has(value)) return false;
  // "Ms. Harbor", "Dr. Bay": after an honorific a place or organisation word is a surname.
  if (ORGANISATION_WORDS.has(value) && HONORIFIC_BEFORE.test(text.slice(Math.max(0, start - 6), start)) && !followedByOrganisationWord(text, end)) return 0.84;
  // Word lists first (cheap): ordinary capitalised words stop here, before any look at the context.
  if (isBlockedToken(value) || !(nameOrUnlisted(value) || isPlaceName(value)) || followedByOrganisationWord(text, end)) return false;
  const context = personContext(text, start, end);
  // A title, a field or a greeting makes even a place-named token a person ("Ms. Austin", "last name? Hashimoto").
  if (context === 'strong') return 0.84;
  if (PLACE_PREFIXES.has(value) || insideOtherProperNoun(text, start, end) || inSurnameFirmName(text, start, end)) return false;
  // "Calgary, ⟦Alberta⟧", "⟦Australia⟧'s richest": a country or state after a place and a comma, or one
  // in the possessive that is no common given name, is the place.
  if (isRegionName(value) && (afterPlaceAndComma(text, start) || (!isCommonGivenName(value) && /^['’]s\b/.test(text.slice(end, end + 3))))) return false;
  if (saidToBeOrganisation(text, start, end) || cityLineOfAddress(text, start, end)) return false;
  // "the Hemingway novel", "the Okafor family": an article before a name is fine when a work or a household follows.
  if (precededBy(text, start) === 'article') return isKnownName(value) && !isPlaceName(value) && PERSONAL_NOUN_AFTER.test(text.slice(end, end + 12)) ? 0.8 : false;
  // Reported speech or a list of given names: any listed name; a place only when it is also a given name ("Siti and Guadalupe").
  if (context === 'weak') {
    if (isKnownName(value)) return !isPlaceName(value) || isGivenName(value) || followedBySpeechVerb(text, end) ? 0.82 : false;
    // A surname no list holds, in a shape only surnames have: "Huseynov said", "by ex-Zombie Krličević".
    // A surname no list holds opening a line of minutes before a verb of speaking: "- Wongsawat argued the contract".
    // A rare name spoken to: "Remember me, Hussa?", "Don't go to town, Yǔzé!".
    return isUnlistedNameShape(value) && (DISTINCT_SURNAME_FORM.test(value) || amongListedNames(text, start, end) || speakerOpensBullet(text, start, end) || vocativeAt(text, start, end)) ? 0.8 : false;
  }
  if (!isGivenName(value) || isPlaceName(value)) return false;
  // Without context only a common given name counts ("Maria", not "Hamlet", "Tesla" or "Mercedes",
  // which the long tail of birth records also holds; a rarer one needs at least a verb after it);
  // anywhere but at a sentence start, where a verb, a comma or "(born" must follow.
  if (!isCommonGivenName(value) && (context === 'none' || !LOOSE_VERB_AFTER.test(text.slice(end, end + 8)))) return false;
  if (!atSentenceStart(text, start)) return 0.74;
  return context === 'loose' && !STARTS_WITH_PREPOSITION.test(text.slice(end, end + 4)) ? 0.74 : false;
}

/** An honorific right before a single token: "Ms. ", "Dr ". */
const HONORIFIC_BEFORE = /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.? $/u;

/** Nouns after "the ⟦Name⟧" that make it a person's: their works, family or household. */
const PERSONAL_NOUN_AFTER = /^ (?:novels?|books?|memoir|biography|concerts?|family|household|estate|children|twins|residence|version|cover|recording|album)\b/;

/** After a rare given name only a verb or punctuation says "person": "Hamlet in", "Tesla at" are works and brands. */
const LOOSE_VERB_AFTER = /^(?: (?:will|would|can|could|is|was|has|had)\b| ?[(<]|[,:])/;

/** "Login from", "Sales at": a capitalised word at a sentence start followed by a preposition is a heading or a noun. */
const STARTS_WITH_PREPOSITION = /^ (?:from|at|in|on)\b/;

/** "Castillo, Chidi": a surname, a comma, a given name. */
export function lastFirstValid({ value, text, start, end }: Candidate): boolean | number {
  const [last, rest] = value.split(/, ?/) as [string, string];
  const first = rest.split(' ')[0]!;
  if (isBlockedToken(last) || isBlockedToken(first) || followedByOrganisationWord(text, end)) return false;
  // A quoted cell opens a line or follows a delimiter: "\"Ibarra, Guadalupe\";01/03/1987", SQL's "(7,'Nair, Lakshmi',".
  const quote = text[start - 1];
  const quotedCell = (quote === '"' || quote === "'") && /(?:^|[\n,;\t(])[ ]?$/.test(text.slice(Math.max(0, start - 3), start - 1)) && text[end] === quote;
  // "Attendees: T. Kendrick, Sanjay Bhattacharya": the comma separates two people.
  if (!quotedCell && onAttendeesLine(text, start)) return false;
  // "Morelli,Sarah" without a space is two CSV cells unless one quoted cell holds both.
  if (!value.includes(', ') && !quotedCell) return false;
  const context = personContext(text, start, end);
  // "founders: Monjeau, Graves and Reed" is a list even after a label of people.
  if (!quotedCell && (continuesAList(text, start, end) || (context !== 'strong' && inSurnameFirmName(text, start, end)))) return false;
  // "Teofil ⟦Lenartowicz, Franciszek⟧ Mickiewicz": a name word before and after the pair makes it a list of full names.
  if (!quotedCell && context !== 'strong' && BETWEEN_FULL_NAMES_BEFORE.test(text.slice(Math.max(0, start - 24), start)) && /^ \p{Lu}\p{Ll}/u.test(text.slice(end, end + 3))) return false;
  // "Kingston, Ontario", "in Hollywood, California": a country, state or city after the comma makes a
  // "City, Region" pair ("San Jose, California"), unless it is also a given name (a common one, if it
  // names a state or country) after a token that is no place ("Reyes, Georgia", "Bobick, Norton");
  // a quoted cell ("\"Ibarra, Guadalupe\";01/03/1987") is a name column whatever the words.
  if (context !== 'strong' && text[start - 1] !== '"' && (isPlaceName(first) || isRegionName(first)) && (!(isRegionName(first) ? isCommonGivenName(first) : isGivenName(first)) || isPlaceName(last) || afterPlacePrefix(text, start) || precededBy(text, start) === 'place-preposition')) return false;
  const surnameLike = isKnownName(last) || isUnlistedNameShape(last) || (isPlaceName(last) && !isOrdinaryWord(last));
  if (!surnameLike) return false;
  const inAttendeeList = ATTENDEE_LIST.test(text.slice(end, end + 2)) || /; $/.test(text.slice(Math.max(0, start - 2), start));
  // "Nasser, Noor; Lindemann, Annegret": in a semicolon list a distinct surname may take an unlisted given name.
  if (inAttendeeList && isDistinctName(last) && isSurname(last) && (isKnownName(first) || isUnlistedNameShape(first))) return 0.86;
  // A distinct given name after the comma: "Castillo, Chidi", "Kettering, Dwayne", "Weißenborn, Ulrike".
  if (isFirstName(first) && isDistinctName(first)) return isSurname(last) || context === 'strong' || quotedCell || inAttendeeList ? 0.9 : 0.86;
  if ((context === 'strong' || quotedCell) && (isKnownName(first) || isUnlistedNameShape(first))) return 0.88;
  return false;
}

/** A capitalised word and a space right before "Last, First": the surname of a full name in a list. */
const BETWEEN_FULL_NAMES_BEFORE = /(?:^|[^\p{L}])\p{Lu}\p{Ll}+ $/u;

/** "Nasser, Noor; Lindemann, Annegret": a semicolon ends one "Last, First" of a list. */
const ATTENDEE_LIST = /^;/;

/** "S. Gallo", "J. Okonkwo": an initial and a surname, in a field or with a distinct surname. */
export function initialSurnameValid({ value, text, start, end }: Candidate): boolean | number {
  const surname = value.slice(value.lastIndexOf(' ') + 1).replace(/^\p{Lu}\./u, '');
  if (isBlockedToken(surname) || followedByOrganisationWord(text, end)) return false;
  // "Xiaoling A. Xu": after a given name the initial is a middle initial; the full-name reading takes all three.
  if (/\p{Lu}\p{Ll}+ $/u.test(text.slice(Math.max(0, start - 24), start))) return false;
  const context = personContext(text, start, end);
  // "Signed: T. Matsumoto", "T. Lyon said": an initial before a city's name makes it a surname ("N. Carolina" stays a region).
  const placeSurname = isPlaceName(surname) && !isRegionName(surname) && !isOrdinaryWord(surname);
  if (context === 'strong' || context === 'weak') return nameOrUnlisted(surname) || placeSurname ? 0.86 : false;
  return isDistinctName(surname) && isSurname(surname) ? 0.78 : false;
}

/** "Kowalski, J.", "Okonkwo C.", "Smith J.R.": a surname and initials, as in citations, rosters and sign-offs. */
export function surnameInitialsValid({ value, text, start, end }: Candidate): boolean | number {
  const surname = value.slice(0, value.search(/,? \p{Lu}\./u));
  if (isBlockedToken(surname) || isOrdinaryWord(surname) || isPlaceName(surname) || followedByOrganisationWord(text, end)) return false;
  // "Сергей, C. Langley": an initial followed by a surname opens the next name of a list.
  if (/^ \p{Lu}\p{Ll}/u.test(text.slice(end, end + 3))) return false;
  const context = personContext(text, start, end);
  if (context === 'strong' || context === 'weak') return nameOrUnlisted(surname) ? 0.84 : false;
  return isDistinctName(surname) && isSurname(surname) && !insideOtherProperNoun(text, start, start + surname.length) ? 0.8 : false;
}

/** "van der Berg", "de la Cruz": a particle-led surname after a title or before reported speech. */
export function particleSurnameValid({ value, text, start, end }: Candidate): boolean | number {
  const surname = value.slice(value.lastIndexOf(' ') + 1);
  if (isBlockedToken(surname) || isOrdinaryWord(surname) || NOT_NAME_WORDS.has(surname)) return false;
  const context = personContext(text, start, end);
  if (context === 'strong') return 0.84;
  // "de Santos said" yes, "de Janeiro" (a place) only after a title or in a field.
  return context === 'weak' && !isPlaceName(surname) ? 0.84 : false;
}
