/**
 * Hard negatives: text that looks like a sensitive value and is not. Each writer returns a decoy
 * of its kind. Company names include ones built on personal names ("Harper & Lowe LLP"), which a
 * careless name detector flags.
 * @example
 * negative(rng, 'uuid');          // decoy('uuid', '3f2b…')
 * negative(rng, 'luhn_invalid_card');
 */
import { cardDigits, groupCard } from './ids.mjs';
import { decoy, unlabelled } from './marks.mjs';

const HEX = '0123456789abcdef';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

export const COMPANIES = ['Atlas Freight', 'Harbor Dental Group', 'Harper & Lowe LLP', 'Johnson Controls', 'Morgan Stanley', 'Wells Fargo', 'Dean & DeLuca', 'Ernst & Young', 'Procter & Gamble', 'Baker McKenzie', 'Stanley Black & Decker', 'Marcus & Millichap', 'Kestrel Labs', 'Bluewater Logistics', 'Goldman Sachs', 'Hewlett Packard Enterprise', 'Ben & Jerry\'s', 'Lockheed Martin', 'Ruth\'s Chris Steak House', 'Merrill Lynch', 'Siemens Healthineers', 'Tata Consultancy Services', 'Mitsubishi Heavy Industries', 'Pinnacle Title & Escrow', 'Carter Bros. Plumbing', 'St. Jude Medical'];
export const PLACES = ['Jackson, Mississippi', 'Charlotte', 'Victoria', 'Florence', 'Madison', 'Austin', 'Paris, Texas', 'Santa Clara', 'St. Petersburg', 'Georgetown', 'Lincoln', 'Mount Vernon', 'San José', 'Eugene', 'Chelsea', 'Savannah', 'Beverly Hills', 'Lafayette'];
export const PRODUCTS = ['Jira Service Management', 'Tableau', 'Salesforce Service Cloud', 'Adobe Acrobat', 'Excel', 'Outlook', 'Zendesk', 'Visual Studio Code', 'PowerBI', 'Dell Latitude 7440', 'ThinkPad X1 Carbon', 'Alexa', 'Siri', 'Cortana', 'Watson', 'Jenkins', 'Ansible', 'Grafana', 'Kafka', 'Django', 'Flask'];
export const PLACEHOLDERS = ['changeme', '<your-key>', 'xxxxxxxxxxxxxxxx', '${DB_PASSWORD}', 'REPLACE_ME', '********', 'your-api-key-here', '<password>', '{{ vault_db_password }}', 'sk_live_XXXXXXXXXXXXXXXX', 'TODO', 'dummy', 'example', 'password123-not-real', '%(SECRET)s', 'os.environ["API_KEY"]', '<REDACTED>', 'AKIAXXXXXXXXXXXXXXXX'];

const uuid = (r) => `${r.chars(8, HEX)}-${r.chars(4, HEX)}-4${r.chars(3, HEX)}-${r.pick(['8', '9', 'a', 'b'])}${r.chars(3, HEX)}-${r.chars(12, HEX)}`;

