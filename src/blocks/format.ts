/** Small text helpers shared by the Block Kit renderers: escaping, safe truncation, bars, numbers. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const UNESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/** Escapes the three characters Slack's mrkdwn treats as control characters (`&`, `<`, `>`). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (c) => ESCAPES[c] ?? c);
}

/** Reverses `escapeMrkdwn`. */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (entity) => UNESCAPES[entity] ?? entity);
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Splits text into user-perceived characters, so an emoji or a combined letter is never cut in half. */
export function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

/**
 * Shortens text to at most `max` UTF-16 code units (the strictest way to count Slack's limits),
 * cutting between graphemes and ending with an ellipsis when anything was cut.
 */
export function truncate(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  if (max < ellipsis.length) return '';
  const room = max - ellipsis.length;
  let out = '';
  // Segmenting is slow on long text; graphemes past max + 1 can never be kept, and cutting there cannot move
  // a grapheme boundary before it.
  for (const g of splitGraphemes(text.slice(0, max + 1))) {
    if (out.length + g.length > room) break;
    out += g;
  }
  return `${out.trimEnd()}${ellipsis}`;
}

/** Escapes text for mrkdwn and truncates it to `max` characters without cutting an entity such as `&amp;`. */
export function mrkdwn(text: string, max: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  let out = '';
  for (const g of splitGraphemes(text.slice(0, max + 1))) {
    const piece = escapeMrkdwn(g);
    if (out.length + piece.length > max - 1) break;
    out += piece;
  }
  return `${out.trimEnd()}…`;
}

/** A text bar such as `███████░░░` for `value` out of `max`, `width` cells wide. */
export function textBar(value: number, max: number, width = 10): string {
  const share = max > 0 && Number.isFinite(value) ? Math.min(Math.max(value / max, 0), 1) : 0;
  const filled = Math.round(share * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** Money as `$42,000` below a million and as `$1.8M` from a million up; the engines' `formatMoney` never shortens. */
export function formatMoneyShortFromMillion(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}$${abs >= 1_000_000 ? compact.format(abs) : whole.format(abs)}`;
}

/** A percentage as `11%`, or `12.5%` when it has a fraction. */
export function formatPercent(value: number): string {
  return `${Number.isInteger(value) ? value : Number(value.toFixed(1))}%`;
}
