/**
 * Tabular and structured records: CSV exports, spreadsheets pasted as tab-separated text, SQL
 * dumps (INSERT statements), and ALL-CAPS application forms. Column headers carry the context
 * a value has (a date under "dob" is a birth date, under "created_at" it is not).
 */
import { driverLicense, email, iban, passport, ssn, card, ip } from '../ids.mjs';
import { person, writeName } from '../names.mjs';
import { dobValue, writePhone } from '../pieces.mjs';
import { writeNegative } from '../negatives.mjs';
import { DATE_FORMATS } from '../dates.mjs';

/** Columns: [header, writer]. Writers append one cell for the row's person. */
const COLUMNS = {
  name: ['full_name', (b, r, p) => writeName(b, r, p, 'full')],
  last_first: ['"Name (Last, First)"', (b, r, p) => { b.text('"'); writeName(b, r, p, 'last-first'); b.text('"'); }],
  given: ['first_name', (b, r, p) => writeName(b, r, p, 'given')],
  surname: ['last_name', (b, r, p) => b.pii('PERSON', p.surname, 'surname-column')],
  email: ['email', (b, r, p) => b.pii('EMAIL', email(r, p).value, 'column')],
  phone: ['phone', (b, r) => writePhone(b, r)],
  ssn: ['ssn', (b, r) => { const s = ssn(r); b.pii('US_SSN', s.value, s.form); }],
  card: ['card_number', (b, r) => b.pii('CREDIT_CARD', card(r).value, 'column')],
  iban: ['iban', (b, r) => b.pii('IBAN', iban(r).value, 'column')],
  ip: ['last_ip', (b, r) => { const v = ip(r); b.pii('IP_ADDRESS', v.value, v.form); }],
  id: ['customer_id', (b, r) => writeNegative(b, r, 'order_id')],
  created: ['created_at', (b, r) => writeNegative(b, r, 'timestamp')],
  hired: ['hire_date', (b, r) => writeNegative(b, r, 'ordinary_date')],
  zip: ['zip', (b, r) => writeNegative(b, r, 'zip_code')],
  amount: ['balance', (b, r) => b.neg('amount', `${r.int(0, 99999)}.${r.digits(2)}`)],
  uuid: ['row_uuid', (b, r) => writeNegative(b, r, 'uuid')],
};

function pickColumns(rng) {
  const people = rng.pick([['name'], ['last_first'], ['given', 'surname']]);
  const extra = rng.shuffle(['email', 'phone', 'ssn', 'card', 'iban', 'ip', 'id', 'created', 'hired', 'zip', 'amount', 'uuid']).slice(0, rng.int(3, 6));
  const cols = [...people, ...extra];
  if (rng.chance(0.6)) cols.splice(rng.int(1, cols.length), 0, 'dob');
  return cols;
}

function table(rng, b, sep, quoteHeader) {
  const cols = pickColumns(rng);
  const dobHeader = rng.pick(['dob', 'date_of_birth', 'DOB', 'birthdate', 'Birth Date', 'geburtsdatum', 'fecha_nacimiento']);
  const dobFormat = rng.pick(Object.keys(DATE_FORMATS).filter((f) => sep === '\t' || !DATE_FORMATS[f]({ y: 2000, m: 1, d: 1 }).includes(',')));
  b.text(cols.map((c) => (c === 'dob' ? dobHeader : COLUMNS[c][0])).map((h) => (quoteHeader ? `"${h.replace(/"/g, '')}"` : h)).join(sep) + '\n');
  const rows = rng.int(3, 9);
  for (let i = 0; i < rows; i++) {
    const p = person(rng);
    cols.forEach((c, j) => {
      if (j) b.text(sep);
      if (c === 'dob') dobValue(b, rng, dobFormat);
      else COLUMNS[c][1](b, rng, p);
    });
    b.text('\n');
  }
  return b;
}

export function csvExport(rng, b) {
  b.text(rng.chance(0.5) ? `# export ${rng.pick(['crm', 'payroll', 'members'])} ` : '');
  if (b.length) b.put((x) => writeNegative(x, rng, 'timestamp')).text('\n');
  return table(rng, b, ',', rng.chance(0.3));
}

export function spreadsheetPaste(rng, b) {
  b.text(rng.pick(['Here is the sheet you asked for:\n\n', 'pasting from excel, sorry for the formatting\n', 'Roster (copied from Google Sheets)\n\n']));
  table(rng, b, '\t', false);
  return b.text(rng.pick(['\nLet me know if anything is off.', '\n(rows hidden: 0)', '']));
}

