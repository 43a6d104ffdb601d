/**
 * Machine-shaped text: application logs, CSV/TSV exports with varied headers and JSON API
 * payloads. Timestamps, request ids, UUIDs and epoch seconds are everywhere; birth dates appear
 * under column headers and keys that say so.
 */
import { emailFor, names, person } from '../values/people.mjs';
import { birthDate, ordinaryDate, timestamp } from '../values/dates.mjs';
import { phone } from '../values/phones.mjs';
import { card, driverLicense, iban, ip, ssn } from '../values/ids.mjs';
import { lookalikes } from '../values/negatives.mjs';
import { secrets, urlWithPassword } from '../values/secrets.mjs';
import { DOB_KEYS, company } from './common.mjs';

export function logLines(rng, b) {
  const service = rng.pick(['auth-svc', 'checkout', 'nginx', 'payments-worker', 'crm-sync']);
  for (let i = rng.int(5, 9); i > 0; i--) {
    b.add([timestamp(rng), ` ${rng.pick(['INFO', 'WARN', 'ERROR', 'DEBUG'])} [${service}] `]);
    const line = rng.int(0, 9);
    if (line === 0) b.add(['login ok user=', emailFor(rng, person(rng, { latinOnly: true }), company(rng).domain), ' ip=', ip(rng), ' session=', lookalikes.uuid(rng)]);
    else if (line === 1) b.add(['request_id=', lookalikes.requestId(rng), ' path=/v1/orders/', lookalikes.orderId(rng), ' status=200 dur_ms=', String(rng.int(3, 900))]);
    else if (line === 2) b.add(['upstream connect failed: ', ...urlWithPassword(rng)]);
    else if (line === 3) b.add(['client ', ip(rng), ' sent header Authorization: Bearer ', secrets.jwt(rng)]);
    else if (line === 4) b.add(['deploy ', lookalikes.version(rng), ' commit=', lookalikes.gitSha(rng), ' image=', lookalikes.sha256(rng)]);
    else if (line === 5) b.add(['payment declined card=', card(rng), ' reason=insufficient_funds order=', lookalikes.orderId(rng)]);
    else if (line === 6) b.add(['sms sent to=', phone(rng), ' template=otp_v2 msg_id=', lookalikes.requestId(rng)]);
    else if (line === 7) b.add(['profile updated by ', ...names.full(rng, person(rng)), ' fields=[phone,address] ts=', timestamp(rng)]);
    else if (line === 8) b.add(['shipment ', lookalikes.tracking(rng), ' label created; device ', lookalikes.mac(rng)]);
    else b.add(['config loaded aws_access_key_id=', secrets.awsAccess(rng), ' region=eu-west-1']);
    b.add('\n');
  }
}

