import type { CsvError } from 'csv-parse';
import { InputError } from '../errors.js';

/** Where the parser was after the last complete record (or the header), to find where a broken record starts. */
export interface ParsePosition {
  line: number;
  emptyLines: number;
}

const numberOr = (value: unknown, fallback: number): number => (typeof value === 'number' ? value : fallback);

/** Turns a csv-parse error into an InputError that names the line and says how to fix the file. */
export function csvInputError(error: CsvError, last: ParsePosition): InputError {
  const line = numberOr(error.lines, last.line + 1);
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED': {
      // csv-parse reports the last line of the file; the broken record starts right after the last good one.
      const skipped = Math.max(0, numberOr(error.empty_lines, last.emptyLines) - last.emptyLines);
      const start = last.line + 1 + skipped;
      return new InputError([
        {
          path: `line ${start}`,
          message:
            `a quoted value starts on this line and is never closed (the file ends inside it, at line ${line}). ` +
            'Close the quote, or write a quote inside a value as "".',
        },
      ]);
    }
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const found = Array.isArray(error.record)
        ? `${error.record.length} columns`
        : 'a different number of columns';
      return new InputError([
        {
          path: `line ${line}`,
          message: `the row has ${found}, not as many as the header. Put a value that contains a comma in double quotes.`,
        },
      ]);
    }
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new InputError([
        {
          path: `line ${line}`,
          message:
            'a double quote is misplaced: a quoted value is followed by more text before the next comma. ' +
            'Quote the whole value, and write a quote inside it as "".',
        },
      ]);
    case 'INVALID_OPENING_QUOTE':
      return new InputError([
        {
          path: `line ${line}`,
          message:
            'a double quote is misplaced: it appears in the middle of a value that is not quoted. ' +
            'Quote the whole value, and write a quote inside it as "" (for example "Acme ""Big"" Co").',
        },
      ]);
    case 'CSV_MAX_RECORD_SIZE':
      return new InputError([
        {
          path: `line ${line}`,
          message: 'a row is longer than 128,000 characters: the file is probably not a comma-separated CSV.',
        },
      ]);
    default:
      // The parser's own words name its options and internals; say what a person can check instead.
      return new InputError([
        {
          path: `line ${line}`,
          message:
            'this line cannot be read as CSV. Check that the file is a comma-separated export with one ' +
            'header row, values containing commas or line breaks in double quotes.',
        },
      ]);
  }
}
