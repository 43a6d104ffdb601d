/**
 * Prose documents: support tickets in Markdown, e-mail reply chains with quoted history,
 * HR case notes, and meeting minutes that switch language. Paragraphs are drawn from several
 * alternatives and shuffled, so documents differ in shape as well as in values.
 */
import { email, iban, ssn, card } from '../ids.mjs';
import { person, writeName } from '../names.mjs';
import { dobWithContext, negativeSentence, ordinaryDate, proseName, writePhone } from '../pieces.mjs';
import { writeNegative } from '../negatives.mjs';
import { typo } from '../noise.mjs';

const GREETINGS = ['Hi ', 'Hello ', 'Dear ', 'Hey ', 'Good morning ', 'Hallo ', 'Hola ', 'Bonjour '];
const SIGNOFFS = ['Thanks,\n', 'Best regards,\n', 'Cheers,\n', '-- \n', 'Kind regards,\n', 'Saludos,\n', 'Mit freundlichen Grüßen\n', 'Thx\n'];

export function supportTicket(rng, b) {
  const customer = person(rng);
  b.text(`## ${rng.pick(['Billing', 'Login', 'Shipping', 'Refund', 'API'])} issue — `).put((x) => writeNegative(x, rng, 'ticket_id')).text('\n\n');
  b.text('**Reporter:** ');
  writeName(b, rng, customer, rng.pick(['full', 'last-first', 'full-middle']));
  b.text(' <').pii('EMAIL', email(rng, customer).value, 'ticket').text('>  \n**Callback:** ');
  writePhone(b, rng).text('\n\n');
  const paras = rng.shuffle([
    (x) => { x.text('Customer says she was charged twice. I checked the card '); x.pii('CREDIT_CARD', card(rng).value, 'ticket'); x.text(' and see two captures.'); },
    (x) => { x.text(typo(rng, rng.pick(['> I cant log in since the update, pls help!!\n\nAsked them to clear cookies. ', '> the invoice amount is wrong AGAIN, third time this month\n\nChecked with billing. ', '> package never arrived, tracking says delivered???\n\nOpened a claim with the carrier. ']), 0.6)); negativeSentence(x, rng); },
    (x) => { x.text('Spoke with '); proseName(x, rng); x.text(' from the warehouse; '); writeName(x, rng, person(rng), 'reported'); x.text(' said the parcel left on time. '); negativeSentence(x, rng); },
    (x) => { x.text('Refund goes to IBAN '); x.pii('IBAN', iban(rng).value, 'ticket'); x.text(' once approved by '); writeName(x, rng, person(rng), 'title-surname'); x.text('.'); },
    (x) => { negativeSentence(x, rng); x.text(' '); negativeSentence(x, rng); },
    (x) => { x.text('For verification they gave '); dobWithContext(x, rng, rng.pick(['their DOB as ', 'date of birth ', 'birth date '])); x.text(' and the last four of the SSN.'); },
  ]).slice(0, rng.int(3, 5));
  for (const p of paras) { p(b); b.text('\n\n'); }
  b.text('_Assigned to ');
  writeName(b, rng, person(rng), 'given');
  b.text('_ · ');
  return ordinaryDate(b, rng);
}

export function emailChain(rng, b) {
  const a = person(rng), c = person(rng);
  const depth = rng.int(2, 4);
  b.text('From: ');
  writeName(b, rng, a, 'full');
  b.text(' <').pii('EMAIL', email(rng, a).value, 'header').text('>\nTo: ');
  writeName(b, rng, c, rng.pick(['full', 'last-first']));
  b.text(' <').pii('EMAIL', email(rng, c).value, 'header').text('>\nCc: ');
  const cc = person(rng);
  writeName(b, rng, cc, rng.pick(['full', 'lowercase']));
  b.text(`\nSubject: ${'RE: '.repeat(depth - 1)}${rng.pick(['contract renewal', 'onboarding docs', 'your claim', 'Q3 numbers'])}\n\n`);
  for (let level = 0; level < depth; level++) {
    const q = '> '.repeat(level);
    const writer = level % 2 === 0 ? a : c;
    const reader = level % 2 === 0 ? c : a;
    b.text(`${q}${rng.pick(GREETINGS)}`);
    writeName(b, rng, reader, rng.pick(['given', 'given', 'title-surname', 'lowercase']));
    b.text(`,\n${q}\n${q}`);
    rng.pick([
      () => { b.text('Please call me back on '); writePhone(b, rng); b.text(' after 3pm.'); },
      () => { b.text('Attached is the form; the employee\'s SSN is '); const s = ssn(rng); b.pii('US_SSN', s.value, s.form); b.text('.'); },
      () => { b.text('I spoke to '); writeName(b, rng, person(rng), 'full'); b.text(' and '); writeName(b, rng, person(rng), 'reported'); b.text(' agreed to the terms.'); },
      () => { negativeSentence(b, rng); },
      () => { b.text('Her '); dobWithContext(b, rng, rng.pick(['date of birth is ', 'DOB is '])); b.text(', please update the policy.'); },
    ])();
    b.text(`\n${q}\n${q}${rng.pick(SIGNOFFS).replace('\n', `\n${q}`)}`);
    writeName(b, rng, writer, rng.pick(['given', 'full', 'initial-surname']));
    if (rng.chance(0.5)) {
      b.text(`\n${q}${rng.pick(['Mobile: ', 'Tel. ', 'M ', 'Direct: ', 'Ph: ', 'Office: '])}`);
      writePhone(b, rng);
      if (rng.chance(0.25)) { const [pre, post] = rng.pick([[' ext. ', ''], [' x', ''], [' (ext ', ')']]); b.text(`${pre}${rng.int(100, 4999)}${post}`); }
    }
    b.text('\n\n');
    if (level < depth - 1) b.text(`${'> '.repeat(level + 1)}On ${rng.pick(['Mon', 'Tue', 'Wed', 'Thu'])}, `).put((x) => writeNegative(x, rng, 'ordinary_date')).text(' wrote:\n');
  }
  return b;
}

