/**
 * Government and financial identifiers: SSNs, driver licences by state, US passports, payment
 * cards (Luhn-valid), IBANs (ISO 7064 check digits) and IP addresses, each as forms print them.
 * @example
 * card(rng)  // {type: 'CREDIT_CARD', text: '4539 1488 0343 6467'}
 */
import { val } from '../builder.mjs';

export function ssn(rng, layout = rng.weighted([[6, 'dash'], [1, 'space'], [2, 'bare']])) {
  let area;
  do area = rng.int(1, 899); while (area === 666);
  const a = String(area).padStart(3, '0'), g = String(rng.int(1, 99)).padStart(2, '0'), s = String(rng.int(1, 9999)).padStart(4, '0');
  return val('US_SSN', layout === 'dash' ? `${a}-${g}-${s}` : layout === 'space' ? `${a} ${g} ${s}` : `${a}${g}${s}`, layout);
}

const L = 'ABCDEFGHJKLMNPRSTUVWXYZ';
/** [state, licence number] in that state's format. */
const LICENCE_FORMATS = [
  ['CA', (r) => `${r.pick(L)}${r.digits(7)}`],
  ['NY', (r) => r.chance(0.5) ? r.digits(9) : `${r.digits(3)} ${r.digits(3)} ${r.digits(3)}`],
  ['FL', (r) => r.chance(0.5) ? `${r.pick(L)}${r.digits(12)}` : `${r.pick(L)}${r.digits(3)}-${r.digits(3)}-${r.digits(2)}-${r.digits(3)}-${r.digits(1)}`],
  ['WA', (r) => r.chance(0.5) ? `WDL${r.chars(9, 'ABCDEFGHJKLMNPRSTVWXYZ0123456789')}` : `${r.chars(5, 'ABCDEFGHJKLMNPRSTW')}${r.chars(2, 'ABCDEFGHJKLMNPRSTW*')}${r.digits(3)}${r.chars(2, 'ABCDEFGHJKLMNPRSTW0123456789')}`],
  ['TX', (r) => r.digits(8)],
  ['IL', (r) => r.chance(0.5) ? `${r.pick(L)}${r.digits(11)}` : `${r.pick(L)}${r.digits(3)}-${r.digits(4)}-${r.digits(4)}`],
  ['PA', (r) => r.chance(0.7) ? r.digits(8) : `${r.digits(2)} ${r.digits(3)} ${r.digits(3)}`],
  ['NJ', (r) => `${r.pick(L)}${r.digits(4)} ${r.digits(5)} ${r.digits(5)}`],
  ['MI', (r) => `${r.pick(L)} ${r.digits(3)} ${r.digits(3)} ${r.digits(3)} ${r.digits(3)}`],
  ['OH', (r) => `${r.chars(2, L)}${r.digits(6)}`],
  ['GA', (r) => r.digits(9)],
  ['MA', (r) => `S${r.digits(8)}`],
  ['AZ', (r) => `${r.pick(L)}${r.digits(8)}`],
  ['CO', (r) => `${r.digits(2)}-${r.digits(3)}-${r.digits(4)}`],
];
export function driverLicense(rng) {
  const [state, make] = rng.pick(LICENCE_FORMATS);
  return Object.assign(val('DRIVER_LICENSE', make(rng), state), { state });
}

export function usPassport(rng) {
  return val('US_PASSPORT', rng.chance(0.5) ? `${rng.int(1, 9)}${rng.digits(8)}` : `${rng.pick('ACEFGHJKLMNPRSTUVWXYZ')}${rng.digits(8)}`);
}

export function luhnDigit(body) {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let n = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) { n *= 2; if (n > 9) n -= 9; }
    sum += n;
  }
  return String((10 - (sum % 10)) % 10);
}

const BRANDS = [
  [5, () => '4', 16], [3, (r) => `5${r.int(1, 5)}`, 16], [1, (r) => `2${r.int(221, 720)}`, 16],
  [2, (r) => r.pick(['34', '37']), 15], [1, () => '6011', 16], [0.5, (r) => `35${r.int(28, 89)}`, 16],
];
/** Digits of a Luhn-valid card number; `valid: false` makes the check digit wrong. */
export function cardDigits(rng, { valid = true } = {}) {
  const [, prefix, length] = rng.weighted(BRANDS.map((b) => [b[0], b]));
  const head = prefix(rng);
  const body = head + rng.digits(length - head.length - 1);
  const check = luhnDigit(body);
  return body + (valid ? check : String((Number(check) + rng.int(1, 9)) % 10));
}
export function groupCard(rng, digits) {
  if (digits.length === 15) return rng.chance(0.6) ? `${digits.slice(0, 4)} ${digits.slice(4, 10)} ${digits.slice(10)}` : digits;
  const sep = rng.weighted([[5, ' '], [3, '-'], [3, '']]);
  return digits.match(/.{4}/g).join(sep);
}
export const card = (rng) => val('CREDIT_CARD', groupCard(rng, cardDigits(rng)));

/** [country, BBAN maker]: structure per country (letters where the national format has them). */
const IBAN_COUNTRIES = [
  ['DE', (r) => r.digits(18)], ['GB', (r) => `${r.pick(['NWBK', 'BARC', 'LOYD', 'MIDL', 'HBUK'])}${r.digits(14)}`],
  ['FR', (r) => `${r.digits(10)}${r.chars(11, '0123456789ABCDEFGHJK')}${r.digits(2)}`], ['NL', (r) => `${r.pick(['ABNA', 'INGB', 'RABO', 'TRIO'])}${r.digits(10)}`],
  ['ES', (r) => r.digits(20)], ['IT', (r) => `${r.pick(L)}${r.digits(10)}${r.chars(12, '0123456789')}`], ['CH', (r) => r.digits(17)],
  ['BE', (r) => r.digits(12)], ['PL', (r) => r.digits(24)], ['SE', (r) => r.digits(20)], ['AT', (r) => r.digits(16)],
  ['IE', (r) => `${r.pick(['AIBK', 'BOFI'])}${r.digits(14)}`], ['PT', (r) => r.digits(21)], ['DK', (r) => r.digits(14)], ['NO', (r) => r.digits(11)],
];
function ibanCheck(country, bban) {
  const rearranged = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const ch of rearranged) rest = (rest * 10 + Number(ch)) % 97;
  return String(98 - rest).padStart(2, '0');
}
export function iban(rng) {
  const [country, make] = rng.pick(IBAN_COUNTRIES);
  const bban = make(rng);
  const compact = `${country}${ibanCheck(country, bban)}${bban}`;
  return val('IBAN', rng.chance(0.55) ? compact.match(/.{1,4}/g).join(' ') : compact);
}

export function ipv4(rng) {
  const first = rng.pick([rng.int(11, 99), rng.int(100, 126), rng.int(128, 191), rng.int(193, 223), 10, 172, 192]);
  const second = first === 172 ? rng.int(16, 31) : first === 192 ? 168 : rng.int(0, 255);
  return val('IP_ADDRESS', `${first}.${second}.${rng.int(0, 255)}.${rng.int(1, 254)}`);
}
export function ipv6(rng) {
  const h = () => rng.int(0, 0xffff).toString(16);
  return val('IP_ADDRESS', rng.chance(0.5) ? `2001:db8:${h()}:${h()}::${h()}` : `${rng.pick(['2a02', '2600', '2c0f', 'fe80'])}:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}`);
}
export const ip = (rng) => (rng.chance(0.8) ? ipv4(rng) : ipv6(rng));
