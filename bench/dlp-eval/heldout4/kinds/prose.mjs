/**
 * Prose documents: support tickets, HR notes and e-mail threads. Names appear in every written
 * form (full, given alone in greetings and sign-offs, surname after a title or before a reporting
 * verb, "Last, First" in headers); birth dates only with their context ("born on", "DOB", age);
 * ordinary dates, ticket and order numbers, companies and products as hard negatives.
 * @example
 * render(supportTicket(rng)); // {text: 'Ticket SUP-4821 …', spans, negatives}
 */
import { birthDate, ordinaryDate } from '../dates.mjs';
import { card, driverLicense, email, iban, ssn } from '../ids.mjs';
import { t } from '../marks.mjs';
import { REPORTING_VERBS, TITLES, anyName, nativePiece, person, personPiece, titled } from '../names.mjs';
import { commonWordSentence, negative } from '../negatives.mjs';
import { anyPhone, intlPhone, usPhone } from '../phones.mjs';
import { jwt, urlWithPassword, vendorKey } from '../secrets.mjs';

const reported = (rng, p) => t`${personPiece(p, 'surname')} ${rng.pick(REPORTING_VERBS)}`;

/** A Markdown or plain support ticket with customer, agent notes and a resolution. */
export function supportTicket(rng) {
  const customer = person(rng);
  const agent = person(rng);
  const paragraphs = [
    t`**Ticket** ${negative(rng, 'ticket_id')} · opened ${ordinaryDate(rng)} · product: ${negative(rng, 'product')}\n**Customer:** ${personPiece(customer, rng.pick(['full', 'last-first', 'caps']))} (${email(rng, customer)})\n**Account:** ${negative(rng, 'account_number_internal')} at ${negative(rng, 'company_name')}`,
    t`Hi ${personPiece(agent, 'given')},\n\nmy order ${negative(rng, 'order_id')} never arrived. Tracking ${negative(rng, 'tracking_number')} has said "label created" since ${ordinaryDate(rng)}. You can reach me on ${usPhone(rng)} after 5pm.\n\nThanks,\n${personPiece(customer, 'given')}`,
    t`Internal note (${personPiece(agent, 'initial-surname')}): called back on ${anyPhone(rng)}, no answer. ${titled(rng, customer)} says the card ending in ${rng.digits(4)} was charged twice (${negative(rng, 'money')}).`,
    t`Escalated to ${anyName(rng)} in billing. ${reported(rng, customer)} the refund should go to the card on file, ${card(rng)}, not the gift balance.`,
    t`${personPiece(customer, 'given')}'s ${rng.pick(['laptop', 'account', 'replacement unit'])} was re-imaged; claim ${negative(rng, 'claim_number_ssn_shape')} stays open with the insurer.`,
    t`Customer verified identity: SSN on file ${negative(rng, 'masked_ssn')}, card ${negative(rng, 'masked_card')}, DOB ${birthDate(rng)}. Invoice ${negative(rng, 'invoice_number')} re-issued on ${ordinaryDate(rng)}.`,
    t`Caller gave a callback number of ${usPhone(rng, rng.pick(['bare10', 'dots', 'plus1-spaces', 'plus1-dashes']))} and asked for ${personPiece(person(rng), 'given')} by name.`,
    t`Customer is travelling; use ${intlPhone(rng)} until ${ordinaryDate(rng)}. Reference ${negative(rng, 'fax_like_ref')} is the carrier's, not ours.`,
    t`Customer tried to redeem gift card ${negative(rng, 'luhn_invalid_card')} (not a payment card, our loyalty numbering) and it failed; store credit ${negative(rng, 'money')} applied instead.`,
    t`${commonWordSentence(rng)} ${personPiece(agent, 'given')} will confirm by ${ordinaryDate(rng)}.`,
    t`Account holder ${personPiece(customer, 'full')}, D.O.B. ${birthDate(rng)}, asked us to remove the old address. Shipping moved to ${negative(rng, 'street_named_for_person')}, ${negative(rng, 'zip_plus4')}.`,
    t`Note: the serial on the unit is ${negative(rng, 'sku')} and firmware ${negative(rng, 'version')}; see request id ${negative(rng, 'uuid')}.`,
  ];
  return t`${rng.sample(paragraphs, rng.int(3, 6))
    .flatMap((p, i) => (i ? ['\n\n', p] : [p]))}\n\n— ${personPiece(agent, rng.pick(['full', 'given']))}, Support`;
}

