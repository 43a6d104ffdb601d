/**
 * Merges consecutive ascending runs of one typed array into one ascending list: the positions
 * several anchors allow arrive one anchor after another, each already in order, so merging them
 * costs a linear pass per run where a sort would compare its way through all of them.
 */

/** Scratch space for the merges, reused (scans are synchronous). */
let scratch = new Int32Array(1024);

/**
 * Sorts `values[0, bounds[bounds.length - 1])`, made of the ascending runs [bounds[i - 1], bounds[i])
 * (bounds[0] is 0), and returns the array that holds the result (`values` or the scratch buffer).
 * @example
 * mergeAscendingRuns(Int32Array.of(1, 5, 9, 2, 3), [0, 3, 5]); // Int32Array [1, 2, 3, 5, 9]
 */
export function mergeAscendingRuns(values: Int32Array, bounds: readonly number[]): Int32Array {
  const count = bounds[bounds.length - 1]!;
  if (scratch.length < count) scratch = new Int32Array(Math.max(count, scratch.length * 2));
  let from: Int32Array = values;
  let to: Int32Array = scratch;
  let runs = bounds.slice();
  while (runs.length > 2) {
    const merged = [0];
    for (let r = 0; r + 1 < runs.length; r += 2) {
      const lo = runs[r]!;
      const mid = runs[r + 1]!;
      const hi = r + 2 < runs.length ? runs[r + 2]! : mid;
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) to[k++] = from[i]! <= from[j]! ? from[i++]! : from[j++]!;
      while (i < mid) to[k++] = from[i++]!;
      while (j < hi) to[k++] = from[j++]!;
      merged.push(hi);
    }
    runs = merged;
    [from, to] = [to, from];
  }
  return from;
}
