/**
 * A small seeded random source (SplitMix32 state step, then a murmur-style finaliser) with the
 * draws the document writers need. Deterministic across Node versions: integer arithmetic only.
 * @example
 * const rng = createRng(4409);
 * rng.pick(['a', 'b']); rng.int(1, 6); rng.chance(0.3); rng.digits(4); // '0831'
 */

/** @param {number} seed */
export function createRng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  return {
    next,
    int,
    pick,
    chance: (p) => next() < p,
    /** One of [weight, value] pairs, by weight. */
    weighted(pairs) {
      const total = pairs.reduce((n, [w]) => n + w, 0);
      let r = next() * total;
      for (const [w, v] of pairs) if ((r -= w) < 0) return v;
      return pairs[pairs.length - 1][1];
    },
    /** `n` decimal digits (leading zeros allowed). */
    digits: (n) => Array.from({ length: n }, () => String(int(0, 9))).join(''),
    /** `n` characters of `alphabet`. */
    chars: (n, alphabet) => Array.from({ length: n }, () => alphabet[int(0, alphabet.length - 1)]).join(''),
    /** A shuffled copy. */
    shuffle(list) {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) { const j = int(0, i); [out[i], out[j]] = [out[j], out[i]]; }
      return out;
    },
    /** `k` distinct items of `list`. */
    sample: (list, k) => {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) { const j = int(0, i); [out[i], out[j]] = [out[j], out[i]]; }
      return out.slice(0, k);
    },
  };
}
