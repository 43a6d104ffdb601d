/**
 * Identity and payment values with their real structure: SSNs that follow SSA rules, driver
 * licences by state layout, passports, Luhn-valid cards, ISO 13616 IBANs with mod-97 check
 * digits, IPv4/IPv6 addresses and e-mail addresses. Layouts written from general knowledge.
 * @example
 * ssn(rng, 'bare');            // secret('US_SSN', 'bare', '536221234')
 * driverLicense(rng, 'WA');    // {state: 'WA', piece: secret('DRIVER_LICENSE', 'WA', 'WDLK7Q2M9X1B')}
 */
import { secret } from './marks.mjs';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** The three SSN parts, valid under SSA rules (no 000/666/9xx area, no 00 group, no 0000 serial). */
export function ssnParts(rng) {
  let area;
  do area = String(rng.int(1, 899)).padStart(3, '0'); while (area === '666');
  return [area, String(rng.int(1, 99)).padStart(2, '0'), String(rng.int(1, 9999)).padStart(4, '0')];
}

/** SSN written with dashes, spaces or none ('bare'). */
export function ssn(rng, form = rng.weighted([[5, 'dashes'], [2, 'spaces'], [3, 'bare']])) {
  const [a, g, s] = ssnParts(rng);
  const sep = { dashes: '-', spaces: ' ', bare: '' }[form];
  return secret('US_SSN', form, `${a}${sep}${g}${sep}${s}`);
}

/** State → [state name, writer] for driver licence numbers. */
export const DL_STATES = {
  CA: ['California', (r) => `${r.chars(1, UPPER)}${r.digits(7)}`],
  TX: ['Texas', (r) => r.digits(8)],
  NY: ['New York', (r) => r.chance(0.5) ? r.digits(9) : `${r.digits(3)} ${r.digits(3)} ${r.digits(3)}`],
  FL: ['Florida', (r) => r.chance(0.5) ? `${r.chars(1, UPPER)}${r.digits(12)}` : `${r.chars(1, UPPER)}${r.digits(3)}-${r.digits(3)}-${r.digits(2)}-${r.digits(3)}-${r.digits(1)}`],
  WA: ['Washington', (r) => r.chance(0.5) ? `WDL${r.chars(9, ALNUM)}` : `${r.chars(5, UPPER)}${r.chars(3, UPPER)}${r.digits(3)}${r.chars(1, ALNUM)}`],
  IL: ['Illinois', (r) => `${r.chars(1, UPPER)}${r.digits(3)}-${r.digits(4)}-${r.digits(4)}`],
  PA: ['Pennsylvania', (r) => `${r.digits(2)} ${r.digits(3)} ${r.digits(3)}`],
  OH: ['Ohio', (r) => `${r.chars(2, UPPER)}${r.digits(6)}`],
  MI: ['Michigan', (r) => `${r.chars(1, UPPER)} ${r.digits(3)} ${r.digits(3)} ${r.digits(3)} ${r.digits(3)}`],
  NJ: ['New Jersey', (r) => `${r.chars(1, UPPER)}${r.digits(4)} ${r.digits(5)} ${r.digits(5)}`],
  GA: ['Georgia', (r) => r.digits(9)],
  AZ: ['Arizona', (r) => `${r.chars(1, UPPER)}${r.digits(8)}`],
  CO: ['Colorado', (r) => `${r.digits(2)}-${r.digits(3)}-${r.digits(4)}`],
  MA: ['Massachusetts', (r) => `S${r.digits(8)}`],
};

/** A licence number of `state`. */
export function driverLicense(rng, state = rng.pick(Object.keys(DL_STATES))) {
  const [name, write] = DL_STATES[state];
  return { state, name, piece: secret('DRIVER_LICENSE', state, write(rng)) };
}

/** A US passport number: nine digits, or a letter and eight digits (next-generation books). */
export const passport = (rng) => (rng.chance(0.6) ? secret('US_PASSPORT', 'digits', `${rng.int(1, 9)}${rng.digits(8)}`) : secret('US_PASSPORT', 'letter-digits', `${rng.pick(['A', 'C', 'E', 'Z'])}${rng.digits(8)}`));

export function luhnCheckDigit(body) {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let v = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) { v *= 2; if (v > 9) v -= 9; }
    sum += v;
  }
  return String((10 - (sum % 10)) % 10);
}

const CARD_PREFIXES = [['visa', '4', 16], ['mastercard', '5', 16], ['mastercard', '22', 16], ['amex', '37', 15], ['amex', '34', 15], ['discover', '6011', 16]];

