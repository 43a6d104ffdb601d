/**
 * Conversations: team chat exports (lowercase, emoji, half-sentences, names as handles and
 * in passing), customer SMS threads, and a WhatsApp-style export that switches language.
 */
import { email, ssn, card } from '../ids.mjs';
import { person, writeName, nativeForm } from '../names.mjs';
import { dobWithContext, negativeSentence, writePhone } from '../pieces.mjs';
import { vendorKey, password } from '../secrets.mjs';
import { writeNegative } from '../negatives.mjs';
import { typo } from '../noise.mjs';

/** Minutes since midnight as HH:MM. */
const clock = (minutes) => `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export function teamChat(rng, b) {
  const people = [person(rng), person(rng), person(rng)];
  const n = rng.int(5, 10);
  let minutes = rng.int(7 * 60, 16 * 60);
  for (let i = 0; i < n; i++) {
    const speaker = rng.pick(people);
    minutes += rng.int(0, 40);
    b.text(`[${clock(minutes)}] `);
    writeName(b, rng, speaker, rng.pick(['lowercase', 'given', 'full']));
    b.text(': ');
    rng.pick([
      () => { b.text(typo(rng, 'can someone reset the staging password? its ')); b.pii('GENERIC_SECRET', password(rng), 'password-chat'); b.text(' rn lol'); },
      () => { b.text('ugh pasted the wrong thing, ignore '); const s = vendorKey(rng, undefined, { bare: true }); b.pii(s.type, s.value, s.form); b.text(' (rotating now)'); },
      () => { b.text('@'); writeName(b, rng, rng.pick(people), 'handle'); b.text(' did u talk to '); writeName(b, rng, person(rng), 'given'); b.text('?'); },
      () => { writeName(b, rng, person(rng), 'reported'); b.text(typo(rng, rng.pick([' says the client wants it by friday 🙃', ' thinks we should postpone the release', ' mentioned the customer escalated again']))); },
      () => { b.text('his cell is '); writePhone(b, rng); b.text(typo(rng, rng.pick([' if u need him', ' - call before lunch', ' (personal number, dont share)']))); },
      () => { b.text('lgtm, merged '); writeNegative(b, rng, 'git_sha'); },
      () => { negativeSentence(b, rng); },
      () => { b.text('ok 👍'); },
      () => { b.text('fyi '); writeName(b, rng, person(rng), nativeForm(rng)); b.text(typo(rng, ' joins the Tokyo/Seoul team next week')); },
      () => { b.text('new hire paperwork for '); writeName(b, rng, person(rng), 'full'); b.text(': '); dobWithContext(b, rng, rng.pick(['dob ', 'born '])); },
    ])();
    b.text('\n');
  }
  return b;
}

export function customerSms(rng, b) {
  const c = person(rng);
  b.text('SMS thread with ');
  writePhone(b, rng);
  b.text('\n');
  const lines = rng.shuffle([
    (x) => { x.text('> Hi this is '); writeName(x, rng, c, rng.pick(['full', 'given', 'lowercase'])); x.text(' about my order '); writeNegative(x, rng, 'order_id'); },
    (x) => { x.text('< Thanks! Can you confirm your email?'); },
    (x) => { x.text('> its '); x.pii('EMAIL', email(rng, c).value.toLowerCase(), 'sms'); },
    (x) => { x.text('> my card is '); x.pii('CREDIT_CARD', card(rng).value, 'sms'); x.text(' exp 09/29'); },
    (x) => { x.text(typo(rng, '< Please never send card numbers by text. For verification we need your date of birth.')); },
    (x) => { x.text('> '); dobWithContext(x, rng, rng.pick(['dob ', 'born ', 'birthday '])); },
    (x) => { x.text('> ssn is '); const s = ssn(rng); x.pii('US_SSN', s.value, s.form); x.text(' if u need it'); },
    (x) => { x.text('< Delivery window: '); writeNegative(x, rng, 'ordinary_date'); x.text(', 9–12.'); },
  ]);
  for (const l of lines.slice(0, rng.int(4, 8))) { l(b); b.text('\n'); }
  return b;
}
