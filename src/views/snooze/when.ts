import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';

/** A snooze further out than this is more likely a typo ("2072") than a plan. */
const MAX_AHEAD_DAYS = 366;

export type WhenResult = { ok: true; at: Date } | { ok: false; error: string };

/** The chrono reference: now, in the rep's UTC offset at this moment. */
function reference(now: Date, zone: string) {
  return { instant: now, timezone: DateTime.fromJSDate(now, { zone }).offset };
}

/** The wall-clock components chrono read, as an instant in the rep's IANA zone (DST-correct). */
function inZone(components: chrono.ParsedComponents, zone: string, hour?: number): DateTime {
  return DateTime.fromObject(
    {
      year: components.get('year') ?? undefined,
      month: components.get('month') ?? undefined,
      day: components.get('day') ?? undefined,
      hour: hour ?? components.get('hour') ?? 0,
      minute: hour === undefined ? (components.get('minute') ?? 0) : 0,
    },
    { zone },
  );
}

/**
 * Reads "tomorrow 3pm", "in 2 days", "friday at 10" or "in 2 hours" in the rep's time zone, relative to
 * `now`. A day without a time lands at the working hour. Explicit zones ("3pm EST") and relative times
 * ("in 2 hours") are taken as instants. The result must lie in the future, within a year.
 */
export function parseWhen(text: string, now: Date, zone: string, workingHour = 9): WhenResult {
  const example = 'write something like "tomorrow 3pm", "in 2 days" or "friday at 10am"';
  const [result] = chrono.parse(text.trim(), reference(now, zone), { forwardDate: true });
  if (!result) return { ok: false, error: `Could not read "${text.trim()}" as a time; ${example}.` };
  const start = result.start;
  const at = start.isCertain('timezoneOffset')
    ? DateTime.fromJSDate(start.date())
    : inZone(start, zone, start.isCertain('hour') ? undefined : workingHour);
  if (!at.isValid) return { ok: false, error: `"${text.trim()}" is not a real date and time; ${example}.` };
  if (at.toMillis() <= now.getTime()) {
    return {
      ok: false,
      error: `That is in the past (${at.setZone(zone).toFormat('ccc d LLL HH:mm')}); ${example}.`,
    };
  }
  if (at.toMillis() - now.getTime() > MAX_AHEAD_DAYS * 24 * 3600 * 1000) {
    return { ok: false, error: 'That is more than a year away; pick a time within the next twelve months.' };
  }
  return { ok: true, at: at.toJSDate() };
}

export type DateRangeResult = { ok: true; from: string; to: string } | { ok: false; error: string };

const localDate = (c: chrono.ParsedComponents) => inZone(c, 'UTC', 0).toFormat('yyyy-LL-dd');

/**
 * Reads an absence: "until Dec 2" (from today), "Dec 1 - Dec 5" or "from Dec 1 until Dec 5", as local
 * dates in the rep's zone; the last day must not be before today nor more than a year away.
 */
export function parseAbsence(text: string, now: Date, zone: string): DateRangeResult {
  const example = 'write something like `/sales-ops ooo until Dec 2` or `/sales-ops ooo Dec 1 - Dec 5`';
  const results = chrono.parse(text.trim(), reference(now, zone), { forwardDate: true });
  const first = results[0];
  if (!first) return { ok: false, error: `Could not read "${text.trim()}" as a date; ${example}.` };
  const today = DateTime.fromJSDate(now, { zone }).toFormat('yyyy-LL-dd');
  const untilOnly = /^\s*(until|till|til|to|through)\b/i.test(text);
  const endComponents = first.end ?? (untilOnly ? first.start : (results[1]?.start ?? first.start));
  const from = untilOnly ? today : localDate(first.start);
  const to = localDate(endComponents);
  if (to < today) return { ok: false, error: `${to} is already past; ${example}.` };
  if (to < from)
    return { ok: false, error: `The absence ends (${to}) before it starts (${from}); ${example}.` };
  const limit = DateTime.fromJSDate(now, { zone }).plus({ days: MAX_AHEAD_DAYS }).toFormat('yyyy-LL-dd');
  if (to > limit)
    return { ok: false, error: 'That is more than a year away; pick a date within the next twelve months.' };
  // ISO dates sort as strings: the later of the start and today.
  const start = [today, from].sort()[1] ?? from;
  return { ok: true, from: start, to };
}
