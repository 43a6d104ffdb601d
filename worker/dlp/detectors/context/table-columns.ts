/**
 * Which column header sits above a cell of a CSV/TSV block, so a value under `dob`, `phone` or
 * `first_name` is read as what its column says. Header lines are found once per text (one linear
 * pass over line starts), then each lookup is a binary search plus a bounded walk within one line.
 */
import { wasTab } from '../../tab-spaces.js';
import { hasNewline, lineEndAt, lineStartAt } from './line-index.js';
import { hl7FieldAt } from './hl7-fields.js';
import { recordKeyAt } from './record-keys.js';
import { sqlColumnAt } from './sql-columns.js';

interface HeaderLine {
  readonly start: number;
  readonly delimiter: string;
  readonly columns: readonly string[];
}

interface TableIndex {
  readonly text: string;
  /** Header lines in text order. */
  readonly headers: readonly HeaderLine[];
}

/**
 * A header cell: a short label in any script (first_name, Date of Birth, "phone", Fødselsdato,
 * 生年月日), or a quoted one that may hold the delimiter ("Last, First").
 */
const HEADER_CELL = /^\s*(?:"\p{L}[\p{L}\p{N} _.#/(),;|-]{0,40}"|'?\p{L}[\p{L}\p{N} _.#/()-]{0,40}'?)\s*$/u;

/** The cells of a line split at `delimiter`, except inside double quotes (RFC 4180). */
function splitCells(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let quoted = false;
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) {
      cells.push(line.slice(from, i));
      from = i + 1;
    }
  }
  cells.push(line.slice(from));
  return cells;
}
const DELIMITERS = [',', '\t', ';', '|'];
/** Only this much of a line is inspected as a possible header. */
const MAX_HEADER_LINE = 600;

let cached: TableIndex | undefined;

