import { displayWidth } from '../../../src/engines/blueprint/index.js';

/** Every box of a text rendering, each as its lines from `┌` to `└`. */
export function boxesOf(text: string): string[][] {
  const boxes: string[][] = [];
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('┌')) current = [];
    if (current !== undefined) current.push(line);
    if (line.startsWith('└') && current !== undefined) {
      boxes.push(current);
      current = undefined;
    }
  }
  return boxes;
}

/** The lines of the section whose title starts with `title`, from the title to the next blank line. */
export function sectionOf(text: string, title: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(title));
  if (start < 0) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start, end < 0 ? undefined : end);
}

/** The cells of a pipe-table row, unescaped: `| a | b\\|c |` → ['a', 'b|c']. */
export function cellsOf(row: string): string[] {
  return row
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((c) => c.replace(/\\\|/g, '|'));
}

/** Lines of a box that break the box's shape: wrong width, or not starting and ending with its border. */
export function misshapenLines(box: readonly string[], width: number): string[] {
  return box.filter((line, i) => {
    const [left, right] = i === 0 ? ['┌', '┐'] : i === box.length - 1 ? ['└', '┘'] : ['│', '│'];
    return displayWidth(line) !== width || !line.startsWith(left) || !line.endsWith(right);
  });
}
