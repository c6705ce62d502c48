import { InputError } from '../errors.js';

/** A quote the CSV reader cannot accept, with the line it is on. */
export type QuoteProblem =
  /** A quoted value that the file ends inside; `end` is the file's last line. */
  | { kind: 'unclosed'; line: number; end: number }
  /** A quote in the middle of a value that is not quoted. */
  | { kind: 'opening'; line: number }
  /** A quoted value followed by more text before the next comma. */
  | { kind: 'closing'; line: number };

/** The InputError for a misplaced or unclosed quote: the line to look at and how to fix the file. */
export function quoteError(problem: QuoteProblem): InputError {
  switch (problem.kind) {
    case 'unclosed':
      return new InputError([
        {
          path: `line ${problem.line}`,
          message:
            `a quoted value starts on this line and is never closed (the file ends inside it, at line ${problem.end}). ` +
            'Close the quote, or write a quote inside a value as "".',
        },
      ]);
    case 'closing':
      return new InputError([
        {
          path: `line ${problem.line}`,
          message:
            'a double quote is misplaced: a quoted value is followed by more text before the next comma. ' +
            'Quote the whole value, and write a quote inside it as "".',
        },
      ]);
    case 'opening':
      return new InputError([
        {
          path: `line ${problem.line}`,
          message:
            'a double quote is misplaced: it appears in the middle of a value that is not quoted. ' +
            'Quote the whole value, and write a quote inside it as "" (for example "Acme ""Big"" Co").',
        },
      ]);
  }
}

/** The InputError for a row with another number of columns than the header. */
export function columnCountError(line: number, columns: number): InputError {
  return new InputError([
    {
      path: `line ${line}`,
      message: `the row has ${columns} columns, not as many as the header. Put a value that contains a comma in double quotes.`,
    },
  ]);
}
