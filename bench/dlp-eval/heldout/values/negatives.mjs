/**
 * Hard negatives: text that looks like a sensitive value and is not. Each returns {kind, text}.
 * Organisation, place and product names are here because many contain personal names
 * ("Morgan Stanley", "Jackson Heights", "Alexa").
 * @example
 * lookalikes.uuid(rng) // {kind: 'uuid', text: '3f1c9a2e-…'}
 */
import { neg } from '../builder.mjs';
import { cardDigits, groupCard } from './ids.mjs';

const HEX = '0123456789abcdef';
const UP = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const UPNUM = `${UP}0123456789`;

export const lookalikes = {
  uuid: (r) => neg('uuid', `${r.chars(8, HEX)}-${r.chars(4, HEX)}-4${r.chars(3, HEX)}-${r.pick(['8', '9', 'a', 'b'])}${r.chars(3, HEX)}-${r.chars(12, HEX)}`),
  uuidUpper: (r) => neg('uuid', `${r.chars(8, HEX)}-${r.chars(4, HEX)}-4${r.chars(3, HEX)}-a${r.chars(3, HEX)}-${r.chars(12, HEX)}`.toUpperCase()),
  gitSha: (r) => neg('git_sha', r.chance(0.5) ? r.chars(40, HEX) : r.chars(r.int(7, 12), HEX)),
  sha256: (r) => neg('digest', `${r.chance(0.5) ? 'sha256:' : ''}${r.chars(64, HEX)}`),
  orderId: (r) => neg('order_id', r.pick([`ORD-${r.digits(8)}`, `SO${r.digits(7)}`, `#${r.digits(6)}`, `PO-${r.int(2023, 2026)}-${r.digits(5)}`, `${r.digits(3)}-${r.digits(7)}-${r.digits(7)}`, `${r.int(1, 9)}${r.digits(9)}`])),
  invoice: (r) => neg('invoice_number', r.pick([`INV-${r.digits(6)}`, `INV/${r.int(2024, 2026)}/${r.digits(4)}`, `${r.int(2024, 2026)}-${r.digits(5)}`, `F${r.digits(9)}`])),
  ticket: (r) => neg('ticket_id', r.pick([`${r.pick(['OPS', 'SUP', 'HR', 'ENG', 'FIN'])}-${r.int(100, 99999)}`, `CS${r.digits(8)}`, `#${r.int(10000, 999999)}`])),
  tracking: (r) => neg('tracking_number', r.pick([`1Z${r.chars(6, UPNUM)}${r.digits(10)}`, r.digits(12), r.digits(22), `${r.chars(2, UP)}${r.digits(9)}US`, `94${r.digits(20)}`])),
  version: (r) => neg('version', r.pick([`v${r.int(0, 5)}.${r.int(0, 30)}.${r.int(0, 20)}`, `${r.int(1, 20)}.${r.int(0, 9)}.${r.int(0, 40)}`, `${r.int(1, 9)}.${r.int(0, 9)}.${r.int(0, 9)}.${r.int(1000, 9999)}`, `${r.int(1, 4)}.${r.int(0, 12)}.${r.int(0, 9)}-rc.${r.int(1, 5)}`])),
  buildNumber: (r) => neg('build_number', `${r.int(2024, 2026)}${r.digits(4)}.${r.int(1, 40)}`),
  luhnInvalid: (r) => neg('luhn_invalid', groupCard(r, cardDigits(r, { valid: false }))),
  sku: (r) => neg('sku', r.pick([`SKU-${r.chars(4, UP)}-${r.digits(4)}`, `${r.chars(3, UP)}${r.digits(5)}-${r.pick(['BLK', 'S', 'XL', 'RED'])}`])),
  account: (r) => neg('account_number', r.pick([`ACCT-${r.digits(9)}`, `CUST${r.digits(7)}`, `MRN-${r.digits(8)}`])),
  requestId: (r) => neg('request_id', r.pick([`req_${r.chars(24, `${HEX}`)}`, `${r.chars(16, HEX)}`, `trace-${r.chars(32, HEX)}`])),
  amount: (r) => neg('amount', r.pick([`$${r.int(1, 99)},${r.digits(3)}.${r.digits(2)}`, `€${r.int(100, 9999)}.${r.digits(2)}`, `${r.int(1000, 999999)}.${r.digits(2)} USD`])),
  zip: (r) => neg('postal_code', r.pick([r.digits(5), `${r.digits(5)}-${r.digits(4)}`, `SW1A ${r.int(1, 9)}${r.chars(2, UP)}`])),
  port: (r) => neg('host_port', `${r.pick(['api', 'db', 'cache', 'web'])}-${r.int(1, 9)}:${r.pick([8080, 5432, 6379, 9092, 443])}`),
  mac: (r) => neg('mac_address', Array.from({ length: 6 }, () => r.chars(2, HEX)).join(':')),
  isbn: (r) => neg('isbn', `978-${r.int(0, 1)}-${r.digits(3)}-${r.digits(5)}-${r.int(0, 9)}`),
};
export const LOOKALIKE_KINDS = Object.keys(lookalikes);

