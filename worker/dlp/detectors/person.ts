/**
 * PERSON: full names, single given names or surnames in context, and "Last, First". Candidates
 * are capitalised tokens (any Latin-script language); the validator decides with the name lists
 * (name-lexicon.ts), the words around the candidate (titles, greetings, sign-offs, `Name:` fields,
 * reported speech, CSV name columns) and organisation words that make it a company or a place.
 *
 * Each pattern consumes one token and captures the candidate span in a lookahead, so every token
 * start is tried once (linear) and a rejected "Thanks Maria" still lets "Maria Lopez" match next.
 */
import type { Candidate, Detector } from '../detector.js';
import { atSentenceStart, textAfter, textBefore } from './context/nearby.js';
import { columnHeaderAt } from './context/table-columns.js';
import { isBlockedToken, isFirstName, isKnownName, isSurname, NAME_TOKEN, NOT_NAME_WORDS, ORGANISATION_WORDS } from './name-lexicon.js';

const T = NAME_TOKEN;
/** Lowercase particles inside names: van der Berg, da Silva, bin Salman, de la Cruz. */
const PARTICLE = String.raw`(?:van|von|der|den|de|del|della|di|da|dos|das|du|le|la|bin|binti|ibn|al|el|ter|ten|y)`;
const BEFORE = String.raw`(?<![\p{L}\p{N}_@./'’-])`;
const AFTER = String.raw`(?![\p{L}\p{N}_@'’-])`;
const JOIN = String.raw`(?: (?:${PARTICLE} ){0,2}|-)`;

