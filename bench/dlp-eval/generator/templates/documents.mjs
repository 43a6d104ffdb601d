/**
 * Document kinds: each one lays out a header, a body drawn from fragment groups and structured
 * parts (CSV rows, JSON records, form fields, log lines) in its own way.
 */
import { neg } from '../document.mjs';
import { ORGANISATIONS, US_STATES } from '../pools/things.mjs';
import { birthDate, driverLicense, emailFor, intlPhone, ordinaryDate, person, ssnBare, ssnFormatted, usPhone, usPhoneBare } from '../values/people.mjs';
import { card, ipv4 } from '../values/finance.mjs';
import { LOOKALIKES } from '../values/lookalikes.mjs';
import { uuid } from '../values/secrets.mjs';
import { BIRTH_DATES, CONTACTS, NAME_MENTIONS, NON_PERSON_MENTIONS, ORDINARY } from './fragments.mjs';
import { NON_SECRET_LINES, SECRET_LINES } from './code.mjs';

const P = 'PERSON';
const some = (r, b, groups, n) => {
  for (let i = 0; i < n; i++) r.pick(r.pick(groups))(r, b);
};

function ticket(r, b) {
  b.add('Ticket ', neg(LOOKALIKES.ticket_ref(r), 'ticket_ref'), ` (${r.pick(['P2', 'P3', 'urgent', 'normal'])})\nOpened `, neg(LOOKALIKES.timestamp(r), 'timestamp'), '\n\n');
  some(r, b, [NAME_MENTIONS, NAME_MENTIONS, CONTACTS, ORDINARY, NON_PERSON_MENTIONS, BIRTH_DATES], r.int(4, 9));
}

function email(r, b) {
  const from = person(r);
  const to = person(r);
  b.add('From: ', [P, `${from.given} ${from.family}`], ' <', ['EMAIL', emailFor(r, from)], '>\nTo: ', [P, `${to.given} ${to.family}`], ' <', ['EMAIL', emailFor(r, to)], '>\nDate: ', neg(ordinaryDate(r), 'date'), '\nSubject: ', r.pick(['Updated details', 'Re: onboarding paperwork', 'Fwd: invoice question', 'Account access']), '\n\n');
  b.add('Hi ', [P, to.given], ',\n\n');
  some(r, b, [NAME_MENTIONS, CONTACTS, CONTACTS, ORDINARY, NON_PERSON_MENTIONS, BIRTH_DATES], r.int(3, 7));
  b.add('\n\n', r.pick(['Thanks,', 'Best,', 'Regards,', 'Saludos,', 'Viele Grüße,']), '\n', [P, from.given], '\n');
}

function chat(r, b) {
  const people = [person(r), person(r), person(r)];
  for (let i = 0, n = r.int(4, 9); i < n; i++) {
    const who = r.pick(people);
    b.add(`[${String(r.int(8, 18)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}] `, [P, who.given], ': ');
    if (r.chance(0.5)) r.pick(r.pick([CONTACTS, NAME_MENTIONS, SECRET_LINES, ORDINARY, BIRTH_DATES]))(r, b);
    else b.add(r.pick(['ok, on it', 'can you check the export?', 'lgtm', 'deploying now', 'who has the customer file?', 'sent']));
    b.endLine();
  }
}

function hrNote(r, b) {
  const p = person(r);
  const s = r.pick(US_STATES);
  b.add('EMPLOYEE RECORD\nName: ', [P, `${p.family}, ${p.given}`], '\nEmployee ID: ', neg(`E${r.digits(6)}`, 'employee_id'), '\nDOB: ', ['DATE_OF_BIRTH', birthDate(r)], '\nSSN: ', ['US_SSN', r.chance(0.3) ? ssnBare(r) : ssnFormatted(r)], '\n');
  b.add('Start date: ', neg(ordinaryDate(r), 'date'), '\nHome phone: ', ['PHONE', usPhone(r)], '\nEmergency contact: ');
  const e = person(r);
  b.add([P, `${e.given} ${e.family}`], ' ', ['PHONE', r.chance(0.5) ? usPhoneBare(r) : intlPhone(r)], '\n', `Driver license (${s}): `, ['DRIVER_LICENSE', driverLicense(r, s)], '\nManager: ');
  const m = person(r);
  b.add(r.pick(['Mr. ', 'Ms. ', 'Dr. ']), [P, m.family], '\nNotes: ');
  some(r, b, [NAME_MENTIONS, ORDINARY, NON_PERSON_MENTIONS], r.int(2, 4));
}

