import { DateTime, FixedOffsetZone } from 'luxon';
import { plainDateMillis } from '../engines/pipeline/dates.js';
import { memoised } from './memo.js';
import type { AmountField, ColumnRule, DateField, FlagField, RowCells, TextField } from './types.js';

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

function parseDateUncached(value: string): string | undefined {
  for (const { parser, withTime } of DATE_PARSERS) {
    const date = DateTime.fromFormatParser(value, parser, { zone: utc, locale: 'en-US' });
    if (!date.isValid) continue;
    return withTime ? date.toISO({ includeOffset: false, suppressMilliseconds: true }) : date.toISODate();
  }
  return undefined;
}

// luxon takes tens of microseconds per parse, and exports repeat the same dates over and over.
const parseDateSeen = memoised(parseDateUncached, 20_000);

/** Reads a date in one of the accepted layouts as ISO 8601 (`2017-03-01` or `2017-03-01T09:30:00`). */
export function parseDate(value: string): string | undefined {
  // Most exports write plain ISO dates, which are already what this returns once checked digit by digit.
  if (value.length === 10 && plainDateMillis(value) !== undefined) return value;
  return parseDateSeen(value);
}

// An optional ISO currency code or symbol around digits whose thousands, if separated, are separated by commas.
const AMOUNT = /^(?:[A-Z]{3} ?)?[$€£¥]? ?(-)? ?[$€£¥]? ?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?: ?[A-Z]{3})?$/;

/** Whether `value` is digits with an optional fraction (`1200` or `1200.50`), the form most exports write. */
function isPlainNumber(value: string): boolean {
  let dot = -1;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 46 && dot === -1 && i > 0) dot = i;
    else if (code < 48 || code > 57) return false;
  }
  return value.length > 0 && dot !== value.length - 1;
}