export function hrNote(rng, b) {
  const emp = person(rng);
  b.text(`HR case note — ${rng.pick(['confidential', 'internal', 'vertraulich'])}\n\nEmployee: `);
  writeName(b, rng, emp, rng.pick(['full', 'last-first', 'caps-last-first']));
  b.text(' (').put((x) => writeNegative(x, rng, 'employee_id')).text(')\n');
  dobWithContext(b, rng, rng.pick(['DOB: ', 'Date of birth: ', 'Born: ']));
  b.text('\nManager: ');
  writeName(b, rng, person(rng), 'title-surname');
  b.text('\n\n');
  const paras = rng.shuffle([
    (x) => { writeName(x, rng, emp, 'given'); x.text(' met with '); writeName(x, rng, person(rng), 'full'); x.text(' to discuss the leave request. '); writeName(x, rng, person(rng), 'reported'); x.text(' said the paperwork would follow.'); },
    (x) => { x.text('Payroll: direct deposit changed to '); x.pii('IBAN', iban(rng).value, 'hr'); x.text('; SSN on file '); const s = ssn(rng); x.pii('US_SSN', s.value, s.form); x.text('.'); },
    (x) => { x.text('Emergency contact: '); proseName(x, rng); x.text(', '); writePhone(x, rng); x.text('.'); },
    (x) => { ordinaryDate(x, rng); x.text(' — start of probation review. Hired on the basis of the referral from '); writeNegative(x, rng, 'company_name'); x.text('.'); },
    (x) => { x.text('Note: '); writeName(x, rng, emp, 'given'); x.text(`'s ${rng.pick(['work anniversary', 'farewell', 'team'])} lunch is on `); writeNegative(x, rng, 'ordinary_date'); x.text(', not related to this case.'); },
  ]).slice(0, rng.int(2, 5));
  for (const p of paras) { p(b); b.text('\n\n'); }
  return b;
}

export function meetingNotes(rng, b) {
  b.text(`# ${rng.pick(['Weekly sync', 'Réunion projet', 'Sprint review', 'Reunión semanal'])} — `).put((x) => writeNegative(x, rng, 'ordinary_date')).text('\n\nAttendees: ');
  const n = rng.int(2, 5);
  for (let i = 0; i < n; i++) { if (i) b.text(', '); proseName(b, rng); }
  b.text('\n\n');
  const items = rng.int(3, 6);
  for (let i = 0; i < items; i++) {
    b.text('- ');
    rng.pick([
      () => { b.text('Action: '); writeName(b, rng, person(rng), 'given'); b.text(' to follow up with the vendor.'); },
      () => { writeName(b, rng, person(rng), 'reported'); b.text(rng.pick([' said the migration is on track.', ' mentioned the budget is frozen.', ' dijo que el cliente firmará.'])); },
      () => { b.text('Deploy '); writeNegative(b, rng, 'version'); b.text(' to prod; rollback plan in '); writeNegative(b, rng, 'ticket_id'); b.text('.'); },
      () => { b.text('Nouveau contact chez le client : '); writeName(b, rng, person(rng), 'full'); b.text(', tél. '); writePhone(b, rng); },
      () => { negativeSentence(b, rng); },
      () => { b.text('ping @'); writeName(b, rng, person(rng), 'handle'); b.text(' re: access review'); },
      () => { const [pre, post] = rng.pick([['According to ', ', the audit is done.'], ['Per ', "'s estimate, two more sprints."], ['As ', ' pointed out, the SLA is 4h.']]); b.text(pre); writeName(b, rng, person(rng), 'reported'); b.text(post); },
    ])();
    b.text('\n');
  }
  return b;
}
