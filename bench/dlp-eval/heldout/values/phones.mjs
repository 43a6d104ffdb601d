/**
 * Telephone numbers as people type them: US numbers in every common layout and international
 * numbers in their countries' national and international layouts. Numbers are well-formed for
 * their plan (valid area codes and mobile prefixes) but random, so most are unassigned.
 * @example
 * phone(rng) // {type: 'PHONE', text: '+44 20 7946 3310'}
 */
import { val } from '../builder.mjs';

function usParts(rng) {
  let area;
  do area = `${rng.int(2, 9)}${rng.digits(2)}`; while (area[1] === '1' && area[2] === '1' || area[1] === '9' || area === '555');
  let exchange;
  do exchange = `${rng.int(2, 9)}${rng.digits(2)}`; while (exchange.endsWith('11') || exchange === '555');
  return [area, exchange, rng.digits(4)];
}

const US_LAYOUTS = [
  ([a, e, l]) => `(${a}) ${e}-${l}`,
  ([a, e, l]) => `${a}-${e}-${l}`,
  ([a, e, l]) => `${a}.${e}.${l}`,
  ([a, e, l]) => `${a}${e}${l}`,
  ([a, e, l]) => `+1 ${a} ${e} ${l}`,
  ([a, e, l]) => `+1-${a}-${e}-${l}`,
  ([a, e, l]) => `+1 (${a}) ${e}-${l}`,
  ([a, e, l]) => `1-${a}-${e}-${l}`,
  ([a, e, l]) => `+1${a}${e}${l}`,
  ([a, e, l]) => `${a} ${e} ${l}`,
  ([a, e, l]) => `(${a})${e}-${l}`,
];

export function usPhone(rng) {
  const layout = rng.int(0, US_LAYOUTS.length - 1);
  return val('PHONE', US_LAYOUTS[layout](usParts(rng)), layout === 3 ? 'us-bare' : 'us');
}

