/**
 * Telephone numbers as people write them: US numbers in eleven layouts, and numbers of 14 other
 * countries in their national layouts and in international (+CC) form. Number plans follow each
 * country's public numbering (mobile and geographic prefixes), from general knowledge; subscriber
 * digits are random, so some numbers are well-formed but unassigned, as in real data.
 * @example
 * phone(rng); // {value: '090-4821-7736', form: 'national:JP'}
 */
const nz = (rng) => String(rng.int(2, 9));

function usParts(rng) {
  return [nz(rng) + rng.digits(2), nz(rng) + rng.digits(2), rng.digits(4)];
}

export const US_LAYOUTS = {
  'us-parens': ([a, e, s]) => `(${a}) ${e}-${s}`,
  'us-dashes': ([a, e, s]) => `${a}-${e}-${s}`,
  'us-dots': ([a, e, s]) => `${a}.${e}.${s}`,
  'us-bare': ([a, e, s]) => `${a}${e}${s}`,
  'us-spaces': ([a, e, s]) => `${a} ${e} ${s}`,
  'us-plus1-spaces': ([a, e, s]) => `+1 ${a} ${e} ${s}`,
  'us-plus1-dashes': ([a, e, s]) => `+1-${a}-${e}-${s}`,
  'us-plus1-parens': ([a, e, s]) => `+1 (${a}) ${e}-${s}`,
  'us-1-dashes': ([a, e, s]) => `1-${a}-${e}-${s}`,
  'us-1-dots': ([a, e, s]) => `1.${a}.${e}.${s}`,
  'us-e164': ([a, e, s]) => `+1${a}${e}${s}`,
};

/** [country code, national writer, international writer] per country. */
const COUNTRIES = {
  GB: ['44', (r) => r.pick([`07${r.int(4, 9)}${r.digits(2)} ${r.digits(6)}`, `020 ${r.pick(['7', '8', '3'])}${r.digits(3)} ${r.digits(4)}`, `0161 ${r.digits(3)} ${r.digits(4)}`]), (n) => n.replace(/^0/, '').replace(/^(\d{4})(\d) /, '$1 $2')],
  DE: ['49', (r) => r.pick([`01${r.pick(['51', '52', '60', '70', '76'])} ${r.digits(8)}`, `030 ${r.digits(8)}`, `089 ${r.digits(7)}`, `0221 ${r.digits(6)}`]), (n) => n.replace(/^0/, '')],
  FR: ['33', (r) => `0${r.int(1, 7)} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)}`, (n) => n.replace(/^0/, '')],
  JP: ['81', (r) => r.pick([`0${r.pick(['7', '8', '9'])}0-${r.digits(4)}-${r.digits(4)}`, `03-${r.digits(4)}-${r.digits(4)}`, `06-${r.digits(4)}-${r.digits(4)}`]), (n) => n.replace(/^0/, '')],
  IN: ['91', (r) => `${r.int(6, 9)}${r.digits(4)} ${r.digits(5)}`, (n) => n],
  AU: ['61', (r) => r.pick([`04${r.digits(2)} ${r.digits(3)} ${r.digits(3)}`, `(0${r.pick(['2', '3', '7', '8'])}) ${r.int(5, 9)}${r.digits(3)} ${r.digits(4)}`]), (n) => n.replace(/[()]/g, '').replace(/^0/, '')],
  BR: ['55', (r) => `(${r.int(11, 99)}) 9${r.digits(4)}-${r.digits(4)}`, (n) => n.replace(/[()]/g, '')],
  MX: ['52', (r) => `${r.pick(['55', '33', '81'])} ${r.digits(4)} ${r.digits(4)}`, (n) => n],
  ES: ['34', (r) => `${r.pick(['6', '7', '9'])}${r.digits(2)} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)}`, (n) => n],
  IT: ['39', (r) => r.pick([`3${r.int(2, 9)}${r.digits(1)} ${r.digits(3)} ${r.digits(4)}`, `06 ${r.digits(4)} ${r.digits(4)}`, `02 ${r.digits(4)} ${r.digits(4)}`]), (n) => n],
  NL: ['31', (r) => r.pick([`06-${r.digits(8)}`, `020-${r.digits(3)} ${r.digits(4)}`]), (n) => n.replace(/^0/, '').replace('-', ' ')],
  NG: ['234', (r) => `0${r.pick(['803', '806', '813', '703', '905'])} ${r.digits(3)} ${r.digits(4)}`, (n) => n.replace(/^0/, '')],
  KR: ['82', (r) => `010-${r.digits(4)}-${r.digits(4)}`, (n) => n.replace(/^0/, '')],
  CN: ['86', (r) => `1${r.pick(['38', '39', '50', '86', '77'])} ${r.digits(4)} ${r.digits(4)}`, (n) => n],
  ZA: ['27', (r) => `0${r.pick(['82', '83', '72', '61'])} ${r.digits(3)} ${r.digits(4)}`, (n) => n.replace(/^0/, '')],
};

export function usPhone(rng, layout = rng.pick(Object.keys(US_LAYOUTS))) {
  return { value: US_LAYOUTS[layout](usParts(rng)), form: layout };
}

export function intlPhone(rng, country = rng.pick(Object.keys(COUNTRIES))) {
  const [cc, national, toIntl] = COUNTRIES[country];
  const n = national(rng);
  if (rng.chance(0.45)) return { value: `+${cc} ${toIntl(n)}`, form: `international:${country}` };
  return { value: n, form: `national:${country}` };
}

/** Any phone: about half US. */
export const phone = (rng) => (rng.chance(0.5) ? usPhone(rng) : intlPhone(rng));
