/**
 * Clinical records: HL7 v2 ADT messages (PID segment: name as FAMILY^GIVEN, birth date as
 * YYYYMMDD, SSN in PID-19), FHIR Patient resources in JSON, and a nurse's intake note.
 */
import { email, ssn } from '../ids.mjs';
import { person, writeName } from '../names.mjs';
import { dobValue, dobWithContext, writePhone } from '../pieces.mjs';
import { writeNegative } from '../negatives.mjs';

const p2 = (n) => String(n).padStart(2, '0');
const hl7Time = (rng) => `202${rng.int(0, 6)}${p2(rng.int(1, 12))}${p2(rng.int(1, 28))}${p2(rng.int(0, 23))}${p2(rng.int(0, 59))}${p2(rng.int(0, 59))}`;

export function hl7Message(rng, b) {
  const p = person(rng);
  const upper = rng.chance(0.6);
  b.text('MSH|^~\\&|EPIC|HARBORCLINIC|LAB|HC|').neg('timestamp', hl7Time(rng)).text('||ADT^A04|').put((x) => writeNegative(x, rng, 'order_id')).text('|P|2.5.1\r');
  b.text('PID|1||').put((x) => writeNegative(x, rng, 'mrn')).text('^^^HC^MR||');
  const fam = upper ? p.surname.toUpperCase() : p.surname;
  const giv = upper ? p.given.toUpperCase() : p.given;
  b.pii('PERSON', `${fam}^${giv}`, 'hl7');
  b.text('||');
  dobValue(b, rng, 'compact');
  b.text(`|${rng.pick(['F', 'M', 'U'])}|||${rng.int(10, 9999)} ${rng.pick(['OAK ST', 'Maple Ave', 'RUE DU PORT'])}^^`).put((x) => writeNegative(x, rng, 'place')).text('^^').put((x) => writeNegative(x, rng, 'zip_code')).text('||');
  writePhone(b, rng);
  b.text('|||||');
  const s = ssn(rng, rng.pick(['dashed', 'bare']));
  b.pii('US_SSN', s.value, s.form);
  b.text('\rPV1|1|O|CLINIC^^^HC||||');
  b.text(`${rng.int(1000, 9999)}^`);
  const doc = person(rng);
  b.pii('PERSON', `${upper ? doc.surname.toUpperCase() : doc.surname}^${upper ? doc.given.toUpperCase() : doc.given}`, 'hl7');
  b.text('^^^DR|||||||||||').put((x) => writeNegative(x, rng, 'invoice_number'));
  b.text('\rOBX|1|NM|GLU^Glucose||').text(String(rng.int(70, 180))).text('|mg/dL|||||F|||').neg('timestamp', hl7Time(rng)).text('\r');
  return b;
}

export function fhirPatient(rng, b) {
  const p = person(rng);
  b.text('{\n  "resourceType": "Patient",\n  "id": "').put((x) => writeNegative(x, rng, 'uuid')).text('",\n  "meta": {"lastUpdated": "').put((x) => writeNegative(x, rng, 'timestamp')).text('"},\n');
  b.text('  "name": [{"use": "official", "family": "').pii('PERSON', p.surname, 'json-family').text('", "given": ["').pii('PERSON', p.given, 'json-given').text('"]}],\n');
  b.text('  "telecom": [{"system": "phone", "value": "');
  writePhone(b, rng);
  b.text('"}, {"system": "email", "value": "').pii('EMAIL', email(rng, p).value, 'json').text('"}],\n');
  b.text('  "birthDate": "');
  dobValue(b, rng, 'iso');
  b.text('",\n  "generalPractitioner": [{"display": "');
  b.text('Dr. ');
  writeName(b, rng, person(rng), 'full');
  b.text('"}],\n  "managingOrganization": {"display": "').put((x) => writeNegative(x, rng, 'company_name')).text('"}\n}\n');
  return b;
}

export function intakeNote(rng, b) {
  const p = person(rng);
  b.text(`Intake — ${rng.pick(['walk-in', 'referral', 'telehealth'])}\nPt: `);
  writeName(b, rng, p, rng.pick(['last-first', 'full', 'caps-last-first']));
  b.text(', ');
  dobWithContext(b, rng, rng.pick(['DOB ', 'd.o.b. ', 'born ']));
  b.text(`\nCC: ${rng.pick(['chest pain x2 days', 'follow-up labs', 'rash on forearm', 'med refill'])}. `);
  b.text(rng.pick(['Pt states ', 'Per pt, ', 'Daughter reports ']));
  b.text(rng.pick(['symptoms began after the flight. ', 'no known allergies. ', 'taking metformin 500mg bid. ']));
  b.text('Seen previously by ');
  writeName(b, rng, person(rng), 'title-surname');
  b.text(' on ').put((x) => writeNegative(x, rng, 'ordinary_date')).text('.\nNext of kin: ');
  writeName(b, rng, person(rng), rng.pick(['full', 'given']));
  b.text(' (');
  writePhone(b, rng);
  b.text(')\nInsurance member ID ').put((x) => writeNegative(x, rng, 'account_ref')).text('; chart ').put((x) => writeNegative(x, rng, 'mrn')).text('\n');
  return b;
}
