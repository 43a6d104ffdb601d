// The labeled corpus for the default Tier 3 model, generated from a seed (topics.mjs: private
// facts, secrecy cues, requests and benign look-alikes by topic; background.mjs: ordinary
// traffic, generated; repository-text.mjs: real code and prose, passed in as `ordinary`). Half the
// documents are sensitive, half clean; of the clean ones, a little over half are ordinary traffic
// and the rest look-alikes on the sensitive topics.
import { backgroundDocument } from './background.mjs';
import { FILLER, REQUESTS, SECRECY, SECRECY_AFTER, SLOTS, TOPICS } from './topics.mjs';
import { MORE } from './topics-more.mjs';

/** mulberry32: a small deterministic PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (r, list) => list[Math.floor(r() * list.length)];
const fill = (r, template) => template.replace(/\{(\w+)\}/g, (_, slot) => pick(r, SLOTS[slot]));
const sentence = (s) => s[0].toUpperCase() + s.slice(1);

/**
 * The templates of one split: 'test' keeps the last fact, the last ask and the last two
 * look-alikes of every topic; 'train' has the rest, so held-out scores measure generalisation
 * to unseen sentences, not recall of memorised ones.
 */
function templatesOf(topic, split) {
  const t = TOPICS[topic];
  const more = MORE[topic] ?? { facts: [], asks: [], lookalikes: [] };
  // topics-more.mjs adds training templates only: the held-out tail stays the same sentences.
  const part = (list, held, extra) => (split === 'test' ? list.slice(-held) : [...list.slice(0, -held), ...extra]);
  return { facts: part(t.facts, 1, more.facts), asks: part(t.asks, 1, more.asks), lookalikes: part(t.lookalikes, 2, more.lookalikes) };
}

/** A sensitive document: a private fact with or without secrecy cues and a request, or an ask. */
function sensitiveText(r, templates) {
  if (r() < 0.3) return fill(r, pick(r, templates.asks));
  const fact = fill(r, pick(r, templates.facts));
  const before = r() < 0.55 ? pick(r, SECRECY) : '';
  const after = pick(r, SECRECY_AFTER);
  const core = before ? `${before}${fact}${after}` : `${sentence(fact)}${after}`;
  return `${pick(r, REQUESTS)}${core}`;
}

/**
 * A benign look-alike, sometimes behind the same requests a sensitive text gets, so that the
 * way a request is phrased ("make this sound more professional") is no sign of either class.
 */
function lookalikeText(r, templates) {
  const text = fill(r, pick(r, templates.lookalikes));
  return r() < 0.35 ? `${pick(r, REQUESTS)}${text}` : text;
}

/**
 * Generates `count` documents, half sensitive and half clean, each `{ id, text, label, topic }`
 * with label 'sensitive' or 'clean'. `ordinary`: pieces of real ordinary text, half of the
 * ordinary-traffic documents (the other half generated).
 * @example
 * generateCorpus(1, 4, 'train').map((d) => d.label); // ['sensitive', 'clean', 'sensitive', 'clean']
 */
export function generateCorpus(seed, count, split = 'train', ordinary = []) {
  const r = rng(seed);
  const topics = Object.keys(TOPICS);
  const docs = [];
  for (let i = 0; i < count; i++) {
    const sensitive = i % 2 === 0;
    const background = !sensitive && r() < 0.55;
    const topic = background ? 'ordinary' : pick(r, topics);
    const real = background && ordinary.length > 0 && r() < 0.5;
    let text = real ? pick(r, ordinary) : background ? backgroundDocument(r) : sensitive ? sensitiveText(r, templatesOf(topic, split)) : lookalikeText(r, templatesOf(topic, split));
    if (r() < 0.4) text = `${text} ${fill(r, pick(r, FILLER))}`;
    if (r() < 0.15) text = `${fill(r, pick(r, FILLER))} ${text}`;
    // Some prompts carry the topic inside other material (a pasted log, notes, code).
    if (!background && r() < 0.12) text = r() < 0.5 ? `${backgroundDocument(r)}\n\n${text}` : `${text}\n\n${backgroundDocument(r)}`;
    docs.push({ id: `${sensitive ? 's' : 'c'}-${i}`, text, label: sensitive ? 'sensitive' : 'clean', topic });
  }
  return docs;
}