/** Digits of a Luhn-valid card number (or, with `valid` false, one whose last digit breaks Luhn). */
export function cardDigits(rng, valid = true) {
  const [brand, prefix, length] = rng.pick(CARD_PREFIXES);
  // Mastercard's 2-series runs 2221–2720 (2200–2204 is Mir), its 5-series 51–55.
  let body = prefix === '5' ? `5${rng.int(1, 5)}` : prefix === '22' ? String(rng.int(2221, 2720)) : prefix;
  body += rng.digits(length - 1 - body.length);
  const check = luhnCheckDigit(body);
  return { brand, digits: body + (valid ? check : String((Number(check) + rng.int(1, 9)) % 10)) };
}

/** Groups card digits the way they are printed (4-6-5 for Amex, 4-4-4-4 otherwise). */
export function groupCard(digits, sep) {
  const groups = digits.length === 15 ? [4, 6, 5] : [4, 4, 4, 4];
  const out = [];
  let at = 0;
  for (const g of groups) { out.push(digits.slice(at, at + g)); at += g; }
  return out.join(sep);
}

/** A card number: spaces, dashes or bare. */
export function card(rng, form = rng.pick(['spaces', 'dashes', 'bare'])) {
  const { digits } = cardDigits(rng);
  return secret('CREDIT_CARD', form, form === 'bare' ? digits : groupCard(digits, form === 'spaces' ? ' ' : '-'));
}

/** Country → [length of BBAN, writer of BBAN]. */
const IBAN_COUNTRIES = {
  DE: (r) => r.digits(18), GB: (r) => `${r.chars(4, UPPER)}${r.digits(14)}`, FR: (r) => `${r.digits(10)}${r.chars(11, ALNUM)}${r.digits(2)}`,
  ES: (r) => r.digits(20), NL: (r) => `${r.chars(4, UPPER)}${r.digits(10)}`, IT: (r) => `${r.chars(1, UPPER)}${r.digits(10)}${r.chars(12, ALNUM)}`,
  BE: (r) => r.digits(12), CH: (r) => `${r.digits(5)}${r.chars(12, ALNUM)}`, IE: (r) => `${r.chars(4, UPPER)}${r.digits(14)}`, PL: (r) => r.digits(24),
};

function mod97(s) {
  let r = 0;
  for (const ch of s) for (const c of /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch) r = (r * 10 + Number(c)) % 97;
  return r;
}

/** An IBAN with correct check digits, in print form (groups of four) or electronic form. */
export function iban(rng, form = rng.pick(['print', 'electronic'])) {
  const country = rng.pick(Object.keys(IBAN_COUNTRIES));
  const bban = IBAN_COUNTRIES[country](rng);
  const check = String(98 - mod97(`${bban}${country}00`)).padStart(2, '0');
  const flat = `${country}${check}${bban}`;
  return secret('IBAN', form, form === 'print' ? flat.replace(/(.{4})(?=.)/g, '$1 ') : flat);
}

/** A public-looking IPv4 (not 10/8, 127/8, 192.168/16) or an IPv6 address. */
export function ipAddress(rng, form = rng.weighted([[4, 'v4'], [1, 'v6']])) {
  if (form === 'v6') {
    const groups = Array.from({ length: 8 }, () => rng.chars(4, '0123456789abcdef').replace(/^0+(?=.)/, ''));
    return secret('IP_ADDRESS', 'v6', rng.chance(0.5) ? groups.join(':') : `2001:db8:${groups.slice(2, 4).join(':')}::${groups[7]}`);
  }
  return secret('IP_ADDRESS', 'v4', `${rng.pick([23, 45, 52, 66, 81, 98, 104, 141, 172, 185, 203, 212])}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`);
}

const DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.co.uk', 'proton.me', 'icloud.com', 'fastmail.fm', 'web.de', 'hotmail.fr', 'atlasfreight.com', 'harbordental.org', 'kestrel-labs.io', 'northwind.co', 'uni-hamburg.de', 'mail.ru'];
const ascii = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/ı/g, 'i').replace(/ø/g, 'o').replace(/[^A-Za-z]/g, '').toLowerCase();

/** An address made from a person's name in one of the common local-part shapes. */
export function email(rng, p) {
  const g = ascii(p.given);
  const s = ascii(p.surname);
  const local = rng.pick([`${g}.${s}`, `${g[0]}${s}`, `${g}_${s}`, `${s}.${g}`, `${g}${rng.int(1, 99)}`, `${g}.${s}+billing`, `${g[0]}.${s}`]);
  return secret('EMAIL', 'personal', `${local}@${rng.pick(DOMAINS)}`);
}
