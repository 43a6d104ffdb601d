/**
 * PERSON: full names, single given names or surnames in context, "Last, First", an initial and a
 * surname, and surnames led by particles ("van der Berg"). Candidates are capitalised tokens in any
 * cased script; the validators decide with the name, word and place lists (name-lexicon.ts) and
 * with the words around the candidate (person-context.ts).
 *
 * How a token counts: a *distinct* name is listed and is neither an ordinary English word nor a
 * place ("Priya", "Okonkwo"); an *ambiguous* name is listed and is also a word or a place ("Grant",
 * "Jordan"); an *unlisted* token is in no list and is no ordinary word ("Waage"), which a rare
 * surname usually is. Without context a name needs one distinct token; ambiguous and unlisted
 * tokens need the context to say "person".
 *
 * Each pattern consumes one token and captures the candidate span in a lookahead, so every token
 * start is tried once (linear) and a rejected "Thanks Maria" still lets "Maria Lopez" match next.
 */
import type { Detector } from '../detector.js';
import { NAME_TOKEN } from './name-lexicon.js';
import { notStreetProductOrOrganisation } from './person-surroundings.js';
import { fullNameValid, initialSurnameValid, lastFirstValid, particleSurnameValid, singleNameValid, surnameInitialsValid } from './person-validators.js';
import { SCRIPT_PERSON_DETECTORS } from './person-scripts.js';
import { NATIVE_PERSON_DETECTORS } from './person-native.js';
import { CAPS_PERSON_DETECTORS } from './person-caps.js';
import { CHAT_PERSON_DETECTORS } from './person-chat.js';
import { HL7_PERSON_DETECTORS } from './person-hl7.js';
import { LOWERCASE_PLACE_PERSON_DETECTORS } from './person-lowercase-places.js';
import { HANDLE_PERSON_DETECTORS } from './person-handles.js';
import { ESCAPED_LINE_PERSON_DETECTORS } from './person-escaped-lines.js';
import { UNCASED_PERSON_DETECTORS } from './person-uncased.js';

const T = NAME_TOKEN;
/** Lowercase particles inside names: van der Berg, da Silva, bin Salman, de la Cruz. */
const PARTICLE = String.raw`(?:van|von|der|den|de|del|della|di|da|dos|das|du|le|la|bin|binti|ibn|al|el|ter|ten|y)`;
/** Before a name: no letter, digit or joiner; a quote opens a name only after a non-letter (SQL's `'Ana Lima'`, not "d'Ana"). */
const BEFORE = String.raw`(?<![\p{L}\p{N}_@./’-])(?<![\p{L}\p{N}_]')`;
/**
 * After a name: no further letter, digit or joiner, except a possessive "'s", a closing quote
 * (`'Ana Lima',`) or a closing markdown underscore (`_Assigned to Ana_`).
 */
const AFTER = String.raw`(?![\p{L}\p{N}@-]|_[\p{L}\p{N}_]|['’](?!s\b)[\p{L}\p{N}])`;
const JOIN = String.raw`(?: (?:${PARTICLE} ){0,2}|-)`;
/** A middle initial, with or without its full stop: "Karin M. Beike", "Martim A Pereira". */
const INITIAL = String.raw`\p{Lu}\.?(?= )`;

