/**
 * Which column a value of a SQL `INSERT … VALUES (…), (…)` statement goes into, so a value in a
 * database dump is read as what its column says (`birth_date`, `phone`, `ssn`), as a CSV cell is
 * read under its header. The column names come from the statement's own column list, or else from
 * the `CREATE TABLE` of the same table earlier in the text (mysqldump writes rows without a list).
 * Each text is parsed once, in one forward pass over its statements; a lookup is a binary search.
 */

/** One value of a row: its characters inside the quotes, and the column it fills. */
interface RowValue {
  readonly start: number;
  readonly end: number;
  readonly column: string;
}

interface SqlIndex {
  readonly text: string;
  /** Values in text order. */
  readonly values: readonly RowValue[];
}

/** How far a statement's column list or table definition is read. */
const MAX_DEFINITION = 8192;
/** How many rows of one statement are read (a dump of 1,000 rows per statement is common). */
const MAX_ROWS = 10_000;

const INSERT = /\binsert[ \t\n]+(?:ignore[ \t\n]+)?into[ \t\n]+([`"[]?[\w.$]+[`"\]]?)[ \t\n]*(\([^()]{0,4096}\))?[ \t\n]*values[ \t\n]*/gi;
const CREATE_TABLE = /\bcreate[ \t\n]+(?:temporary[ \t\n]+)?table[ \t\n]+(?:if[ \t\n]+not[ \t\n]+exists[ \t\n]+)?([`"[]?[\w.$]+[`"\]]?)[ \t\n]*\(/gi;
/** Table-level clauses inside CREATE TABLE that define no column. */
const NOT_A_COLUMN = /^(?:primary|key|unique|constraint|index|foreign|check|fulltext|spatial)$/i;

/** A table or column name without its quotes, lower case. */
const bareName = (name: string): string => name.trim().replace(/^[`"[]|[`"\]]$/g, '').toLowerCase();

/**
 * The column names of a CREATE TABLE body starting at `from` (just after its opening parenthesis),
 * and where reading stopped (so a definition inside it is not read again: each character is read once).
 */
function tableColumns(text: string, from: number): { columns: string[]; end: number } {
  const columns: string[] = [];
  let depth = 0;
  let itemStart = from;
  const limit = Math.min(text.length, from + MAX_DEFINITION);
  let i = from;
  for (; i < limit; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
    else if ((ch === ',' && depth === 0) || (ch === ')' && depth === 0)) {
      const name = /^\s*([`"[]?[\w$]+[`"\]]?)/.exec(text.slice(itemStart, i));
      if (name && !NOT_A_COLUMN.test(bareName(name[1]!))) columns.push(bareName(name[1]!));
      itemStart = i + 1;
      if (ch === ')') break;
    } else if (ch === ';') break;
  }
  return { columns, end: i };
}

/** Whether only spaces stand between `at` and the "," or ")" that ends a value. */
function closesValue(text: string, at: number): boolean {
  let i = at;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text[i] === ',' || text[i] === ')' || i >= text.length;
}

/**
 * Reads the rows that start at `from` (the first "("), recording each value with its column.
 * Returns where reading stopped.
 */
function readRows(text: string, from: number, columns: readonly string[], values: RowValue[]): number {
  let i = from;
  for (let row = 0; row < MAX_ROWS && text[i] === '('; row++) {
    i++;
    let column = 0;
    for (;;) {
      while (text[i] === ' ' || text[i] === '\n' || text[i] === '\t' || text[i] === '\r') i++;
      let start = i;
      let end: number;
      if (text[i] === '\'' || text[i] === '"') {
        const quote = text[i]!;
        start = ++i;
        // A backslash escapes the next character; a quote ends the string only where a value ends
        // (before "," or ")"), so a doubled quote and an unescaped apostrophe ('O'Brien', as hand-written dumps have) stay inside.
        while (i < text.length && !(text[i] === quote && closesValue(text, i + 1))) i += text[i] === '\\' ? 2 : 1;
        end = i;
        i++;
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== ')' && text[i] !== '\n') i++;
        end = i;
        while (end > start && text[end - 1] === ' ') end--;
      }
      const name = columns[column];
      if (name !== undefined && end > start) values.push({ start, end, column: name });
      while (text[i] === ' ' || text[i] === '\t') i++;
      if (text[i] === ',') {
        i++;
        column++;
        continue;
      }
      if (text[i] === ')') i++;
      break;
    }
    while (text[i] === ' ' || text[i] === '\n' || text[i] === '\t' || text[i] === '\r') i++;
    if (text[i] !== ',') break;
    i++;
    while (text[i] === ' ' || text[i] === '\n' || text[i] === '\t' || text[i] === '\r') i++;
  }
  return i;
}

let cached: SqlIndex | undefined;

function indexOf(text: string): SqlIndex {
  if (cached && cached.text === text) return cached;
  const values: RowValue[] = [];
  if (/insert[ \t\n]+(?:ignore[ \t\n]+)?into/i.test(text)) {
    // Statements in text order: a table's definition comes before its rows.
    const tables = new Map<string, string[]>();
    const statements: { at: number; kind: 'create' | 'insert'; match: RegExpExecArray }[] = [];
    CREATE_TABLE.lastIndex = 0;
    for (let m = CREATE_TABLE.exec(text); m !== null; m = CREATE_TABLE.exec(text)) statements.push({ at: m.index, kind: 'create', match: m });
    INSERT.lastIndex = 0;
    for (let m = INSERT.exec(text); m !== null; m = INSERT.exec(text)) statements.push({ at: m.index, kind: 'insert', match: m });
    statements.sort((a, b) => a.at - b.at);
    let readUpTo = 0;
    for (const { kind, match } of statements) {
      // A statement inside text already read (a definition or rows) is not read again.
      if (match.index < readUpTo) continue;
      const table = bareName(match[1]!);
      const after = match.index + match[0].length;
      if (kind === 'create') {
        const definition = tableColumns(text, after);
        tables.set(table, definition.columns);
        readUpTo = definition.end;
        continue;
      }
      const columns = match[2] !== undefined ? match[2].slice(1, -1).split(',').map(bareName) : tables.get(table);
      if (columns === undefined || columns.length === 0) continue;
      readUpTo = readRows(text, after, columns, values);
    }
  }
  cached = { text, values };
  return cached;
}

/**
 * The lowercased column name of the SQL row value that [start, end) fills (inside its quotes, or
 * unquoted), or undefined when it is not a whole value of an INSERT row with known columns.
 * @example
 * const sql = "CREATE TABLE p (id int, dob date);\nINSERT INTO p VALUES (7,'1985-03-14');";
 * sqlColumnAt(sql, 58, 68); // 'dob'
 */
export function sqlColumnAt(text: string, start: number, end: number): string | undefined {
  const { values } = indexOf(text);
  if (values.length === 0) return undefined;
  let lo = 0;
  let hi = values.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]!.start <= start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return undefined;
  const value = values[found]!;
  if (end > value.end) return undefined;
  // The candidate fills the value, but for spaces around it.
  if (text.slice(value.start, start).trim() !== '' || text.slice(end, value.end).trim() !== '') return undefined;
  return value.column;
}
