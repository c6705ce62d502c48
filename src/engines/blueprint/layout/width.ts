import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Columns a string takes on a terminal: wide CJK and emoji count 2, combining marks 0. */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** The user-perceived characters of a string, so a skin tone or a ZWJ family is never split. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Pads with spaces on the right up to a display width; longer text is returned unchanged. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Pads with spaces on the left up to a display width; longer text is returned unchanged. */
export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}
