/**
 * Chat transcripts: team chat with handles, customer live chat, and informal lowercase messages
 * where names, numbers and even keys are typed without care.
 */
import { names, person } from '../values/people.mjs';
import { birthDate, ordinaryDate } from '../values/dates.mjs';
import { phone, usPhone } from '../values/phones.mjs';
import { ssn } from '../values/ids.mjs';
import { lookalikes, org, place, product } from '../values/negatives.mjs';
import { humanPassword, secrets } from '../values/secrets.mjs';
import { val } from '../builder.mjs';

function teamChat(rng, b) {
  const a = person(rng, { latinOnly: true }), c = person(rng), mention = person(rng);
  const t = () => `[${String(rng.int(8, 18)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}] `;
  b.add([t(), ...names.givenLower(rng, a), ': hey did anyone talk to ', ...names[rng.pick(['given', 'full', 'titled'])](rng, mention), ' about the ', product(rng), ' thing\n']);
  b.add([t(), ...names.given(rng, c), ': yeah ', ...names.family(rng, mention), ` ${rng.pick(['said', 'says', 'told me'])} it's fixed in `, lookalikes.version(rng), '\n']);
  b.add([t(), ...names.givenLower(rng, a), ': ok. also can u send me the staging pw\n']);
  b.add([t(), ...names.given(rng, c), ': ', rng.chance(0.5) ? 'its ' : 'pw is ', val('GENERIC_SECRET', humanPassword(rng), 'password'), rng.chance(0.5) ? ' dont share lol' : '', '\n']);
  if (rng.chance(0.5)) b.add([t(), ...names.givenLower(rng, a), ': and the token? ', secrets[rng.pick(['github', 'gitlab', 'npm', 'slack', 'openai'])](rng), ' doesnt work anymore\n']);
  b.add([t(), ...names.given(rng, c), ': see ', lookalikes.ticket(rng), ', ', ...names.givenLower(rng, mention), ' is on it\n']);
}

function customerChat(rng, b) {
  const customer = person(rng), agent = person(rng, { latinOnly: true });
  b.add(['Chat started ', ordinaryDate(rng), '\n', ...names.given(rng, agent), ' (agent): Hi, this is ', ...names.given(rng, agent), ' from ', org(rng), ' support. Who am I speaking with?\n']);
  b.add(['Visitor: ', rng.chance(0.5) ? 'its ' : "hi i'm ", ...names[rng.pick(['lower', 'full', 'givenLower'])](rng, customer), '\n']);
  b.add([...names.given(rng, agent), ' (agent): Thanks! Can you confirm your date of birth and the phone on the account?\n']);
  b.add(['Visitor: ', birthDate(rng, rng.pick(['us', 'usLoose', 'usShort', 'long', 'eu'])), rng.pick([' and ', ', ', ' / ']), phone(rng), '\n']);
  if (rng.chance(0.4)) b.add(['Visitor: oh and my ssn is ', ssn(rng, rng.pick(['bare', 'dash', 'space'])), ' if you need it\n']);
  b.add([...names.given(rng, agent), ' (agent): Got it. Your order ', lookalikes.orderId(rng), ' ships from ', place(rng), ' on ', ordinaryDate(rng), '.\n']);
  b.add(['Visitor: ', rng.pick(['thx', 'ok thanks', 'great ty', 'cool']), '\n']);
}

function textMessages(rng, b) {
  const friend = person(rng), other = person(rng);
  b.add([...names.givenLower(rng, friend), ': ', rng.pick(['yo', 'hey', 'omg']), ' ', ...names.givenLower(rng, other), ' got a new number\n']);
  b.add([...names.givenLower(rng, friend), ': ', usPhone(rng), '\n']);
  b.add(['me: ', rng.pick(['nice', 'k', 'saved it']), ". when's the party? isnt it on ", ordinaryDate(rng, rng.pick(['usLoose', 'abbr'])), '\n']);
  b.add([...names.givenLower(rng, friend), ': no lol she was born ', birthDate(rng, rng.pick(['long', 'usLoose', 'longEu'])), ' we checked\n']);
  b.add([...names.givenLower(rng, friend), ": also tell ", ...names.family(rng, other).map((p) => ({ ...p, text: p.text.toLowerCase() })), ' the wifi pw is ', val('GENERIC_SECRET', humanPassword(rng), 'password'), '\n']);
}

export function chatTranscript(rng, b) {
  const style = rng.pick(['team', 'customer', 'sms']);
  ({ team: teamChat, customer: customerChat, sms: textMessages })[style](rng, b);
  return style;
}
