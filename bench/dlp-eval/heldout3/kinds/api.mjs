/**
 * API payloads as they show up in prompts ("why does this request fail?"): JSON with camelCase or
 * snake_case keys, where the key is the only context a value has (dateOfBirth vs createdAt,
 * phone_number vs order_number), plus a curl command line with an Authorization header.
 */
import { email, ssn, card } from '../ids.mjs';
import { person } from '../names.mjs';
import { phone } from '../phones.mjs';
import { birthDate, formatDate } from '../dates.mjs';
import { jwt, vendorKey } from '../secrets.mjs';
import { writeNegative } from '../negatives.mjs';

export function apiPayload(rng, b) {
  const camel = rng.chance(0.5);
  const k = (snake) => (camel ? snake.replace(/_(\w)/g, (_, c) => c.toUpperCase()) : snake);
  const p = person(rng);
  b.text(rng.pick(['Getting a 422 from POST /v2/customers with this body:\n\n```json\n', 'payload that breaks the importer:\n```\n', 'Webhook body (trimmed):\n\n```json\n']));
  b.text(`{\n  "${k('request_id')}": "`).put((x) => writeNegative(x, rng, 'uuid')).text('",\n');
  b.text(`  "${k('created_at')}": "`).put((x) => writeNegative(x, rng, 'timestamp')).text('",\n');
  b.text(`  "customer": {\n    "${k('first_name')}": "`).pii('PERSON', p.given, 'json-given').text(`",\n    "${k('last_name')}": "`).pii('PERSON', p.surname, 'json-family').text('",\n');
  const dobKey = rng.pick(['date_of_birth', 'dob', 'birth_date', 'birthday']);
  const v = formatDate(rng, birthDate(rng), rng.pick(['iso', 'us-slash', 'eu-slash', 'compact']));
  b.text(`    "${k(dobKey)}": "`).pii('DATE_OF_BIRTH', v.value, v.form).text('",\n');
  const ph = phone(rng);
  b.text(`    "${k('phone_number')}": "`).pii('PHONE', ph.value, ph.form).text('",\n');
  b.text(`    "email": "`).pii('EMAIL', email(rng, p).value, 'json').text('",\n');
  if (rng.chance(0.4)) { const s = ssn(rng, rng.pick(['dashed', 'bare'])); b.text(`    "${k('tax_id')}": "`).pii('US_SSN', s.value, s.form).text('",\n'); }
  b.text(`    "${k('order_number')}": "`).put((x) => writeNegative(x, rng, 'order_id')).text('",\n');
  b.text(`    "${k('signup_date')}": "`).put((x) => writeNegative(x, rng, 'ordinary_date')).text('"\n  },\n');
  if (rng.chance(0.4)) b.text(`  "payment": {"${k('card_number')}": "`).pii('CREDIT_CARD', card(rng).value, 'json').text(`", "${k('expiry')}": "0${rng.int(1, 9)}/2${rng.int(7, 9)}"},\n`);
  b.text(`  "${k('app_version')}": "`).put((x) => writeNegative(x, rng, 'version')).text('"\n}\n```\n');
  if (rng.chance(0.6)) {
    b.text("\ncurl -X POST https://api.northwind-logistics.com/v2/customers -H 'Authorization: Bearer ");
    const s = rng.chance(0.5) ? jwt(rng) : vendorKey(rng, undefined, { bare: true });
    b.pii(s.type, s.value, s.form).text("' -d @body.json\n");
  }
  return b;
}
