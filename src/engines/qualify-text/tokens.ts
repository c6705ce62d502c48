import { InputError } from '../../errors.js';

/** One `key=value` pair as typed, the key lower-cased and the value unquoted. */
export interface InlinePair {
  key: string;
  value: string;
}

/** The text after `qualify`, split into the lead's name and its `key=value` pairs. */
export interface InlineTokens {
  company?: string;
  pairs: InlinePair[];
}

// Slack clients often turn straight quotes into curly ones, so both close what either opened.
const CLOSERS: Record<string, readonly string[]> = {
  '"': ['"', '\u201d', '\u201c'],
  "'": ["'", '\u2019'],
  '\u201c': ['\u201d', '"'],
  '\u2018': ['\u2019', "'"],
};

interface Token {
  text: string;
  /** The token opened with a quote, so it is a name even if it holds `=`. */
  leadingQuote: boolean;
}

/** Reads a quoted run starting at `start`; an unclosed quote runs to the end of the text. */
function readQuoted(text: string, start: number): { value: string; end: number } {
  const closers = CLOSERS[text[start] ?? ''] ?? [];
  let end = start + 1;
  while (end < text.length && !closers.includes(text[end] ?? '')) end++;
  return { value: text.slice(start + 1, end), end: Math.min(end + 1, text.length) };
}

/** Splits on spaces, keeping quoted runs (also inside `key="a b"`) together. */
function splitTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i] ?? '')) {
      i++;
      continue;
    }
    let value = '';
    const leadingQuote = CLOSERS[text[i] ?? ''] !== undefined;
    while (i < text.length && !/\s/.test(text[i] ?? '')) {
      if (CLOSERS[text[i] ?? ''] !== undefined) {
        const run = readQuoted(text, i);
        value += run.value;
        i = run.end;
      } else {
        value += text[i];
        i++;
      }
    }
    tokens.push({ text: value, leadingQuote });
  }
  return tokens;
}

const PAIR = /^([A-Za-z][\w-]*)=(.*)$/s;

/** Slack sends auto-linked text as `<http://acme.com|acme.com>` or `<mailto:a@b.com|a@b.com>`; keep what was typed. */
function unwrapSlackLinks(text: string): string {
  return text
    .replace(/<(?:https?:\/\/|mailto:)[^<>|]*\|([^<>]*)>/g, '$1')
    .replace(/<((?:https?:\/\/|mailto:)[^<>|]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Splits `"Acme Co" budget=50k timeline="next quarter"` into the company (every word before the first pair)
 * and the pairs; throws InputError for words after the pairs, which are usually an unquoted value.
 */
export function tokenizeQualifyText(text: string): InlineTokens {
  const names: string[] = [];
  const pairs: InlinePair[] = [];
  for (const token of splitTokens(unwrapSlackLinks(text).trim())) {
    const pair = token.leadingQuote ? undefined : PAIR.exec(token.text);
    if (pair) {
      pairs.push({ key: (pair[1] ?? '').toLowerCase(), value: (pair[2] ?? '').trim() });
      continue;
    }
    const last = pairs.at(-1);
    if (last) {
      const joined = `${last.value} ${token.text}`;
      throw new InputError([
        {
          path: last.key,
          message: `"${token.text}" follows ${last.key}=${last.value}; put a value with spaces in quotes, e.g. ${last.key}="${joined}"`,
        },
      ]);
    }
    if (token.text.trim() !== '') names.push(token.text.trim());
  }
  const company = names.join(' ').trim();
  return company === '' ? { pairs } : { company, pairs };
}