/** Titles and honorifics that make the next capitalised word a name. */
const TITLE_BEFORE = /(?:^|[^a-z])(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|madam|mme|mlle|herr|frau|sr|sra|srta|sig|sen|rep|capt|sgt|lt|col|rev|fr|hon|judge|officer|detective|nurse|coach|uncle|aunt|auntie)\.? ?$/;
/** Greetings and thanks directly before a name: "Hi Maria,", "thanks, Chidi". */
const GREETING_BEFORE = /(?:^|[^a-z])(?:hi|hello|hey|dear|hiya|greetings|thanks|thank you|thx|ty|cheers|welcome|morning|good morning|good afternoon|good evening|congrats|congratulations|sorry|ok|okay|bye|ciao|hola|bonjour|hallo|salut|ola|olá)[,!]? {1,2}$/;
/** Sign-offs on the previous line: "Regards,\nMaria Lopez". */
const SIGN_OFF_BEFORE = /(?:regards|best|cheers|thanks|thank you|sincerely|yours|truly|warmly|br|talk soon|speak soon|all the best|kind regards|best wishes|respectfully|-|—|--)[,.!]?[ \t]*\r?\n[ \t]*$/;
/** Field labels and JSON/YAML keys holding a person: `Name:`, `"first_name": "`, `cc:`. */
const LABEL_BEFORE = /(?:name|first|given|surname|last|family|cc|bcc|from|to|attn|attention|contact|assignee|assigned to|owner|reporter|reviewer|reported by|author|requester|requested by|agent|rep|representative|manager|supervisor|employee|patient|customer|client|applicant|candidate|cardholder|account holder|beneficiary|guardian|emergency contact|spouse|signed|signed by|approved by|reviewed by|submitted by|prepared by|created by|updated by|caller|user|member|tenant|driver|passenger|guest|student|teacher|doctor|physician|nurse|witness|recipient|sender|host|interviewer|interviewee|speaker|by|with|ask|tell|ping|loop in|cc'd)s?["']?[ \t]*(?:[:=]|=>)?[ \t]*["']?$/;
/** Keys ending in "name" that hold things other than people. */
const NOT_PERSON_KEY = /(?:user|host|file|path|app|product|company|org|organisation|organization|business|brand|service|project|team|display|screen|device|domain|bucket|table|column|field|db|database|schema|class|module|package|repo|branch|tag|city|country|state|street|region|store|vendor|merchant|bank|plan|model|server|queue|topic|key|role|group|event|item|variable|var|env|node|cluster|container|image|pod|job|task|account)[_ -]?name["']?[ \t]*[:=]/;
/** Verbs after a name in reported speech and narrative: "Okonkwo said", "Maria wrote". */
const SPEECH_AFTER = /^(?:'s |’s | (?:said|says|wrote|writes|asked|asks|told|tells|replied|replies|confirmed|confirms|mentioned|mentions|noted|notes|reported|reports|explained|explains|added|adds|called|calls|emailed|texted|messaged|agreed|approved|requested|requests|stated|states|claims|claimed|thinks|thought|believes|suggested|suggests|recommended|responded|answered|commented|shared|sent|signed|joined|left|will|would|can|could|is|was|has|had|and|from|at|in|on|\(|<|,))/;
/** Headers of CSV columns that hold people's names. */
const NAME_COLUMN = /^(?:name|full[ _]?name|first[ _]?name|firstname|given[ _]?name|last[ _]?name|lastname|surname|family[ _]?name|middle[ _]?name|contact(?:[ _]?name)?|customer(?:[ _]?name)?|employee(?:[ _]?name)?|patient(?:[ _]?name)?|client(?:[ _]?name)?|owner|assignee|manager|reporter|author|applicant|cardholder|holder|emergency[ _]?contact|spouse|agent|rep)$/;

/** Surname morphology across naming traditions: Irish/Scottish prefixes and common patronymic or family suffixes. */
const SURNAME_FORM = /^(?:O['’]\p{Lu}|Mc\p{Lu}|Mac\p{Lu}|Fitz)|(?:son|sen|sson|ez|es|ov|ova|ev|eva|in|ina|sky|ski|ska|wicz|czyk|escu|ian|yan|oglu|oğlu|poulos|akis|enko|uk|ić|ic|vić|ini|elli|etti|otti|ucci|berg|stein|mann|feld|baum|ides|adze|shvili|ayev|yev|uddin|ullah|wala|appa|ara|ola|emi|unde|anya|ekwe|uwa|oye|ade)$/u;

type Context = 'strong' | 'weak' | 'none';

/** How strongly the surroundings say "a person's name is here". */
function contextOf(text: string, start: number, end: number): Context {
  const before = textBefore(text, start, 40);
  if (TITLE_BEFORE.test(before)) return 'strong';
  const header = columnHeaderAt(text, start, end);
  if (header !== undefined) return NAME_COLUMN.test(header) ? 'strong' : 'none';
  const label = LABEL_BEFORE.exec(before);
  if (label) {
    if (NOT_PERSON_KEY.test(before)) return 'none';
    // "Name: X" or "owner=X" is a field; "by X" or "with X" in prose only hints.
    return /[:=]/.test(label[0]) ? 'strong' : 'weak';
  }
  if (GREETING_BEFORE.test(before) || SIGN_OFF_BEFORE.test(before)) return 'strong';
  if (SPEECH_AFTER.test(textAfter(text, end, 16))) return 'weak';
  return 'none';
}

const tokensOf = (value: string): string[] => value.split(/[ -]/).filter((t) => /^\p{Lu}/u.test(t) && !/^\p{Lu}\.$/u.test(t));

/** An organisation word right after the span: "Atlas Freight", "Harbor Dental Group". */
function followedByOrganisationWord(text: string, end: number): boolean {
  const next = /^(?: |, |-)?(?:&|and |\+ )?(\p{Lu}[\p{L}.]*)/u.exec(text.slice(end, end + 24));
  return !!next && ORGANISATION_WORDS.has(next[1]!.replace(/\.$/, ''));
}

/** Two or three name tokens: a given name (or a surname first, as in East Asian order) and a surname. */
function fullNameValid({ value, text, start, end }: Candidate): boolean | number {
  const tokens = tokensOf(value);
  if (tokens.length < 2 || tokens.some(isBlockedToken)) return false;
  if (followedByOrganisationWord(text, end)) return false;
  const context = contextOf(text, start, end);
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  const known = tokens.filter(isKnownName).length;
  const shaped = (isFirstName(first) && (isSurname(last) || isFirstName(last))) || (isSurname(first) && isFirstName(last));
  if (context === 'strong') return known >= 1 || !tokens.some((t) => NOT_NAME_WORDS.has(t)) ? 0.92 : false;
  if (shaped && known >= 2) return context === 'weak' ? 0.9 : 0.86;
  if (shaped && known === 1 && context === 'weak') return 0.8;
  // A known given name and a surname the lists lack but whose form says surname (O'Brien, Kowalczyk, Petrović).
  if (isFirstName(first) && !isFirstName(last) && SURNAME_FORM.test(last)) return 0.84;
  if (context === 'weak' && SURNAME_FORM.test(last) && !tokens.some((t) => NOT_NAME_WORDS.has(t))) return 0.8;
  return false;
}

/** One token: a name only with context, or a known given name in mid-sentence position. */
function singleNameValid({ value, text, start, end }: Candidate): boolean | number {
  if (isBlockedToken(value) || followedByOrganisationWord(text, end)) return false;
  const context = contextOf(text, start, end);
  const known = isKnownName(value);
  if (context === 'strong') return known || !NOT_NAME_WORDS.has(value) ? 0.84 : false;
  if (context === 'weak') return known ? 0.82 : false;
  // Without context only a given name that cannot be an ordinary word, away from a sentence start.
  if (known && isFirstName(value) && !atSentenceStart(text, start)) return 0.72;
  return false;
}

/** "Castillo, Chidi": a surname, a comma, a given name. */
function lastFirstValid({ value, text, start, end }: Candidate): boolean | number {
  const [last, first] = value.split(/, ?/) as [string, string];
  const tokensOk = !isBlockedToken(last) && !isBlockedToken(first.split(' ')[0]!);
  if (!tokensOk || followedByOrganisationWord(text, end)) return false;
  const firstToken = first.split(' ')[0]!;
  if (isSurname(last) && isFirstName(firstToken)) return 0.9;
  const context = contextOf(text, start, end);
  if (context === 'strong' && (isSurname(last) || isFirstName(firstToken))) return 0.88;
  return false;
}

export const PERSON_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.person.full_name',
    anchor: { runs: ['capitals'], notAfter: "A-Za-z0-9_@./'-", second: "a-z'" },
    type: 'PERSON',
    description: 'Full names (given name, optional middle name or initial, surname) checked against multilingual name lists and context',
    pattern: new RegExp(`${BEFORE}(?=(${T}(?:${JOIN}(?:\\p{Lu}\\.|${T})){1,2})${AFTER})${T}`, 'dgu'),
    group: 1,
    validator: fullNameValid,
    score: 0.86,
    examples: ['Maria Gonzalez', 'Chidi Okonkwo'],
  },
  {
    id: 'tier1.person.full_name_short',
    anchor: { runs: ['capitals'], notAfter: "A-Za-z0-9_@./'-", second: "a-z'" },
    type: 'PERSON',
    description: 'Two-token names where a third capitalised word follows (the three-token reading failed)',
    pattern: new RegExp(`${BEFORE}(?=(${T}${JOIN}${T})(?= \\p{Lu}))${T}`, 'dgu'),
    group: 1,
    validator: fullNameValid,
    score: 0.85,
  },
  {
    id: 'tier1.person.last_first',
    anchor: { runs: ['capitals'], notAfter: "A-Za-z0-9_@./'-", second: "a-z'" },
    type: 'PERSON',
    description: '"Last, First" as in directories and exports',
    pattern: new RegExp(`${BEFORE}(?=(${T}, ?${T}(?: \\p{Lu}\\.)?)${AFTER})${T}`, 'dgu'),
    group: 1,
    validator: lastFirstValid,
    score: 0.88,
    examples: ['Castillo, Chidi'],
  },
  {
    id: 'tier1.person.single',
    anchor: { runs: ['capitals'], notAfter: "A-Za-z0-9_@./'-", second: "a-z'" },
    type: 'PERSON',
    description: 'Single given names or surnames after titles, greetings, labels, in sign-offs, reported speech and CSV name columns',
    pattern: new RegExp(`${BEFORE}${T}${AFTER}`, 'gu'),
    validator: singleNameValid,
    score: 0.8,
    examples: ['Ms. Tran', 'Okonkwo said'],
  },
];
