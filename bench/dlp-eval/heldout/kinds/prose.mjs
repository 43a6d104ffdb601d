/**
 * Prose documents: support tickets, HR notes, meeting notes and email threads with signatures
 * and cc lines. Names appear in full, as first names, as surnames after titles and in reported
 * speech; ordinary dates, ids and organisation names sit beside them as hard negatives.
 */
import { anyName, emailFor, names, person } from '../values/people.mjs';
import { birthDate, ordinaryDate, timestamp } from '../values/dates.mjs';
import { extension, intlPhone, phone, usPhone } from '../values/phones.mjs';
import { card, driverLicense, iban, ssn } from '../values/ids.mjs';
import { lookalikes, org, place, product } from '../values/negatives.mjs';
import { secrets, urlWithPassword } from '../values/secrets.mjs';
import { CITIES, DEPARTMENTS, company, openers } from './common.mjs';

export function supportTicket(rng, b) {
  const customer = person(rng), agent = person(rng, { latinOnly: true }), co = company(rng);
  b.add(['Ticket ', lookalikes.ticket(rng), ' | priority ', rng.pick(['P1', 'P2', 'P3', 'low', 'high']), ' | opened ', timestamp(rng), '\n']);
  b.add(['Requester: ', ...names[rng.pick(['full', 'lastFirst', 'upper'])](rng, customer), ' <', emailFor(rng, customer, rng.pick(['gmail.com', 'outlook.com', 'yahoo.co.jp', 'web.de', co.domain])), '>\n']);
  b.add(['Assignee: ', ...names.given(rng, agent), ` (${rng.pick(['Tier 2', 'Billing', 'Logistics'])})\n\n`]);
  b.add([`${rng.pick(openers.ticket)} ${rng.pick(openers.issue)}. Order `, lookalikes.orderId(rng), ' placed ', ordinaryDate(rng), ', tracking ', lookalikes.tracking(rng), '.\n']);
  if (rng.chance(0.6)) b.add(['Best callback: ', phone(rng), extension(rng), rng.pick([' after 5pm.', ' (mobile).', '.', ' — leave a voicemail.']), '\n']);
  if (rng.chance(0.3)) b.add(['Card on file ending ', lookalikes.luhnInvalid(rng), ' was declined; customer read out the new one: ', card(rng), '.\n']);
  if (rng.chance(0.25)) b.add(['To verify identity they gave DOB ', birthDate(rng), ' and the last four of the SSN.\n']);
  if (rng.chance(0.3)) b.add([...names.titled(rng, customer), ` ${rng.pick(['said', 'mentioned', 'insists', 'confirmed'])} the package went to `, place(rng), ' instead.\n']);
  if (rng.chance(0.25)) b.add([rng.pick(['According to ', 'Per ', 'Spoke with ', 'Left a message for ']), ...names[rng.pick(['titled', 'family', 'lastFirst'])](rng, customer), rng.pick([', the driver never knocked.', ", who wants a callback.", ' (account holder).']), '\n']);
  if (rng.chance(0.2)) b.add(['Customer works for ', org(rng), ' and uses ', product(rng), ' for approvals.\n']);
  if (rng.chance(0.15)) b.add(['Refund to IBAN ', iban(rng), ' approved by ', ...names.initialFamily(rng, agent), '.\n']);
  b.add([`\n${rng.pick(openers.close)} — `, ...names[rng.pick(['given', 'givenLower'])](rng, agent), '\n']);
}

export function hrNote(rng, b) {
  const employee = person(rng), manager = person(rng, { latinOnly: true }), hr = person(rng, { latinOnly: true });
  const dob = birthDate(rng);
  b.add([`HR case note — ${rng.pick(['confidential', 'internal', 'personnel file'])}\nEmployee: `, ...names[rng.pick(['full', 'lastFirst', 'middleInitial'])](rng, employee), ' (ID ', lookalikes.account(rng), ')\n']);
  b.add([`Department: ${rng.pick(DEPARTMENTS)}, reports to `, ...names.titledFull(rng, manager), '\n']);
  b.add([rng.pick(['Born ', 'Date of birth: ', 'DOB ', 'b. ']), dob, rng.chance(0.5) ? ` (age ${dob.age})` : '', rng.pick(['; hired on ', '; start date ', '; joined ']), ordinaryDate(rng), '.\n']);
  b.add(['Met with ', ...names.given(rng, employee), ' on ', ordinaryDate(rng), ` to discuss ${rng.pick(['the leave request', 'a relocation to ' + rng.pick(CITIES), 'performance goals', 'the accommodation request', 'a payroll error'])}. `]);
  b.add([...names.family(rng, employee), ` ${rng.pick(['said', 'explained', 'told us', 'noted'])} that `, ...names.titled(rng, manager), ` had ${rng.pick(['approved it verbally', 'not responded', 'asked for a doctor\'s note'])}.\n`]);
  if (rng.chance(0.5)) b.add(['Emergency contact: ', ...anyName(rng, person(rng)), ', ', phone(rng), '\n']);
  if (rng.chance(0.35)) b.add(['SSN on the W-4 was mistyped; corrected to ', ssn(rng), '.\n']);
  if (rng.chance(0.25)) b.add(['Direct deposit updated to ', iban(rng), ' as of ', ordinaryDate(rng), '.\n']);
  if (rng.chance(0.2)) { const dl = driverLicense(rng); b.add([`Copy of ${dl.state} driver's license on file, no. `, dl, '.\n']); }
  b.add(['Note by ', ...names.full(rng, hr), ', People Ops\n']);
}

