/**
 * DATE_OF_BIRTH: a date in any common layout (ISO, US, European, dotted, written months in
 * several forms, "3rd of March 1985") that its surroundings call a birth date: a form label or
 * JSON/YAML key (DOB, date_of_birth, birthDate), a CSV column headed dob/birth, "born on",
 * "birthday", or an age statement. An ordinary date without such context is never reported.
 */
import type { Candidate, Detector } from '../detector.js';
import { textAfter, textBefore } from './context/nearby.js';
import { answersQuestion } from './context/asked.js';
import { columnHeaderAt } from './context/table-columns.js';

const MONTH_NAME = String.raw`(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may\.?|june?\.?|july?\.?|aug(?:ust|\.)?|sep(?:t(?:ember)?)?\.?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)`;
/**
 * Month names of French, German, Spanish, Italian, Portuguese and Dutch forms, written day first
 * ("14 mars 1987", "14. März 1987", "14 de marzo de 1987"); the index in FOREIGN_MONTHS is the month.
 */
const FOREIGN_MONTHS: readonly RegExp[] = [
  /janv|januar|enero|gennaio|janeiro/, /f[ée]vr|februar|febrero|febbraio|fevereiro/, /mars|m[äa]rz|marzo|maart|mar[çc]o/, /avr|abril|aprile/,
  /mai|mayo|maggio|maio|mei/, /juin|juni|junio|giugno|junho/, /juil|juli|julio|luglio|julho/, /ao[ûu]t|agosto|augustus/,
  /sept|septiembre|setiembre|settembre|setembro/, /oktober|octubre|ottobre|outubro/, /novembre|noviembre|novembro/, /d[ée]c|dezember|diciembre|dicembre|dezembro/,
];
const FOREIGN_MONTH_NAME = String.raw`(?:janv(?:ier|\.)?|f[ée]vr(?:ier|\.)?|mars|avr(?:il|\.)?|mai|juin|juil(?:let|\.)?|ao[ûu]t|sept(?:embre|\.)?|oct(?:obre|\.)?|nov(?:embre|\.)?|d[ée]c(?:embre|\.)?|januar|februar|m[äa]rz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro|januari|februari|maart|mei|augustus)`;
const ORDINAL = String.raw`(?:st|nd|rd|th)?`;
const DATE = [
  String.raw`\d{4}[-/.]\d{1,2}[-/.]\d{1,2}`,
  String.raw`\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})`,
  // "14 March 1987", "3rd of March 1987", and German/Dutch "14. April 1987" (months spelt as in English).
  String.raw`\d{1,2}${ORDINAL}\.?(?: of)?[ \-]${MONTH_NAME}(?:,? |-)(?:\d{4}|'?\d{2})`,
  String.raw`${MONTH_NAME}[ \-]\d{1,2}${ORDINAL}(?:, ?| |-)(?:\d{4}|'?\d{2})`,
  // Travel and HR systems: 12JAN1954, 02Apr1986.
  String.raw`\d{1,2}(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\d{4}`,
  String.raw`\d{4}${'(?:0[1-9]|1[0-2])'}${'(?:0[1-9]|[12]\\d|3[01])'}`,
  // Compact day or month first, year last: 14031987 (DDMMYYYY), 03141987 (MMDDYYYY).
  String.raw`(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|[12]\d|3[01])(?:19|20)\d{2}`,
  String.raw`\d{1,2}(?:\.|º|er)?(?: de)?[ \-]${FOREIGN_MONTH_NAME}(?: de |,? |-)\d{4}`,
  // Chinese/Japanese 1987年3月14日 and Korean 1987년 3월 14일.
  String.raw`\d{4}(?:年|년 ?)\d{1,2}(?:月|월 ?)\d{1,2}(?:日|일)`,
].join('|');

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Birth words (whole words) and keys: DOB, d.o.b., date of birth, birthDate, born, birthday. */
const BIRTH_WORD = /(?:^|[^a-z])(?:dob|d\.o\.b\.?|date[ _-]?of[ _-]?birth|dateofbirth|birth[ _-]?date(?:[ \t]+(?:on|in|per|from)[ \t]+(?:the[ \t]+)?(?:id|file|record|passport|licen[cs]e|card|form|document)s?)?|birthdate|birth[ _-]?day|birthday|bday|b-day|born(?: on| in)?|birth|geburtsdatum|geb\.|date de naissance|né le|née le|fecha de nacimiento|data di nascita|data de nascimento|nacido el|nacida el|nascido em|nascida em|nato il|nata il|nato a [a-z]{2,20},?|geboren(?: am| op)?|geb\. am|f\. ?nac\.?|fec(?:ha)?\.? ?(?:de )?nac(?:imiento|\.)?|nasc\.|data de nasc\.?|f[øo]dselsdato|f[øo]dt|f[öo]delsedatum|f[öo]dd|geboortedatum|data urodzenia|urodzon[ay]|do[ğg]um tarihi|syntym[äa]aika|生年月日|出生日期|出生年月日|생년월일|b\.)["']?[ \t]*(?:[([][a-z/.\- ]{2,14}[)\]][ \t]*)?(?:[:=>|\-–]|=>|is|was|of|\.{2,40})?[ \t]*\n?[ \t]*["']?[ \t]*$/;
/** Age statements right before a date, with nothing but punctuation between: "age 39, 03/14/1985", "(39 years old) …". */
const AGE_BEFORE = /(?:^|[^a-z])(?:(?:age|aged)[ \t:]*\d{1,3}|\d{1,3}[ \t-]?(?:years?[ \t-]old|yrs?[ \t-]old|y\/o|yo))[ \t]*[,;:()\-–—]*[ \t]*(?:born|dob|b\.)?[ \t:]*$/;
/** A birth word or age right after the date on the same line: "03/14/1985 (DOB)", "1985-03-14, age 39". */
const BIRTH_AFTER = /^[ \t]*[,;]?[ \t]*[([]?[ \t]*(?:dob|d\.o\.b|date of birth|birth ?date|birthday|born|(?:age|aged)[ \t:]*\d{1,3}|\d{1,3}[ \t]?(?:years? old|yrs? old|y\/o))(?![a-z])(?![ \t]*:)/;
/** Other dates that sit in forms next to a birth date: these labels mean it is not the birth date. */
const OTHER_DATE_LABEL = /(?:hire|hired|start|joined|join|issue|issued|expir|expires|admission|admitted|visit|appointment|created|updated|modified|signed|effective|due|renewal|termination|travel|departure|arrival|order|invoice|payment|service|incident|exam|test|today|date)/;
/** A birth date asked for on the line before a reply. */
const BIRTH_ASKED = /(?:^|[^a-z])(?:dob|d\.o\.b|birth|born|birthday|bday)(?![a-z])/;
const BIRTH_COLUMN = /(?:dob|birth|bday|born|geburt|naissance|nacimiento|nascita|nascimento|f[øo]dsel|f[öo]delse|geboorte|urodzenia|do[ğg]um|syntym|生年月日|出生|생년월일)/;

/** A year as written: four digits, or two read as the most recent year ending so (85 → 1985, 04 → 2004). */
function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length !== 2) return year;
  return year + (year > new Date().getUTCFullYear() % 100 ? 1900 : 2000);
}

/** Year, month, day of a matched date, or undefined. Two-digit years read as 19xx/20xx. */
function partsOf(value: string): [number, number, number] | undefined {
  const v = value.toLowerCase();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(v) ?? /^((?:19|20)\d{2})(\d{2})(\d{2})$/.exec(v);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  // Eight digits with the year last: day or month first, as with slashes below.
  m = /^(\d{2})(\d{2})((?:19|20)\d{2})$/.exec(v);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return a > 12 ? [Number(m[3]), b, a] : [Number(m[3]), a, b];
  }
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(v);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = fullYear(m[3]!);
    // US month/day or European day/month: either reading may be the valid one.
    return a > 12 ? [year, b, a] : [year, a, b];
  }
  m = /^(\d{4})(?:年|년 ?)(\d{1,2})(?:月|월 ?)(\d{1,2})/.exec(v);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  const english = MONTHS.findIndex((name) => v.includes(name)) + 1;
  const month = english || FOREIGN_MONTHS.findIndex((name) => name.test(v)) + 1;
  // Written month: the first number is the day, the last the year (two digits read as above).
  const numbers = v.match(/\d+/g) ?? [];
  if (!month || numbers.length !== 2 || numbers[0]!.length > 2) return undefined;
  return [fullYear(numbers[1]!), month, Number(numbers[0])];
}

