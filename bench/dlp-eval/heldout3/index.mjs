/**
 * The third held-out DLP corpus: ~1,500 seeded documents of business text (tickets, e-mail
 * chains, HR notes, meeting minutes, CSV and spreadsheet exports, SQL dumps, capitals forms,
 * HL7 and FHIR records, intake notes, code, config, logs with stack traces, team chats, SMS,
 * orders and invoices), written apart from the detectors and from both earlier generators.
 * Labels are recorded as the text is built (builder.mjs), so offsets are exact.
 * @example
 * const docs = generateHeldout3({ seed: 3307, count: 1500 });
 * docs[0]; // {id: 'heldout3/0', text, source: 'heldout3:sql_dump', spans: [{start, end, type, form}], negatives}
 */
import { DocBuilder } from './builder.mjs';
import { createRng } from './rng.mjs';
import { emailChain, hrNote, meetingNotes, supportTicket } from './kinds/prose.mjs';
import { applicationForm, csvExport, spreadsheetPaste, sqlDump } from './kinds/records.mjs';
import { fhirPatient, hl7Message, intakeNote } from './kinds/health.mjs';
import { configFile, logLines, sourceCode } from './kinds/tech.mjs';
import { customerSms, teamChat } from './kinds/chat.mjs';
import { invoice, orderConfirmation } from './kinds/commerce.mjs';
import { kycReview, travelBooking } from './kinds/identity.mjs';
import { multilingualMail } from './kinds/multilingual.mjs';
import { apiPayload } from './kinds/api.mjs';

export const DEFAULT_SEED = 3307;
export const DEFAULT_COUNT = 1500;

/** [weight, kind, writer]: weights follow how often each kind reaches an AI gateway. */
export const KINDS = [
  [10, 'support_ticket', supportTicket], [9, 'email_chain', emailChain], [6, 'hr_note', hrNote], [5, 'meeting_notes', meetingNotes],
  [6, 'csv_export', csvExport], [5, 'spreadsheet_paste', spreadsheetPaste], [4, 'sql_dump', sqlDump], [5, 'application_form', applicationForm],
  [3, 'hl7_message', hl7Message], [3, 'fhir_patient', fhirPatient], [4, 'intake_note', intakeNote],
  [8, 'source_code', sourceCode], [7, 'config_file', configFile], [7, 'log_lines', logLines],
  [8, 'team_chat', teamChat], [4, 'customer_sms', customerSms], [4, 'order_confirmation', orderConfirmation], [4, 'invoice', invoice],
  [3, 'kyc_review', kycReview], [3, 'travel_booking', travelBooking], [4, 'multilingual_mail', multilingualMail], [4, 'api_payload', apiPayload],
];

/**
 * Documents `0 … count-1` for a seed. Each document draws from its own random stream, so a change
 * to one kind's writer does not reshuffle the documents of the others.
 */
export function generateHeldout3({ seed = DEFAULT_SEED, count = DEFAULT_COUNT } = {}) {
  const docs = [];
  for (let i = 0; i < count; i++) {
    const rng = createRng(Math.imul(seed, 2_654_435_761) ^ Math.imul(i + 1, 40_503));
    const [, kind, write] = rng.weighted(KINDS.map((k) => [k[0], k]));
    const b = new DocBuilder();
    write(rng, b);
    docs.push(b.finish(`heldout3/${i}`, `heldout3:${kind}`));
  }
  return docs;
}
