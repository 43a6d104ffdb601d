/**
 * Builds one labelled document: plain text, labelled values (exact spans) and hard negatives
 * (spans that must not be reported), appended left to right so offsets are exact by construction.
 * @example
 * const d = new DocumentBuilder();
 * d.text('Call ').value('PHONE', '415-555-0132').text(' re order ').negative('ORD-118734');
 * d.finish('gen/0', 'ticket'); // { id, text, spans: [{start: 5, end: 17, type: 'PHONE'}], negatives: [...] }
 */
export class DocumentBuilder {
  constructor() {
    this.parts = [];
    this.length = 0;
    this.spans = [];
    this.negatives = [];
  }

  text(s) {
    this.parts.push(s);
    this.length += s.length;
    return this;
  }

  /** Starts a new line unless the text already ends one. */
  endLine() {
    const last = this.parts[this.parts.length - 1] ?? '\n';
    return last.endsWith('\n') ? this : this.text('\n');
  }

  /** A sensitive value of `type`. */
  value(type, s) {
    this.spans.push({ start: this.length, end: this.length + s.length, type });
    return this.text(s);
  }

  /** A hard negative: looks like something sensitive, is not. `kind` says what it is, for the report. */
  negative(s, kind = 'other') {
    this.negatives.push({ start: this.length, end: this.length + s.length, kind });
    return this.text(s);
  }

  /** Appends pieces: strings are text, [type, value] are values, {neg, kind} are negatives. */
  add(...pieces) {
    for (const p of pieces) {
      if (typeof p === 'string') this.text(p);
      else if (Array.isArray(p)) this.value(p[0], p[1]);
      else this.negative(p.neg, p.kind);
    }
    return this;
  }

  finish(id, kind) {
    return { id, text: this.parts.join(''), spans: this.spans, negatives: this.negatives, source: `generator:${kind}` };
  }
}

/** A hard negative piece for DocumentBuilder.add. */
export const neg = (value, kind) => ({ neg: value, kind });
