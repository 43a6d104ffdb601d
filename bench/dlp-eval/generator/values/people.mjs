/**
 * Names, phones, dates of birth and identity numbers in the many shapes people write them.
 * Every function takes the generator's random source and returns the exact text of one value.
 */
import { NAME_TRADITIONS, TITLES } from '../pools/names.mjs';
import { EMAIL_DOMAINS } from '../pools/things.mjs';

const TRADITIONS = Object.values(NAME_TRADITIONS);

/** A person: given and family name from one tradition. */
export function person(r) {
  const t = r.pick(TRADITIONS);
  return { given: r.pick(t.given), family: r.pick(t.family) };
}

export const title = (r) => r.pick(TITLES);

const ascii = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/ø/g, 'o').replace(/ß/g, 'ss').replace(/ı/g, 'i');

/** An email address built from a person's name (the whole address is the EMAIL value). */
export function emailFor(r, p) {
  const g = ascii(p.given).toLowerCase().replace(/[^a-z]/g, '');
  const f = ascii(p.family).toLowerCase().replace(/[^a-z]/g, '');
  const local = r.pick([`${g}.${f}`, `${g[0]}${f}`, `${g}_${f}${r.int(1, 99)}`, `${f}.${g[0]}`, `${g}${r.int(70, 99)}`, `${g}+billing`]);
  return `${local}@${r.pick(EMAIL_DOMAINS)}`;
}

// --- phones ---------------------------------------------------------------------------------
const nanpArea = (r) => `${r.int(2, 9)}${r.int(0, 8)}${r.int(0, 9)}`;
const nanpExchange = (r) => `${r.int(2, 9)}${r.digits(2)}`;

/** A US/Canadian number in one of the ways people type them. */
export function usPhone(r) {
  const a = nanpArea(r);
  const e = nanpExchange(r);
  const n = r.digits(4);
  return r.pick([
    `(${a}) ${e}-${n}`, `${a}-${e}-${n}`, `${a}.${e}.${n}`, `${a} ${e} ${n}`, `${a}${e}${n}`, `+1 ${a} ${e} ${n}`,
    `+1-${a}-${e}-${n}`, `+1 (${a}) ${e}-${n}`, `1-${a}-${e}-${n}`, `+1.${a}.${e}.${n}`, `(${a})${e}-${n}`, `+1${a}${e}${n}`,
  ]);
}

/** A bare ten-digit US number (needs words around it to be recognisable). */
export const usPhoneBare = (r) => `${nanpArea(r)}${nanpExchange(r)}${r.digits(4)}`;

/** International numbers in their national and international written forms. */
export function intlPhone(r) {
  const d = r.digits;
  return r.pick([
    () => `+44 20 ${r.int(3, 8)}${d(3)} ${d(4)}`, () => `020 ${r.int(3, 8)}${d(3)} ${d(4)}`, () => `07${r.int(400, 999)} ${d(6)}`, () => `+44 7${r.int(400, 999)} ${d(6)}`,
    () => `+49 30 ${d(8)}`, () => `030 ${d(4)} ${d(4)}`, () => `+49 15${r.int(1, 9)} ${d(8)}`, () => `0176 ${d(8)}`,
    () => `+33 6 ${d(2)} ${d(2)} ${d(2)} ${d(2)}`, () => `06 ${d(2)} ${d(2)} ${d(2)} ${d(2)}`, () => `01 ${r.int(40, 59)} ${d(2)} ${d(2)} ${d(2)}`,
    () => `090-${d(4)}-${d(4)}`, () => `+81 90-${d(4)}-${d(4)}`, () => `03-${d(4)}-${d(4)}`,
    () => `+91 9${d(4)} ${d(5)}`, () => `098${d(2)} ${d(5)}`,
    () => `+55 11 9${d(4)}-${d(4)}`, () => `(11) 9${d(4)}-${d(4)}`,
    () => `+61 4${d(2)} ${d(3)} ${d(3)}`, () => `04${d(2)} ${d(3)} ${d(3)}`,
    () => `+34 6${d(2)} ${d(2)} ${d(2)} ${d(2)}`, () => `6${d(2)} ${d(2)} ${d(2)} ${d(2)}`,
    () => `+52 55 ${d(4)} ${d(4)}`, () => `+234 80${r.int(2, 9)} ${d(3)} ${d(4)}`, () => `+254 7${d(2)} ${d(6)}`,
    () => `+31 6 ${d(8)}`, () => `+39 3${d(2)} ${d(3)} ${d(4)}`, () => `+48 ${r.int(5, 8)}${d(2)} ${d(3)} ${d(3)}`,
    () => `+86 13${d(1)} ${d(4)} ${d(4)}`, () => `+82 10-${d(4)}-${d(4)}`, () => `+971 50 ${d(3)} ${d(4)}`, () => `+27 82 ${d(3)} ${d(4)}`,
  ])();
}

