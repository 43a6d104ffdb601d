/**
 * Dates in the formats forms, records and prose use. A birth date is labelled DATE_OF_BIRTH only
 * where its context says so (the templates supply that context); the same formats with other
 * context ("invoice date", "hired on") are hard negatives of kind `date`.
 * @example
 * birthDate(rng)           // {type: 'DATE_OF_BIRTH', text: '14.03.1987'}
 * ordinaryDate(rng)        // {kind: 'date', text: 'March 3, 2025'}
 */
import { neg, val } from '../builder.mjs';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const p2 = (n) => String(n).padStart(2, '0');
const ordinal = (n) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

export const DATE_FORMATS = {
  iso: (y, m, d) => `${y}-${p2(m)}-${p2(d)}`,
  us: (y, m, d) => `${p2(m)}/${p2(d)}/${y}`,
  usShort: (y, m, d) => `${m}/${d}/${String(y).slice(2)}`,
  usLoose: (y, m, d) => `${m}/${d}/${y}`,
  eu: (y, m, d) => `${p2(d)}/${p2(m)}/${y}`,
  dotted: (y, m, d) => `${p2(d)}.${p2(m)}.${y}`,
  dashedEu: (y, m, d) => `${p2(d)}-${p2(m)}-${y}`,
  long: (y, m, d) => `${MONTHS[m - 1]} ${d}, ${y}`,
  longEu: (y, m, d) => `${d} ${MONTHS[m - 1]} ${y}`,
  abbr: (y, m, d) => `${MONTHS[m - 1].slice(0, 3)} ${d}, ${y}`,
  abbrEu: (y, m, d) => `${p2(d)}-${MONTHS[m - 1].slice(0, 3)}-${y}`,
  abbrUpper: (y, m, d) => `${p2(d)}${MONTHS[m - 1].slice(0, 3).toUpperCase()}${y}`,
  ordinal: (y, m, d) => `${ordinal(d)} ${MONTHS[m - 1]} ${y}`,
  slashIso: (y, m, d) => `${y}/${p2(m)}/${p2(d)}`,
  compact: (y, m, d) => `${y}${p2(m)}${p2(d)}`,
};
const FORMAT_WEIGHTS = [[5, 'iso'], [6, 'us'], [1, 'usShort'], [2, 'usLoose'], [3, 'eu'], [2, 'dotted'], [1, 'dashedEu'], [3, 'long'], [2, 'longEu'], [2, 'abbr'], [1, 'abbrEu'], [0.5, 'abbrUpper'], [0.5, 'ordinal'], [1, 'slashIso'], [0.5, 'compact']];

export function ymd(rng, fromYear, toYear) {
  const y = rng.int(fromYear, toYear);
  const m = rng.int(1, 12);
  const d = rng.int(1, [31, y % 4 ? 28 : 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]);
  return [y, m, d];
}

/** A birth date and the age it implies on 2026-11-29 (for "age 37" beside it). */
export function birthDate(rng, format = rng.weighted(FORMAT_WEIGHTS)) {
  const [y, m, d] = ymd(rng, 1938, 2008);
  const age = 2026 - y - (m > 11 || (m === 11 && d > 29) ? 1 : 0);
  return Object.assign(val('DATE_OF_BIRTH', DATE_FORMATS[format](y, m, d), format), { age, format });
}

/** An ordinary date (an event, a deadline, a record date): a hard negative. */
export function ordinaryDate(rng, format = rng.weighted(FORMAT_WEIGHTS.filter(([, f]) => f !== 'compact'))) {
  const [y, m, d] = ymd(rng, 2015, 2027);
  return neg('date', DATE_FORMATS[format](y, m, d));
}

export function timestamp(rng) {
  const [y, m, d] = ymd(rng, 2023, 2026);
  const t = `${p2(rng.int(0, 23))}:${p2(rng.int(0, 59))}:${p2(rng.int(0, 59))}`;
  return neg('timestamp', rng.pick([`${y}-${p2(m)}-${p2(d)}T${t}.${rng.digits(3)}Z`, `${y}-${p2(m)}-${p2(d)} ${t}`, `${y}-${p2(m)}-${p2(d)}T${t}+0${rng.int(0, 9)}:00`, `${String(1_700_000_000 + rng.int(0, 90_000_000))}`]));
}