const d = (rng, n) => rng.digits(n);
/** [country, national layout, international layout], each a function of rng. */
const INTERNATIONAL = [
  ['GB', (r) => `020 ${r.int(3, 8)}${d(r, 3)} ${d(r, 4)}`, (r) => `+44 20 ${r.int(3, 8)}${d(r, 3)} ${d(r, 4)}`],
  ['GB', (r) => `07${r.int(4, 9)}${d(r, 2)} ${d(r, 6)}`, (r) => `+44 7${r.int(4, 9)}${d(r, 2)} ${d(r, 6)}`],
  ['GB', (r) => `0161 ${r.int(2, 9)}${d(r, 2)} ${d(r, 4)}`, (r) => `+44 161 ${r.int(2, 9)}${d(r, 2)} ${d(r, 4)}`],
  ['DE', (r) => `030 ${r.int(2, 9)}${d(r, 7)}`, (r) => `+49 30 ${r.int(2, 9)}${d(r, 7)}`],
  ['DE', (r) => `0151 ${d(r, 8)}`, (r) => `+49 151 ${d(r, 8)}`],
  ['DE', (r) => `089 / ${r.int(2, 9)}${d(r, 3)} ${d(r, 3)}`, (r) => `+49 (0)89 ${r.int(2, 9)}${d(r, 6)}`],
  ['FR', (r) => `06 ${d(r, 2)} ${d(r, 2)} ${d(r, 2)} ${d(r, 2)}`, (r) => `+33 6 ${d(r, 2)} ${d(r, 2)} ${d(r, 2)} ${d(r, 2)}`],
  ['FR', (r) => `01.${d(r, 2)}.${d(r, 2)}.${d(r, 2)}.${d(r, 2)}`, (r) => `+33 1 ${d(r, 2)} ${d(r, 2)} ${d(r, 2)} ${d(r, 2)}`],
  ['JP', (r) => `090-${d(r, 4)}-${d(r, 4)}`, (r) => `+81 90-${d(r, 4)}-${d(r, 4)}`],
  ['JP', (r) => `03-${r.int(3, 6)}${d(r, 3)}-${d(r, 4)}`, (r) => `+81 3 ${r.int(3, 6)}${d(r, 3)} ${d(r, 4)}`],
  ['IN', (r) => `0${r.int(7, 9)}${d(r, 4)} ${d(r, 5)}`, (r) => `+91 ${r.int(7, 9)}${d(r, 4)} ${d(r, 5)}`],
  ['IN', (r) => `${r.int(7, 9)}${d(r, 9)}`, (r) => `+91-${r.int(7, 9)}${d(r, 9)}`],
  ['BR', (r) => `(11) 9${d(r, 4)}-${d(r, 4)}`, (r) => `+55 11 9${d(r, 4)}-${d(r, 4)}`],
  ['AU', (r) => `04${d(r, 2)} ${d(r, 3)} ${d(r, 3)}`, (r) => `+61 4${d(r, 2)} ${d(r, 3)} ${d(r, 3)}`],
  ['AU', (r) => `(02) ${r.int(8, 9)}${d(r, 3)} ${d(r, 4)}`, (r) => `+61 2 ${r.int(8, 9)}${d(r, 3)} ${d(r, 4)}`],
  ['MX', (r) => `55 ${d(r, 4)} ${d(r, 4)}`, (r) => `+52 55 ${d(r, 4)} ${d(r, 4)}`],
  ['ES', (r) => `6${d(r, 2)} ${d(r, 3)} ${d(r, 3)}`, (r) => `+34 6${d(r, 2)} ${d(r, 3)} ${d(r, 3)}`],
  ['IT', (r) => `3${r.int(2, 9)}${d(r, 1)} ${d(r, 3)} ${d(r, 4)}`, (r) => `+39 3${r.int(2, 9)}${d(r, 1)} ${d(r, 3)} ${d(r, 4)}`],
  ['NL', (r) => `06-${d(r, 8)}`, (r) => `+31 6 ${d(r, 8)}`],
  ['NG', (r) => `080${r.int(3, 9)} ${d(r, 3)} ${d(r, 4)}`, (r) => `+234 80${r.int(3, 9)} ${d(r, 3)} ${d(r, 4)}`],
  ['KE', (r) => `07${d(r, 2)} ${d(r, 6)}`, (r) => `+254 7${d(r, 2)} ${d(r, 6)}`],
  ['ZA', (r) => `082 ${d(r, 3)} ${d(r, 4)}`, (r) => `+27 82 ${d(r, 3)} ${d(r, 4)}`],
  ['KR', (r) => `010-${d(r, 4)}-${d(r, 4)}`, (r) => `+82 10-${d(r, 4)}-${d(r, 4)}`],
  ['CN', (r) => `138 ${d(r, 4)} ${d(r, 4)}`, (r) => `+86 138 ${d(r, 4)} ${d(r, 4)}`],
  ['CZ', (r) => `60${r.int(1, 8)} ${d(r, 2)} ${d(r, 2)} ${d(r, 2)}`, (r) => `+420 60${r.int(1, 8)} ${d(r, 3)} ${d(r, 3)}`],
  ['PL', (r) => `5${d(r, 2)} ${d(r, 3)} ${d(r, 3)}`, (r) => `+48 5${d(r, 2)} ${d(r, 3)} ${d(r, 3)}`],
  ['SE', (r) => `070-${d(r, 3)} ${d(r, 2)} ${d(r, 2)}`, (r) => `+46 70 ${d(r, 3)} ${d(r, 2)} ${d(r, 2)}`],
  ['IE', (r) => `08${r.int(3, 9)} ${d(r, 3)} ${d(r, 4)}`, (r) => `+353 8${r.int(3, 9)} ${d(r, 3)} ${d(r, 4)}`],
  ['AE', (r) => `05${r.int(0, 6)} ${d(r, 3)} ${d(r, 4)}`, (r) => `+971 5${r.int(0, 6)} ${d(r, 3)} ${d(r, 4)}`],
  ['SG', (r) => `${r.int(8, 9)}${d(r, 3)} ${d(r, 4)}`, (r) => `+65 ${r.int(8, 9)}${d(r, 3)} ${d(r, 4)}`],
  ['PH', (r) => `0917 ${d(r, 3)} ${d(r, 4)}`, (r) => `+63 917 ${d(r, 3)} ${d(r, 4)}`],
  ['CA', (r) => `(${r.pick(['416', '604', '514', '403'])}) ${r.int(2, 9)}${d(r, 2)}-${d(r, 4)}`, (r) => `+1 ${r.pick(['416', '604', '514', '403'])} ${r.int(2, 9)}${d(r, 2)} ${d(r, 4)}`],
];

/** An international number; national layout in its country's own documents, `+CC` otherwise. */
export function intlPhone(rng, { national = rng.chance(0.45) } = {}) {
  const [country, nat, intl] = rng.pick(INTERNATIONAL);
  return val('PHONE', national ? nat(rng) : intl(rng), `${national ? 'national' : 'international'}:${country}`);
}

/** Mostly US, one in three international. */
export function phone(rng) {
  return rng.chance(0.62) ? usPhone(rng) : intlPhone(rng);
}

/** An extension suffix written after a phone, left unlabelled. */
export const extension = (rng) => (rng.chance(0.15) ? rng.pick([` ext. ${rng.int(100, 9999)}`, ` x${rng.int(10, 999)}`]) : '');