function plausibleBirthDate(value: string): boolean {
  const parts = partsOf(value);
  if (!parts) return false;
  const [year, month, day] = parts;
  return year >= 1900 && year <= new Date().getUTCFullYear() && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Whether the surroundings call this date a birth date. */
function birthContext({ text, start, end }: Candidate): number | false {
  const header = columnHeaderAt(text, start, end);
  if (header !== undefined && BIRTH_COLUMN.test(header)) return 0.95;
  const before = textBefore(text, start, 48);
  if (BIRTH_WORD.test(before)) return 0.95;
  // A column headed otherwise (hire date, visit): only a label in the same cell could call it a birth date.
  if (header !== undefined) return false;
  // "Born: Lagos, 14 March 1985" / "DOB (MM/DD/YYYY): …": a birth word a little further back, with no other date label between.
  const wider = /(?:dob|d\.o\.b|birth|born)([^\n]{0,40})$/.exec(before);
  if (wider && !/\d{2}/.test(wider[1]!) && !OTHER_DATE_LABEL.test(wider[1]!)) return 0.9;
  if (BIRTH_AFTER.test(textAfter(text, end, 24))) return 0.9;
  if (AGE_BEFORE.test(before.slice(-28))) return 0.85;
  // A chat reply to a line that asked for the birth date ("your date of birth?" / "Visitor: 3/3/61").
  if (answersQuestion(text, start, (question) => BIRTH_ASKED.test(question))) return 0.9;
  return false;
}

export const BIRTH_DATE_DETECTORS: readonly Detector[] = [
  {
    id: 'tier1.date_of_birth',
    // From DATE: a leading run of one or two digits goes on with a separator, an ordinal or a month
    // name (st, nd, rd, th, er, jan–dec); one of four with a separator (or 年/년); one of eight stands alone (YYYYMMDD).
    anchor: [
      { runs: ['digits'], digitRun: [1, 2], afterDigits: 'adefjmnorstADEFJMNORST ./-', notAfter: 'A-Za-z0-9_/.-' },
      { runs: ['digits'], digitRun: [4, 4], afterDigits: './-', notAfter: 'A-Za-z0-9_/.-' },
      { runs: ['digits'], digitRun: [8, 8], notAfter: 'A-Za-z0-9_/.-' },
      { literals: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'], notAfter: 'A-Za-z0-9_/.-' },
    ],
    type: 'DATE_OF_BIRTH',
    description: 'Dates (ISO, US, European, dotted, written months, ordinals) that a label, key, CSV column, "born" or an age statement calls a birth date',
    pattern: new RegExp(`(?<![\\w/.-])(?:${DATE})(?![\\w/]|[.-]\\d)`, 'gi'),
    keywords: ['dob', 'birth', 'born', 'd.o.b', 'bday', 'b-day', 'age', 'geb', 'naissance', 'nacimiento', 'nascita', 'nascimento', 'nacido', 'nascido', 'nasc.', 'nac.', 'pid|', 'née', 'né le', 'b.', 'nato', 'nata', 'nacida', 'nascida', 'geboren', 'fødselsdato', 'født', 'fodselsdato', 'födelsedatum', 'född', 'geboortedatum', 'urodzenia', 'urodzony', 'urodzona', 'doğum', 'dogum', 'syntymäaika', '生年月日', '出生', '생년월일', 'y/o', 'yo', 'years old', 'year old', 'years-old', 'yrs'],
    keywordsCaseInsensitive: true,
    validator: (candidate) => (plausibleBirthDate(candidate.value) ? birthContext(candidate) : false),
    score: 0.9,
    examples: ['DOB: 03/14/1985', 'born on the 3rd of March 1985', '"birthDate": "1985-03-14"'],
  },
];
