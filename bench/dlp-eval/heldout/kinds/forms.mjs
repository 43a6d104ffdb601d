/**
 * Forms: HR records (some printed in capitals), medical intake forms and invoices. Field labels
 * vary by company and language; ordinary dates (visit, invoice, hire) sit beside birth dates.
 */
import { emailFor, names, person } from '../values/people.mjs';
import { birthDate, ordinaryDate } from '../values/dates.mjs';
import { phone, usPhone } from '../values/phones.mjs';
import { card, driverLicense, iban, ssn, usPassport } from '../values/ids.mjs';
import { lookalikes, org, place } from '../values/negatives.mjs';
import { neg } from '../builder.mjs';
import { CITIES, DEPARTMENTS, DOB_LABELS, PHONE_LABELS, company } from './common.mjs';

export function hrRecord(rng, b) {
  const p = person(rng), caps = rng.chance(0.35), co = company(rng);
  const label = (s) => (caps ? s.toUpperCase() : s);
  const sep = rng.pick([': ', ':\t', ' .......... ', ' | ']);
  b.add([label(`${co.name} — employee record`), '\n']);
  b.add([label('Employee name'), sep, ...(caps ? names.upper(rng, p) : names[rng.pick(['full', 'lastFirst'])](rng, p)), '\n']);
  b.add([label('Employee ID'), sep, lookalikes.account(rng), '\n']);
  b.add([label(rng.pick(DOB_LABELS)), sep, birthDate(rng), '\n']);
  b.add([label(rng.pick(['Hire date', 'Date of hire', 'Start date', 'Date of last promotion'])), sep, ordinaryDate(rng), '\n']);
  b.add([label('Department'), sep, rng.pick(DEPARTMENTS), '   ', label('Location'), sep, rng.pick(CITIES), '\n']);
  b.add([label(rng.pick(['SSN', 'Social Security No.', 'SSN/TIN'])), sep, ssn(rng), '\n']);
  b.add([label(rng.pick(PHONE_LABELS)), sep, phone(rng), '\n']);
  b.add([label('Personal email'), sep, emailFor(rng, p, rng.pick(['gmail.com', 'icloud.com', 'hotmail.co.uk', 'gmx.de'])), '\n']);
  if (rng.chance(0.5)) { const dl = driverLicense(rng); b.add([label(`Driver license (${dl.state})`), sep, dl, '\n']); }
  if (rng.chance(0.3)) b.add([label('Passport no.'), sep, usPassport(rng), '   ', label('Expires'), sep, ordinaryDate(rng), '\n']);
  if (rng.chance(0.4)) b.add([label('Bank account (IBAN)'), sep, iban(rng), '\n']);
  b.add([label('Manager'), sep, ...names[caps ? 'upper' : rng.pick(['full', 'titled'])](rng, person(rng)), '\n']);
  b.add([label('Last review'), sep, ordinaryDate(rng), '\n']);
}

export function medicalIntake(rng, b) {
  const patient = person(rng), doctor = person(rng, { latinOnly: true }), dob = birthDate(rng);
  b.add([`${rng.pick(['PATIENT INTAKE FORM', 'New patient registration', 'Admission sheet'])} — ${company(rng).name}\n\n`]);
  b.add(['Patient: ', ...names[rng.pick(['full', 'lastFirst', 'upper'])](rng, patient), '    MRN: ', lookalikes.account(rng), '\n']);
  b.add([rng.pick(['DOB', 'Date of birth', 'Born']), ': ', dob, rng.pick([`    Age: ${dob.age}`, `  (${dob.age} y/o)`, '', `   age ${dob.age}`]), '    Sex: ', rng.pick(['F', 'M', 'X']), '\n']);
  b.add([rng.pick(['Visit date: ', 'Date of service: ', 'Date of injury: ', 'Admitted: ']), ordinaryDate(rng), '    Referring physician: ', ...names.titled(rng, doctor), '\n']);
  b.add([rng.pick(PHONE_LABELS), ': ', phone(rng), ...(rng.chance(0.4) ? ['   Alt: ', phone(rng)] : []), '\n']);
  b.add(['Insurance: ', org(rng), ' member ', lookalikes.account(rng), '\n']);
  if (rng.chance(0.5)) b.add(['Guarantor: ', ...names.full(rng, person(rng)), ', relationship ', rng.pick(['spouse', 'parent', 'self', 'child']), '\n']);
  if (rng.chance(0.4)) b.add(['SSN (for billing): ', ssn(rng), '\n']);
  b.add([`Chief complaint: ${rng.pick(['persistent cough x2 weeks', 'lower back pain after fall', 'follow-up for hypertension', 'rash on forearm'])}. Pt states symptoms began `, ordinaryDate(rng), '.\n']);
  b.add(['Notes: ', ...names.titled(rng, doctor), ` ${rng.pick(['reviewed labs', 'ordered an X-ray', 'adjusted dosage'])}; next appointment `, ordinaryDate(rng), ' at the ', place(rng), ' office.\n']);
  if (rng.chance(0.3)) b.add(['Copay paid by card ', card(rng), '\n']);
  if (rng.chance(0.4)) b.add([`Assessment: pt is a ${dob.age} y/o ${rng.pick(['female', 'male', 'patient'])} (DOB `, { type: dob.type, text: dob.text, form: dob.form }, `) seen for ${rng.pick(['follow-up', 'annual physical', 'pre-op clearance'])}.\n`]);
}

export function invoice(rng, b) {
  const billTo = person(rng), co = company(rng);
  b.add([`${co.name}\nINVOICE `, lookalikes.invoice(rng), '\nInvoice date: ', ordinaryDate(rng), '    Due: ', ordinaryDate(rng), '\n\n']);
  b.add(['Bill to: ', ...names[rng.pick(['full', 'upper', 'titledFull'])](rng, billTo), rng.chance(0.5) ? ', ' : '\n', org(rng), '\n']);
  b.add([`${rng.int(1, 999)} `, neg('street', rng.pick(['Elm St', 'Harbour Rd', 'Rue Lafayette', 'Hauptstraße', 'Calle Morelos', 'King Street West', 'Avenida Paulista', 'Lincoln Ave'])), ', ', place(rng), ' ', lookalikes.zip(rng), '\n']);
  b.add(['Contact: ', emailFor(rng, billTo, rng.pick(['gmail.com', co.domain])), ' / ', usPhone(rng), '\n\n']);
  b.add(['Item                          Qty   Amount\n']);
  for (let i = rng.int(2, 4); i > 0; i--) b.add([lookalikes.sku(rng), `  ${rng.pick(['Consulting hours', 'Freight (pallet)', 'License renewal', 'Support plan'])}  ${rng.int(1, 40)}   `, lookalikes.amount(rng), '\n']);
  b.add(['\nTotal: ', lookalikes.amount(rng), '\nPO: ', lookalikes.orderId(rng), '\n']);
  b.add([rng.pick(['Pay by transfer to ', 'Remit to IBAN ', 'Bank: ']), iban(rng), '\n']);
  if (rng.chance(0.3)) b.add(['Card used for deposit: ', card(rng), ' (auth ', lookalikes.requestId(rng), ')\n']);
  if (rng.chance(0.3)) b.add(['Reference card ', lookalikes.luhnInvalid(rng), ' is a test number and was not charged.\n']);
}
