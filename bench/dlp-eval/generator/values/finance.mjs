/** Cards, IBANs and IP addresses, valid by their own checksums; plus their invalid look-alikes. */

function luhnCheckDigit(body) {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let x = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    sum += x;
  }
  return String((10 - (sum % 10)) % 10);
}

const groups = (s, sizes, sep) => {
  const out = [];
  let i = 0;
  for (const n of sizes) {
    out.push(s.slice(i, i + n));
    i += n;
  }
  return out.join(sep);
};

/** A Luhn-valid card number of a real issuer range, grouped as people write it. */
export function card(r) {
  const [prefix, length] = r.pick([['4', 16], ['51', 16], ['55', 16], ['2221', 16], ['34', 15], ['37', 15], ['6011', 16], ['65', 16], ['3528', 16], ['36', 14]]);
  const body = prefix + r.digits(length - prefix.length - 1);
  const number = body + luhnCheckDigit(body);
  const sep = r.pick(['', ' ', '-', ' ']);
  if (!sep) return number;
  if (length === 15) return groups(number, [4, 6, 5], sep);
  if (length === 14) return groups(number, [4, 6, 4], sep);
  return groups(number, [4, 4, 4, 4], sep);
}

/** Sixteen digits in card groups that fail the Luhn check (order and reference numbers). */
export function luhnInvalid16(r) {
  const body = r.pick(['4', '5', '6']) + r.digits(14);
  const bad = String((Number(luhnCheckDigit(body)) + r.int(1, 9)) % 10);
  return groups(body + bad, [4, 4, 4, 4], r.pick([' ', '-', '']));
}

const IBAN_SHAPES = { DE: 18, GB: 18, FR: 23, NL: 14, ES: 20, IT: 23, BE: 12, CH: 17, PL: 24, AT: 16 };

function mod97(s) {
  let rem = 0;
  for (const ch of s) rem = (rem * 10 + Number(ch)) % 97;
  return rem;
}

/** An IBAN with a correct check number, compact or in groups of four. */
export function iban(r) {
  const country = r.pick(Object.keys(IBAN_SHAPES));
  const n = IBAN_SHAPES[country];
  let bban = r.digits(n);
  if (country === 'GB') bban = r.pick(['NWBK', 'BARC', 'LOYD', 'HBUK']) + r.digits(14);
  if (country === 'NL') bban = r.pick(['ABNA', 'INGB', 'RABO']) + r.digits(10);
  const numeric = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const check = String(98 - mod97(numeric)).padStart(2, '0');
  const value = country + check + bban;
  return r.chance(0.5) ? value : value.replace(/(.{4})/g, '$1 ').trim();
}

export function ipv4(r) {
  const first = r.pick([23, 45, 52, 67, 81, 91, 104, 134, 151, 185, 203, 212]);
  return `${first}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
}

export function ipv6(r) {
  const h = () => r.int(0, 0xffff).toString(16);
  return r.chance(0.5) ? `2001:db8:${h()}:${h()}::${h()}` : `2a02:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}`;
}
