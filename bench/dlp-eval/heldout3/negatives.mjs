/**
 * Hard negatives: text that looks like a sensitive value and is not. Each writer appends one,
 * labelled with its kind, so the report can say which look-alikes the detectors take for PII.
 * @example
 * writeNegative(b, rng, 'uuid'); // appends 'f47ac10b-58cc-4372-a567-0e02b2c3d479'
 */
import { card } from './ids.mjs';
import { formatDate, recentDate } from './dates.mjs';

const HEX = '0123456789abcdef';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

const uuid = (r) => `${r.chars(8, HEX)}-${r.chars(4, HEX)}-4${r.chars(3, HEX)}-${r.pick('89ab')}${r.chars(3, HEX)}-${r.chars(12, HEX)}`;

/** Companies, places and products that contain words that are also personal names. */
export const COMPANIES = ['Harbor Dental Group', 'Atlas Freight', 'Morgan Stanley', 'Wells Fargo', 'Johnson Controls', 'Ferrero Rocher', 'Marcus & Millichap', 'Ben & Jerry\'s', 'Dr. Martens', 'Procter & Gamble', 'Goldman Sachs', 'Abbott Laboratories', 'Carter\'s Kids', 'Hilton Garden Inn', 'Tim Hortons', 'Siemens Healthineers', 'Baker Hughes', 'Lockheed Martin', 'Ernst & Young', 'Kellogg Company', 'Ruth\'s Chris Steak House', 'Wendy\'s', 'Jackson Hewitt', 'Sherwin-Williams'];
export const PLACES = ['Washington', 'Jackson Heights', 'San Antonio', 'St. Louis', 'Victoria Station', 'Lake Louise', 'Charlotte', 'Mount Elgin', 'Santa Clara', 'Port Elizabeth', 'Georgetown', 'Marysville', 'Abbey Road', 'Francisco Bay'];
export const PRODUCTS = ['Amazon Alexa', 'Siri', 'Jenkins CI', 'Ford Ranger', 'Tesla Model Y', 'Nest Thermostat', 'Jira', 'Grafana', 'Oscar Mayer ham', 'Victoria\'s Secret catalogue', 'Casper mattress', 'Kubernetes', 'Hugo Boss cologne', 'Sphinx docs'];
export const PLACEHOLDERS = ['<your-api-key>', 'changeme', 'YOUR_SECRET_HERE', '${DB_PASSWORD}', '********', 'xxxxxxxxxxxxxxxx', 'REDACTED', '<password>', '{{ vault_db_password }}', 'example-token', 'sk_test_XXXXXXXXXXXXXXXX', 'dummy', 'TODO', 'os.environ["API_KEY"]', 'process.env.STRIPE_KEY'];

export const NEGATIVES = {
  order_id: (r) => r.pick([`ORD-${r.int(2019, 2026)}-${r.digits(6)}`, `#${r.digits(7)}`, `SO${r.digits(8)}`, `${r.digits(3)}-${r.digits(7)}-${r.digits(7)}`]),
  invoice_number: (r) => r.pick([`INV-${r.digits(6)}`, `2026/${r.digits(5)}`, `F${r.digits(4)}-${r.digits(4)}`, `${r.digits(10)}`]),
  uuid,
  git_sha: (r) => (r.chance(0.5) ? r.chars(40, HEX) : r.chars(7, HEX)),
  timestamp: (r) => r.pick([`2026-${String(r.int(1, 11)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}T${String(r.int(0, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}.${r.digits(3)}Z`, String(1_700_000_000 + r.int(0, 99_999_999)), String(1_700_000_000_000 + r.int(0, 99_999_999_999))]),
  version: (r) => r.pick([`${r.int(0, 12)}.${r.int(0, 40)}.${r.int(0, 30)}`, `v${r.int(1, 5)}.${r.int(0, 20)}.${r.int(0, 9)}-rc.${r.int(1, 4)}`, `${r.int(1, 20)}.${r.int(0, 9)}.${r.int(0, 9)}.${r.int(1000, 9999)}`]),
  tracking_number: (r) => r.pick([`1Z${r.chars(6, UPPER + '0123456789')}${r.digits(10)}`, r.digits(12), `9400 ${r.digits(4)} ${r.digits(4)} ${r.digits(4)} ${r.digits(4)} ${r.digits(2)}`, `JD${r.digits(18)}`]),
  luhn_invalid_card: (r) => card(r, { valid: false }).value,
  ordinary_date: (r) => formatDate(r, recentDate(r)).value,
  ticket_id: (r) => r.pick([`SUP-${r.digits(5)}`, `INC${r.digits(7)}`, `JIRA-${r.digits(4)}`]),
  sku: (r) => `${r.chars(3, UPPER)}-${r.digits(4)}-${r.chars(2, UPPER)}`,
  hash: (r) => (r.chance(0.5) ? `sha256:${r.chars(64, HEX)}` : r.chars(32, HEX)),
  amount: (r) => r.pick([`$${r.int(1, 99)},${r.digits(3)}.${r.digits(2)}`, `€${r.int(100, 9999)}.${r.digits(2)}`, `${r.int(1000, 99999)}.${r.digits(2)} USD`]),
  account_ref: (r) => `ACCT-${r.digits(4)}-${r.digits(4)}`,
  employee_id: (r) => `E${r.digits(6)}`,
  mrn: (r) => `MRN${r.digits(8)}`,
  zip_code: (r) => r.pick([r.digits(5), `${r.digits(5)}-${r.digits(4)}`]),
  company_name: (r) => r.pick(COMPANIES),
  place: (r) => r.pick(PLACES),
  product: (r) => r.pick(PRODUCTS),
  placeholder: (r) => r.pick(PLACEHOLDERS),
  isbn: (r) => `978-${r.int(0, 1)}-${r.digits(3)}-${r.digits(5)}-${r.int(0, 9)}`,
  port_pid: (r) => r.pick([`pid=${r.int(1000, 65000)}`, `:${r.int(1024, 65535)}`]),
};

export function writeNegative(b, rng, kind = rng.pick(Object.keys(NEGATIVES))) {
  return b.neg(kind, NEGATIVES[kind](rng));
}
