/**
 * Sentence-sized pieces of business text, each appending itself to a DocumentBuilder with its
 * values labelled. Grouped by what they carry, so document templates can mix them.
 */
import { neg } from '../document.mjs';
import { ORGANISATIONS, PLACES, PRODUCTS, STATE_NAMES, TEAMS, US_STATES } from '../pools/things.mjs';
import { birthDate, driverLicense, emailFor, intlPhone, ordinaryDate, person, ssnBare, ssnFormatted, title, usPassport, usPhone, usPhoneBare } from '../values/people.mjs';
import { card, iban, ipv4, ipv6 } from '../values/finance.mjs';
import { lookalike } from '../values/lookalikes.mjs';

const P = 'PERSON';

/** Ways a person is mentioned in running text. */
export const NAME_MENTIONS = [
  (r, b) => { const p = person(r); b.add('Customer ', [P, `${p.given} ${p.family}`], ` called about the ${r.pick(['refund', 'late delivery', 'invoice', 'password reset'])}. `); },
  (r, b) => { const p = person(r); b.add('Hi ', [P, p.given], ',\n'); },
  (r, b) => { const p = person(r); b.add(r.pick(['Thanks,\n', 'Best regards,\n', 'Cheers,\n', 'Kind regards,\n', '-- \n']), [P, r.chance(0.5) ? p.given : `${p.given} ${p.family}`], '\n'); },
  (r, b) => { const p = person(r); b.add(`${title(r)} `, [P, p.family], r.pick([' asked for a callback. ', ' will review the contract on Monday. ', ' was not available. ', ' has approved the exception. '])); },
  (r, b) => { const p = person(r); b.add([P, p.family], r.pick([' said the shipment left the warehouse late. ', ' confirmed that the laptop was returned. ', ' says the issue started after the update. ', ' told me the badge still works. '])); },
  (r, b) => { const p = person(r); b.add(r.pick(['According to ', 'As discussed with ', 'Escalated by ', 'Per ']), [P, r.chance(0.5) ? p.family : `${p.given} ${p.family}`], ', the ticket can be closed. '); },
  (r, b) => { const a = person(r); const c = person(r); b.add('Attendees: ', [P, `${a.family}, ${a.given}`], '; ', [P, `${c.family}, ${c.given}`], '\n'); },
  (r, b) => { const a = person(r); const c = person(r); b.add('cc: ', [P, `${a.given} ${a.family}`], ', ', [P, `${c.given} ${c.family}`], '\n'); },
  (r, b) => { const p = person(r); b.add([P, p.given], `'s ${r.pick(['laptop', 'manager', 'expense report', 'onboarding'])} ${r.pick(['is overdue', 'needs sign-off', 'was reassigned'])}. `); },
  (r, b) => { const p = person(r); b.add('I spoke with ', [P, p.given], ' from ', neg(r.pick(ORGANISATIONS), 'organisation'), ' this morning. '); },
  (r, b) => { const p = person(r); const q = person(r); b.add([P, p.given], ' and ', [P, q.given], ` will cover the ${r.pick(TEAMS)} rota next week. `); },
  (r, b) => { const p = person(r); b.add(`Please ask ${title(r)} `, [P, `${p.given} ${p.family}`], ' to sign the form. '); },
  (r, b) => { const p = person(r); b.add('Assigned to: ', [P, `${p.given} ${p.family}`], '\n'); },
  (r, b) => { const p = person(r); b.add('"We shipped it on time," ', [P, p.family], ' wrote in the reply. '); },
];

/** Capitalised text that names no person. */
export const NON_PERSON_MENTIONS = [
  (r, b) => b.add('The order ships from ', neg(r.pick(PLACES), 'place'), ' via ', neg(r.pick(ORGANISATIONS), 'organisation'), '. '),
  (r, b) => b.add('We moved the reports from ', neg(r.pick(PRODUCTS), 'product'), ' to ', neg(r.pick(PRODUCTS), 'product'), '. '),
  (r, b) => b.add('Vendor: ', neg(r.pick(ORGANISATIONS), 'organisation'), '\n'),
  (r, b) => b.add(`The ${r.pick(TEAMS)} team at `, neg(r.pick(ORGANISATIONS), 'organisation'), ' in ', neg(r.pick(PLACES), 'place'), ' owns this. '),
];

