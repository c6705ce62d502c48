import { DateTime, FixedOffsetZone } from 'luxon';
import type { ColumnRule, RowCells } from './types.js';

/** The only date layouts accepted: ISO, ISO with a time, and the US month-first form HubSpot and Salesforce use. */
const DATE_FORMATS: readonly { format: string; withTime: boolean }[] = [
  { format: 'yyyy-MM-dd', withTime: false },
  { format: 'yyyy-MM-dd HH:mm', withTime: true },
  { format: 'yyyy-MM-dd HH:mm:ss', withTime: true },
  { format: 'M/d/yyyy', withTime: false },
  { format: 'M/d/yyyy h:mm a', withTime: true },
];

// Built once: compiling a format costs far more than applying it, and an import applies it to every row.
const utc = FixedOffsetZone.utcInstance;
const DATE_PARSERS = DATE_FORMATS.map(({ format, withTime }) => ({
  parser: DateTime.buildFormatParser(format, { locale: 'en-US' }),
  withTime,
}));

// Exports repeat the same dates over and over, and luxon takes tens of microseconds per parse.
const seenDates = new Map<string, string | null>();
const SEEN_DATES_LIMIT = 20_000;

function parseDateUncached(value: string): string | undefined {
  for (const { parser, withTime } of DATE_PARSERS) {
    const date = DateTime.fromFormatParser(value, parser, { zone: utc, locale: 'en-US' });
    if (!date.isValid) continue;
    return withTime ? date.toISO({ includeOffset: false, suppressMilliseconds: true }) : date.toISODate();
  }
  return undefined;
}

/** Reads a date in one of the accepted layouts as ISO 8601 (`2017-03-01` or `2017-03-01T09:30:00`). */
export function parseDate(value: string): string | undefined {
  const known = seenDates.get(value);
  if (known !== undefined) return known ?? undefined;
  const parsed = parseDateUncached(value);
  if (seenDates.size >= SEEN_DATES_LIMIT) seenDates.clear();
  seenDates.set(value, parsed ?? null);
  return parsed;
}

// An optional ISO currency code or symbol around digits whose thousands, if separated, are separated by commas.
const AMOUNT = /^(?:[A-Z]{3} ?)?[$€£¥]? ?(-)? ?[$€£¥]? ?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?: ?[A-Z]{3})?$/;

/** Reads "$1,200.50", "USD 1200.5" or "1200.50" as a number; undefined when it is not an amount. */
export function parseAmount(value: string): number | undefined {
  const match = AMOUNT.exec(value);
  if (!match) return undefined;
  const [, minus, whole = '', fraction = ''] = match;
  const amount = Number(`${whole.replaceAll(',', '')}${fraction}`);
  return minus ? -amount : amount;
}

const FLAGS: Readonly<Record<string, boolean>> = {
  true: true,
  false: false,
  '1': true,
  '0': false,
  yes: true,
  no: false,
};

const blankAsUndefined = (raw: string): string | undefined => {
  const value = raw.trim();
  return value === '' ? undefined : value;
};

/** A cell read: its value (undefined when blank), or an issue completing the sentence `<column> "<value>" …`. */
type Read<T> = { value: T | undefined; issue?: undefined } | { value?: undefined; issue: string };

// Plain functions rather than schemas: they run once per cell, millions of times in a large import.
const PARSERS = {
  text: (raw: string): Read<string> => ({ value: blankAsUndefined(raw) }),
  date: (raw: string): Read<string> => {
    const value = blankAsUndefined(raw);
    if (value === undefined) return { value };
    const date = parseDate(value);
    return date === undefined ? { issue: 'is not a date (use YYYY-MM-DD)' } : { value: date };
  },
  amount: (raw: string): Read<number> => {
    const value = blankAsUndefined(raw);
    if (value === undefined) return { value };
    const amount = parseAmount(value);
    if (amount === undefined) return { issue: 'is not an amount (write it like 1200.50 or $1,200.50)' };
    if (amount < 0) return { issue: 'is negative: a deal amount must be 0 or more' };
    return { value: amount };
  },
  flag: (raw: string): Read<boolean> => {
    const value = blankAsUndefined(raw);
    if (value === undefined) return { value };
    const flag = FLAGS[value.toLowerCase()];
    return flag === undefined ? { issue: 'is not true/false (or 1/0)' } : { value: flag };
  },
};

/** Quotes a cell for a message, shortened so one huge cell cannot flood the report. */
export function quoteCell(value: string): string {
  const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(short);
}

/** A column of the file that feeds a field, with its rule and its place in each row. */
export interface BoundColumn {
  column: string;
  rule: ColumnRule;
  index: number;
}

function check<T>(
  read: (raw: string) => Read<T>,
  column: string,
  raw: string,
  problems: string[],
): T | undefined {
  const result = read(raw);
  if (result.issue === undefined) return result.value;
  problems.push(`${column} ${quoteCell(raw.trim())} ${result.issue}`);
  return undefined;
}

/** Reads one record's mapped cells; when several columns feed one field, the first non-empty one in the source's table wins. */
export function readCells(
  record: readonly string[],
  columns: readonly BoundColumn[],
): { cells: RowCells; problems: string[] } {
  const cells: RowCells = {};
  const problems: string[] = [];
  for (const { column, rule, index } of columns) {
    const raw = record[index] ?? '';
    switch (rule.parse) {
      case 'text':
      case 'date': {
        const value = check(PARSERS[rule.parse], column, raw, problems);
        if (value !== undefined) cells[rule.field] ??= value;
        break;
      }
      case 'flag': {
        const value = check(PARSERS.flag, column, raw, problems);
        if (value !== undefined) cells[rule.field] ??= value;
        break;
      }
      case 'amount': {
        const value = check(PARSERS.amount, column, raw, problems);
        if (value !== undefined) cells[rule.field] ??= value;
        break;
      }
    }
  }
  return { cells, problems };
}
