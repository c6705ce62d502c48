import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';

/** A date or period a rep named, reduced to the day it ends, in their own time zone. */
export interface When {
  /** The last day the text allows, as YYYY-MM-DD (a period counts by its last day). */
  date: string;
  /** Calendar days from today, in the person's time zone, to `date`; negative when it is past. */
  days: number;
  /** The period the text named, e.g. "Q1 2027", when it named one rather than a day. */
  period?: string;
}

/** Where "now" is: the instant and the person's IANA time zone. */
export interface Clock {
  now: Date;
  timeZone: string;
}

interface Period {
  end: DateTime;
  label: string;
}

type PeriodRule = { pattern: RegExp; period: (today: DateTime, match: RegExpExecArray) => Period };

const quarterOf = (d: DateTime): Period => ({
  end: d.endOf('quarter'),
  label: `Q${d.quarter} ${d.year}`,
});
const span = (d: DateTime, unit: 'month' | 'year', label: string): Period => ({
  end: d.endOf(unit),
  label,
});

/** The quarter `q` of `year`, or (without a year) the next one that has not ended yet. */
function namedQuarter(today: DateTime, q: number, yearText: string | undefined): Period {
  let year = today.year;
  if (yearText !== undefined) year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  else if (q < today.quarter) year += 1;
  return quarterOf(DateTime.fromObject({ year, month: (q - 1) * 3 + 1, day: 1 }, { zone: today.zone }));
}

/** Periods chrono reads as a single day ("next quarter" is three months on), checked before chrono. */
const PERIOD_RULES: readonly PeriodRule[] = [
  {
    pattern: /^(?:(?:this |current )?quarter|eoq|this q)$/,
    period: (t) => quarterOf(t),
  },
  { pattern: /^(?:next quarter|next q)$/, period: (t) => quarterOf(t.plus({ months: 3 })) },
  {
    pattern: /^q([1-4])(?:\s*[-/' ]?\s*(?:fy)?(\d{4}|\d{2}))?$/,
    period: (t, m) => namedQuarter(t, Number(m[1]), m[2]),
  },
  { pattern: /^(\d{4})[- ]?q([1-4])$/, period: (t, m) => namedQuarter(t, Number(m[2]), m[1]) },
  {
    pattern: /^(?:(?:this |current )?month|eom)$/,
    period: (t) => span(t, 'month', t.toFormat('LLLL yyyy')),
  },
  {
    pattern: /^next month$/,
    period: (t) => span(t.plus({ months: 1 }), 'month', t.plus({ months: 1 }).toFormat('LLLL yyyy')),
  },
  {
    pattern: /^(?:(?:this |current )?year|eoy)$/,
    period: (t) => span(t, 'year', String(t.year)),
  },
  { pattern: /^next year$/, period: (t) => span(t.plus({ years: 1 }), 'year', String(t.year + 1)) },
];

/** Words around a date that do not change it: "by Dec 15", "before the end of March". */
const FILLER = new Set([
  'by',
  'before',
  'until',
  'around',
  'about',
  'on',
  'in',
  'within',
  'the',
  'no',
  'later',
  'than',
]);

function today(clock: Clock): DateTime {
  const here = DateTime.fromJSDate(clock.now, { zone: clock.timeZone });
  if (!here.isValid) throw new Error(`"${clock.timeZone}" is not an IANA time zone`);
  return here;
}

function daysFrom(start: DateTime, date: DateTime): number {
  return Math.round(date.startOf('day').diff(start.startOf('day'), 'days').days);
}

function fromPeriod(now: DateTime, period: Period): When {
  return { date: period.end.toISODate() ?? '', days: daysFrom(now, period.end), period: period.label };
}

function fromChrono(text: string, now: DateTime, clock: Clock): When | undefined {
  // chrono reads the reference's calendar day from a UTC offset in minutes; IANA names are not looked up.
  const [result] = chrono.parse(text, { instant: clock.now, timezone: now.offset }, { forwardDate: true });
  if (!result) return undefined;
  const rest = `${text.slice(0, result.index)} ${text.slice(result.index + result.text.length)}`;
  if (rest.split(/\s+/).some((w) => w !== '' && !FILLER.has(w))) return undefined;
  const last = result.end ?? result.start;
  const year = last.get('year');
  const month = last.get('month');
  const day = last.get('day');
  if (year === null || month === null || day === null) return undefined;
  const named = DateTime.fromObject({ year, month, day }, { zone: now.zone });
  if (!named.isValid) return undefined;
  // "by March" names a month, not its first day: count it, like a period, by its last day.
  const date = last.isCertain('day') ? named : named.endOf('month');
  return { date: date.toISODate() ?? '', days: daysFrom(now, date) };
}

/**
 * Reads a date or period ("next quarter", "Q1", "in 3 weeks", "Dec 15", "2027-03-31") relative to `now` in the
 * person's time zone; undefined when the text is neither.
 */
export function parseWhen(text: string, clock: Clock): When | undefined {
  const now = today(clock);
  const cleaned = text
    .trim()
    .toLowerCase()
    .replace(/^(?:by|before|until|no later than)\s+/, '')
    .replace(/\s+/g, ' ');
  if (cleaned === '') return undefined;
  // A period already counts by its last day, so "end of Q1" is Q1.
  const periodText = cleaned.replace(/^(?:the )?end of (?:the )?/, '');
  for (const rule of PERIOD_RULES) {
    const match = rule.pattern.exec(periodText);
    if (match) return fromPeriod(now, rule.period(now, match));
  }
  return fromChrono(cleaned, now, clock);
}

/** The last day of next quarter, as YYYY-MM-DD: a date example that always lies ahead. */
export function exampleDate(clock: Clock): string {
  return today(clock).plus({ months: 3 }).endOf('quarter').toISODate() ?? '';
}
