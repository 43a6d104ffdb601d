/**
 * A batch of audit event texts as one HTTP body, for the cluster's append route (OUTPOST_WORKERS
 * > 1: remote-backend.ts sends, cluster/internal-routes.ts receives).
 *
 * Event texts (event-text.ts) are JSON parts joined by NUL; JSON never holds a raw newline (it
 * escapes every control character inside strings), so a newline separates two texts without any
 * escaping. The owner splits the body and hands the strings to its Durable Object as they are:
 * no JSON.parse of the events and no JSON.stringify of them again on the thread that commits
 * every process's events.
 */
import { isEventText, type EventText } from './event-text.js';

/** The append route's body type. */
export const BATCH_CONTENT_TYPE = 'application/x-outpost-audit-batch';

const SEPARATOR = '\n';

/**
 * @example
 * joinBatch([eventText(a), eventText(b)]); // 'text-of-a\ntext-of-b'
 */
export function joinBatch(texts: readonly EventText[]): string {
  return texts.join(SEPARATOR);
}

/**
 * The texts of a batch body, or null when it is not one (empty, more than `max` texts, or a
 * line that is not an event text).
 * @example
 * splitBatch(joinBatch([text]), 1024); // [text]
 * splitBatch('{"not":"a text"}', 1024); // null
 */
export function splitBatch(body: string, max: number): EventText[] | null {
  if (body.length === 0) return null;
  const texts = body.split(SEPARATOR);
  if (texts.length > max || !texts.every(isEventText)) return null;
  return texts;
}
