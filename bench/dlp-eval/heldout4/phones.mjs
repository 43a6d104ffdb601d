/**
 * Phone numbers. US numbers use valid area codes and exchanges (2–9 first digit, no N11) and the
 * layouts people type; international numbers follow each country's national and international
 * layout (plans written from general knowledge of national numbering; subscriber digits are random,
 * so numbers are well-formed but may be unassigned, as in real data).
 * @example
 * usPhone(rng, 'dots');         // secret('PHONE', 'us:dots', '261.739.3313')
 * intlPhone(rng, 'GB');         // secret('PHONE', 'national:GB', '07899 913263') or 'international:GB'
 */
import { secret } from './marks.mjs';

const AREA = ['212', '213', '262', '305', '312', '347', '404', '415', '469', '503', '512', '602', '617', '646', '702', '713', '720', '773', '804', '818', '832', '857', '904', '919', '971', '978', '385', '458', '539', '726'];

function usParts(rng) {
  let exchange;
  do exchange = `${rng.int(2, 9)}${rng.digits(2)}`; while (exchange.endsWith('11') || exchange === '555');
  return [rng.pick(AREA), exchange, rng.digits(4)];
}

/** US layouts, keyed by form. */
export const US_LAYOUTS = {
  'dashes': ([a, e, n]) => `${a}-${e}-${n}`,
  'parens': ([a, e, n]) => `(${a}) ${e}-${n}`,
  'parens-nospace': ([a, e, n]) => `(${a})${e}-${n}`,
  'dots': ([a, e, n]) => `${a}.${e}.${n}`,
  'spaces': ([a, e, n]) => `${a} ${e} ${n}`,
  'bare10': ([a, e, n]) => `${a}${e}${n}`,
  'plus1-spaces': ([a, e, n]) => `+1 ${a} ${e} ${n}`,
  'plus1-dashes': ([a, e, n]) => `+1-${a}-${e}-${n}`,
  'plus1-parens': ([a, e, n]) => `+1 (${a}) ${e}-${n}`,
  'plus1-compact': ([a, e, n]) => `+1${a}${e}${n}`,
  '1-dashes': ([a, e, n]) => `1-${a}-${e}-${n}`,
  'ext': ([a, e, n]) => `(${a}) ${e}-${n}`,
};

/** A US number in `form`; "ext" forms are followed by an extension outside the label. */
export function usPhone(rng, form = rng.pick(Object.keys(US_LAYOUTS))) {
  const label = secret('PHONE', `us:${form}`, US_LAYOUTS[form](usParts(rng)));
  return form === 'ext' ? [label, rng.pick([' ext. ', ' x', ' ext ', ', ext. ']), String(rng.int(10, 4999))] : label;
}

