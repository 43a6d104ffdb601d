/**
 * Travel bookings and visa/loan applications: airline-style names (SURNAME/GIVEN), passports,
 * birth dates beside issue and expiry dates, booking references and flight numbers.
 */
import { emailFor, names, person } from '../values/people.mjs';
import { birthDate, ordinaryDate } from '../values/dates.mjs';
import { phone } from '../values/phones.mjs';
import { card, driverLicense, ssn, usPassport } from '../values/ids.mjs';
import { lookalikes, org, place } from '../values/negatives.mjs';
import { neg, val } from '../builder.mjs';
import { company } from './common.mjs';

const ascii = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z -]/g, '').toUpperCase();
const pnr = (rng) => neg('booking_reference', rng.chars(6, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'));
const flight = (rng) => neg('flight_number', `${rng.pick(['LH', 'BA', 'UA', 'NH', 'EK', 'AF', 'QF', 'AA'])}${rng.int(10, 9999)}`);

export function travelBooking(rng, b) {
  const travellers = Array.from({ length: rng.int(1, 3) }, () => person(rng, { latinOnly: true }));
  b.add(['BOOKING CONFIRMATION  ', pnr(rng), '\nIssued ', ordinaryDate(rng), ' by ', rng.pick(['Fernbank Travel', 'Skyway Tours', 'the travel desk']), '\n\n']);
  travellers.forEach((p, i) => {
    const family = ascii(p.family), given = ascii(p.given);
    b.add([`${i + 1}. `, val('PERSON', `${family}/${given}`, 'airline'), rng.pick([' MR', ' MS', ' MRS', '']), rng.chance(0.5) ? ' ADT' : '', '\n']);
    if (rng.chance(0.8)) b.add(['   Passport ', usPassport(rng), '  DOB ', birthDate(rng, rng.pick(['abbrUpper', 'iso', 'eu', 'abbrEu'])), rng.pick(['  Exp ', '  Date of issue ', '  Valid until ']), ordinaryDate(rng, rng.pick(['abbrUpper', 'iso', 'eu'])), '\n']);
  });
  b.add(['\nFlight ', flight(rng), ' ', place(rng), ' → ', place(rng), ' on ', ordinaryDate(rng), ', seat ', `${rng.int(1, 45)}${rng.pick('ABCDEF')}`, '\n']);
  b.add(['E-ticket ', neg('ticket_number', `${rng.pick(['016', '125', '220', '176'])}-${rng.digits(10)}`), '\n']);
  b.add(['Contact: ', phone(rng), ' / ', emailFor(rng, travellers[0], rng.pick(['gmail.com', 'yahoo.co.uk', company(rng).domain])), '\n']);
  if (rng.chance(0.4)) b.add(['Paid with card ', card(rng), ', exp ', neg('card_expiry', `${String(rng.int(1, 12)).padStart(2, '0')}/${rng.int(26, 31)}`), '\n']);
}

export function loanApplication(rng, b) {
  const applicant = person(rng), co = company(rng), caps = rng.chance(0.5);
  const L = (s) => (caps ? s.toUpperCase() : s);
  b.add([L(`${rng.pick(['Personal loan application', 'Rental application', 'Background check request', 'Visa application form'])}`), ' — ', lookalikes.ticket(rng), '\n\n']);
  b.add([L('Applicant'), ': ', ...names[caps ? 'upper' : rng.pick(['full', 'lastFirst', 'middleInitial'])](rng, applicant), '\n']);
  if (rng.chance(0.5)) b.add([L('Previous / maiden name'), ': ', ...names[caps ? 'upper' : 'full'](rng, person(rng)), '\n']);
  const dob = birthDate(rng);
  b.add([L(rng.pick(['Date of birth', 'DOB', 'Birth date'])), ': ', dob, rng.chance(0.5) ? `   ${L('Age')}: ${dob.age}` : '', '\n']);
  b.add([L('SSN'), ': ', ssn(rng, rng.pick(['dash', 'bare', 'space'])), '\n']);
  const dl = driverLicense(rng);
  b.add([L(`Driver's license (${dl.state})`), ': ', dl, '   ', L('Issued'), ': ', ordinaryDate(rng), '\n']);
  b.add([L('Phone'), ': ', phone(rng), '   ', L('Email'), ': ', emailFor(rng, applicant, rng.pick(['gmail.com', 'aol.com', 'hotmail.com'])), '\n']);
  b.add([L('Employer'), ': ', org(rng), ' since ', ordinaryDate(rng), '   ', L('Annual income'), ': ', lookalikes.amount(rng), '\n']);
  b.add([L('Routing number'), ': ', neg('routing_number', `0${rng.digits(8)}`), '   ', L('Reference'), ': ', lookalikes.account(rng), '\n']);
  b.add([L('Co-signer'), ': ', ...names[caps ? 'upper' : 'full'](rng, person(rng)), ', ', phone(rng), '\n']);
  b.add([`\n${L('Signed')} `, ordinaryDate(rng), ' — ', ...names.full(rng, applicant), `\nReviewed by ${co.name} underwriting: `, ...names.titled(rng, person(rng, { latinOnly: true })), '\n']);
}
