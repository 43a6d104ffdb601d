/**
 * Meeting notes: attendee lists (full names, "Last, First", cc lines), discussion written in
 * reported speech ("Okonkwo said", "per Ms. Tran"), action items with owners by first name or
 * surname, dates that are deadlines, and company, product and place names that are not people.
 * @example
 * render(meetingNotes(rng)); // {text: 'Weekly ops sync — March 3, 2025\nAttendees: …', spans, negatives}
 */
import { ordinaryDate } from '../dates.mjs';
import { t } from '../marks.mjs';
import { REPORTING_VERBS, anyName, nativePiece, person, personPiece, titled } from '../names.mjs';
import { negative } from '../negatives.mjs';
import { anyPhone } from '../phones.mjs';

const TOPICS = ['vendor renewal', 'Q3 hiring plan', 'warehouse move', 'SOC 2 audit', 'pricing change', 'on-call rota', 'customer escalation'];

export function meetingNotes(rng) {
  const people = Array.from({ length: rng.int(3, 5) }, () => person(rng));
  const attendeeForm = rng.pick(['full', 'last-first', 'full', 'initial-surname']);
  const attendees = people.flatMap((p, i) => (i ? [attendeeForm === 'last-first' ? '; ' : ', ', personPiece(p, attendeeForm)] : [personPiece(p, attendeeForm)]));
  const [a, b, c] = people;
  const discussion = rng.sample([
    t`${personPiece(a, 'surname')} ${rng.pick(REPORTING_VERBS)} that ${negative(rng, 'company_name')} wants the contract signed before ${ordinaryDate(rng)}.`,
    t`Per ${titled(rng, b)}, the ${negative(rng, 'product')} licences expire ${ordinaryDate(rng, 'long')}.`,
    t`${personPiece(c, 'given')} raised the ${negative(rng, 'place')} office lease; ${personPiece(a, 'given')} disagreed.`,
    t`According to ${personPiece(b, 'surname')}, the ticket backlog (${negative(rng, 'ticket_id')}, ${negative(rng, 'ticket_id')}) is mostly ${negative(rng, 'product')} access requests.`,
    t`Guest: ${nativePiece(rng)} from the partner office presented the ${rng.pick(TOPICS)} numbers for ${negative(rng, 'iso_week_or_quarter')}.`,
    t`"We cannot ship ${negative(rng, 'version')} before the audit," ${personPiece(c, 'surname')} ${rng.pick(['said', 'warned', 'insisted'])}.`,
    t`${personPiece(person(rng), 'full')} (external counsel, ${anyPhone(rng)}) will join next week.`,
  ], rng.int(3, 6));
  const actions = people.slice(0, rng.int(2, people.length)).map((p) => t`- [ ] ${personPiece(p, rng.pick(['given', 'surname', 'initial-surname', 'lowercase-given']))}: ${rng.pick(['send the draft', 'book the room', 'follow up with legal', 'update the forecast', 'close the ticket'])}${rng.chance(0.5) ? t` by ${ordinaryDate(rng)}` : ''}`);
  return t`# ${rng.pick(['Weekly ops sync', 'Hiring committee', 'Vendor review', 'Incident retro'])} — ${ordinaryDate(rng, 'long')}\nAttendees: ${attendees}\ncc: ${anyName(rng)}\n\n## Notes\n${discussion.flatMap((d, i) => (i ? ['\n', '* ', d] : ['* ', d]))}\n\n## Action items\n${actions.flatMap((x, i) => (i ? ['\n', x] : [x]))}`;
}
