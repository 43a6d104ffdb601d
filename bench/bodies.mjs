// The chat bodies the gateway benchmarks send (about 1.2 KB each, as the "1.3 KB" body): one without personal data, and
// one that carries a name, an email address, a card number and a phone number, as real prompts do
// (issue 15). The card is the well-known Visa test number; the rest is invented.
const system = 'You are a careful assistant for the records department. Answer briefly and cite the policy section when you can. ';
const notes = 'Please summarise the attached meeting notes for the weekly status report, keeping action items and owners. ';
const personal = 'The customer is Maria Gonzalez (maria.gonzalez@example.com, phone +1 415 555 0132); refund the duplicate charge to card 4111 1111 1111 1111. ';

/** `plain`: no personal data; `personal`: a name, an email, a card and a phone number. */
export const BODY_KINDS = ['plain', 'personal'];

/**
 * The JSON text of one chat request.
 * @example
 * chatBody('personal', false).length; // 1,220
 */
export function chatBody(kind, stream) {
  const user = kind === 'personal' ? notes.repeat(8) + personal : notes.repeat(9);
  return JSON.stringify({ model: 'mock-llama', stream, messages: [{ role: 'system', content: system }, { role: 'user', content: user }] });
}