export const PERSON_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.person.full_name',
    anchor: { runs: ['capitals'], notAfter: "A-Za-z0-9_@./-", second: "a-z'" },
    type: 'PERSON',
    description: 'Full names (given name, optional middle name or initial, surname) checked against multilingual name lists and context',
    pattern: new RegExp(`${BEFORE}(?=(${T}(?:${JOIN}(?:${INITIAL}|${T})){1,2})${AFTER})${T}`, 'dgu'),
    group: 1,
    validator: notStreetProductOrOrganisation(fullNameValid),
    score: 0.86,
    examples: ['Maria Gonzalez', 'Chidi Okonkwo'],
  },
  {
    id: 'tier1.person.full_name_short',
    anchor: { runs: ['capitals'], notAfter: "A-Za-z0-9_@./-", second: "a-z'" },
    type: 'PERSON',
    description: 'Two-token names where a third capitalised word follows (the three-token reading failed)',
    pattern: new RegExp(`${BEFORE}(?=(${T}${JOIN}${T})(?= \\p{Lu}))${T}`, 'dgu'),
    group: 1,
    validator: notStreetProductOrOrganisation(fullNameValid),
    score: 0.85,
  },
  {
    id: 'tier1.person.last_first',
    anchor: { runs: ['capitals'], notAfter: "A-Za-z0-9_@./-", second: "a-z'" },
    type: 'PERSON',
    description: '"Last, First" as in directories and exports',
    pattern: new RegExp(`${BEFORE}(?=(${T}, ?${T}(?: \\p{Lu}\\.)?)${AFTER})${T}`, 'dgu'),
    group: 1,
    validator: notStreetProductOrOrganisation(lastFirstValid),
    score: 0.88,
    examples: ['Castillo, Chidi'],
  },
  {
    id: 'tier1.person.initial_surname',
    // From the pattern: BEFORE's lookbehind, and the full stop after the initial.
    anchor: { runs: ['capitals'], notAfter: "A-Za-z0-9_@./-", second: '.' },
    type: 'PERSON',
    description: 'An initial and a surname ("S. Gallo") in a field, a signature or with a listed surname',
    pattern: new RegExp(`${BEFORE}(?=(\\p{Lu}\\. ?(?:${PARTICLE} ){0,2}${T})${AFTER})\\p{Lu}`, 'dgu'),
    group: 1,
    validator: notStreetProductOrOrganisation(initialSurnameValid),
    score: 0.8,
    examples: ['Signature: S. Gallo'],
  },
  {
    id: 'tier1.person.surname_initials',
    anchor: { runs: ['capitals'], notAfter: "A-Za-z0-9_@./-", second: "a-z'" },
    type: 'PERSON',
    description: 'A surname followed by initials ("Kowalski, J.", "Okonkwo C.") with a listed surname or in context',
    pattern: new RegExp(`${BEFORE}(?=(${T},? \\p{Lu}\\.(?: ?\\p{Lu}\\.)?)(?![\\p{L}\\p{N}]))${T}`, 'dgu'),
    group: 1,
    validator: notStreetProductOrOrganisation(surnameInitialsValid),
    score: 0.8,
    examples: ['Kowalski, J.'],
  },
  {
    id: 'tier1.person.particle_surname',
    anchor: { literals: ['van', 'von', 'de', 'da', 'del', 'della', 'di', 'du', 'dos', 'das', 'le', 'la', 'ter', 'ten', 'bin', 'al', 'el'], notAfter: "A-Za-z0-9_@./-" },
    type: 'PERSON',
    description: 'Surnames led by a particle ("Mr. van der Berg", "de la Cruz said") after a title, in a field or before reported speech',
    pattern: new RegExp(`${BEFORE}(?=((?:van|von|de|da|del|della|di|du|dos|das|le|la|ter|ten|bin|al|el)(?: (?:der|den|de|la|le|los|las|do|da))? ${T})${AFTER})\\p{Ll}`, 'dgu'),
    group: 1,
    validator: particleSurnameValid,
    score: 0.84,
    examples: ['Mr. van der Berg'],
  },
  {
    id: 'tier1.person.single',
    anchor: { runs: ['capitals'], notAfter: "A-Za-z0-9_@./-", second: "a-z'" },
    type: 'PERSON',
    description: 'Single given names or surnames after titles, greetings, labels, in sign-offs, chat speaker prefixes, reported speech, lists of names and CSV name columns',
    pattern: new RegExp(`${BEFORE}${T}${AFTER}`, 'gu'),
    validator: notStreetProductOrOrganisation(singleNameValid),
    score: 0.8,
    examples: ['Ms. Tran', 'Okonkwo said'],
  },
  ...UNCASED_PERSON_DETECTORS,
  ...SCRIPT_PERSON_DETECTORS,
  ...NATIVE_PERSON_DETECTORS,
  ...CAPS_PERSON_DETECTORS,
  ...CHAT_PERSON_DETECTORS,
  ...HL7_PERSON_DETECTORS,
  ...LOWERCASE_PLACE_PERSON_DETECTORS,
  ...HANDLE_PERSON_DETECTORS,
  ...ESCAPED_LINE_PERSON_DETECTORS,
];
