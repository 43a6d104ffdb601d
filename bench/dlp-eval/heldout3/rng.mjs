/**
 * A small seeded random source (mulberry32) with the helpers the writers use. Deterministic for a
 * seed on every platform, so a corpus is reproducible from its seed alone.
 * @example
 * const rng = createRng(7);
 * rng.pick(['a', 'b']); rng.int(1, 6); rng.chance(0.3);
 */
export function createRng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  return {
    next,
    int,
    pick,
    chance: (p) => next() < p,
    /** One item of [[weight, item], …]. */
    weighted(pairs) {
      const total = pairs.reduce((n, [w]) => n + w, 0);
      let r = next() * total;
      for (const [w, item] of pairs) if ((r -= w) < 0) return item;
      return pairs[pairs.length - 1][1];
    },
    digits: (n) => Array.from({ length: n }, () => int(0, 9)).join(''),
    chars: (n, alphabet) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''),
    shuffle(list) {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) { const j = Math.floor(next() * (i + 1)); [out[i], out[j]] = [out[j], out[i]]; }
      return out;
    },
  };
}