const d = (rng, n) => rng.digits(n);
/** Country → [national, international] writers. */
export const COUNTRIES = {
  GB: [(r) => `07${r.int(4, 9)}${d(r, 2)} ${d(r, 6)}`, (r) => `+44 20 ${r.int(3, 8)}${d(r, 3)} ${d(r, 4)}`],
  DE: [(r) => `0${r.pick(['151', '160', '172', '176'])} ${d(r, 8)}`, (r) => `+49 30 ${d(r, 8)}`],
  FR: [(r) => `0${r.int(1, 7)} ${d(r, 2)} ${d(r, 2)} ${d(r, 2)} ${d(r, 2)}`, (r) => `+33 ${r.int(1, 7)} ${d(r, 2)} ${d(r, 2)} ${d(r, 2)} ${d(r, 2)}`],
  ES: [(r) => `${r.pick(['6', '7', '9'])}${d(r, 2)} ${d(r, 2)} ${d(r, 2)} ${d(r, 2)}`, (r) => `+34 ${r.pick(['6', '9'])}${d(r, 2)} ${d(r, 3)} ${d(r, 3)}`],
  IT: [(r) => `3${r.int(2, 9)}${d(r, 1)} ${d(r, 3)} ${d(r, 4)}`, (r) => `+39 06 ${d(r, 4)} ${d(r, 4)}`],
  NL: [(r) => `06-${d(r, 8)}`, (r) => `+31 6 ${d(r, 4)} ${d(r, 4)}`],
  JP: [(r) => `0${r.pick(['90', '80', '70'])}-${d(r, 4)}-${d(r, 4)}`, (r) => `+81 3-${d(r, 4)}-${d(r, 4)}`],
  IN: [(r) => `0${r.int(7, 9)}${d(r, 4)} ${d(r, 5)}`, (r) => `+91 ${r.int(7, 9)}${d(r, 4)} ${d(r, 5)}`],
  BR: [(r) => `(${r.pick(['11', '21', '31'])}) 9${d(r, 4)}-${d(r, 4)}`, (r) => `+55 11 9${d(r, 4)}-${d(r, 4)}`],
  MX: [(r) => `55 ${d(r, 4)} ${d(r, 4)}`, (r) => `+52 55 ${d(r, 4)} ${d(r, 4)}`],
  AU: [(r) => `04${d(r, 2)} ${d(r, 3)} ${d(r, 3)}`, (r) => `+61 4${d(r, 2)} ${d(r, 3)} ${d(r, 3)}`],
  SE: [(r) => `07${r.pick(['0', '2', '3', '6'])}-${d(r, 3)} ${d(r, 2)} ${d(r, 2)}`, (r) => `+46 8 ${d(r, 3)} ${d(r, 2)} ${d(r, 2)}`],
  IE: [(r) => `08${r.int(3, 9)} ${d(r, 3)} ${d(r, 4)}`, (r) => `+353 1 ${d(r, 3)} ${d(r, 4)}`],
  ZA: [(r) => `0${r.pick(['82', '83', '72', '71'])} ${d(r, 3)} ${d(r, 4)}`, (r) => `+27 21 ${d(r, 3)} ${d(r, 4)}`],
  NG: [(r) => `080${r.int(2, 9)} ${d(r, 3)} ${d(r, 4)}`, (r) => `+234 80${r.int(2, 9)} ${d(r, 3)} ${d(r, 4)}`],
  KR: [(r) => `010-${d(r, 4)}-${d(r, 4)}`, (r) => `+82 10-${d(r, 4)}-${d(r, 4)}`],
  SG: [(r) => `${r.pick(['8', '9'])}${d(r, 3)} ${d(r, 4)}`, (r) => `+65 ${r.pick(['8', '9', '6'])}${d(r, 3)} ${d(r, 4)}`],
  CH: [(r) => `07${r.pick(['6', '8', '9'])} ${d(r, 3)} ${d(r, 2)} ${d(r, 2)}`, (r) => `+41 44 ${d(r, 3)} ${d(r, 2)} ${d(r, 2)}`],
  PL: [(r) => `${r.pick(['5', '6', '7', '8'])}${d(r, 2)} ${d(r, 3)} ${d(r, 3)}`, (r) => `+48 ${r.pick(['5', '6'])}${d(r, 2)} ${d(r, 3)} ${d(r, 3)}`],
  AE: [(r) => `05${r.pick(['0', '2', '5', '6'])} ${d(r, 3)} ${d(r, 4)}`, (r) => `+971 4 ${d(r, 3)} ${d(r, 4)}`],
};

/**
 * A number of `country` in its national or international layout; "international-00" writes the
 * international form with the 00 exit code that most of Europe dials instead of "+".
 */
export function intlPhone(rng, country = rng.pick(Object.keys(COUNTRIES)), layout = rng.weighted([[5, 'national'], [4, 'international'], [1, 'international-00']])) {
  const [national, international] = COUNTRIES[country];
  const text = layout === 'national' ? national(rng) : international(rng);
  return secret('PHONE', `${layout}:${country}`, layout === 'international-00' ? text.replace(/^\+/, '00') : text);
}

/** Any phone, US two times in three. */
export const anyPhone = (rng) => (rng.chance(0.66) ? usPhone(rng) : intlPhone(rng));
