import { displayWidth, graphemes, sanitize } from '../engines/blueprint/index.js';

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Makes text safe inside an SVG element or attribute: one line, no control characters, XML entities escaped. */
export function xmlText(value: string): string {
  return sanitize(value).replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

/**
 * Shortens text to at most `max` columns, counting wide characters (CJK, emoji) as two so the text keeps
 * to its room on the chart, and ends it with "…" when anything was cut.
 */
export function clip(value: string, max: number): string {
  const clean = sanitize(value);
  if (displayWidth(clean) <= max) return clean;
  let kept = '';
  for (const grapheme of graphemes(clean)) {
    if (displayWidth(kept + grapheme) > max - 1) break;
    kept += grapheme;
  }
  return `${kept.trimEnd()}…`;
}

/** Attributes of an SVG element, numbers rounded to one decimal so the output stays small and stable. */
export function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, v]) => `${name}="${typeof v === 'number' ? Math.round(v * 10) / 10 : xmlText(v)}"`)
    .join(' ');
}

/** A `<text>` element with escaped content. */
export function text(content: string, values: Record<string, string | number>): string {
  return `<text ${attrs(values)}>${xmlText(content)}</text>`;
}
