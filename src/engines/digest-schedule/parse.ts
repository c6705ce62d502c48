import * as chrono from 'chrono-node';
import { InputError } from '../../errors.js';
import { cronDays, DAY_SET_WORDS, describeDays, singularDays, sortDays } from './days.js';
import { canonicalZone, looksLikeZone } from './zone.js';

/** A weekly digest schedule: the cron pattern and IANA zone a BullMQ job scheduler takes, and its words. */
export interface DigestSchedule {
  /** Five-field cron in `tz`, e.g. `0 9 * * 1`. */
  pattern: string;
  tz: string;
  /** `Mondays at 09:00 (America/New_York)`. */
  description: string;
  /** Cron day numbers, Monday first (0 is Sunday). */
  days: number[];
  hour: number;
  minute: number;
  /** `weekly` when it runs on one day (one digest per ISO week), `daily` when on several (one per day). */
  cadence: 'weekly' | 'daily';
}

/** Schedules that work, quoted in every refusal. */
export const SCHEDULE_EXAMPLES = ['every monday 9am', 'every friday at 16:30', 'mondays 8am Europe/Berlin'];
/** Used when no time is given: the start of a working day. */
export const DEFAULT_HOUR = 9;

const EXAMPLES_TEXT = `such as ${SCHEDULE_EXAMPLES.map((e) => `\`${e}\``).join(', ')}`;
/** Words that carry no meaning of their own around days and times. */
const FILLERS = new Set(['every', 'each', 'on', 'at', 'and', 'the', 'in', 'weekly', 'week', 'a', '@', '&']);
/** chrono needs a reference instant; only weekday, hour and minute are read, so any fixed one does. */
const REFERENCE = new Date(Date.UTC(2026, 0, 7, 12));

const refuse = (message: string): never => {
  throw new InputError([{ path: 'schedule', message }]);
};

const pad = (n: number) => String(n).padStart(2, '0');

function takeZone(words: string[], fallback: string): { zone: string; rest: string[] } {
  const named = words.filter(looksLikeZone);
  if (named.length > 1) refuse(`name one time zone, not ${named.join(' and ')}.`);
  const given = named[0] ?? fallback;
  const zone = canonicalZone(given);
  if (zone === undefined) {
    return refuse(
      `"${given}" is not a time zone I know. Use an IANA name such as Europe/Berlin or America/New_York, or leave it out to use your own.`,
    );
  }
  return { zone, rest: words.filter((w) => !looksLikeZone(w)) };
}

function takeDaySets(text: string): { days: number[]; rest: string } {
  let rest = text;
  const days: number[] = [];
  for (const { pattern, days: set } of DAY_SET_WORDS) {
    rest = rest.replace(pattern, () => {
      days.push(...set);
      return ' ';
    });
  }
  return { days, rest };
}

function leftoverWords(text: string, results: readonly chrono.ParsedResult[]): string[] {
  let rest = text;
  for (const r of results) {
    rest = `${rest.slice(0, r.index)}${' '.repeat(r.text.length)}${rest.slice(r.index + r.text.length)}`;
  }
  return rest.split(/[\s,]+/).filter((w) => w !== '' && !FILLERS.has(w));
}

function readTime(results: readonly chrono.ParsedResult[]): { hour: number; minute: number } {
  const times = new Set<string>();
  for (const r of results) {
    if (!r.start.isCertain('hour')) continue;
    if (r.start.isCertain('second') && (r.start.get('second') ?? 0) !== 0) {
      refuse('give the time in hours and minutes, such as 9am or 16:30.');
    }
    times.add(`${r.start.get('hour') ?? 0}:${r.start.get('minute') ?? 0}`);
  }
  if (times.size > 1) refuse(`give one time for every day of the digest, not ${[...times].join(' and ')}.`);
  const [first] = [...times];
  if (first === undefined) return { hour: DEFAULT_HOUR, minute: 0 };
  const [hour = DEFAULT_HOUR, minute = 0] = first.split(':').map(Number);
  return { hour, minute };
}

/**
 * Reads a digest schedule such as `every monday 9am`, `every friday at 16:30`, `mondays 8am Europe/Berlin`
 * or `every weekday 9am` into a cron pattern and time zone. The zone is the one named, else `zone` (the
 * person's own). No time means 09:00. Throws InputError, with examples that work, for words it cannot
 * read, dates instead of days, and times from 01:00 to 02:59, which daylight-saving changes make happen
 * twice or not at all.
 */
export function parseDigestSchedule(text: string, options: { zone: string }): DigestSchedule {
  const { zone, rest: words } = takeZone(text.trim().split(/\s+/).filter(Boolean), options.zone);
  const lower = singularDays(words.join(' ').toLowerCase());
  if (lower.trim() === '') refuse(`say when the digest should run, ${EXAMPLES_TEXT}.`);
  const { days: setDays, rest } = takeDaySets(lower);
  const results = chrono.parse(rest, REFERENCE);
  const unread = leftoverWords(rest, results);
  if (unread.length > 0) {
    refuse(
      `I could not read "${unread.join(' ')}" as a day or a time. Write the day and the time, ${EXAMPLES_TEXT}.`,
    );
  }
  if (
    results.some(
      (r) => !r.start.isCertain('weekday') && (r.start.isCertain('day') || r.start.isCertain('month')),
    )
  ) {
    refuse(`the digest repeats every week, so name a weekday rather than a date, ${EXAMPLES_TEXT}.`);
  }
  const days = sortDays([
    ...setDays,
    ...results.flatMap((r) => (r.start.isCertain('weekday') ? [r.start.get('weekday') ?? 1] : [])),
  ]);
  if (days.length === 0) refuse(`say which day the digest should run, ${EXAMPLES_TEXT}.`);
  const { hour, minute } = readTime(results);
  if (hour >= 1 && hour < 3) {
    refuse(
      `${pad(hour)}:${pad(minute)} falls between 01:00 and 03:00, when daylight-saving changes make a time happen twice or not at all. Pick 03:00 or later, such as \`every monday 9am\`.`,
    );
  }
  const time = `${pad(hour)}:${pad(minute)}`;
  return {
    pattern: `${minute} ${hour} * * ${cronDays(days)}`,
    tz: zone,
    description: `${describeDays(days)} at ${time} (${zone})`,
    days,
    hour,
    minute,
    cadence: days.length === 1 ? 'weekly' : 'daily',
  };
}
