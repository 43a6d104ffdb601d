/**
 * Commerce documents: order confirmations and invoices. Customer names and cards are sensitive;
 * order, invoice, SKU and tracking numbers, amounts, ship dates and Luhn-invalid gift or loyalty
 * numbers are hard negatives; payee bank details carry an IBAN.
 * @example
 * render(invoice(rng)); // {text: 'INVOICE INV-2025-00412 …', spans, negatives}
 */
import { ordinaryDate } from '../dates.mjs';
import { card, email, iban } from '../ids.mjs';
import { t } from '../marks.mjs';
import { person, personPiece } from '../names.mjs';
import { negative } from '../negatives.mjs';
import { anyPhone, usPhone } from '../phones.mjs';

const itemLines = (rng) => Array.from({ length: rng.int(1, 4) }, () => (rng.chance(0.25)
  ? t`  ISBN ${negative(rng, 'isbn')}  ${rng.pick(['Designing Data-Intensive Applications', 'The Goal', 'Crucial Conversations'])}  x${rng.int(1, 5)}  ${negative(rng, 'money')}`
  : t`  ${negative(rng, 'sku')}  ${rng.pick(['USB-C dock', 'Desk lamp', 'Ergonomic chair', 'Toner cartridge', 'Annual support plan'])}  x${rng.int(1, 5)}  ${negative(rng, 'money')}`))
  .flatMap((l, i) => (i ? ['\n', l] : [l]));

export function orderConfirmation(rng) {
  const c = person(rng);
  return t`Order confirmation ${negative(rng, 'order_id')}\nPlaced ${ordinaryDate(rng, rng.pick(['long', 'short-month', 'us-slash']))} by ${personPiece(c, rng.pick(['full', 'caps']))} (${email(rng, c)})\n\nItems:\n${itemLines(rng)}\n\nPaid with card ${card(rng)}${rng.chance(0.4) ? t` and gift card ${negative(rng, 'luhn_invalid_card')}` : ''}\nShips via UPS, tracking ${negative(rng, 'tracking_number')}, estimated ${ordinaryDate(rng)}\nQuestions? Call ${usPhone(rng, rng.pick(['1-dashes', 'parens', 'dashes']))} and quote ${negative(rng, 'order_id')}.`;
}

export function invoice(rng) {
  const contact = person(rng);
  const payee = person(rng);
  return t`INVOICE ${negative(rng, 'invoice_number')}\nIssued: ${ordinaryDate(rng)}    Due: ${ordinaryDate(rng)}\nBill to: ${negative(rng, 'company_name')}, attn. ${personPiece(contact, rng.pick(['full', 'last-first', 'initial-surname']))}\nPO: ${negative(rng, 'order_id')}\n\n${itemLines(rng)}\n\nTotal due: ${negative(rng, 'money')}\nPay to: ${personPiece(payee, 'full')} — IBAN ${iban(rng)}\nRemittance queries: ${anyPhone(rng)} / ${email(rng, payee)}\nPrevious invoice ${negative(rng, 'invoice_number')} settled, ref ${negative(rng, 'md5')}.`;
}
