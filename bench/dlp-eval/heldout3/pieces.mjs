/**
 * Small writers the document kinds share: a sensitive value with its usual lead-in, so each kind
 * composes paragraphs instead of repeating a template. Every writer appends to a DocBuilder.
 * @example
 * dobWithContext(b, rng); // appends e.g. "DOB: 07.03.1984" with the date labelled DATE_OF_BIRTH
 */
import { writeName, person, nativeForm } from './names.mjs';
import { phone } from './phones.mjs';
import { ageOf, birthDate, formatDate, recentDate } from './dates.mjs';
import { writeNegative } from './negatives.mjs';

/** Name forms for prose, with their rough frequency in business text. */
const PROSE_FORMS = [[6, 'full'], [2, 'full-middle'], [4, 'given'], [1, 'initial-surname'], [3, 'title-surname'], [1, 'last-first'], [1, 'native']];

export function proseName(b, rng, p = person(rng)) {
  const form = rng.weighted(PROSE_FORMS);
  writeName(b, rng, p, form === 'native' ? nativeForm(rng) : form);
  return p;
}

export function writePhone(b, rng) {
  const v = phone(rng);
  return b.pii('PHONE', v.value, v.form);
}

const DOB_LEADS = ['DOB: ', 'Date of birth: ', 'D.O.B. ', 'born ', 'born on ', 'Birthdate: ', 'date of birth ', 'b. ', 'Geburtsdatum: ', 'fecha de nacimiento: ', 'né le ', 'DOB ', 'birthday is '];

/** A birth date with a lead-in that says so (and sometimes the age after it). */
export function dobWithContext(b, rng, lead = rng.pick(DOB_LEADS)) {
  const date = birthDate(rng);
  const v = formatDate(rng, date);
  b.text(lead).pii('DATE_OF_BIRTH', v.value, v.form);
  if (rng.chance(0.25)) b.text(` (age ${ageOf(date)})`);
  return b;
}

/** A birth date as a bare value (for a form field or column whose header says DOB). */
export function dobValue(b, rng, format) {
  const v = formatDate(rng, birthDate(rng), format);
  return b.pii('DATE_OF_BIRTH', v.value, v.form);
}

const DATE_LEADS = ['Invoice date: ', 'shipped on ', 'Meeting moved to ', 'effective ', 'Last login ', 'Renewal due ', 'Hired on ', 'Ticket opened ', 'as of ', 'Delivered '];

/** An ordinary date with a lead-in that is not about birth: a hard negative. */
export function ordinaryDate(b, rng) {
  b.text(rng.pick(DATE_LEADS));
  return b.neg('ordinary_date', formatDate(rng, recentDate(rng)).value);
}

/** A sentence carrying one or two hard negatives, for padding documents with look-alikes. */
export function negativeSentence(b, rng) {
  const s = rng.pick([
    (x) => x.text('Order ').put((y) => writeNegative(y, rng, 'order_id')).text(' was shipped via UPS, tracking ').put((y) => writeNegative(y, rng, 'tracking_number')).text('.'),
    (x) => x.text('Fixed in build ').put((y) => writeNegative(y, rng, 'version')).text(' (commit ').put((y) => writeNegative(y, rng, 'git_sha')).text(').'),
    (x) => x.text('Request id ').put((y) => writeNegative(y, rng, 'uuid')).text(' at ').put((y) => writeNegative(y, rng, 'timestamp')).text('.'),
    (x) => x.text('Our account with ').put((y) => writeNegative(y, rng, 'company_name')).text(' covers the ').put((y) => writeNegative(y, rng, 'place')).text(' office.'),
    (x) => x.text('The card on file ending in ').put((y) => writeNegative(y, rng, 'luhn_invalid_card')).text(' was declined (number fails its checksum).'),
    (x) => x.text('See invoice ').put((y) => writeNegative(y, rng, 'invoice_number')).text(' for ').put((y) => writeNegative(y, rng, 'amount')).text('.'),
    (x) => x.text('Escalated as ').put((y) => writeNegative(y, rng, 'ticket_id')).text('; part ').put((y) => writeNegative(y, rng, 'sku')).text(' is back-ordered.'),
    (x) => x.text('We also tried it on ').put((y) => writeNegative(y, rng, 'product')).text(' with no luck.'),
    (x) => ordinaryDate(x, rng).text('.'),
  ]);
  return s(b);
}
