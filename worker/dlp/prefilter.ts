/**
 * Which detectors' prefilter keywords occur in a text, worked out from the keywords the candidate
 * pass saw (a handful per text) rather than by asking each detector about each of its keywords
 * (hundreds, most of them absent): on short messages that loop cost more than the scan itself.
 */

/**
 * Built once per compiled configuration from each detector's prefilter keyword ids.
 * @example
 * const index = new PrefilterIndex([[0, 1], undefined, [1]]);
 * index.passing(Int32Array.of(1), 1); // Uint8Array [1, 1, 1]: detector 0 and 2 saw keyword 1; detector 1 has no prefilter
 */
export class PrefilterIndex {
  /** Per keyword id, the detectors (indices) that list it. */
  private readonly detectorsOf: number[][] = [];
  /** 1 for detectors without a prefilter (they always run), the start of each text's verdicts. */
  private readonly always: Uint8Array;
  private readonly verdicts: Uint8Array;

  constructor(keywordIdsByDetector: readonly (readonly number[] | undefined)[]) {
    this.always = Uint8Array.from(keywordIdsByDetector, (ids) => (ids ? 0 : 1));
    this.verdicts = new Uint8Array(keywordIdsByDetector.length);
    keywordIdsByDetector.forEach((ids, detector) => {
      for (const id of ids ?? []) (this.detectorsOf[id] ??= []).push(detector);
    });
  }

  /** Per detector, 1 when it has no prefilter or one of its keywords is among `seen[0, count)`. Reused for the next text. */
  passing(seen: Int32Array, count: number): Uint8Array {
    const verdicts = this.verdicts;
    verdicts.set(this.always);
    for (let k = 0; k < count; k++) for (const detector of this.detectorsOf[seen[k]!] ?? []) verdicts[detector] = 1;
    return verdicts;
  }
}
