import { sanitize } from './sanitize.js';
import { displayWidth, graphemes } from './width.js';

/** Words of a sanitized text, split only at spaces that are graphemes of their own (a space can join a cluster). */
function words(text: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const grapheme of graphemes(sanitize(text))) {
    if (grapheme !== ' ') {
      word += grapheme;
      continue;
    }
    if (word !== '') out.push(word);
    word = '';
  }
  if (word !== '') out.push(word);
  return out;
}

/**
 * Wraps text to a display width, breaking on spaces and hard-breaking longer words between graphemes;
 * the first line may be given a different width from the rest. Always returns at least one line.
 */
export function wrap(text: string, firstWidth: number, restWidth: number = firstWidth): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const limit = (): number => (lines.length === 0 ? firstWidth : restWidth);
  const flush = (): void => {
    lines.push(line);
    line = '';
    used = 0;
  };
  for (const word of words(text)) {
    const width = displayWidth(word);
    if (line !== '' && used + 1 + width <= limit()) {
      line += ` ${word}`;
      used += 1 + width;
      continue;
    }
    if (line !== '') flush();
    if (width <= limit()) {
      line = word;
      used = width;
      continue;
    }
    for (const grapheme of graphemes(word)) {
      const w = displayWidth(grapheme);
      if (line !== '' && used + w > limit()) flush();
      line += grapheme;
      used += w;
    }
  }
  lines.push(line);
  return lines;
}

/**
 * Wraps `label: value` so continuation lines start under the value; when the label takes more than
 * half the width, the whole text wraps instead with continuation lines indented by two.
 */
export function wrapLabeled(label: string, value: string, width: number): string[] {
  const prefix = `${sanitize(label)}: `;
  const indent = displayWidth(prefix);
  if (indent <= Math.floor(width / 2)) {
    return wrapHanging(prefix, value, width);
  }
  return wrapHanging('', prefix + value, width, 2);
}

/** Wraps text after a prefix, indenting continuation lines by the prefix's width (or by `indent`). */
export function wrapHanging(
  prefix: string,
  value: string,
  width: number,
  indent: number = displayWidth(prefix),
): string[] {
  const first = width - displayWidth(prefix);
  const pad = ' '.repeat(indent);
  return wrap(value, first, width - indent).map((line, i) => (i === 0 ? prefix + line : pad + line));
}