/** CSV/TSV export with one of several header styles; every row is one person. */
const COLUMN_SETS = [
  ['name', 'email', 'phone', 'dob', 'ssn'],
  ['Last, First', 'Date of Birth', 'Mobile', 'Hire Date', 'Employee ID'],
  ['first_name', 'last_name', 'birth_date', 'phone_number', 'order_id', 'created_at'],
  ['FULL NAME', 'DOB', 'DL NUMBER', 'STATE', 'EXPIRY'],
  ['customer', 'card_number', 'amount', 'txn_id', 'txn_date'],
  ['Patient', 'Birthdate', 'MRN', 'Visit', 'Phone'],
  ['employee', 'iban', 'payroll_run', 'net_pay'],
];
function cell(rng, column, p, dl) {
  const c = column.toLowerCase();
  if (c === 'first_name') return names.given(rng, p);
  if (c === 'last_name') return names.familyField(rng, p);
  if (c === 'last, first') return names.lastFirst(rng, p);
  if (c === 'full name') return names.upper(rng, p);
  if (['name', 'customer', 'patient', 'employee'].includes(c)) return names.full(rng, p);
  if (c === 'email') return [emailFor(rng, p, rng.pick(['gmail.com', 'fernbank.io', 'outlook.com']))];
  if (['phone', 'mobile', 'phone_number'].includes(c)) return [phone(rng)];
  if (['dob', 'date of birth', 'birth_date', 'birthdate'].includes(c)) return [birthDate(rng)];
  if (c === 'ssn') return [ssn(rng, rng.pick(['dash', 'bare']))];
  if (c === 'dl number') return [dl];
  if (c === 'state') return [dl.state];
  if (['hire date', 'expiry', 'txn_date', 'visit', 'payroll_run'].includes(c)) return [ordinaryDate(rng)];
  if (c === 'created_at') return [timestamp(rng)];
  if (c === 'employee id' || c === 'mrn') return [lookalikes.account(rng)];
  if (c === 'order_id') return [lookalikes.orderId(rng)];
  if (c === 'txn_id') return [lookalikes.uuid(rng)];
  if (c === 'card_number') return [rng.chance(0.8) ? card(rng) : lookalikes.luhnInvalid(rng)];
  if (c === 'iban') return [iban(rng)];
  return [lookalikes.amount(rng)];
}
export function tableExport(rng, b) {
  const columns = rng.pick(COLUMN_SETS), tab = rng.chance(0.3), sep = tab ? '\t' : rng.pick([',', ',', ';', '|']);
  const quoteAll = !tab && rng.chance(0.3);
  b.add(columns.map((c) => (quoteAll || c.includes(',') ? `"${c}"` : c)).join(sep) + '\n');
  for (let r = rng.int(3, 7); r > 0; r--) {
    const p = person(rng), dl = driverLicense(rng);
    columns.forEach((c, i) => {
      const value = cell(rng, c, p, dl);
      const quote = quoteAll || (c === 'Last, First') || value.some((v) => typeof v === 'object' && v.text.includes(sep));
      b.add([i ? sep : '', quote ? '"' : '', ...value, quote ? '"' : '']);
    });
    b.add('\n');
  }
}

export function jsonPayload(rng, b) {
  const p = person(rng), compact = rng.chance(0.3), nl = compact ? '' : '\n', ind = compact ? '' : '  ';
  const fields = [
    ['id', [lookalikes.uuid(rng)]], ['type', [rng.pick(['customer', 'employee', 'patient', 'applicant'])]],
    [rng.pick(['name', 'fullName', 'display_name', 'contact_name']), names[rng.pick(['full', 'full', 'upper'])](rng, p)],
    ...((dob) => [[rng.pick(DOB_KEYS), [dob]], ...(rng.chance(0.3) ? [['age', [String(dob.age)]]] : [])])(birthDate(rng)), [rng.pick(['phone', 'phoneNumber', 'mobile', 'tel']), [phone(rng)]],
    ['email', [emailFor(rng, p, rng.pick(['gmail.com', 'yahoo.com', company(rng).domain]))]],
    ['createdAt', [timestamp(rng)]], [rng.pick(['updated', 'last_login', 'renewal_date']), [ordinaryDate(rng, 'iso')]],
    ['orderRef', [lookalikes.orderId(rng)]],
  ];
  if (rng.chance(0.3)) fields.push(['ssn', [ssn(rng)]]);
  if (rng.chance(0.2)) fields.push([rng.pick(['driversLicense', 'dl_number']), [driverLicense(rng)]]);
  if (rng.chance(0.3)) fields.push(['payment', [card(rng)]]);
  if (rng.chance(0.2)) fields.push(['client_ip', [ip(rng)]]);
  if (rng.chance(0.3)) fields.push(['givenName', names.given(rng, p)], ['familyName', names.familyField(rng, p)]);
  b.add(`{${nl}`);
  rng.shuffle(fields).forEach(([k, v], i, all) => b.add([`${ind}"${k}":${compact ? '' : ' '}"`, ...v, `"${i < all.length - 1 ? ',' : ''}${nl}`]));
  b.add(`}${nl}`);
}