export function meetingNotes(rng, b) {
  const people = Array.from({ length: rng.int(3, 5) }, () => person(rng));
  b.add([`# ${rng.pick(['Weekly sync', 'Incident review', 'Q3 planning', 'Vendor call', 'Release retro'])} — `, ordinaryDate(rng), '\nAttendees: ']);
  people.forEach((p, i) => b.add([...(i ? [', '] : []), ...names[rng.pick(['full', 'given', 'full', 'initialFamily'])](rng, p)]));
  b.add(['\n\n## Notes\n']);
  b.add(['- ', ...names.given(rng, people[0]), ` walked through the ${rng.pick(['migration to', 'rollout of', 'incident in'])} `, product(rng), ' ', lookalikes.version(rng), '.\n']);
  b.add(['- ', ...names.family(rng, people[1]), ` ${rng.pick(['thinks', 'argued', 'said'])} the contract with `, org(rng), ' renews ', ordinaryDate(rng), '.\n']);
  b.add(['- Build ', lookalikes.buildNumber(rng), ' (commit ', lookalikes.gitSha(rng), ') is the candidate.\n']);
  if (rng.chance(0.4)) b.add(['- Someone pasted a live key in #deploys (', secrets[rng.pick(['github', 'stripe', 'openai', 'slack', 'awsAccess'])](rng), '); ', ...names.given(rng, people[2]), ' will rotate it.\n']);
  if (rng.chance(0.3)) b.add(['- Customer contact for the pilot: ', ...names.titledFull(rng, person(rng)), ', ', phone(rng), '.\n']);
  b.add(['\n## Actions\n']);
  for (const p of people.slice(0, rng.int(1, 3))) b.add(['- [ ] ', ...names[rng.pick(['given', 'givenLower', 'full'])](rng, p), `: ${rng.pick(['draft the RFC', 'update the runbook', 'ping legal', 'book the room in ' + rng.pick(CITIES)])} by `, ordinaryDate(rng), '\n']);
}

export function emailThread(rng, b) {
  const sender = person(rng), recipient = person(rng), cc = [person(rng), person(rng)], co = company(rng);
  b.add(['From: ', ...names.full(rng, sender), ' <', emailFor(rng, sender, co.domain), '>\nTo: ']);
  b.add([...names[rng.pick(['full', 'lastFirst'])](rng, recipient), ' <', emailFor(rng, recipient, rng.pick([co.domain, 'gmail.com', 'proton.me'])), '>\nCc: ']);
  cc.forEach((p, i) => b.add([...(i ? ['; '] : []), ...(rng.chance(0.5) ? [...names.full(rng, p), ' '] : []), '<', emailFor(rng, p, co.domain), '>']));
  b.add([`\nSubject: Re: ${rng.pick(['contract renewal', 'your reimbursement', 'onboarding paperwork', 'access request', 'shipment delay'])} (`, lookalikes.ticket(rng), ')\nDate: ', timestamp(rng), '\n\n']);
  b.add([rng.pick(['Hi ', 'Dear ', 'Hello ', 'Good morning ', 'Hej ', 'Hola ']), ...names[rng.pick(['given', 'titled', 'given'])](rng, recipient), ',\n\n']);
  b.add([`${rng.pick(['Thanks for the quick reply.', 'Following up on our call.', 'Apologies for the delay.'])} `, ...names.given(rng, cc[0]), ` ${rng.pick(['mentioned', 'said', 'flagged'])} that the `, org(rng), ' account still shows invoice ', lookalikes.invoice(rng), ' as unpaid.\n']);
  if (rng.chance(0.35)) {
    const dob = birthDate(rng);
    b.add(rng.pick([
      ['For the background check we will need your date of birth (we have ', dob, ' on file — please confirm) and a copy of your licence.\n'],
      [...names.given(rng, cc[1]), ` was born on `, dob, ` (${dob.age} this year), so the senior rate applies.\n`],
      ['Beneficiary: ', ...names.full(rng, person(rng)), ', born ', dob, ', relationship: ', rng.pick(['daughter', 'spouse', 'son', 'partner']), '.\n'],
    ]));
  }
  if (rng.chance(0.25)) b.add(['Staging creds until SSO is fixed: ', ...urlWithPassword(rng), '\n']);
  b.add(['\n', rng.pick(['Best,', 'Kind regards,', 'Cheers,', 'Thanks,', 'Saludos,', 'Mit freundlichen Grüßen,']), '\n', ...names[rng.pick(['full', 'given', 'upper'])](rng, sender), '\n']);
  b.add([`${rng.pick(['Account Manager', 'Senior Recruiter', 'Head of Operations', 'Claims Adjuster'])} | ${co.name}\n`, rng.pick(['T ', 'Tel: ', 'M: ', 'Direct: ', 'Mobile ']), rng.chance(0.5) ? usPhone(rng) : intlPhone(rng), '\n']);
  if (rng.chance(0.6)) {
    b.add(['\n> On ', ordinaryDate(rng), ', ', ...names.full(rng, recipient), ' wrote:\n> ', rng.pick(['Could you resend the signed copy?', 'Who is the right contact at your side?', 'We moved offices to ' + rng.pick(CITIES) + '.']), ' My number changed to ', phone(rng), '.\n']);
  }
}