function csv(r, b) {
  const layout = r.pick([
    ['first_name', 'last_name', 'dob', 'phone', 'order_id'],
    ['name', 'email', 'date_of_birth', 'ssn', 'signup_date'],
    ['customer', 'birthdate', 'mobile', 'created_at', 'amount'],
    ['id', 'full_name', 'DOB', 'driver_license', 'state'],
  ]);
  b.add(layout.join(','), '\n');
  for (let i = 0, n = r.int(3, 8); i < n; i++) {
    const p = person(r);
    const state = r.pick(US_STATES);
    layout.forEach((col, k) => {
      if (k) b.add(',');
      if (col === 'first_name') b.add([P, p.given]);
      else if (col === 'last_name') b.add([P, p.family]);
      else if (col === 'name' || col === 'customer' || col === 'full_name') b.add('"', [P, r.chance(0.3) ? `${p.family}, ${p.given}` : `${p.given} ${p.family}`], '"');
      else if (col === 'dob' || col === 'date_of_birth' || col === 'birthdate' || col === 'DOB') b.add(['DATE_OF_BIRTH', birthDate(r).replace(/,/g, '')]); // no commas inside a CSV cell
      else if (col === 'phone' || col === 'mobile') b.add(['PHONE', r.chance(0.5) ? usPhoneBare(r) : usPhone(r)]);
      else if (col === 'email') b.add(['EMAIL', emailFor(r, p)]);
      else if (col === 'ssn') b.add(['US_SSN', r.chance(0.5) ? ssnBare(r) : ssnFormatted(r)]);
      else if (col === 'driver_license') b.add(['DRIVER_LICENSE', driverLicense(r, state)]);
      else if (col === 'state') b.add(state);
      else if (col === 'order_id') b.add(neg(`ORD-${r.digits(8)}`, 'order_id'));
      else if (col === 'signup_date' || col === 'created_at') b.add(neg(LOOKALIKES.timestamp(r), 'timestamp'));
      else if (col === 'amount') b.add(neg(`${r.int(1, 999)}.${r.digits(2)}`, 'amount'));
      else if (col === 'id') b.add(neg(String(r.int(10000, 99999)), 'row_id'));
    });
    b.add('\n');
  }
}

function json(r, b) {
  const p = person(r);
  b.add('{\n  "id": "', neg(uuid(r), 'uuid'), '",\n  "customerName": "', [P, `${p.given} ${p.family}`], '",\n  "email": "', ['EMAIL', emailFor(r, p)], '",\n');
  b.add(`  "${r.pick(['dateOfBirth', 'dob', 'birth_date', 'birthDate'])}": "`, ['DATE_OF_BIRTH', birthDate(r).replace(/,/g, '')], '",\n  "phone": "', ['PHONE', r.chance(0.5) ? usPhone(r) : intlPhone(r)], '",\n');
  b.add('  "createdAt": "', neg(LOOKALIKES.timestamp(r), 'timestamp'), '",\n  "orderTotal": ', neg(`${r.int(10, 900)}.${r.digits(2)}`, 'amount'), ',\n  "employer": "', neg(r.pick(ORGANISATIONS), 'organisation'), '",\n  "lastIp": "', ['IP_ADDRESS', ipv4(r)], '"\n}\n');
}

function form(r, b) {
  const p = person(r);
  const s = r.pick(US_STATES);
  b.add(r.pick(['NEW PATIENT INTAKE', 'RENTAL APPLICATION', 'KYC FORM', 'Formulario de solicitud']), '\n');
  b.add('Full name: ', [P, `${p.given} ${p.family}`], '\n', r.pick(['Date of birth: ', 'DOB: ', 'Fecha de nacimiento: ', 'Birth date (MM/DD/YYYY): ']), ['DATE_OF_BIRTH', birthDate(r)], '\n');
  b.add('Phone: ', ['PHONE', r.chance(0.6) ? usPhone(r) : intlPhone(r)], '\nSSN: ', ['US_SSN', r.chance(0.4) ? ssnBare(r) : ssnFormatted(r)], '\nID: ', `${s} driver license `, ['DRIVER_LICENSE', driverLicense(r, s)], '\n');
  b.add('Today\'s date: ', neg(ordinaryDate(r), 'date'), '\nSignature: ', [P, `${p.given[0]}. ${p.family}`], '\n');
}

function log(r, b) {
  for (let i = 0, n = r.int(5, 10); i < n; i++) {
    b.add(neg(LOOKALIKES.timestamp(r), 'timestamp'), ` ${r.pick(['INFO', 'WARN', 'ERROR', 'DEBUG'])} [${r.pick(['auth', 'billing', 'api', 'worker'])}] `);
    const roll = r.next();
    if (roll < 0.2) b.add('login ok user=', ['EMAIL', emailFor(r, person(r))], ' ip=', ['IP_ADDRESS', ipv4(r)], '\n');
    else if (roll < 0.35) { b.add('connecting to '); r.pick(SECRET_LINES.slice(1, 2))(r, b); }
    else if (roll < 0.5) b.add('request_id=', neg(uuid(r), 'uuid'), ` latency_ms=${r.int(3, 900)}\n`);
    else if (roll < 0.6) b.add('sms sent to ', ['PHONE', r.chance(0.5) ? usPhone(r) : intlPhone(r)], '\n');
    else if (roll < 0.7) b.add('job finished build=', neg(LOOKALIKES.version(r), 'version'), ' ts=', neg(LOOKALIKES.unix_time(r), 'unix_time'), '\n');
    else if (roll < 0.8) b.add('payment declined card=', ['CREDIT_CARD', card(r)], '\n');
    else if (roll < 0.9) r.pick(NON_SECRET_LINES)(r, b);
    else b.add('retrying order ', neg(LOOKALIKES.order_id(r), 'order_id'), '\n');
  }
}

function code(r, b) {
  b.add(r.pick(['# settings.py\n', '// config.ts\n', '# .env.production\n', '# docker-compose.yml\n', '# application.properties\n', '<!-- web.config -->\n', '# values.yaml\n']));
  some(r, b, [SECRET_LINES, SECRET_LINES, NON_SECRET_LINES], r.int(3, 8));
}

export const DOCUMENT_KINDS = { ticket, email, chat, hr_note: hrNote, csv, json, form, log, code };
