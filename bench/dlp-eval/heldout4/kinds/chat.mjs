/**
 * Chats: team chat exports (handles, lowercase names, reported speech, pasted credentials) and
 * customer SMS threads (phones in every layout, birth dates given to verify identity).
 * @example
 * render(teamChat(rng)); // {text: '[09:14] priya: …', spans, negatives}
 */
import { birthDate, ordinaryDate } from '../dates.mjs';
import { driverLicense, ssn } from '../ids.mjs';
import { secret, t } from '../marks.mjs';
import { REPORTING_VERBS, nativePiece, person, personPiece, titled } from '../names.mjs';
import { commonWordSentence, negative } from '../negatives.mjs';
import { anyPhone, intlPhone, usPhone } from '../phones.mjs';
import { genericVendor, passwordText, privateKey, urlWithPassword, vendorKey } from '../secrets.mjs';

const clock = (rng) => `${String(rng.int(7, 19)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`;

/** A team chat export; speakers and @mentions shown by a handle that is the person's given name in lowercase (labelled PERSON). */
export function teamChat(rng) {
  const people = [person(rng), person(rng), person(rng)];
  const handle = (p) => p.given.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');
  const lines = [];
  for (let i = 0; i < rng.int(4, 9); i++) {
    const speaker = rng.pick(people);
    const other = rng.pick(people.filter((p) => p !== speaker));
    const said = rng.weighted([
      [3, () => t`@${secret('PERSON', 'mention', handle(other))} can you check ${negative(rng, 'ticket_id')}? ${personPiece(person(rng), 'surname')} ${rng.pick(REPORTING_VERBS)} it's blocking the ${negative(rng, 'company_name')} rollout`],
      [2, () => t`fyi ${personPiece(person(rng), 'lowercase')} is out until ${ordinaryDate(rng)}, ping ${personPiece(other, 'lowercase-given')} instead`],
      [2, () => t`here's the staging pw, don't paste it anywhere: ${secret('GENERIC_SECRET', 'chat-password', passwordText(rng))}`],
      [2, () => t`new key for the integration ${rng.chance(0.5) ? vendorKey(rng).piece : genericVendor(rng).piece} (old one revoked)`],
      [1, () => t`redis is ${urlWithPassword(rng, rng.pick(['redis-empty-user', 'redis', 'rediss-empty-user']))} btw`],
      [2, () => t`spoke to ${titled(rng, person(rng))} from ${negative(rng, 'company_name')}, she wants a callback at ${usPhone(rng, rng.pick(['bare10', 'dots', 'spaces', 'plus1-spaces']))}`],
      [1, () => t`the candidate ${personPiece(person(rng), 'full')} — dob is ${birthDate(rng)} per the form, can someone verify`],
      [1, () => t`deploying ${negative(rng, 'version')} (${negative(rng, 'git_sha')}) now`],
      [1, () => t`${nativePiece(rng)} joined the channel`],
      [1, () => t`the placeholder in the README is ${negative(rng, 'placeholder')}, not a real key lol`],
      [1, () => t`${commonWordSentence(rng)}`],
      [1, () => t`${privateKey(rng)}\n^ that's the deploy key, rotate it after the migration`],
      [1, () => t`lunch at ${negative(rng, 'place')}? ${personPiece(other, 'given')} is buying`],
    ])();
    lines.push(t`[${clock(rng)}] ${secret('PERSON', 'chat-speaker', handle(speaker))}: ${said}`);
  }
  return lines.flatMap((l, i) => (i ? ['\n', l] : [l]));
}

/** A customer SMS thread with an agent. */
export function smsThread(rng) {
  const c = person(rng);
  const dl = driverLicense(rng);
  const lines = [
    t`Agent: Hi, this is ${personPiece(person(rng), 'given')} from ${negative(rng, 'company_name')}. To verify, please reply with your date of birth.`,
    t`Customer: ${birthDate(rng, rng.pick(['us-slash', 'us-slash-unpadded', 'long', 'us-dash', 'short-month']))}`,
    t`Customer: its ${personPiece(c, rng.pick(['lowercase', 'full', 'given']))}, my new number is ${anyPhone(rng)}`,
    t`Agent: Thanks! Your appointment on ${ordinaryDate(rng)} is confirmed, ref ${negative(rng, 'order_id')}.`,
    t`Customer: license is ${dl.piece} (${dl.state}) if you need it`,
    t`Customer: ssn ${ssn(rng, rng.pick(['bare', 'dashes']))}`,
    t`Agent: I can see a card ending ${negative(rng, 'masked_card')} and SSN ${negative(rng, 'masked_ssn')} on the account.`,
    t`Customer: call my wife on ${intlPhone(rng)} if I don't answer`,
    t`Agent: Tracking number ${negative(rng, 'tracking_number')}, delivery by ${ordinaryDate(rng, 'short-month')}.`,
  ].filter((_, i) => i < 2 || rng.chance(0.6));
  return lines.flatMap((l, i) => (i ? ['\n', l] : [l]));
}
