import Papa from 'papaparse';
import { columnCountError, type QuoteProblem, quoteError } from './csv-errors.js';
import { decodeText } from './decode.js';

/** Data rows read from one piece of the file: each row's cells and its row number as a spreadsheet shows it. */
export interface CsvRows {
  cells: string[][];
  /** The header is row 1; empty lines are skipped but keep their number, as a spreadsheet shows them. */
  rows: number[];
}

/** What reading a CSV file calls back with; the next rows are read only once `rows` resolves. */
export interface CsvReader {
  /** The header row, the file's first non-empty line. */
  header: (cells: string[]) => void;
  rows: (rows: CsvRows) => Promise<void> | undefined;
}

type Newline = '\n' | '\r\n' | '\r';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** The line break of a file, from its first one; undefined when the text has none yet. */
function newlineOf(text: string, last: boolean): Newline | undefined {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr !== -1 && (lf === -1 || cr < lf)) {
    if (cr === text.length - 1 && !last) return undefined;
    return cr + 1 === lf ? '\r\n' : '\r';
  }
  if (lf !== -1 || last) return '\n';
  return undefined;
}

/** How many times `needle` occurs in `text` before `end`. */
function occurrences(text: string, needle: string, end: number): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1 && at < end; at = text.indexOf(needle, at + 1)) count += 1;
  return count;
}

const startsValue = (text: string, at: number): boolean => {
  if (at === 0) return true;
  const before = text.charCodeAt(at - 1);
  return before === COMMA || before === LF || before === CR;
};

/**
 * The first quote in `text` (which starts at a row) that is not where a CSV quote may be: opening a value,
 * doubled inside a quoted value, or closing it before a comma or line break. The parser accepts such quotes
 * leniently, so they are looked for here; only quotes are visited, so text without quotes costs one search.
 * An unclosed quote is a problem only at the end of the file: before it, the rest of the value is still to come.
 */
function findQuoteProblem(
  text: string,
  last: boolean,
): { kind: QuoteProblem['kind']; at: number } | undefined {
  let at = text.indexOf('"');
  while (at !== -1) {
    if (!startsValue(text, at)) return { kind: 'opening', at };
    const open = at;
    let close = text.indexOf('"', at + 1);
    for (;;) {
      if (close === -1) return last ? { kind: 'unclosed', at: open } : undefined;
      if (close === text.length - 1) return undefined;
      const next = text.charCodeAt(close + 1);
      if (next === QUOTE) {
        close = text.indexOf('"', close + 2);
        continue;
      }
      if (next !== COMMA && next !== LF && next !== CR) return { kind: 'closing', at: close };
      break;
    }
    at = text.indexOf('"', close + 1);
  }
  return undefined;
}

/**
 * Reads a CSV export with papaparse, piece by piece as the file arrives: decodes it (see `decodeText`), skips
 * empty lines, hands over the header and then every data row with its row number. A file that is not valid CSV
 * throws an InputError naming the line to look at: a quote never closed, a misplaced quote, or a row with another
 * number of columns than the header.
 */
export async function readCsv(input: AsyncIterable<Buffer | string>, reader: CsvReader): Promise<void> {
  let parser: Papa.Parser | undefined;
  let newline: Newline | undefined;
  let pending = '';
  // Text is parsed again only once it has doubled since a pass that found no whole row (one very long value).
  let waitFor = 0;
  let line = 1;
  let columns = -1;
  let records = 0;
  let emptyLines = 0;

  const consume = async (text: string, last: boolean): Promise<string> => {
    newline ??= newlineOf(text, last);
    if (newline === undefined) return text;
    parser ??= new Papa.Parser({ delimiter: ',', newline, quoteChar: '"' });
    const quoted = text.indexOf('"') !== -1;
    const found = quoted ? findQuoteProblem(text, last) : undefined;
    const parsed = parser.parse(text, 0, !last) as { data: string[][]; meta: { cursor: number } };
    const data = parsed.data;
    const end = last ? text.length : parsed.meta.cursor;
    const lineAt = (at: number): number => line + occurrences(text, newline ?? '\n', at);
    const problem = (): QuoteProblem | undefined => {
      if (found === undefined) return undefined;
      if (found.kind !== 'unclosed') return { kind: found.kind, line: lineAt(found.at) };
      const trailing = text.endsWith(newline ?? '\n') ? 1 : 0;
      return { kind: 'unclosed', line: lineAt(found.at), end: lineAt(text.length) - trailing };
    };
    // The line a row ends on: one line per row before it, plus the line breaks inside quoted values.
    const lineOfRow = (index: number): number => {
      let at = line + index;
      for (let i = 0; i <= index; i++)
        for (const cell of data[i] ?? [])
          at += occurrences(cell, newline === '\r' ? '\r' : '\n', cell.length);
      return at;
    };
    const batch: CsvRows = { cells: [], rows: [] };
    for (let i = 0; i < data.length; i++) {
      const cells = data[i] as string[];
      if (cells.length === 1 && cells[0] === '') {
        emptyLines += 1;
        continue;
      }
      if (columns === -1) {
        const quote = problem();
        if (quote !== undefined && quote.line <= lineOfRow(i)) throw quoteError(quote);
        columns = cells.length;
        reader.header(cells);
        continue;
      }
      if (cells.length !== columns) {
        const rowLine = lineOfRow(i);
        const quote = problem();
        throw quote !== undefined && quote.line <= rowLine
          ? quoteError(quote)
          : columnCountError(rowLine, cells.length);
      }
      records += 1;
      batch.cells.push(cells);
      batch.rows.push(records + emptyLines + 1);
    }
    const quote = problem();
    if (quote !== undefined) throw quoteError(quote);
    if (batch.cells.length > 0) await reader.rows(batch);
    if (end === 0 && !last) {
      waitFor = text.length * 2;
      return text;
    }
    line += quoted ? occurrences(text, newline, end) : data.length;
    return text.slice(end);
  };

  let first = true;
  for await (const piece of decodeText(input)) {
    const text = first ? piece.replace(/^\uFEFF/, '') : pending + piece;
    first = false;
    if (text.length < waitFor) {
      pending = text;
      continue;
    }
    waitFor = 0;
    pending = await consume(text, false);
  }
  if (pending.length > 0) await consume(pending, true);
}
