import { ASSUMED_MARK } from './marks.js';

/** One section of the text blueprint: its title line (without the assumed mark) and its text. */
export interface BlueprintSection {
  title: string;
  body: string;
}

const RULE = /^─+$/;
const STATUS = /^Sales Ops Status:/;

function titleOf(line: string): string {
  const colon = STATUS.test(line) ? line.indexOf(':') : -1;
  const title = colon >= 0 ? line.slice(0, colon) : line;
  return title.endsWith(ASSUMED_MARK) ? title.slice(0, -ASSUMED_MARK.length) : title;
}

/**
 * Splits the text blueprint at section boundaries (the header block first, the status line on its own),
 * so each can go in its own code block; joining the bodies gives back the text exactly.
 */
export function splitBlueprintSections(text: string): BlueprintSection[] {
  if (text === '') return [];
  const lines = text.split('\n');
  const starts = [0];
  lines.forEach((line, i) => {
    if (i === 0 || line === '' || lines[i - 1] !== '') return;
    if (RULE.test(lines[i + 1] ?? '') || STATUS.test(line)) starts.push(i);
  });
  return starts.map((start, k) => {
    const end = starts[k + 1];
    const slice = lines.slice(start, end ?? lines.length).join('\n');
    return { title: titleOf(lines[start] ?? ''), body: end === undefined ? slice : `${slice}\n` };
  });
}
