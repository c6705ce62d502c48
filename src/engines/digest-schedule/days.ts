/** Cron day-of-week numbers (0 Sunday … 6 Saturday), as chrono's `weekday` also counts them. */
export const DAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

const sameDays = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((d, i) => d === b[i]);

/** Monday first, Sunday last: the order people read a week in. */
export function sortDays(days: Iterable<number>): number[] {
  return [...new Set(days)].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
}

/** The cron day-of-week field: `1`, `1-5`, `*`, or a list such as `1,4`. */
export function cronDays(days: readonly number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  if (sameDays(sorted, EVERY_DAY)) return '*';
  if (sameDays(sorted, WEEKDAYS)) return '1-5';
  return sorted.join(',');
}

/** The days in words: `Mondays`, `Weekdays (Monday to Friday)`, `Every day`, `Mondays and Thursdays`. */
export function describeDays(days: readonly number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  if (sameDays(sorted, EVERY_DAY)) return 'Every day';
  if (sameDays(sorted, WEEKDAYS)) return 'Weekdays (Monday to Friday)';
  const names = sortDays(days).map((d) => `${DAY_NAMES[d] ?? '?'}s`);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** Words that name a set of days chrono does not read: weekdays, every day. */
export const DAY_SET_WORDS: readonly { pattern: RegExp; days: readonly number[] }[] = [
  {
    pattern:
      /\b(?:every|each)\s+week\s*days?\b|\bweek\s*days?\b|\bmon(?:day)?\s*(?:-|to|through)\s*fri(?:day)?\b/g,
    days: WEEKDAYS,
  },
  { pattern: /\b(?:every|each)\s+day\b|\bdaily\b/g, days: EVERY_DAY },
];

/** Plural day names (`mondays`) and short forms chrono reads only in the singular. */
export function singularDays(text: string): string {
  return text.replace(/\b(mon|tues|wednes|thurs|fri|satur|sun)days\b/g, '$1day');
}