/** An HR case note with employee details, manager remarks, birth dates and licence or SSN. */
export function hrNote(rng) {
  const employee = person(rng);
  const manager = person(rng);
  const hr = person(rng);
  const dl = driverLicense(rng);
  const paragraphs = [
    t`Employee: ${personPiece(employee, rng.pick(['last-first', 'full', 'caps-last-first']))}\nEmployee ID: ${negative(rng, 'employee_id')}\nDate of birth: ${birthDate(rng)}\nStart date: ${ordinaryDate(rng)}\nManager: ${personPiece(manager, 'full')}`,
    t`${titled(rng, employee)} met with ${personPiece(hr, 'given')} from People Ops on ${ordinaryDate(rng)}. ${reported(rng, manager)} that attendance had improved since ${ordinaryDate(rng)}.`,
    t`For the background check we hold SSN ${ssn(rng)} and ${dl.name} driver's license ${dl.piece}. The candidate was born on ${birthDate(rng, rng.pick(['long', 'day-month-year', 'long-ordinal', 'us-slash']))} and is ${rng.int(22, 64)} years old.`,
    t`Emergency contact: ${anyName(rng)} (spouse), ${anyPhone(rng)}.`,
    t`${personPiece(employee, 'given')} turns ${rng.int(30, 65)} this year (birthday ${birthDate(rng, rng.pick(['long', 'us-slash', 'iso', 'eu-dot']))}); the team is planning a card.`,
    t`Per the I-9, ${titled(rng, employee)} (b. ${birthDate(rng, rng.pick(['iso', 'day-month-year', 'us-slash']))}) presented a ${dl.name} licence, no. ${dl.piece}.`,
    t`${personPiece(employee, 'given')} asked whether the ${negative(rng, 'company_name')} benefits plan covers dependants. ${personPiece(manager, 'surname')} will follow up before ${ordinaryDate(rng)}.`,
    t`Note from ${rng.pick(TITLES)} ${personPiece(hr, 'title-surname')}: do not discuss the complaint about ${personPiece(person(rng), 'full')} outside this case.`,
    t`Relocation to ${negative(rng, 'place')} approved for ${personPiece(employee, 'full')}; payroll number ${negative(rng, 'account_number_internal')}. Personal mobile ${usPhone(rng)}.`,
    t`Dependant added: ${personPiece(person(rng, employee.tradition === 'mixed' || employee.tradition === 'single' ? undefined : employee.tradition), 'given')} (child, DOB ${birthDate(rng)}). Coverage effective ${ordinaryDate(rng)}.`,
  ];
  return t`HR CASE ${negative(rng, 'ticket_id')} — CONFIDENTIAL\n\n${rng.sample(paragraphs, rng.int(3, 6)).flatMap((p, i) => (i ? ['\n\n', p] : [p]))}\n\nPrepared by ${personPiece(hr, 'full')}`;
}

/** An e-mail thread: headers with display names, quoted replies, signatures and a pasted secret. */
export function emailThread(rng) {
  const a = person(rng);
  const b = person(rng);
  const cc = person(rng);
  const header = t`From: ${personPiece(a, 'full')} <${email(rng, a)}>\nTo: ${personPiece(b, rng.pick(['full', 'last-first']))} <${email(rng, b)}>\nCc: ${personPiece(cc, 'full')}\nDate: ${ordinaryDate(rng, 'long')}\nSubject: Re: ${rng.pick(['contract renewal', 'access to staging', 'Q3 onboarding', 'your application'])} (${negative(rng, 'ticket_id')})`;
  const body = rng.pick([
    () => t`Hi ${personPiece(b, 'given')},\n\nthanks for the call. As discussed, ${titled(rng, cc)} will send the signed copy by ${ordinaryDate(rng)}. ${reported(rng, cc)} the ${negative(rng, 'company_name')} team agreed on the price.\n\nYou can reach me directly on ${anyPhone(rng)}.`,
    () => t`${personPiece(b, 'given')} — the staging DB is ${urlWithPassword(rng)} until IT rotates it. Please don't forward.`,
    () => t`Hello ${personPiece(b, 'given')},\n\nplease find the new API key below; the old one expires ${ordinaryDate(rng)}.\n\n${vendorKey(rng).piece}\n\nBest,\n${personPiece(a, 'given')}`,
    () => t`Dear ${rng.pick(['Mr.', 'Ms.', 'Dr.'])} ${personPiece(b, 'title-surname')},\n\nwe received your application. For the visa letter we need your date of birth (${birthDate(rng)}) confirmed and a copy of your passport.\n\nKind regards`,
    () => t`${personPiece(b, 'given')}, please wire the deposit to ${personPiece(a, 'full')}, IBAN ${iban(rng)}, reference ${negative(rng, 'invoice_number')}. My card (${card(rng)}) was declined twice.`,
    () => t`Quick one: ${nativePiece(rng)} from the Tokyo/Seoul/Moscow office will join. Session token for the demo: ${jwt(rng)}`,
  ])();
  const quoted = t`\n\nOn ${ordinaryDate(rng, 'long')}, ${personPiece(b, 'full')} wrote:\n> Can you loop in ${personPiece(person(rng), 'given')}? My cell is ${usPhone(rng)}.`;
  const signature = t`\n\n--\n${personPiece(a, rng.pick(['full', 'full', 'middle-initial', 'suffix']))}\n${rng.pick(['Account Manager', 'Head of Ops', 'Recruiter', 'Paralegal'])}, ${negative(rng, 'company_name')}\nM: ${anyPhone(rng)}`;
  return t`${header}\n\n${body}${rng.chance(0.6) ? quoted : ''}${signature}`;
}
