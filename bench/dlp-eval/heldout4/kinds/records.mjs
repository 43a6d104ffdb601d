/**
 * Structured records: CSV/TSV exports (birth dates only under birth-date headers; other date
 * columns are hard negatives), paper-style forms (application, patient intake) and JSON API
 * records with birth-date keys.
 * @example
 * render(csvExport(rng)); // {text: 'employee_id,last_name,first_name,dob,…', spans, negatives}
 */
import { birthDate, ordinaryDate } from '../dates.mjs';
import { card, driverLicense, email, iban, passport, ssn } from '../ids.mjs';
import { render, t } from '../marks.mjs';
import { anyName, nativePiece, person, personPiece } from '../names.mjs';
import { negative } from '../negatives.mjs';
import { anyPhone, intlPhone, usPhone } from '../phones.mjs';

const DOB_HEADERS = ['dob', 'DOB', 'date_of_birth', 'Date of Birth', 'birth_date', 'BirthDate', 'birthdate', 'Geburtsdatum', 'fecha_nacimiento'];
const csvQuote = (piece, quoted) => (quoted ? ['"', piece, '"'] : piece);
/** A cell as a CSV writer emits it: quoted when its text holds the separator. */
const cell = (piece, sep) => csvQuote(piece, render(piece).text.includes(sep));

/** A CSV or TSV export with a header row; columns vary per export. */
export function csvExport(rng) {
  const sep = rng.pick([',', ',', '\t', ';', '|']);
  const dobFormat = rng.pick(['iso', 'us-slash', 'us-slash-unpadded', 'eu-dot', 'compact', 'dd-MON-yy', 'us-slash-2digit', 'iso-slash']);
  const nameStyle = rng.pick(['split', 'full', 'last-first']);
  const columns = rng.shuffle([
    ['id', (r) => negative(r, 'employee_id')],
    ...(nameStyle === 'split' ? [['first_name', (r, p) => personPiece(p, 'given')], ['last_name', (r, p) => personPiece(p, 'surname-field')]] : [[nameStyle === 'full' ? 'name' : 'Name (Last, First)', (r, p) => (nameStyle === 'full' && r.chance(0.15) ? nativePiece(r) : personPiece(p, nameStyle))]]),
    [rng.pick(DOB_HEADERS), (r) => birthDate(r, dobFormat)],
    [rng.pick(['hire_date', 'created_at', 'last_login', 'renewal_date']), (r) => ordinaryDate(r, dobFormat === 'compact' ? 'iso' : dobFormat)],
    ...rng.sample([
      ['phone', (r) => usPhone(r, rng.pick(['dashes', 'bare10', 'dots', 'parens', 'plus1-dashes']))],
      ['mobile', (r) => anyPhone(r)],
      ['email', (r, p) => email(r, p)],
      ['ssn', (r) => ssn(r)],
      ['order_id', (r) => negative(r, 'order_id')],
      ['invoice', (r) => negative(r, 'invoice_number')],
      ['amount', (r) => negative(r, 'money')],
      ['customer_uuid', (r) => negative(r, 'uuid')],
      ['loyalty_card_no', (r) => negative(r, 'luhn_invalid_card')],
      ['company', (r) => negative(r, 'company_name')],
      ['city', (r) => negative(r, 'place')],
      ['license_no', (r) => driverLicense(r, rng.pick(['CA', 'TX', 'WA', 'NY', 'FL'])).piece],
    ], rng.int(2, 5)),
  ]);
  const rows = [columns.map(([h]) => h).join(sep)];
  for (let i = 0; i < rng.int(3, 9); i++) {
    const p = person(rng);
    rows.push(columns.flatMap(([, write], j) => (j ? [sep, cell(write(rng, p), sep)] : [cell(write(rng, p), sep)])));
  }
  return rows.flatMap((r, i) => (i ? ['\n', r] : [r]));
}