/** Contact details and identity numbers with the words people put around them. */
export const CONTACTS = [
  (r, b) => { const p = person(r); b.add('Email: ', ['EMAIL', emailFor(r, p)], '\n'); },
  (r, b) => { const p = person(r); b.add('You can reach ', [P, p.given], ' at ', ['EMAIL', emailFor(r, p)], ' or ', ['PHONE', usPhone(r)], '. '); },
  (r, b) => b.add(r.pick(['Phone: ', 'Tel: ', 'Mobile: ', 'Cell ', 'call back on ', 'Callback number ', 'ph. ']), ['PHONE', usPhone(r)], '\n'),
  (r, b) => b.add(r.pick(['phone ', 'cell: ', 'Call me at ', 'contact number ', 'text me on ']), ['PHONE', usPhoneBare(r)], r.pick(['. ', ' anytime. ', '\n'])),
  (r, b) => b.add(r.pick(['Phone: ', 'Office: ', 'Mobile ', 'tel. ', 'WhatsApp: ', 'Reach me on ']), ['PHONE', intlPhone(r)], '\n'),
  (r, b) => b.add(r.pick(['SSN: ', 'Social Security Number: ', 'SSN ', 'ssn=', 'Soc. Sec. #']), ['US_SSN', ssnFormatted(r)], '\n'),
  (r, b) => b.add(r.pick(['SSN ', 'social security number ', 'SSN: ', 'SSN#', 'their SSN is ']), ['US_SSN', ssnBare(r)], r.pick(['. ', '\n', ' (verified).'])),
  (r, b) => { const s = r.pick(US_STATES); b.add(r.pick([`Driver's license: ${s} `, `DL# (${s}) `, `${STATE_NAMES[s]} driver license number `, `drivers licence ${s} `, `DL ${s}: `]), ['DRIVER_LICENSE', driverLicense(r, s)], '\n'); },
  (r, b) => b.add(r.pick(['Passport No. ', 'US passport number ', 'passport: ', 'Passport #']), ['US_PASSPORT', usPassport(r)], '\n'),
  (r, b) => b.add(r.pick(['Card: ', 'card number ', 'Paid with ', 'CC ']), ['CREDIT_CARD', card(r)], '\n'),
  (r, b) => b.add(r.pick(['IBAN: ', 'please wire to IBAN ', 'Bank account (IBAN) ', 'IBAN ']), ['IBAN', iban(r)], '\n'),
  (r, b) => b.add(r.pick(['Login from ', 'client IP ', 'Source address: ', 'blocked ']), ['IP_ADDRESS', r.chance(0.8) ? ipv4(r) : ipv6(r)], '\n'),
];

/** Dates of birth in forms and prose. */
export const BIRTH_DATES = [
  (r, b) => b.add(r.pick(['DOB: ', 'Date of birth: ', 'D.O.B. ', 'Birth date: ', 'DOB ', 'Born: ', 'Date of Birth - ', 'birthdate: ']), ['DATE_OF_BIRTH', birthDate(r)], '\n'),
  (r, b) => { const p = person(r); b.add([P, p.given], r.pick([' was born on ', ' (born ', ', born ']), ['DATE_OF_BIRTH', birthDate(r)], r.pick(['. ', ') ', ', joined in 2021. '])); },
  (r, b) => b.add(r.pick(['Patient DOB ', 'Employee date of birth ', 'Member birth date: ', 'Applicant DOB: ']), ['DATE_OF_BIRTH', birthDate(r)], ', age ', String(r.int(19, 80)), '\n'),
];

/** Dates, numbers and codes that are not sensitive. */
export const ORDINARY = [
  // Bare 9- and 10-digit numbers and dates whose words say what they are: not SSNs, phones or birth dates.
  (r, b) => b.add(r.pick(['Invoice no. ', 'Case number ', 'Claim #', 'Routing ref ', 'Batch ']), neg(r.digits(9), 'nine_digits'), r.pick([' is attached. ', ' was paid. ', '\n'])),
  (r, b) => b.add(r.pick(['PO ', 'Order number ', 'Shipment ', 'ts=', 'Account ref ']), neg(r.pick([`45${r.digits(8)}`, String(1600000000 + r.int(0, 2e8)), `${r.int(1, 9)}${r.digits(9)}`]), 'ten_digits'), r.pick([' confirmed. ', '\n', ' (see portal). '])),
  (r, b) => b.add(r.pick(['Hire date: ', 'Policy effective ', 'Review due ', 'Password last changed ', 'Warranty expires ']), neg(ordinaryDate(r), 'date'), '\n'),
  (r, b) => b.add(r.pick(['Invoice dated ', 'Meeting on ', 'Due ', 'Contract starts ', 'Renewal date: ', 'Shipped ', 'Last login ']), neg(ordinaryDate(r), 'date'), '. '),
  (r, b) => { const l = lookalike(r); b.add(r.pick(['Ref ', 'see ', 'ID ', 'reference: ', '']), neg(l.value, l.kind), r.pick(['. ', '\n', ' '])); },
  (r, b) => { const l = lookalike(r); b.add(`Re: ${r.pick(['your order', 'ticket', 'case', 'the change'])} `, neg(l.value, l.kind), '\n'); },
  (r, b) => b.add('Total due ', neg(`${r.int(1, 99)},${r.digits(3)}.${r.digits(2)}`, 'amount'), ' USD by ', neg(ordinaryDate(r), 'date'), '. '),
];