/** Kind → writer of its text. */
export const NEGATIVE_KINDS = {
  order_id: (r) => r.pick([`ORD-${r.digits(8)}`, `#${r.digits(7)}`, `SO${r.digits(9)}`, `${r.digits(3)}-${r.digits(7)}-${r.digits(7)}`]),
  uuid,
  uuid_upper: (r) => uuid(r).toUpperCase(),
  git_sha: (r) => r.chars(r.pick([7, 40]), HEX),
  timestamp: (r) => r.pick([`2025-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}T${String(r.int(0, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}.${r.digits(3)}Z`, String(1_700_000_000 + r.int(0, 99_999_999)), String(1_700_000_000_000 + r.int(0, 99_999_999_999))]),
  version: (r) => r.pick([`v${r.int(1, 12)}.${r.int(0, 40)}.${r.int(0, 99)}`, `${r.int(1, 5)}.${r.int(0, 30)}.${r.int(0, 9)}.${r.digits(4)}`, `${r.int(1, 4)}.${r.int(0, 20)}.${r.int(0, 9)}-rc.${r.int(1, 5)}`]),
  tracking_number: (r) => r.pick([`1Z${r.chars(6, UPPER)}${r.digits(10)}`, r.digits(12), `9400${r.digits(18)}`, `${r.chars(2, UPPER)}${r.digits(9)}US`]),
  luhn_invalid_card: (r) => { const { digits } = cardDigits(r, false); return r.chance(0.6) ? groupCard(digits, r.pick([' ', '-'])) : digits; },
  invoice_number: (r) => r.pick([`INV-${r.int(2019, 2026)}-${r.digits(5)}`, `${r.digits(10)}`, `INV${r.digits(7)}`]),
  sha256: (r) => r.chars(64, HEX),
  md5: (r) => r.chars(32, HEX),
  sku: (r) => `${r.chars(3, UPPER)}-${r.digits(4)}-${r.chars(2, UPPER)}`,
  account_number_internal: (r) => `ACCT-${r.digits(6)}`,
  ticket_id: (r) => `${r.pick(['SUP', 'OPS', 'HR', 'INC'])}-${r.digits(r.int(3, 6))}`,
  employee_id: (r) => `E${r.digits(6)}`,
  loopback_or_any: (r) => r.pick(['127.0.0.1', '0.0.0.0', 'localhost', '::1']),
  port_or_pid: (r) => String(r.int(1024, 65535)),
  money: (r) => `$${r.int(1, 99)},${r.digits(3)}.${r.digits(2)}`,
  fax_like_ref: (r) => `REF ${r.digits(3)}-${r.digits(3)}-${r.digits(3)}`,
  build_number: (r) => `build ${r.digits(10)}`,
  company_name: (r) => r.pick(COMPANIES),
  place: (r) => r.pick(PLACES),
  product: (r) => r.pick(PRODUCTS),
  placeholder: (r) => r.pick(PLACEHOLDERS),
  integrity_hash: (r) => `sha512-${r.chars(86, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')}==`,
  mac_address: (r) => Array.from({ length: 6 }, () => r.chars(2, HEX)).join(':'),
  isbn: (r) => `978-${r.int(0, 1)}-${r.digits(3)}-${r.digits(5)}-${r.int(0, 9)}`,
  zip_plus4: (r) => `${r.digits(5)}-${r.digits(4)}`,
  street_named_for_person: (r) => r.pick(['Martin Luther King Jr. Blvd', 'Lincoln Avenue', 'Washington Street', 'Cesar Chavez Ave', 'Kennedy Parkway', 'Jefferson Davis Hwy', 'Queen Elizabeth Way', 'Avenue Victor Hugo', 'Karl-Marx-Allee', 'Calle de Alcalá']),
  common_word_name: (r) => r.pick(['May', 'June', 'Will', 'Bill', 'Grace', 'Hope', 'Faith', 'Mark', 'Rose', 'Iris', 'Summer', 'Sunny', 'Chase', 'Hunter']),
  // Area 9xx is never an SSN, and groups 10–49 are outside the ITIN ranges: a claim number, not a taxpayer id.
  claim_number_ssn_shape: (r) => `9${r.digits(2)}-${r.int(10, 49)}-${r.digits(4)}`,
  ssh_public_key: (r) => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${r.chars(43, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')} deploy@ci`,
  publishable_key: (r) => `pk_live_${r.chars(24, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`,
  masked_ssn: (r) => `${r.pick(['***-**-', 'XXX-XX-', 'xxx-xx-'])}${r.digits(4)}`,
  masked_card: (r) => `${r.pick(['**** **** **** ', 'XXXX-XXXX-XXXX-', '•••• '])}${r.digits(4)}`,
  iso_week_or_quarter: (r) => r.pick([`Q${r.int(1, 4)} ${r.int(2023, 2026)}`, `FY${r.int(23, 27)}`, `W${r.int(1, 52)}-${r.int(2024, 2026)}`]),
};

/** A hard negative of `kind`. */
export const negative = (rng, kind) => decoy(kind, NEGATIVE_KINDS[kind](rng));

/** A sentence where a word that is also a given name is used as an ordinary word (or a bank). */
export function commonWordSentence(rng) {
  const w = (text) => decoy('common_word_name', text);
  return rng.pick([
    () => [w('Will'), ' you send the signed copy today?'],
    () => [w('Mark'), ' the ticket as resolved once the refund posts.'],
    () => [w('Bill'), ' the customer for the overage at the standard rate.'],
    () => [w('Grace'), ' period for the renewal ends on the 30th.'],
    () => [w('Hope'), ' that helps!'],
    () => [w('Chase'), ' declined the wire, so we retried through the other bank.'],
    () => ['The ', w('Summer'), ' schedule starts next week.'],
    () => ['Office closes early in ', w('May'), ' and ', w('June'), ' on Fridays.'],
    () => [w('Faith'), '-based charities are exempt from the fee.'],
  ])();
}

/** A placeholder where a password would be, in a connection URL template. */
export const urlPlaceholder = (rng) => ['postgres://app:', decoy('placeholder', rng.pick(['<password>', '${DB_PASSWORD}', 'changeme', '****', 'PASSWORD'])), '@localhost:5432/app'];

/** A private-range IPv4 address: sensitive or not by policy, so an ignore region (marks.mjs). */
export const privateIp = (r) => unlabelled(r.pick([`10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`, `192.168.${r.int(0, 255)}.${r.int(1, 254)}`, `172.${r.int(16, 31)}.${r.int(0, 255)}.${r.int(1, 254)}`]));
