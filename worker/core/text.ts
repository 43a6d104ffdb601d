/**
 * Caller text inside a body, addressed by where it sits: the unit the DLP scans and redacts.
 * Each protocol (protocol/) lists the parts of its bodies; nothing here knows a wire format.
 */

/** A piece of text inside a request body, addressed by its JSON path (for DLP and redaction). */
export interface TextPart {
  /** JSON path segments from the body root, e.g. ['messages', 0, 'content']. */
  readonly path: readonly (string | number)[];
  readonly text: string;
}
