import { sanitize } from './sanitize.js';

/** A pipe table: header cells and rows of cells, as in the seed's LEAD SOURCES. */
export interface Table {
  headers: string[];
  rows: string[][];
}

/** Makes a value safe for one table cell: one line, `|` escaped (and a backslash right before it), never empty. */
export function tableCell(value: string): string {
  const clean = sanitize(value)
    .replace(/\\(?=\|)/g, '\\\\')
    .replace(/\|/g, '\\|');
  return clean === '' ? '—' : clean;
}

/** Renders a markdown-style pipe table: `| a | b |`, then `|---|---|` under the header, then one line per row. */
export function renderTable(table: Table): string[] {
  const line = (cells: readonly string[]): string => `| ${cells.map(tableCell).join(' | ')} |`;
  const headers = table.headers.map(tableCell);
  const separator = `|${headers.map((h) => '-'.repeat(h.length + 2)).join('|')}|`;
  return [line(table.headers), separator, ...table.rows.map(line)];
}
