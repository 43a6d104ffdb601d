/**
 * The held-out DLP corpus: ~2,000 seeded documents of business text written for this evaluation
 * apart from both the detectors and the first generator. Labels are recorded as text is built
 * (builder.mjs), so offsets are exact.
 * @example
 * const docs = generateHeldout({ seed: 2611, count: 2000 });
 * docs[0]; // {id: 'heldout/0', text, source: 'heldout:hr_record', spans, negatives}
 */
import { DocBuilder } from './builder.mjs';
import { createRng } from './rng.mjs';
import { emailThread, hrNote, meetingNotes, supportTicket } from './kinds/prose.mjs';
import { hrRecord, invoice, medicalIntake } from './kinds/forms.mjs';
import { configFile } from './kinds/config.mjs';
import { sourceCode } from './kinds/code.mjs';
import { jsonPayload, logLines, tableExport } from './kinds/records.mjs';
import { chatTranscript } from './kinds/chat.mjs';
import { loanApplication, travelBooking } from './kinds/travel.mjs';

export const DEFAULT_SEED = 2611;
export const DEFAULT_COUNT = 2000;

/** [weight, kind, writer]: the mix of document kinds. */
export const KINDS = [
  [10, 'support_ticket', supportTicket], [7, 'hr_note', hrNote], [7, 'hr_record', hrRecord], [6, 'medical_intake', medicalIntake],
  [6, 'meeting_notes', meetingNotes], [9, 'email_thread', emailThread], [5, 'invoice', invoice], [9, 'config', configFile],
  [9, 'code', sourceCode], [8, 'log', logLines], [9, 'chat', chatTranscript], [8, 'table_export', tableExport], [7, 'json_payload', jsonPayload],
  [4, 'travel_booking', travelBooking], [4, 'application_form', loanApplication],
];

export function generateHeldout({ seed = DEFAULT_SEED, count = DEFAULT_COUNT } = {}) {
  const docs = [];
  for (let i = 0; i < count; i++) {
    // One stream per document: a change to one kind's template does not reshuffle the others.
    const rng = createRng((seed * 100_003 + i) >>> 0);
    const [, kind, write] = rng.weighted(KINDS.map((k) => [k[0], k]));
    const b = new DocBuilder();
    write(rng, b);
    docs.push(b.finish(`heldout/${i}`, `heldout:${kind}`));
  }
  return docs;
}