function headerOf(line: string, start: number): HeaderLine | undefined {
  for (const delimiter of DELIMITERS) {
    if (!line.includes(delimiter)) continue;
    const cells = splitCells(line, delimiter);
    if (cells.length < 2 || !cells.every((c) => HEADER_CELL.test(c))) continue;
    // A data row of letters-first values ("Aug 26, 1972", S62975977, "June 27, 2025") is not a header: headers hold few digits.
    if (cells.filter((c) => /\d/.test(c)).length > 1) continue;
    return { start, delimiter, columns: cells.map((c) => c.trim().replace(/^["']|["']$/g, '').toLowerCase()) };
  }
  return undefined;
}

/**
 * ASCII characters a header line can hold: those of HEADER_CELL, the delimiters and ASCII spaces.
 * Any other ASCII character rules the line out before it is split (most lines of prose and code).
 */
const HEADER_LINE_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 _.#/()-"\',\t;|\r\v\f') HEADER_LINE_CHAR[c.charCodeAt(0)] = 1;

/** Characters other than spaces a header cell can hold: a letter, 40 more and two quotes. */
const MAX_CELL_CHARS = 43;

/**
 * Whether [from, to) holds only characters a header line can hold, at least one delimiter, and no
 * stretch between delimiters longer than a header cell (prose with a comma); non-ASCII characters
 * are left to headerOf.
 */
function mayBeHeaderLine(text: string, from: number, to: number): boolean {
  let delimiter = false;
  let cellChars = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) continue;
    if (HEADER_LINE_CHAR[c] === 0) return false;
    if (c === 44 || c === 9 || c === 59 || c === 124) {
      delimiter = true;
      cellChars = 0;
    } else if (c > 32 && ++cellChars > MAX_CELL_CHARS) return false;
  }
  return delimiter;
}

/**
 * Whether the line before a header-shaped line is a row of the same table (same delimiter, same
 * number of cells): then the line is a data row whose cells all happen to start with letters
 * ("X1234567,NY", "Ana Lima,Lisbon,Sales"), not a header, and the rows below it keep the header
 * above. Only a table's first line names its columns.
 */
function continuesTable(text: string, previousStart: number, previousEnd: number, header: HeaderLine): boolean {
  if (previousStart < 0 || previousEnd - previousStart > MAX_HEADER_LINE * 4) return false;
  const previous = text.slice(previousStart, previousEnd).replace(/\r$/, '');
  return previous.includes(header.delimiter) && splitCells(previous, header.delimiter).length === header.columns.length;
}

function indexOf(text: string): TableIndex {
  if (cached && cached.text === text) return cached;
  const headers: HeaderLine[] = [];
  let lineStart = 0;
  let previousStart = -1;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const length = lineEnd - lineStart;
    // A header is followed by a data line (there is a newline after it).
    if (length > 2 && length <= MAX_HEADER_LINE && lineEnd < text.length && mayBeHeaderLine(text, lineStart, lineEnd)) {
      const header = headerOf(text.slice(lineStart, lineEnd).replace(/\r$/, ''), lineStart);
      if (header && !continuesTable(text, previousStart, lineStart - 1, header)) headers.push(header);
    }
    previousStart = lineStart;
    lineStart = lineEnd + 1;
  }
  cached = { text, headers };
  return cached;
}

/**
 * The lowercased header of the column holding [start, end), when the value is a whole cell of a
 * delimited row below a header line with the same delimiter; for a "Key | value" record line, its
 * own key (record-keys.ts); for a value of a SQL INSERT row, its column (sql-columns.ts); for a
 * field of an HL7 v2 segment, the field's meaning (hl7-fields.ts); otherwise undefined.
 * @example
 * columnHeaderAt('id,dob\n7,1985-03-14\n', 10, 20); // 'dob'
 * columnHeaderAt('Name | Ana\nPh | +1-852-741-7208', 16, 31); // 'ph'
 */
export function columnHeaderAt(text: string, start: number, end: number): string | undefined {
  const key = recordKeyAt(text, start);
  if (key !== undefined) return key;
  const field = hl7FieldAt(text, start, end) ?? sqlColumnAt(text, start, end);
  if (field !== undefined) return field;
  if (!hasNewline(text)) return undefined;
  const { headers } = indexOf(text);
  if (headers.length === 0) return undefined;
  let lo = 0;
  let hi = headers.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (headers[mid]!.start < start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return undefined;
  const header = headers[found]!;
  const lineStart = lineStartAt(text, start);
  if (lineStart <= header.start) return undefined;
  const lineEnd = lineEndAt(text, end);
  if (lineEnd - lineStart > 4096) return undefined;
  const cell = cellAround(text, lineStart, lineEnd, header.delimiter, start, end);
  return cell === undefined ? undefined : header.columns[cell];
}

/**
 * Whether a value with `before` and `after` it inside its cell fills the cell: only quotes and
 * spaces around it, or, inside a quoted cell, one delimiter-separated part of it ("Castillo, Chidi").
 */
function fillsCell(before: string, after: string, delimiter: string): boolean {
  if (/^\s*["']?$/.test(before) && /^["']?\s*$/.test(after)) return true;
  if (!/^\s*"/.test(before) || !/"\s*$/.test(after)) return false;
  const inside = before.replace(/^\s*"/, '');
  const rest = after.replace(/"\s*$/, '');
  return (inside === '' || /[^\S\n]?$/.test(inside) && inside.trimEnd().endsWith(delimiter)) && (rest === '' || rest.trimStart().startsWith(delimiter));
}

/**
 * The index of the cell of the row [lineStart, lineEnd) that [start, end) fills (allowing quotes and
 * spaces around the value), or undefined. Delimiters inside double-quoted cells ("Castillo, Chidi")
 * do not split, as in RFC 4180 CSV, so the columns after a quoted name keep their headers.
 */
function cellAround(text: string, lineStart: number, lineEnd: number, delimiter: string, start: number, end: number): number | undefined {
  let column = 0;
  let cellStart = lineStart;
  let quoted = false;
  let blank = true;
  for (let i = lineStart; i <= lineEnd; i++) {
    // A tab between two numeric cells was read as a space (tab-spaces.ts); it still ends a cell.
    const ch = i >= lineEnd || (delimiter === '\t' && text.charCodeAt(i) === 32 && wasTab(text, i)) ? delimiter : text[i];
    if (quoted) {
      if (ch !== '"') continue;
      if (text[i + 1] === '"') i++;
      else quoted = false;
      continue;
    }
    if (ch === '"' && blank) quoted = true;
    if (ch !== delimiter) {
      if (ch !== ' ' && ch !== '\t') blank = false;
      continue;
    }
    if (i >= end) {
      if (cellStart > start) return undefined;
      return fillsCell(text.slice(cellStart, start), text.slice(end, i).replace(/\r$/, ''), delimiter) ? column : undefined;
    }
    column++;
    cellStart = i + 1;
    blank = true;
  }
  return undefined;
}
