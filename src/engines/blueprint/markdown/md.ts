import { sanitize, sanitizeLines } from '../layout/sanitize.js';
import { renderTable, type Table } from '../layout/table.js';

/** Markdown lines of one document part; parts are joined with a blank line between them. */
export type Part = string[];

/** A heading of the given level, its text on one line. */
export function heading(level: number, text: string): Part {
  return [`${'#'.repeat(level)} ${sanitize(text)}`];
}

/** A bullet list, one line per item; empty items are left out. */
export function list(items: readonly string[]): Part {
  return items
    .map(sanitize)
    .filter((i) => i !== '')
    .map((i) => `- ${i}`);
}

/** A numbered list, one line per item; empty items are left out. */
export function numbered(items: readonly string[]): Part {
  return items
    .map(sanitize)
    .filter((i) => i !== '')
    .map((i, n) => `${n + 1}. ${i}`);
}

/** `- **Label:** value` lines. */
export function facts(pairs: readonly (readonly [string, string])[]): Part {
  return pairs.map(([label, value]) => `- **${label}:** ${sanitize(value)}`);
}

/** A pipe table with `|` escaped in every cell. */
export function table(t: Table): Part {
  return renderTable(t);
}

/** A multi-line text as a block quote, keeping its line breaks. */
export function quote(text: string): Part {
  return sanitizeLines(text).map((line) => (line === '' ? '>' : `> ${line}`));
}

/** Joins parts with blank lines, leaving out empty parts. */
export function joinParts(parts: readonly Part[]): string {
  return parts
    .filter((p) => p.length > 0)
    .map((p) => p.join('\n'))
    .join('\n\n');
}
