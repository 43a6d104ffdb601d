/**
 * Commerce documents heavy in look-alikes: order confirmations and invoices (order, invoice and
 * tracking numbers, SKUs, amounts, dates, company names) with one buyer's details among them.
 */
import { email, iban } from '../ids.mjs';
import { person, writeName } from '../names.mjs';
import { writePhone } from '../pieces.mjs';
import { writeNegative } from '../negatives.mjs';

export function orderConfirmation(rng, b) {
  const p = person(rng);
  b.text('Thank you for your order, ');
  writeName(b, rng, p, rng.pick(['given', 'full', 'title-surname']));
  b.text('!\n\nOrder number: ').put((x) => writeNegative(x, rng, 'order_id'));
  b.text('\nOrder date: ').put((x) => writeNegative(x, rng, 'ordinary_date'));
  b.text('\nSold by: ').put((x) => writeNegative(x, rng, 'company_name'));
  b.text('\n\n| Item | SKU | Qty | Price |\n|---|---|---|---|\n');
  const items = rng.int(1, 4);
  for (let i = 0; i < items; i++) {
    b.text('| ').put((x) => writeNegative(x, rng, 'product')).text(' | ').put((x) => writeNegative(x, rng, 'sku')).text(` | ${rng.int(1, 5)} | `).put((x) => writeNegative(x, rng, 'amount')).text(' |\n');
  }
  b.text('\nShip to: ');
  writeName(b, rng, p, rng.pick(['full', 'caps']));
  b.text(`, ${rng.int(1, 999)} ${rng.pick(['Elm St', 'Kingsway', 'Calle Mayor'])}, `).put((x) => writeNegative(x, rng, 'place')).text(' ').put((x) => writeNegative(x, rng, 'zip_code'));
  b.text('\nPhone: ');
  writePhone(b, rng);
  b.text('\nTracking: ').put((x) => writeNegative(x, rng, 'tracking_number'));
  b.text('\nPayment: card ending ').text(String(rng.int(1000, 9999))).text(', auth ').put((x) => writeNegative(x, rng, 'hash'));
  b.text('\nQuestions? Reply to this email or write to ').pii('EMAIL', `support@${rng.pick(['northwind-logistics.com', 'harborclinic.org'])}`, 'role').text('.\n');
  return b;
}

export function invoice(rng, b) {
  const buyer = person(rng);
  b.text('INVOICE ').put((x) => writeNegative(x, rng, 'invoice_number')).text('\nIssued: ').put((x) => writeNegative(x, rng, 'ordinary_date'));
  b.text('\nFrom: ').put((x) => writeNegative(x, rng, 'company_name')).text(', VAT ').neg('account_ref', `DE${rng.digits(9)}`);
  b.text('\nBill to: ');
  writeName(b, rng, buyer, rng.pick(['full', 'last-first', 'full-middle']));
  b.text(' <').pii('EMAIL', email(rng, buyer).value, 'invoice').text('>');
  b.text('\nPO: ').put((x) => writeNegative(x, rng, 'order_id')).text('   Customer ref: ').put((x) => writeNegative(x, rng, 'account_ref'));
  b.text('\n\nServices rendered ').put((x) => writeNegative(x, rng, 'ordinary_date')).text(' – ').put((x) => writeNegative(x, rng, 'ordinary_date'));
  b.text('\nTotal due: ').put((x) => writeNegative(x, rng, 'amount'));
  b.text('\n\nPay by bank transfer to IBAN ').pii('IBAN', iban(rng).value, 'invoice').text(', reference ').put((x) => writeNegative(x, rng, 'invoice_number'));
  b.text('\nContact: ');
  writeName(b, rng, person(rng), rng.pick(['full', 'initial-surname']));
  b.text(', ');
  writePhone(b, rng);
  return b.text('\n');
}
