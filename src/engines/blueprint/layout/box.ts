import { stripControls } from './sanitize.js';
import { displayWidth, graphemes, padEnd } from './width.js';
import { wrap, wrapHanging, wrapLabeled } from './wrap.js';

/** Outer width of the seed's boxes: `┌` + 37 × `─` + `┐`. */
export const DEFAULT_BOX_WIDTH = 39;
/** Narrower boxes cannot hold a label, a bar and a percentage side by side. */
export const MIN_BOX_WIDTH = 30;

const LEFT_MARGIN = '  ';

/** Columns available for content inside a box: two borders, a two-space left margin and at least one space on the right. */
export function boxContentWidth(width: number): number {
  return width - 5;
}

/** Renders lines inside a box whose every line has exactly `width` columns; too-wide lines are broken between graphemes. */
export function renderBox(lines: readonly string[], width: number): string[] {
  const inner = width - 2;
  const content = boxContentWidth(width);
  const body = lines
    .flatMap((line) => breakToWidth(stripControls(line), content))
    .map((line) => `│${padEnd(LEFT_MARGIN + line, inner)}│`);
  return [`┌${'─'.repeat(inner)}┐`, ...body, `└${'─'.repeat(inner)}┘`];
}

function breakToWidth(line: string, width: number): string[] {
  if (displayWidth(line) <= width) return [line];
  const out: string[] = [];
  let current = '';
  for (const grapheme of graphemes(line)) {
    if (current !== '' && displayWidth(current + grapheme) > width) {
      out.push(current);
      current = '';
    }
    current += grapheme;
  }
  out.push(current);
  return out;
}

/** Box rows: `Label: value`, wrapped with continuation lines under the value. */
export function field(label: string, value: string, width: number): string[] {
  return wrapLabeled(label, value, width);
}

/** Box rows: `• text`, wrapped with continuation lines under the text. */
export function bullet(text: string, width: number): string[] {
  return wrapHanging('• ', text, width);
}

/** Box rows: plain text indented by `indent` columns, wrapped. */
export function paragraph(text: string, width: number, indent = 0): string[] {
  const pad = ' '.repeat(indent);
  return wrap(text, width - indent).map((line) => pad + line);
}