/** A filled-in form: job application or patient intake, labels then values. */
export function filledForm(rng) {
  const p = person(rng);
  const caps = rng.chance(0.3);
  const name = caps ? personPiece(p, rng.pick(['caps', 'caps-last-first'])) : personPiece(p, rng.pick(['full', 'last-first']));
  const dl = driverLicense(rng);
  const fields = rng.pick([
    () => [
      t`APPLICANT NAME: ${name}`, t`Date of Birth (MM/DD/YYYY): ${birthDate(rng, 'us-slash')}`, t`Social Security No.: ${ssn(rng)}`,
      t`Driver License #: ${dl.piece}   State: ${dl.state}`, t`Home phone: ${usPhone(rng)}   Cell: ${usPhone(rng)}`, t`E-mail: ${email(rng, p)}`,
      t`Address: ${rng.int(10, 9999)} ${negative(rng, 'street_named_for_person')}, ${negative(rng, 'place')} ${negative(rng, 'zip_plus4')}`,
      t`Date available to start: ${ordinaryDate(rng, 'us-slash')}`, t`Reference: ${anyName(rng)}, ${negative(rng, 'company_name')}, ${anyPhone(rng)}`,
    ],
    () => [
      t`PATIENT INTAKE — ${negative(rng, 'company_name')}`, t`Patient: ${name}`, t`DOB: ${birthDate(rng)}   Age: ${rng.int(18, 90)}`,
      t`Appointment: ${ordinaryDate(rng)} with ${rng.pick(['Dr.', 'Dr'])} ${personPiece(person(rng), 'title-surname')}`, t`Phone: ${anyPhone(rng)}`,
      t`Insurance member ID: ${negative(rng, 'account_number_internal')}`, t`Emergency contact: ${personPiece(person(rng), 'full')} — ${usPhone(rng)}`,
      t`Card on file: ${card(rng)}`,
    ],
    () => [
      t`Passport application (DS-82) worksheet`, t`Surname: ${personPiece(p, 'surname-field')}`, t`Given names: ${personPiece(p, 'given')}`,
      t`Birth date: ${birthDate(rng, rng.pick(['dd-mon-yyyy', 'day-month-year', 'us-slash']))}`, t`Place of birth: ${negative(rng, 'place')}`,
      t`Previous passport: ${passport(rng)} issued ${ordinaryDate(rng, 'dd-mon-yyyy')}`, t`Contact: ${intlPhone(rng)}`,
    ],
    () => [
      t`Supplier bank details form`, t`Account holder: ${name}`, t`IBAN: ${iban(rng)}`, t`BIC: ${rng.pick(['DEUTDEFF', 'BNPAFRPP', 'INGBNL2A', 'NWBKGB2L'])}`,
      t`Invoice: ${negative(rng, 'invoice_number')}   Due: ${ordinaryDate(rng)}`, t`Contact phone: ${intlPhone(rng)}`,
    ],
  ])();
  return fields.flatMap((f, i) => (i ? ['\n', f] : [f]));
}

/** A JSON record as an API returns it, birth date under a birth-date key. */
export function jsonRecord(rng) {
  const p = person(rng);
  const dobKey = rng.pick(['dateOfBirth', 'dob', 'birth_date', 'birthDate', 'date_of_birth']);
  const lines = [
    t`  "id": "${negative(rng, 'uuid')}"`,
    t`  "firstName": "${personPiece(p, 'given')}"`,
    t`  "lastName": "${personPiece(p, 'surname-field')}"`,
    t`  "${dobKey}": "${birthDate(rng, rng.pick(['iso', 'us-slash', 'compact', 'iso']))}"`,
    t`  "createdAt": "${negative(rng, 'timestamp')}"`,
    t`  "phone": "${rng.chance(0.5) ? usPhone(rng, rng.pick(['plus1-compact', 'bare10', 'dashes'])) : intlPhone(rng, undefined, 'international')}"`,
    t`  "email": "${email(rng, p)}"`,
    rng.chance(0.4) ? t`  "ssn": "${ssn(rng)}"` : t`  "orderId": "${negative(rng, 'order_id')}"`,
    rng.chance(0.3) ? (() => { const dl = driverLicense(rng); return t`  "driversLicense": {"state": "${dl.state}", "number": "${dl.piece}"}`; })() : t`  "trackingNumber": "${negative(rng, 'tracking_number')}"`,
    t`  "employer": "${negative(rng, 'company_name')}"`,
    t`  "lastPurchase": "${ordinaryDate(rng, 'iso')}"`,
  ];
  return t`{\n${lines.flatMap((l, i) => (i ? [',\n', l] : [l]))}\n}`;
}
