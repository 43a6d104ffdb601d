/**
 * Where the normalised text holds a space that was a tab between digits (normalize.ts reads
 * "555<TAB>123" as the grouped number "555 123", so tabs cannot hide a number). A TSV row keeps
 * its other tabs as cell delimiters; column context (detectors/context/table-columns.ts) asks here
 * so that a cell boundary between two numeric cells ("1987<TAB>01/06/2020") still splits the row.
 *
 * Kept for the last normalised text only: a scan is synchronous, and the detectors ask about the
 * text being scanned.
 *
 * @example
 * noteTabSpaces('a 1 2', new Set([3]));
 * wasTab('a 1 2', 3); // true
 */
let noted: { readonly text: string; readonly at: ReadonlySet<number> } | null = null;

/** Records the tab-born spaces of a normalised text (an empty set forgets the last one). */
export function noteTabSpaces(text: string, at: ReadonlySet<number>): void {
  noted = at.size ? { text, at } : null;
}

/** Whether the space at `index` of `text` was a tab between digits in the original. */
export function wasTab(text: string, index: number): boolean {
  return noted !== null && noted.text === text && noted.at.has(index);
}
