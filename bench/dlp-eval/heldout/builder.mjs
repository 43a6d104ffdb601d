/**
 * Builds one document's text piece by piece and records each label's offsets at the moment its
 * text is appended, so labels are exact by construction (nothing is searched for afterwards).
 * @example
 * const b = new DocBuilder();
 * b.text('Patient: ').value('PERSON', 'Ana Souza').text('\nOrder ').negative('order_id', 'SO-20931');
 * b.finish('heldout/1', 'heldout:medical_intake'); // {id, text, source, spans, negatives}
 * b.value('PERSON', 'Tran', 'titled'); // spans carry how the value is written, when known
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

  /** A sensitive value of a gateway type (`form`: how it is written, for recall by form); an empty value adds nothing. */
  value(type, s, form) {
    if (!s) return this;
    this.spans.push(form ? { start: this.length, end: this.length + s.length, type, form } : { start: this.length, end: this.length + s.length, type });
    return this.text(s);
  }

  /** A hard negative: text that looks sensitive and is not. */
  negative(kind, s) {
    if (!s) return this;
    this.negatives.push({ start: this.length, end: this.length + s.length, kind });
    return this.text(s);
  }

  /** A piece made by a value function: {type, text} labels, {kind, text} hard negatives, strings plain. */
  add(piece) {
    if (typeof piece === 'string') return this.text(piece);
    if (Array.isArray(piece)) {
      for (const p of piece) this.add(p);
      return this;
    }
    if (piece.type) return this.value(piece.type, piece.text, piece.form);
    if (piece.kind) return this.negative(piece.kind, piece.text);
    return this.text(piece.text);
  }

  finish(id, source) {
    return { id, text: this.parts.join(''), source, spans: this.spans, negatives: this.negatives };
  }
}

/** Pieces: a label, a hard negative, plain text. Templates compose these. */
export const val = (type, text, form) => (form ? { type, text, form } : { type, text });
export const neg = (kind, text) => ({ kind, text });
