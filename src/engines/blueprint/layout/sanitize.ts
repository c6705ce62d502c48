// ESC-introduced sequences: CSI (colours, cursor moves), OSC (titles, hyperlinks), and two-byte escapes.
const ANSI_ESCAPE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape sequences is the point of this pattern
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-_]|\u009b[0-?]*[ -/]*[@-~]/g;
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
// Remaining C0/C1 controls, the bidi controls that can move a border to another place on screen, and the
// prepended concatenation marks (U+0600…) whose width terminals and width tables disagree on.
const INVISIBLE_CONTROLS =
  /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u{110bd}\u{110cd}]/gu;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes escapes and controls and turns line breaks and tabs into spaces, keeping every other character. */
export function stripControls(value: string): string {
  return value
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(ANSI_ESCAPE, '')
    .replace(LINE_BREAKS, ' ')
    .replace(INVISIBLE_CONTROLS, '');
}

/** Makes a value safe for one line of a box or table: no escapes, controls or line breaks, single spaces, trimmed. */
export function sanitize(value: string): string {
  return stripControls(value).replace(/ {2,}/g, ' ').trim();
}

/** Sanitizes each line of a multi-line text (such as a template body) and keeps the line breaks. */
export function sanitizeLines(value: string): string[] {
  return value.split(/\r\n|[\n\r\u2028\u2029]/).map(sanitize);
}