export function sqlDump(rng, b) {
  const tableName = rng.pick(['customers', 'employees', 'patients', 'members']);
  b.text(`-- MySQL dump 10.13  Distrib `).put((x) => writeNegative(x, rng, 'version')).text(`\n-- Host: db-prod-3    Database: app\n\nCREATE TABLE \`${tableName}\` (\n  \`id\` int NOT NULL,\n  \`name\` varchar(120),\n  \`email\` varchar(190),\n  \`phone\` varchar(40),\n  \`birth_date\` date,\n  \`ssn\` char(11),\n  \`created_at\` datetime\n);\n\nINSERT INTO \`${tableName}\` VALUES `);
  const rows = rng.int(2, 6);
  for (let i = 0; i < rows; i++) {
    const p = person(rng);
    b.text(`${i ? ',' : ''}\n(${rng.int(1, 99999)},'`);
    writeName(b, rng, p, rng.chance(0.8) ? 'full' : 'last-first');
    b.text("','").pii('EMAIL', email(rng, p).value, 'sql').text("','");
    writePhone(b, rng);
    b.text("','");
    dobValue(b, rng, 'iso');
    b.text("',");
    if (rng.chance(0.7)) { b.text("'"); const s = ssn(rng, 'dashed'); b.pii('US_SSN', s.value, s.form); b.text("'"); } else b.text('NULL');
    b.text(",'");
    b.neg('timestamp', `202${rng.int(0, 6)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')} ${String(rng.int(0, 23)).padStart(2, '0')}:${String(rng.int(10, 59))}:${String(rng.int(10, 59))}`);
    b.text("')");
  }
  return b.text(';\n');
}

const STATES = { CA: 'CALIFORNIA', NY: 'NEW YORK', FL: 'FLORIDA', WA: 'WASHINGTON', TX: 'TEXAS', IL: 'ILLINOIS', PA: 'PENNSYLVANIA', NJ: 'NEW JERSEY', MI: 'MICHIGAN', OH: 'OHIO', MA: 'MASSACHUSETTS', GA: 'GEORGIA', CO: 'COLORADO' };

/** A rental, loan or employment application typed in capitals, as forms are. */
export function applicationForm(rng, b) {
  const p = person(rng);
  b.text(`${rng.pick(['RENTAL APPLICATION', 'VEHICLE RENTAL AGREEMENT', 'EMPLOYMENT APPLICATION — SECTION 1', 'LOAN PRE-QUALIFICATION'])}\n${'='.repeat(34)}\nAPPLICANT NAME: `);
  writeName(b, rng, p, rng.pick(['caps', 'caps-last-first']));
  b.text('\nDATE OF BIRTH: ');
  dobValue(b, rng, rng.pick(['us-slash', 'caps-abbr', 'iso', 'us-dash', 'eu-dots']));
  b.text('\nSSN: ');
  const s = ssn(rng, rng.pick(['dashed', 'bare', 'spaced']));
  b.pii('US_SSN', s.value, s.form);
  const lic = driverLicense(rng);
  b.text(`\nDRIVER LICENSE # `).pii('DRIVER_LICENSE', lic.value, lic.form).text(`   STATE: ${rng.chance(0.5) ? lic.state : STATES[lic.state]}`);
  if (rng.chance(0.5)) { const pp = passport(rng); b.text('\nU.S. PASSPORT NO.: ').pii('US_PASSPORT', pp.value, pp.form); }
  b.text('\nHOME PHONE: ');
  writePhone(b, rng);
  b.text('\nEMAIL: ').pii('EMAIL', email(rng, p).value.toUpperCase(), 'caps');
  b.text('\nCURRENT EMPLOYER: ').put((x) => writeNegative(x, rng, 'company_name'));
  b.text('\nCITY: ').put((x) => writeNegative(x, rng, 'place'));
  b.text('   ZIP: ').put((x) => writeNegative(x, rng, 'zip_code'));
  b.text('\nDATE SIGNED: ').put((x) => writeNegative(x, rng, 'ordinary_date'));
  b.text('\nREFERENCE: ');
  writeName(b, rng, person(rng), 'caps');
  b.text(' — ');
  writePhone(b, rng);
  return b.text('\nFOR OFFICE USE: APP ').put((x) => writeNegative(x, rng, 'invoice_number')).text('\n');
}
