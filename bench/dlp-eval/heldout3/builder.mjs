/**
 * Builds one document's text and its labels together: every sensitive value and hard negative is
 * appended through here, so its offsets are the length of the text before it, never searched for.
 * @example
 * const b = new DocBuilder();
 * b.text('Call ').pii('PHONE', '(415) 555-0134', 'us-parens').text(' today');
 * b.finish('heldout3/0', 'heldout3:chat'); // {id, text, source, spans: [{start: 5, end: 19, type, form}], negatives}
 */
export class DocBuilder {
  constructor() {
    this.parts = [];
    this.length = 0;
    this.spans = [];
    this.negatives = [];
  }

  /** Plain text with nothing sensitive in it. */
  text(s) {
    this.parts.push(s);
    this.length += s.length;
    return this;
  }

  /** A sensitive value of a gateway type; `form` says how it is written (for recall by form). */
  pii(type, value, form) {
    const span = { start: this.length, end: this.length + value.length, type };
    if (form) span.form = form;
    this.spans.push(span);
    return this.text(value);
  }

  /** Text that looks sensitive and is not (an order id, a UUID, a date that is not a birth date). */
  neg(kind, value) {
    this.negatives.push({ start: this.length, end: this.length + value.length, kind });
    return this.text(value);
  }

  /** A piece written by a helper: a string, or a function that writes into this builder. */
  put(piece) {
    if (typeof piece === 'function') piece(this);
    else this.text(piece);
    return this;
  }

  finish(id, source) {
    return { id, text: this.parts.join(''), source, spans: this.spans, negatives: this.negatives };
  }
}
