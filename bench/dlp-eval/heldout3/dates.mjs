/**
 * Calendar dates in the formats forms, records and prose use (ISO, US and European numeric,
 * spelled months in English, German, Spanish and French, HL7 compact). The same writers serve
 * birth dates (labelled, with context) and ordinary dates (hard negatives, without).
 * @example
 * formatDate(rng, { y: 1984, m: 3, d: 7 }, 'long-us'); // 'March 7, 1984'
 */
const EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DE = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const ES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const p2 = (n) => String(n).padStart(2, '0');
const ord = (d) => `${d}${d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th'}`;

export const DATE_FORMATS = {
  iso: ({ y, m, d }) => `${y}-${p2(m)}-${p2(d)}`,
  'us-slash': ({ y, m, d }) => `${p2(m)}/${p2(d)}/${y}`,
  'us-slash-short': ({ y, m, d }) => `${m}/${d}/${String(y).slice(2)}`,
  'us-dash': ({ y, m, d }) => `${p2(m)}-${p2(d)}-${y}`,
  'eu-slash': ({ y, m, d }) => `${p2(d)}/${p2(m)}/${y}`,
  'eu-dots': ({ y, m, d }) => `${p2(d)}.${p2(m)}.${y}`,
  'long-us': ({ y, m, d }) => `${EN[m - 1]} ${d}, ${y}`,
  'long-eu': ({ y, m, d }) => `${d} ${EN[m - 1]} ${y}`,
  'abbr-dash': ({ y, m, d }) => `${p2(d)}-${EN[m - 1].slice(0, 3)}-${y}`,
  'abbr-us': ({ y, m, d }) => `${EN[m - 1].slice(0, 3)} ${d}, ${y}`,
  'caps-abbr': ({ y, m, d }) => `${p2(d)} ${EN[m - 1].slice(0, 3).toUpperCase()} ${y}`,
  ordinal: ({ y, m, d }) => `${ord(d)} of ${EN[m - 1]} ${y}`,
  compact: ({ y, m, d }) => `${y}${p2(m)}${p2(d)}`,
  'de-long': ({ y, m, d }) => `${d}. ${DE[m - 1]} ${y}`,
  'es-long': ({ y, m, d }) => `${d} de ${ES[m - 1]} de ${y}`,
  'fr-long': ({ y, m, d }) => `${d} ${FR[m - 1]} ${y}`,
};

/** A birth date between 1938 and 2007. */
export const birthDate = (rng) => ({ y: rng.int(1938, 2007), m: rng.int(1, 12), d: rng.int(1, 28) });
/** An ordinary business date (2019–2026). */
export const recentDate = (rng) => ({ y: rng.int(2019, 2026), m: rng.int(1, 12), d: rng.int(1, 28) });

export function formatDate(rng, date, format = rng.pick(Object.keys(DATE_FORMATS))) {
  return { value: DATE_FORMATS[format](date), form: format };
}

/** Age in years on 2026-11-29 (the corpus's "today"), for "42 years old" next to a birth date. */
export const ageOf = ({ y, m }) => 2026 - y - (m > 11 ? 1 : 0);
