/**
 * Scoring of predicted spans against labelled documents, independent of any detector.
 *
 * Matching rule (character coverage, both ways, within a type family):
 *   - a gold span is found when predictions of its family cover at least half of its characters;
 *   - a prediction is correct when at least half of its characters lie in gold spans of its family.
 * Families: every type is its own family, except credentials (SECRET_TYPES), which are one: a
 * Twilio key reported as GENERIC_SECRET, or a URL password as GENERIC_SECRET, is found.
 * So "Ms. Tran" for gold "Tran", "+1 415 555 0132" for gold "415 555 0132", and "Castillo" plus
 * "Chidi" for gold "Castillo, Chidi" all count; "Ana" alone for gold "Ana Lima", or one digit group
 * of a card, does not.
 * A prediction that is not correct is a false positive unless it lies entirely inside
 *   - a region the source marked `ignore` (labelled outside our vocabulary, e.g. street addresses),
 *   - a gold span of any type (a name inside an email address, a fragment of a found value), or
 * its type is outside the document's `scope` (fixtures that only know about some types).
 * A hard negative is flagged when any in-scope prediction overlaps it by at least one character.
 * Visible characters: gold characters covered by no prediction of any type, i.e. what would remain
 * readable after redaction.
 *
 * @example
 * const s = scoreDocuments(docs, (doc) => predictionsFor(doc));
 * s.micro; // { gold, found, predicted, truePredictions, precision, recall, f1 }
 */

export const SECRET_TYPES = new Set([
  'GENERIC_SECRET', 'URL_PASSWORD', 'AWS_ACCESS_KEY', 'AWS_SECRET_KEY', 'GITHUB_TOKEN', 'GITLAB_TOKEN', 'GOOGLE_API_KEY',
  'GOOGLE_OAUTH_TOKEN', 'NPM_TOKEN', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'SLACK_TOKEN', 'STRIPE_KEY', 'JWT', 'PRIVATE_KEY',
]);

export const family = (type) => (SECRET_TYPES.has(type) ? 'SECRET' : type);
const overlap = (a, b) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const inside = (inner, outer) => inner.start >= outer.start && inner.end <= outer.end;

/** Share of `span`'s characters covered by `cover` (a list of spans; overlaps count once). */
export function coveredShare(span, cover) {
  const length = span.end - span.start;
  if (length <= 0) return 0;
  const mask = new Uint8Array(length);
  for (const c of cover) {
    const from = Math.max(c.start, span.start);
    const to = Math.min(c.end, span.end);
    if (to > from) mask.fill(1, from - span.start, to - span.start);
  }
  let n = 0;
  for (let i = 0; i < length; i++) n += mask[i];
  return n / length;
}

const sameFamily = (spans, type) => spans.filter((s) => family(s.type) === family(type));
/** True when the gold span is found by the predictions (rule above). */
export const goldFound = (g, preds) => coveredShare(g, sameFamily(preds, g.type)) >= 0.5;
/** True when the prediction is correct against the gold spans (rule above). */
export const predictionCorrect = (p, gold) => coveredShare(p, sameFamily(gold, p.type)) >= 0.5;

/** Distinct characters of `spans`, and how many of them no span of `cover` covers. */
function uncovered(spans, cover, length) {
  const mask = new Uint8Array(length);
  for (const s of spans) mask.fill(1, s.start, s.end);
  let total = 0;
  for (let i = 0; i < length; i++) total += mask[i];
  for (const c of cover) mask.fill(0, Math.max(0, c.start), Math.min(length, c.end));
  let left = 0;
  for (let i = 0; i < length; i++) left += mask[i];
  return { total, left };
}

const emptyRow = () => ({ gold: 0, found: 0, predicted: 0, truePredictions: 0, goldChars: 0, visibleChars: 0 });
const ratio = (a, b) => (b ? a / b : null);

/**
 * Scores every document. `predict(doc)` returns [{start, end, type}] for the document's text.
 * Returns micro figures, per-type rows, hard negatives (overall and by kind) and visible characters.
 */
export function scoreDocuments(docs, predict) {
  const types = new Map();
  const row = (t) => types.get(t) ?? types.set(t, emptyRow()).get(t);
  const negativeKinds = new Map();
  let negatives = 0;
  let negativesFlagged = 0;
  let goldChars = 0;
  let visibleChars = 0;

  for (const doc of docs) {
    const preds = predict(doc);
    const scope = doc.scope ? new Set(doc.scope.map(family)) : null;
    const inScope = scope ? preds.filter((p) => scope.has(family(p.type))) : preds;

    for (const g of doc.spans) {
      const r = row(g.type);
      r.gold++;
      if (goldFound(g, preds)) r.found++;
      const v = uncovered([g], preds, doc.text.length);
      r.goldChars += v.total;
      r.visibleChars += v.left;
    }
    const all = uncovered(doc.spans, preds, doc.text.length);
    goldChars += doc.spans.length ? all.total : 0;
    visibleChars += doc.spans.length ? all.left : 0;

    for (const p of inScope) {
      const correct = predictionCorrect(p, doc.spans);
      if (!correct) {
        if ((doc.ignore ?? []).some((z) => inside(p, z))) continue;
        if (doc.spans.some((g) => inside(p, g))) continue;
      }
      const r = row(p.type);
      r.predicted++;
      if (correct) r.truePredictions++;
    }

    for (const n of doc.negatives ?? []) {
      const kind = n.kind ?? 'other';
      const k = negativeKinds.get(kind) ?? negativeKinds.set(kind, { total: 0, flagged: 0 }).get(kind);
      const hit = inScope.some((p) => overlap(p, n) > 0);
      k.total++;
      negatives++;
      if (hit) {
        k.flagged++;
        negativesFlagged++;
      }
    }
  }

  let gold = 0, found = 0, predicted = 0, truePredictions = 0;
  const perType = {};
  for (const [t, r] of [...types].sort(([a], [b]) => a.localeCompare(b))) {
    gold += r.gold;
    found += r.found;
    predicted += r.predicted;
    truePredictions += r.truePredictions;
    perType[t] = { ...r, precision: ratio(r.truePredictions, r.predicted), recall: ratio(r.found, r.gold), visibleShare: ratio(r.visibleChars, r.goldChars) };
  }
  const precision = ratio(truePredictions, predicted);
  const recall = ratio(found, gold);
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null;
  return {
    documents: docs.length,
    micro: { gold, found, predicted, truePredictions, precision, recall, f1 },
    visible: { goldChars, visibleChars, share: ratio(visibleChars, goldChars) },
    negatives: { total: negatives, flagged: negativesFlagged, share: ratio(negativesFlagged, negatives), byKind: Object.fromEntries([...negativeKinds].sort(([a], [b]) => a.localeCompare(b))) },
    perType,
  };
}