// --- dates ----------------------------------------------------------------------------------
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n) => String(n).padStart(2, '0');

/** A calendar date written in one of the common formats. */
export function dateText(r, { yearFrom, yearTo }) {
  const y = r.int(yearFrom, yearTo);
  const m = r.int(1, 12);
  const day = r.int(1, 28);
  const M = MONTHS[m - 1];
  return r.pick([
    `${pad(m)}/${pad(day)}/${y}`, `${m}/${day}/${y}`, `${pad(day)}/${pad(m)}/${y}`, `${y}-${pad(m)}-${pad(day)}`, `${M} ${day}, ${y}`,
    `${day} ${M} ${y}`, `${M.slice(0, 3)} ${day} ${y}`, `${pad(day)}.${pad(m)}.${y}`, `${m}/${day}/${String(y).slice(2)}`,
    `${day}-${M.slice(0, 3)}-${y}`, `${pad(day)}-${pad(m)}-${y}`, `${y}/${pad(m)}/${pad(day)}`, `${M.slice(0, 3)}. ${day}, ${y}`,
  ]);
}

/** A birth date: someone aged roughly 18 to 90. */
export const birthDate = (r) => dateText(r, { yearFrom: 1936, yearTo: 2007 });
/** An ordinary date: recent or upcoming. */
export const ordinaryDate = (r) => dateText(r, { yearFrom: 2019, yearTo: 2027 });

// --- identity numbers -------------------------------------------------------------------------
function ssnParts(r) {
  let area;
  do area = r.int(1, 899);
  while (area === 666);
  return [String(area).padStart(3, '0'), pad(r.int(1, 99)), String(r.int(1, 9999)).padStart(4, '0')];
}

export function ssnFormatted(r) {
  const [a, g, s] = ssnParts(r);
  return r.pick([`${a}-${g}-${s}`, `${a}-${g}-${s}`, `${a} ${g} ${s}`]);
}

export const ssnBare = (r) => ssnParts(r).join('');

/** A driver licence number in the format of one US state, with that state's code. */
export function driverLicense(r, state) {
  const L = (n) => r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ', n);
  const d = r.digits;
  switch (state) {
    case 'CA': return `${L(1)}${d(7)}`;
    case 'NY': return r.chance(0.5) ? d(9) : `${d(3)} ${d(3)} ${d(3)}`;
    case 'FL': return r.chance(0.5) ? `${L(1)}${d(3)}-${d(3)}-${d(2)}-${d(3)}-${d(1)}` : `${L(1)}${d(12)}`;
    case 'WA': return r.chance(0.6) ? `WDL${r.chars('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 9)}` : `${L(5)}${L(1)}*${d(3)}${L(2)}`;
    case 'TX': return d(8);
    case 'IL': return `${L(1)}${d(3)}-${d(4)}-${d(4)}`;
    case 'PA': return `${d(2)} ${d(3)} ${d(3)}`;
    case 'MI': return `${L(1)} ${d(3)} ${d(3)} ${d(3)} ${d(3)}`;
    case 'NJ': return `${L(1)}${d(4)} ${d(5)} ${d(5)}`;
    case 'OH': return `${L(2)}${d(6)}`;
    case 'GA': return d(9);
    default: return `S${d(8)}`;
  }
}

export const usPassport = (r) => (r.chance(0.6) ? `${r.int(1, 9)}${r.digits(8)}` : `${r.pick(['A', 'C', 'E', 'X'])}${r.digits(8)}`);