export const ORGANISATIONS = [
  'Morgan Stanley', 'Wells Fargo', 'Johnson & Johnson', 'Harbor Dental Group', 'Atlas Freight', 'Ben & Jerry\'s', 'Dell Technologies',
  'Goldman Sachs', 'Procter & Gamble', 'Ernst & Young', 'Marriott International', 'Hilton Garden Inn', 'Walt Disney Studios',
  'Baker McKenzie', 'Ford Motor Credit', 'Merrill Lynch', 'Charles Schwab', 'Tiffany & Co.', 'Edward Jones', 'Kellogg Company',
  'Wendy\'s', 'McDonald\'s', 'Dr. Martens', 'Martin Luther King Jr. Hospital', 'St. Jude Medical', 'Mayo Clinic', 'Hewlett Packard Enterprise',
  'Siemens Healthineers', 'Bosch Rexroth', 'Philips Lighting', 'Toyota Tsusho', 'Mitsubishi Estate', 'Tata Consultancy Services',
  'Fernbank Logistics', 'Carver & Hale LLP', 'Northwind Traders', 'Greenleaf Pediatrics', 'Summit Ridge Credit Union', 'Bluebird Home Health',
];
export const PLACES = [
  'Jackson Heights', 'Washington', 'Victoria', 'Florence', 'St. Louis', 'San Jose', 'Charlotte', 'Madison', 'Lincoln', 'Austin',
  'Elizabeth', 'Santa Clara', 'Port Louis', 'São Paulo', 'Frankfurt am Main', 'Kraków', 'Lagos', 'Nairobi', 'Chennai', 'Osaka',
  'Mount Pleasant', 'Georgetown', 'Fort Collins', 'Salem', 'Jefferson City', 'Adelaide', 'Alexandria', 'Sofia', 'Columbus',
];
export const PRODUCTS = [
  'Alexa', 'Siri', 'Cortana', 'Jira', 'Confluence', 'Salesforce', 'Kubernetes', 'Grafana', 'Jenkins', 'Ansible', 'Tableau', 'Zendesk',
  'Excel', 'Outlook', 'Teams', 'Workday', 'ServiceNow', 'Photoshop', 'Oracle', 'Hugo', 'Django', 'Flask', 'Rails', 'Gatsby', 'Jasper',
];
export const org = (r) => neg('organisation', r.pick(ORGANISATIONS));
export const place = (r) => neg('place', r.pick(PLACES));
export const product = (r) => neg('product', r.pick(PRODUCTS));

/** Placeholders and references where a secret would go: not secrets. */
export const PLACEHOLDERS = [
  'changeme', '<your-api-key>', '${DB_PASSWORD}', '{{ .Values.db.password }}', 'YOUR_TOKEN_HERE', 'xxxxxxxxxxxxxxxx', '********',
  'REPLACE_ME', '<REDACTED>', 'sk-...', 'password', 'example', 'TODO', '$(cat /run/secrets/db_password)', '%(SMTP_PASSWORD)s',
  'dummy', 'test123', '<secret>', '${{ secrets.NPM_TOKEN }}', 'ENC[AES256_GCM,data:...]', 'vault:secret/data/app#password', 'null',
];
export const placeholder = (r) => neg('placeholder', r.pick(PLACEHOLDERS));
