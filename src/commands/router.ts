/** Every word `/sales-ops` understands as a subcommand (SPEC §2), plus `design` for names that clash with one. */
export const SUBCOMMANDS = [
  'help',
  'design',
  'pipeline',
  'crm',
  'qualify',
  'sequence',
  'digest',
  'import',
  'icp',
  'abtest',
  'ooo',
  'alerts',
  'quota',
] as const;
export type SubcommandName = (typeof SUBCOMMANDS)[number];

/** What a line of `/sales-ops` text asks for. */
export type Route =
  | { name: SubcommandName; args: string; business?: string }
  | { name: 'suggest'; word: string; suggestion: SubcommandName; args: string };

const OPENING_QUOTES = new Set(['"', "'", '\u201c', '\u2018']);
const CLOSING_QUOTE: Record<string, string[]> = {
  '"': ['"', '\u201d'],
  "'": ["'", '\u2019'],
  '\u201c': ['\u201d', '"'],
  '\u2018': ['\u2019', "'"],
};

/** Edit distance where swapping two neighbouring letters counts as one edit ("cmr" is one from "crm"). */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      const row = rows[i];
      if (row) row[j] = best;
    }
  }
  return at(a.length, b.length);
}

const sameLetters = (a: string, b: string) => [...a].sort().join('') === [...b].sort().join('');

/**
 * The subcommand a mistyped word was probably meant to be, at most two edits away. Commands of four letters
 * or fewer only match a missing, extra or swapped letter, never a changed one, so short business names such
 * as "ARM" or "ICE" are not taken for "crm" or "icp".
 */
export function closestSubcommand(word: string): SubcommandName | undefined {
  const lower = word.toLowerCase();
  let best: { name: SubcommandName; distance: number } | undefined;
  for (const name of SUBCOMMANDS) {
    const distance = editDistance(lower, name);
    const close =
      name.length > 4
        ? distance <= 2
        : distance === 0 || (distance === 1 && (lower.length !== name.length || sameLetters(lower, name)));
    if (close && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/** Reads a leading quoted name ("Pipeline Inc", curly quotes too); an unclosed quote runs to the end. */
function readQuoted(text: string): { name: string; rest: string } | undefined {
  const open = text[0];
  if (open === undefined || !OPENING_QUOTES.has(open)) return undefined;
  const closers = CLOSING_QUOTE[open] ?? [open];
  // A UTF-16 index, as slice takes: closing quotes are single code units, emoji before them are two.
  let end = -1;
  for (let i = 1; i < text.length; i += 1) {
    if (closers.includes(text.charAt(i))) {
      end = i;
      break;
    }
  }
  if (end === -1) return { name: text.slice(1).trim(), rest: '' };
  return { name: text.slice(1, end).trim(), rest: text.slice(end + 1).trim() };
}

function designOf(name: string, args: string): Route {
  return name === '' ? { name: 'design', args } : { name: 'design', args, business: name };
}

/** Turns the text after `/sales-ops` into a route; pure, so the whole grammar is testable as a table. */
export function routeCommand(text: string): Route {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (trimmed === '') return { name: 'help', args: '' };

  const quoted = readQuoted(trimmed);
  if (quoted) return quoted.name === '' ? { name: 'help', args: '' } : designOf(quoted.name, quoted.rest);

  const space = trimmed.indexOf(' ');
  const word = space === -1 ? trimmed : trimmed.slice(0, space);
  const rest = space === -1 ? '' : trimmed.slice(space + 1);
  const lower = word.toLowerCase();

  const exact = SUBCOMMANDS.find((name) => name === lower);
  if (exact === 'design') {
    const inner = readQuoted(rest);
    return inner ? designOf(inner.name, inner.rest) : designOf(rest, '');
  }
  if (exact) return { name: exact, args: rest };

  const suggestion = closestSubcommand(word);
  if (suggestion) return { name: 'suggest', word, suggestion, args: rest };
  return designOf(trimmed, '');
}
