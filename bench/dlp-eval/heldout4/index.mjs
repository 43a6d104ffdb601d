/**
 * The fourth held-out DLP corpus: ~1,500 seeded documents of business text (support tickets, HR
 * case notes, e-mail threads, meeting notes, order confirmations, invoices, source code,
 * configuration, operations snippets (command lines, HTTP headers, Kubernetes secrets, XML
 * config, rc files), logs, team chats, SMS threads, CSV/TSV exports, filled-in forms and JSON
 * records), written apart from the detectors and from the three earlier generators. Documents are tagged templates whose labels are recorded as the text is
 * concatenated (marks.mjs), so offsets are exact.
 * @example
 * const docs = generateHeldout4({ seed: 4409, count: 1500 });
 * docs[0]; // {id: 'heldout4/0', text, source: 'heldout4:config_file', spans: [{start, end, type, form}], negatives: [{start, end, kind}], ignore: [{start, end}]}
 */
import { createRng } from './rng.mjs';
import { render } from './marks.mjs';
import { emailThread, hrNote, supportTicket } from './kinds/prose.mjs';
import { configFile, logLines, sourceCode } from './kinds/tech.mjs';
import { csvExport, filledForm, jsonRecord } from './kinds/records.mjs';
import { smsThread, teamChat } from './kinds/chat.mjs';
import { meetingNotes } from './kinds/meetings.mjs';
import { invoice, orderConfirmation } from './kinds/commerce.mjs';
import { opsSnippet } from './kinds/ops.mjs';

export const DEFAULT_SEED = 4409;
export const DEFAULT_COUNT = 1500;

/** [weight, kind, writer]: the kinds the graders name (tickets, HR, code, config, logs, chats, CSV) weigh most. */
export const KINDS = [
  [12, 'support_ticket', supportTicket], [9, 'hr_note', hrNote], [7, 'email_thread', emailThread],
  [9, 'source_code', sourceCode], [9, 'config_file', configFile], [8, 'log_lines', logLines],
  [10, 'team_chat', teamChat], [5, 'sms_thread', smsThread],
  [10, 'csv_export', csvExport], [6, 'filled_form', filledForm], [5, 'json_record', jsonRecord],
  [5, 'meeting_notes', meetingNotes], [3, 'order_confirmation', orderConfirmation], [3, 'invoice', invoice],
  [4, 'ops_snippet', opsSnippet],
];

/**
 * Documents `0 … count-1` for a seed. Each document has its own random stream, so document i does
 * not depend on how many documents are asked for or on the other kinds' writers.
 */
export function generateHeldout4({ seed = DEFAULT_SEED, count = DEFAULT_COUNT } = {}) {
  const docs = [];
  for (let i = 0; i < count; i++) {
    const rng = createRng(Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) + Math.imul(i + 1, 0x165667b1));
    const [, kind, write] = rng.weighted(KINDS.map((k) => [k[0], k]));
    const { text, spans, negatives, ignore } = render(write(rng));
    docs.push({ id: `heldout4/${i}`, text, source: `heldout4:${kind}`, spans, negatives, ignore });
  }
  return docs;
}
