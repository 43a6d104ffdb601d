/**
 * Dates in the formats business text uses. A birth date is a real calendar date in 1940–2006 and is
 * labelled only where the text says it is one (the writers add the context); an ordinary date
 * (appointments, invoices, deadlines, hire dates) is 2018–2027 and is a hard negative.
 * @example
 * birthDate(rng);             // secret('DATE_OF_BIRTH', 'us-slash', '07/14/1986')
 * ordinaryDate(rng, 'long');  // decoy('ordinary_date', 'March 3, 2025')
 */
import { decoy, secret } from './marks.mjs';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n) => String(n).padStart(2, '0');
const ordinal = (d) => `${d}${d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th'}`;

/** Every format, as a function of (year, month 1-12, day). */
export const DATE_FORMATS = {
  'iso': (y, m, d) => `${y}-${pad(m)}-${pad(d)}`,
  'us-slash': (y, m, d) => `${pad(m)}/${pad(d)}/${y}`,
  'us-slash-unpadded': (y, m, d) => `${m}/${d}/${y}`,
  'us-slash-2digit': (y, m, d) => `${m}/${d}/${String(y).slice(2)}`,
  'us-dash': (y, m, d) => `${pad(m)}-${pad(d)}-${y}`,
  'eu-dot': (y, m, d) => `${pad(d)}.${pad(m)}.${y}`,
  'eu-slash': (y, m, d) => `${pad(d)}/${pad(m)}/${y}`,
  'long': (y, m, d) => `${MONTHS[m - 1]} ${d}, ${y}`,
  'long-ordinal': (y, m, d) => `${MONTHS[m - 1]} ${ordinal(d)}, ${y}`,
  'day-month-year': (y, m, d) => `${d} ${MONTHS[m - 1]} ${y}`,
  'short-month': (y, m, d) => `${MONTHS[m - 1].slice(0, 3)} ${d}, ${y}`,
  'dd-mon-yyyy': (y, m, d) => `${pad(d)}-${MONTHS[m - 1].slice(0, 3)}-${y}`,
  'dd-MON-yy': (y, m, d) => `${pad(d)}-${MONTHS[m - 1].slice(0, 3).toUpperCase()}-${String(y).slice(2)}`,
  'compact': (y, m, d) => `${y}${pad(m)}${pad(d)}`,
  'iso-slash': (y, m, d) => `${y}/${pad(m)}/${pad(d)}`,
};
export const FORMAT_NAMES = Object.keys(DATE_FORMATS);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** A real calendar date in [from, to]. */
export function calendarDate(rng, from, to) {
  const y = rng.int(from, to);
  const m = rng.int(1, 12);
  const d = rng.int(1, m === 2 && leap(y) ? 29 : DAYS_IN_MONTH[m - 1]);
  return { y, m, d };
}

/** A birth date in `form` (random when omitted). */
export function birthDate(rng, form = rng.pick(FORMAT_NAMES)) {
  const { y, m, d } = calendarDate(rng, 1940, 2006);
  return secret('DATE_OF_BIRTH', form, DATE_FORMATS[form](y, m, d));
}

/** A date that is not a birth date: an appointment, invoice, deadline or hire date. */
export function ordinaryDate(rng, form = rng.pick(FORMAT_NAMES.filter((f) => f !== 'compact'))) {
  const { y, m, d } = calendarDate(rng, 2018, 2027);
  return decoy('ordinary_date', DATE_FORMATS[form](y, m, d));
}

/** An age as a number of years matching a birth year, for "42-year-old" statements. */
export const age = (rng) => rng.int(19, 84);
