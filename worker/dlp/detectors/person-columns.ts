/**
 * The column header above a cell of a CSV/TSV block, for names: the header is the first line of a
 * block of delimited lines (a data row of plain words such as "Pierluigi,Morelli,Rome" is not taken
 * for a header), and quoted cells may hold the delimiter ("Castillo, Chidi"). Blocks are found once
 * per text in one pass over its lines; each lookup is a binary search plus a walk within one line.
 */
import { hasNewline, lineStartAt } from './context/line-index.js';

interface Block {
  /** Offsets of the header line and of the end of the block's last line. */
  readonly start: number;
  readonly end: number;
  readonly delimiter: string;
  readonly columns: readonly string[];
}

const HEADER_CELL = /^\s*["']?[A-Za-z][A-Za-z0-9 _.#/()-]{0,40}["']?\s*$/;
const DELIMITERS = [',', '\t', ';', '|'];
const MAX_LINE = 4096;

let cached: { text: string; blocks: Block[] } | undefined;

/** Cells of one line, with delimiters inside double quotes kept in their cell. */
function cellsOf(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (ch === delimiter && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

function delimiterOf(line: string): string | undefined {
  return DELIMITERS.find((d) => line.includes(d));
}

function blocksOf(text: string): Block[] {
  if (cached && cached.text === text) return cached.blocks;
  const blocks: Block[] = [];
  let open: { start: number; delimiter: string; columns: string[]; end: number } | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = lineEnd - lineStart <= MAX_LINE ? text.slice(lineStart, lineEnd).replace(/\r$/, '') : '';
    if (open && line.includes(open.delimiter)) open.end = lineEnd;
    else {
      if (open) blocks.push(open);
      open = undefined;
      const delimiter = delimiterOf(line);
      if (delimiter) {
        const cells = cellsOf(line, delimiter);
        if (cells.length >= 2 && cells.every((c) => HEADER_CELL.test(c))) {
          open = { start: lineStart, end: lineEnd, delimiter, columns: cells.map((c) => c.trim().replace(/^["']|["']$/g, '').toLowerCase()) };
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  if (open) blocks.push(open);
  cached = { text, blocks };
  return blocks;
}

/**
 * The lowercased header of the column whose cell holds [start, end) (quotes and spaces around the
 * value allowed), when that cell is in a data row of a delimited block; otherwise undefined.
 * @example
 * nameColumnHeaderAt('first_name,last_name\nAna,Lima\n', 21, 24); // 'first_name'
 */
export function nameColumnHeaderAt(text: string, start: number, end: number): string | undefined {
  if (!hasNewline(text)) return undefined;
  const blocks = blocksOf(text);
  let lo = 0;
  let hi = blocks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.start < start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return undefined;
  const block = blocks[found]!;
  const lineStart = lineStartAt(text, start);
  if (lineStart <= block.start || end > block.end || start - lineStart > MAX_LINE) return undefined;
  const before = cellsOf(text.slice(lineStart, start), block.delimiter);
  if (!/^\s*["']?$/.test(before[before.length - 1]!)) return undefined;
  const after = text.slice(end, Math.min(block.end, end + 64));
  if (!/^["']?\s*(?:$|[\r\n]|[,\t;|])/.test(after)) return undefined;
  return block.columns[before.length - 1];
}
