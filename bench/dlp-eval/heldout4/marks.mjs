/**
 * Documents as tagged templates: a writer composes text from plain strings, sensitive values
 * (`secret(type, form, text)`) and hard negatives (`decoy(kind, text)`); `render` concatenates the
 * pieces and records each label's offsets as it goes, so labels are exact by construction and never
 * searched for afterwards. Pieces nest: a template's result is itself a piece.
 * @example
 * const p = t`Hi ${secret('PERSON', 'given', 'Ana')}, order ${decoy('order_id', 'A-1')} shipped.`;
 * render([p]); // {text: 'Hi Ana, order A-1 shipped.', spans: [{start: 3, end: 6, type: 'PERSON', form: 'given'}], negatives: [...]}
 */

/** A sensitive value: labelled as a gold span of `type`, written in `form`. */
export const secret = (type, form, text) => ({ mark: 'span', type, form, text: String(text) });

/** Text that looks sensitive and is not: a hard negative of `kind`. */
export const decoy = (kind, text) => ({ mark: 'negative', kind, text: String(text) });

/**
 * Text whose sensitivity is a matter of policy (a private-range IP address): neither a gold span
 * nor a hard negative, recorded as an `ignore` region so that flagging it is not scored either way.
 */
export const unlabelled = (text) => ({ mark: 'ignore', text: String(text) });

/** Tagged template: keeps the pieces in order (strings, marks, nested pieces, arrays of pieces). */
export function t(strings, ...values) {
  const parts = [];
  strings.forEach((s, i) => {
    if (s) parts.push(s);
    if (i < values.length) parts.push(values[i]);
  });
  return parts;
}

/** Joins pieces with a separator (a piece between each pair). */
export function join(pieces, separator) {
  const out = [];
  pieces.forEach((p, i) => { if (i) out.push(separator); out.push(p); });
  return out;
}

/**
 * Concatenates pieces into text and labels.
 * @param {unknown} piece
 * @returns {{text: string, spans: Array<{start: number, end: number, type: string, form: string}>, negatives: Array<{start: number, end: number, kind: string}>, ignore: Array<{start: number, end: number}>}}
 */
export function render(piece) {
  let text = '';
  const spans = [];
  const negatives = [];
  const ignore = [];
  const walk = (p) => {
    if (p === null || p === undefined || p === false) return;
    if (Array.isArray(p)) { for (const q of p) walk(q); return; }
    if (typeof p === 'object' && p.mark) {
      const start = text.length;
      text += p.text;
      if (p.mark === 'span') spans.push({ start, end: text.length, type: p.type, form: p.form });
      else if (p.mark === 'negative') negatives.push({ start, end: text.length, kind: p.kind });
      else ignore.push({ start, end: text.length });
      return;
    }
    text += String(p);
  };
  walk(piece);
  return { text, spans, negatives, ignore };
}
