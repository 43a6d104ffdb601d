/**
 * Government and financial identifiers with their real check rules: US SSNs (no 000/666/9xx area,
 * no 00 group, no 0000 serial), Luhn-valid card numbers of five networks, IBANs with a correct
 * ISO 7064 mod-97 check for nine countries, US passports, and driver licences in 13 states'
 * formats (as the states publish them; from general knowledge). Also emails and IP addresses.
 * @example
 * card(rng); // {value: '4539 1488 0343 6467', form: 'visa-spaces'}
 */
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

export function ssn(rng, layout = rng.weighted([[5, 'dashed'], [1, 'spaced'], [2, 'bare']])) {
  let area;
  do area = rng.int(1, 899); while (area === 666);
  const a = String(area).padStart(3, '0'), g = String(rng.int(1, 99)).padStart(2, '0'), s = String(rng.int(1, 9999)).padStart(4, '0');
  const value = layout === 'dashed' ? `${a}-${g}-${s}` : layout === 'spaced' ? `${a} ${g} ${s}` : `${a}${g}${s}`;
  return { value, form: layout };
}

export function luhnCheck(body) {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

const NETWORKS = [
  ['visa', () => '4', 16], ['mastercard', (r) => String(r.int(51, 55)), 16], ['mastercard', (r) => String(r.int(2221, 2720)), 16],
  ['amex', (r) => r.pick(['34', '37']), 15], ['discover', () => '6011', 16], ['jcb', (r) => String(r.int(3528, 3589)), 16],
];

function group(digits, amex, sep) {
  return amex ? `${digits.slice(0, 4)}${sep}${digits.slice(4, 10)}${sep}${digits.slice(10)}` : digits.match(/.{4}/g).join(sep);
}

/** A Luhn-valid card number; `valid: false` gives the same shape with a wrong check digit. */
export function card(rng, { valid = true } = {}) {
  const [network, prefix, length] = rng.pick(NETWORKS);
  let body = prefix(rng);
  body += rng.digits(length - 1 - body.length);
  const check = luhnCheck(body);
  const digits = body + (valid ? check : String((Number(check) + rng.int(1, 9)) % 10));
  const layout = rng.pick(['spaces', 'dashes', 'bare']);
  const value = layout === 'bare' ? digits : group(digits, network === 'amex', layout === 'spaces' ? ' ' : '-');
  return { value, form: `${network}-${layout}` };
}

const IBAN_LAYOUT = { DE: 'n8n10', GB: 'a4n14', FR: 'n10c11n2', NL: 'a4n10', ES: 'n20', IT: 'a1n10c12', CH: 'n5c12', PL: 'n24', BE: 'n12' };

function bban(rng, layout) {
  let out = '';
  for (const [, kind, n] of layout.matchAll(/([anc])(\d+)/g)) {
    const count = Number(n);
    out += kind === 'n' ? rng.digits(count) : kind === 'a' ? rng.chars(count, UPPER) : rng.chars(count, ALNUM);
  }
  return out;
}

function mod97(s) {
  let r = 0;
  for (const ch of s) {
    const v = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const c of v) r = (r * 10 + Number(c)) % 97;
  }
  return r;
}

export function iban(rng, country = rng.pick(Object.keys(IBAN_LAYOUT))) {
  const b = bban(rng, IBAN_LAYOUT[country]);
  const check = String(98 - mod97(`${b}${country}00`)).padStart(2, '0');
  const compact = `${country}${check}${b}`;
  const grouped = rng.chance(0.6);
  return { value: grouped ? compact.match(/.{1,4}/g).join(' ') : compact, form: grouped ? 'grouped' : 'compact' };
}

export function passport(rng) {
  return rng.chance(0.6) ? { value: `${rng.int(1, 9)}${rng.digits(8)}`, form: 'digits' } : { value: `${rng.pick('ACEFGHJKLMNPRSTXZ')}${rng.digits(8)}`, form: 'letter-digits' };
}

/** [state, writer] — the layouts each state prints on its licences. */
const LICENCES = {
  CA: (r) => `${r.pick(UPPER)}${r.digits(7)}`,
  NY: (r) => r.pick([`${r.digits(3)} ${r.digits(3)} ${r.digits(3)}`, r.digits(9)]),
  FL: (r) => `${r.pick(UPPER)}${r.digits(3)}-${r.digits(3)}-${r.digits(2)}-${r.digits(3)}-${r.digits(1)}`,
  WA: (r) => r.pick([`WDL${r.chars(9, ALNUM)}`, `${r.pick(['SMITH', 'NGUYE', 'GARCI', 'OKAFO', 'MULLE'])}${r.chars(2, UPPER)}${r.digits(3)}${r.chars(2, ALNUM)}`]),
  TX: (r) => r.digits(8),
  IL: (r) => `${r.pick(UPPER)}${r.digits(3)}-${r.digits(4)}-${r.digits(4)}`,
  PA: (r) => `${r.digits(2)} ${r.digits(3)} ${r.digits(3)}`,
  NJ: (r) => `${r.pick(UPPER)}${r.digits(4)} ${r.digits(5)} ${r.digits(5)}`,
  MI: (r) => `${r.pick(UPPER)} ${r.digits(3)} ${r.digits(3)} ${r.digits(3)} ${r.digits(3)}`,
  OH: (r) => `${r.chars(2, UPPER)}${r.digits(6)}`,
  MA: (r) => `S${r.digits(8)}`,
  GA: (r) => r.digits(9),
  CO: (r) => `${r.digits(2)}-${r.digits(3)}-${r.digits(4)}`,
};

export function driverLicense(rng, state = rng.pick(Object.keys(LICENCES))) {
  return { value: LICENCES[state](rng), form: `licence-${state}`, state };
}

const DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.co.uk', 'proton.me', 'web.de', 'orange.fr', 'hotmail.es', 'northwind-logistics.com', 'mail.harborclinic.org', 'eng.acme-robotics.io', 'uni-heidelberg.de', 'icloud.com'];

/** An email address built from a person's name in one of the common mailbox styles. */
export function email(rng, p) {
  const plain = (s) => s.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase() || 'user';
  const g = plain(p.given), s = plain(p.surname);
  const local = rng.pick([`${g}.${s}`, `${g[0]}${s}`, `${g}_${s}${rng.int(1, 99)}`, `${s}.${g[0]}`, `${g}+${rng.pick(['billing', 'jobs', 'news'])}`, `${g}${rng.int(1970, 2005)}`]);
  return { value: `${local}@${rng.pick(DOMAINS)}`, form: local.includes('+') ? 'plus-tag' : 'plain' };
}

export function ip(rng) {
  if (rng.chance(0.8)) {
    const first = rng.pick([23, 45, 66, 81, 93, 104, 151, 172, 185, 203, 10, 192]);
    const second = first === 192 ? 168 : rng.int(0, 255);
    return { value: `${first}.${second}.${rng.int(0, 255)}.${rng.int(1, 254)}`, form: 'v4' };
  }
  const h = () => rng.int(0, 0xffff).toString(16);
  return rng.chance(0.5) ? { value: `2001:db8:${h()}:${h()}::${h()}`, form: 'v6-compressed' } : { value: `2a02:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}`, form: 'v6-full' };
}
