/**
 * A hard limit on how much scanning one request may cost, counted in work units (characters times
 * detector passes, plus characters of every match examined) because workerd's clocks do not advance
 * during CPU work. When it runs out the scan throws, and the call fails closed (dlp_unavailable).
 */

/** Default per request: 64 M units, e.g. 4 MB of text through 16 pattern passes. */
export const DEFAULT_SCAN_BUDGET_UNITS = 64 * 1024 * 1024;

/**
 * Findings one request may produce. Each finding costs the pipeline a salted hash, an audit entry
 * and possibly a placeholder; past this the input is treated as an attack on the scanner.
 */
export const MAX_FINDINGS_PER_REQUEST = 2000;

/**
 * Work units one validator call costs. A validator (a name's context checks, a checksum, a phone
 * plan lookup) costs microseconds where a character through a pattern costs nanoseconds; without
 * this charge, 2 MB of one name repeated ("John Smith John Smith ...") paid ~400,000 validations,
 * seconds of CPU, before any limit stopped it. At 512 units, the default budget allows ~100,000
 * validations per request, several times what a 4 MB prompt of ordinary prose needs.
 */
export const VALIDATION_UNITS = 512;

/** Overlapping detectors can match one value several times (a number read as phone, licence and SSN). */
const MATCHES_PER_FINDING = 4;

/** Thrown when a request's scan budget is spent; never carries text. */
export class ScanBudgetExceededError extends Error {
  override name = 'ScanBudgetExceededError';
  constructor(readonly limit: number) {
    super(`DLP scan budget of ${limit} work units exceeded`);
  }
}

/**
 * @example
 * const budget = new ScanBudget(1_000);
 * budget.charge(600); budget.charge(600); // throws ScanBudgetExceededError
 */
export class ScanBudget {
  private spent = 0;
  constructor(
    readonly limit: number = DEFAULT_SCAN_BUDGET_UNITS,
    readonly maxFindings: number = MAX_FINDINGS_PER_REQUEST,
  ) {}
  charge(units: number): void {
    this.spent += units;
    if (this.spent > this.limit) throw new ScanBudgetExceededError(this.limit);
  }
  private matches = 0;
  /**
   * Counts detector matches before overlaps are resolved; throws past four per finding allowed.
   * Input made of one value repeated (128 KB of "Ms. Tr-") would otherwise pay every validator
   * and context check before the findings limit could stop it.
   */
  noteMatch(): void {
    if (++this.matches > this.maxFindings * MATCHES_PER_FINDING) throw new ScanBudgetExceededError(this.limit);
  }
  private findings = 0;
  /** Counts findings kept; throws past `maxFindings`. */
  noteFindings(count: number): void {
    this.findings += count;
    if (this.findings > this.maxFindings) throw new ScanBudgetExceededError(this.limit);
  }
  get used(): number {
    return this.spent;
  }
}
