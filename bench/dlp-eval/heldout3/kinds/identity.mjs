/**
 * Identity documents in business text: KYC and background-check reviews (passport, driver
 * licence, SSN, birth date with age statements) and travel bookings (passenger names in the
 * airline SURNAME/GIVEN form, passport and birth date for APIS, record locators and flight
 * numbers as look-alikes).
 */
import { driverLicense, email, passport, ssn } from '../ids.mjs';
import { person, writeName } from '../names.mjs';
import { dobValue, dobWithContext, writePhone } from '../pieces.mjs';
import { writeNegative } from '../negatives.mjs';
import { ageOf, birthDate, formatDate } from '../dates.mjs';

export function kycReview(rng, b) {
  const p = person(rng);
  b.text(`${rng.pick(['KYC review', 'Background check summary', 'Identity verification — manual review'])} · case `).put((x) => writeNegative(x, rng, 'ticket_id')).text('\n\nSubject: ');
  writeName(b, rng, p, rng.pick(['full', 'last-first', 'full-middle', 'caps']));
  b.text('\n');
  const date = birthDate(rng);
  if (rng.chance(0.5)) {
    const v = formatDate(rng, date);
    b.text(`Applicant is ${ageOf(date)} years old (born `).pii('DATE_OF_BIRTH', v.value, v.form).text(').\n');
  } else dobWithContext(b, rng, rng.pick(['DOB: ', 'Date of Birth: ', 'Birth date on ID: '])).text('\n');
  const lic = driverLicense(rng);
  b.text(`Driver's license (${lic.state}): `).pii('DRIVER_LICENSE', lic.value, lic.form);
  b.text(rng.pick([', expires ', ', exp. ', ' — valid through ']));
  b.put((x) => writeNegative(x, rng, 'ordinary_date')).text('\n');
  const pp = passport(rng);
  b.text(rng.pick(['US passport no. ', 'Passport #: ', 'passport number '])).pii('US_PASSPORT', pp.value, pp.form).text('\n');
  if (rng.chance(0.7)) { const s = ssn(rng); b.text(rng.pick(['SSN ', 'Social Security Number: ', 'SSN (from W-9): '])).pii('US_SSN', s.value, s.form).text('\n'); }
  b.text('\nNotes: ');
  rng.pick([
    () => { b.text('Address matches utility bill from '); writeNegative(b, rng, 'company_name'); b.text('. '); },
    () => { b.text('Selfie check passed (score 0.97, session '); writeNegative(b, rng, 'uuid'); b.text('). '); },
    () => { b.text('Name on licence differs from application; '); writeName(b, rng, p, 'reported'); b.text(' explained it is a married name. '); },
  ])();
  b.text('Reviewed by ');
  writeName(b, rng, person(rng), rng.pick(['full', 'initial-surname']));
  return b.text(' on ').put((x) => writeNegative(x, rng, 'ordinary_date')).text('.\n');
}

export function travelBooking(rng, b) {
  b.text('Booking confirmation — record locator ').neg('record_locator', rng.chars(6, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'));
  b.text(`\nFlight ${rng.pick(['LH', 'UA', 'BA', 'NH', 'AF', 'EK'])}`).neg('flight_number', String(rng.int(100, 9999))).text(' departs ').put((x) => writeNegative(x, rng, 'ordinary_date'));
  b.text('\n\nPassengers:\n');
  const n = rng.int(1, 3);
  for (let i = 0; i < n; i++) {
    const p = person(rng);
    b.text(`${i + 1}. `).pii('PERSON', `${p.surname.toUpperCase().replace(/ /g, '')}/${p.given.toUpperCase()}`, 'airline');
    b.text(` ${rng.pick(['MR', 'MS', 'MRS', 'MSTR', 'MISS'])}   DOB `);
    dobValue(b, rng, rng.pick(['caps-abbr', 'eu-slash', 'iso']));
    const pp = passport(rng);
    b.text('   PPT ').pii('US_PASSPORT', pp.value, pp.form).text(' USA\n');
  }
  b.text('\nContact: ');
  const c = person(rng);
  writeName(b, rng, c, 'full');
  b.text(', ');
  writePhone(b, rng);
  b.text(', ').pii('EMAIL', email(rng, c).value, 'booking');
  b.text('\nTicket numbers: ').neg('ticket_number', `${rng.int(100, 999)}-${rng.digits(10)}`);
  return b.text('\nFare: ').put((x) => writeNegative(x, rng, 'amount')).text('\n');
}