/** Reads "$1,200.50", "USD 1200.5" or "1200.50" as a number; undefined when it is not an amount. */
export function parseAmount(value: string): number | undefined {
  if (isPlainNumber(value)) return Number(value);
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

/** Why a cell cannot be read: completes the sentence `<column> "<value>" …`. */
class CellIssue {
  constructor(readonly text: string) {}
}

const NOT_A_DATE = new CellIssue('is not a date (use YYYY-MM-DD)');
const NOT_AN_AMOUNT = new CellIssue('is not an amount (write it like 1200.50 or $1,200.50)');
const NEGATIVE = new CellIssue('is negative: a deal amount must be 0 or more');
const NOT_A_FLAG = new CellIssue('is not true/false (or 1/0)');

// Plain functions rather than schemas: they run once per cell, millions of times in a large import, so they
// return the value itself (undefined when blank) or one of the issues above, and allocate nothing of their own.
const PARSERS = {
  text: (raw: string): string | undefined => blankAsUndefined(raw),
  date: (raw: string): string | undefined | CellIssue => {
    const value = blankAsUndefined(raw);
    if (value === undefined) return undefined;
    return parseDate(value) ?? NOT_A_DATE;
  },
  amount: (raw: string): number | undefined | CellIssue => {
    const value = blankAsUndefined(raw);
    if (value === undefined) return undefined;
    const amount = parseAmount(value);
    if (amount === undefined) return NOT_AN_AMOUNT;
    return amount < 0 ? NEGATIVE : amount;
  },
  flag: (raw: string): boolean | undefined | CellIssue => {
    const value = blankAsUndefined(raw);
    if (value === undefined) return undefined;
    return FLAGS[value.toLowerCase()] ?? NOT_A_FLAG;
  },
};

/** Quotes a cell for a message, shortened so one huge cell cannot flood the report. */
export function quoteCell(value: string): string {
  const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(short);
}

/** A column of the file that feeds a field, with its rule, its place in each row and its field's slot (see `SLOTS`). */
export interface BoundColumn {
  column: string;
  rule: ColumnRule;
  index: number;
  slot: number;
}

/**
 * Where each field's value waits while a row is read, in one list per kind of value. Every row then becomes an
 * object of one fixed shape, which is far cheaper over a million rows than adding its fields one by one by name.
 */
const TEXT_SLOTS: Readonly<Record<TextField | DateField, number>> = {
  id: 0,
  stage: 1,
  status: 2,
  account: 3,
  owner: 4,
  product: 5,
  source: 6,
  forecastCategory: 7,
  createdAt: 8,
  engagedAt: 9,
  closedAt: 10,
  closeDate: 11,
  expectedCloseDate: 12,
  wonAt: 13,
  lostAt: 14,
};
const FLAG_SLOTS: Readonly<Record<FlagField, number>> = { won: 0, closed: 1 };
const AMOUNT_SLOTS: Readonly<Record<AmountField, number>> = { amount: 0, quota: 1 };

/** The column at `index` of each row, read by `rule`. */
export function bindColumn(column: string, rule: ColumnRule, index: number): BoundColumn {
  const slot =
    rule.parse === 'flag'
      ? FLAG_SLOTS[rule.field]
      : rule.parse === 'amount'
        ? AMOUNT_SLOTS[rule.field]
        : TEXT_SLOTS[rule.field];
  return { column, rule, index, slot };
}

function check<T>(
  read: (raw: string) => T | undefined | CellIssue,
  column: string,
  raw: string,
  problems: string[],
): T | undefined {
  const result = read(raw);
  if (!(result instanceof CellIssue)) return result;
  problems.push(`${column} ${quoteCell(raw.trim())} ${result.text}`);
  return undefined;
}

// The values of the row being read; reused from row to row, as readCells runs one row at a time to the end.
const texts: (string | undefined)[] = Object.values(TEXT_SLOTS).map(() => undefined);
const flags: (boolean | undefined)[] = Object.values(FLAG_SLOTS).map(() => undefined);
const amounts: (number | undefined)[] = Object.values(AMOUNT_SLOTS).map(() => undefined);

/** Empties every slot: the previous row may have come from another file, with other columns. */
function clearSlots(): void {
  for (let i = 0; i < texts.length; i++) texts[i] = undefined;
  for (let i = 0; i < flags.length; i++) flags[i] = undefined;
  for (let i = 0; i < amounts.length; i++) amounts[i] = undefined;
}

/**
 * Reads one record's mapped cells; when several columns feed one field, the first non-empty one in the source's
 * table wins. What is wrong with a cell is added to `problems`, which the caller may reuse from row to row.
 */
export function readCells(
  record: readonly string[],
  columns: readonly BoundColumn[],
  problems: string[],
): RowCells {
  clearSlots();
  for (const { column, rule, index, slot } of columns) {
    const raw = record[index] ?? '';
    switch (rule.parse) {
      case 'text':
      case 'date': {
        const value = check(PARSERS[rule.parse], column, raw, problems);
        if (texts[slot] === undefined) texts[slot] = value;
        break;
      }
      case 'flag': {
        const value = check(PARSERS.flag, column, raw, problems);
        if (flags[slot] === undefined) flags[slot] = value;
        break;
      }
      case 'amount': {
        const value = check(PARSERS.amount, column, raw, problems);
        if (amounts[slot] === undefined) amounts[slot] = value;
        break;
      }
    }
  }
  const t = TEXT_SLOTS;
  return {
    id: texts[t.id],
    stage: texts[t.stage],
    status: texts[t.status],
    account: texts[t.account],
    owner: texts[t.owner],
    product: texts[t.product],
    source: texts[t.source],
    forecastCategory: texts[t.forecastCategory],
    createdAt: texts[t.createdAt],
    engagedAt: texts[t.engagedAt],
    closedAt: texts[t.closedAt],
    closeDate: texts[t.closeDate],
    expectedCloseDate: texts[t.expectedCloseDate],
    wonAt: texts[t.wonAt],
    lostAt: texts[t.lostAt],
    won: flags[FLAG_SLOTS.won],
    closed: flags[FLAG_SLOTS.closed],
    amount: amounts[AMOUNT_SLOTS.amount],
    quota: amounts[AMOUNT_SLOTS.quota],
  };
}
