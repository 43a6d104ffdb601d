/**
 * Typing noise for the plain words around values in chats and tickets: a swapped pair of letters,
 * a dropped letter or a doubled one in one longer word, as hurried typing leaves them. Only text
 * with nothing labelled in it passes through here, so labels stay exact.
 * @example
 * typo(rng, 'says the client wants it by friday'); // e.g. 'says the cleint wants it by friday'
 */
export function typo(rng, text, rate = 0.35) {
  if (!rng.chance(rate)) return text;
  const words = [...text.matchAll(/[a-z]{6,}/g)];
  if (!words.length) return text;
  const w = rng.pick(words);
  const i = rng.int(1, w[0].length - 2);
  const s = w[0];
  const changed = rng.pick([
    () => s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2),
    () => s.slice(0, i) + s.slice(i + 1),
    () => s.slice(0, i) + s[i] + s.slice(i),
  ])();
  return text.slice(0, w.index) + changed + text.slice(w.index + s.length);
}
