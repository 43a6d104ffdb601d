/**
 * Words that say a number is a phone number, in the languages of the text the gateway sees: the
 * labels of forms, signatures, JSON keys and chat ("phone", "Tel.", "mobileNumber", "my new
 * number", "Meu telefone é", "我的电话号是", "Телефон:"). Written for this project from common
 * usage; no outside list was copied.
 */
import { normalizeText } from '../normalize.js';

/** Phone words, lower case; a word may carry a "number" suffix in the pattern below (phoneNumber, mobile_no, telNr). */
const PHONE_WORDS: readonly string[] = [
  // English
  'phone', 'phones', 'ph', 'tel', 'tele', 'telephone', 'call', 'callback', 'call-back', 'called', 'calling', 'mobile', 'mob', 'cell',
  'cellphone', 'fax', 'contact', 'whatsapp', 'signal', 'sms', 'text', 'texted', 'reach', 'landline', 'direct', 'desk', 'dial', 'ring',
  'hotline', 'helpline', 'office', 'home', 'work', 'emergency', 'pager', 'voice', 'voicemail', 'answering', 'answer', 'messages',
  'message', 'msg', 'phoned', 'texting', 'alt', 'alternate',
  'next of kin', 'call me', 'ring me', 'text me',
  // Spanish, Portuguese, French, Italian, German, Dutch, Polish, Turkish, Nordic
  'teléfono', 'telefono', 'telefone', 'fone', 'móvil', 'movil', 'celular', 'contacto', 'contato', 'téléphone', 'tél', 'portable',
  'cellulare', 'telefon', 'handy', 'mobil', 'mobiel', 'rufnummer', 'telefoon', 'telefoonnummer', 'komórka', 'komorka', 'cep', 'puhelin',
  'numéro de téléphone', 'número de teléfono', 'número de telefone', 'numero di telefono',
  // "call me (at)" in those languages: "Puede llamarme al …", "me ligue no …", "appelez-moi au …", "rufen Sie mich unter … an".
  'llamar', 'llamarme', 'llámame', 'llamame', 'llámenos', 'llamenos', 'ligar', 'ligue', 'liga', 'appeler', 'appelez', 'appelez-moi', 'rappeler',
  'anrufen', 'rufen sie mich', 'erreichbar', 'chiamare', 'chiamami', 'bellen', 'bel me',
  // Russian, Ukrainian, Greek, Arabic, Hebrew, Hindi
  'телефон', 'тел', 'моб', 'мобильный', 'τηλέφωνο', 'τηλ', 'هاتف', 'جوال', 'טלפון', 'फ़ोन', 'फोन', 'मोबाइल',
  // Chinese, Japanese, Korean
  '电话', '電話', '手机', '手機', '联系电话', '携帯', '電話番号', '전화', '전화번호', '휴대폰', '연락처',
];

/**
 * The words as the scanner sees them: normalisation folds Cyrillic and Greek look-alike letters to
 * Latin ("Телефон" arrives as a mix of both, and folding differs by case), so each word is matched
 * in its folded forms (lower, capitalised, upper case) too.
 */
const SCANNED_WORDS: readonly string[] = [
  ...new Set(PHONE_WORDS.flatMap((word) => [word, ...[word, word[0]!.toUpperCase() + word.slice(1), word.toUpperCase()].map((w) => normalizeText(w).text.toLowerCase())])),
];

/**
 * Phone words that are also everyday nouns ("for office use", "work anniversary", "home address",
 * "text of the contract"): they label a number only right before it ("Office: 555 …", "home 555 …",
 * "work no. 555 …"), not a few words earlier.
 * @example
 * WEAK_PHONE_WORDS.has('office'); // true
 */
export const WEAK_PHONE_WORDS: ReadonlySet<string> = new Set(['office', 'home', 'work', 'desk', 'direct', 'main', 'text', 'signal', 'voice', 'alt', 'alternate', 'ring', 'liga']);

/** Possessives before "number" that make it a phone number: "my new number", "their number". */
const NUMBER_PHRASE = String.raw`(?:my|new|our|his|her|their|your|the same|a different) number`;

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/**
 * Phone words (whole words, lower-case text) before a number; global, so a caller can find the last
 * one in a window. The "number" suffix makes phoneNumber, mobile_no and tel-nr one label.
 * @example
 * PHONE_WORD.lastIndex = 0; PHONE_WORD.test('"phonenumber": "'); // true
 */
export const PHONE_WORD = new RegExp(
  String.raw`(?:^|[^a-z])(?:${[...SCANNED_WORDS].sort((a, b) => b.length - a.length).map(escape).join('|')}|${NUMBER_PHRASE})(?:[ _-]?(?:number|num|no|nr))?(?![a-z])`,
  'g',
);

/**
 * Prefilter for the detectors that need a phone word or column: the words above, their
 * "number" compounds as one word (phonenumber), column names and one-letter signature labels.
 */
export const PHONE_KEYWORDS: readonly string[] = [
  ...SCANNED_WORDS, 'main', 'msisdn', 'numéro', 'número', 'number', 'phonenumber', 'phoneno', 'mobilenumber', 'mobileno', 'cellnumber',
  'telnumber', 'telno', 'faxnumber', 'contactnumber',
  // HL7 v2 patient and next-of-kin segments, whose phone fields context/hl7-fields.ts names.
  'pid|', 'nk1|', 't:', 'm:', 'f:', 'p:', 'c:', 'h:', 'w:', 't.:', 'm.:',
];
