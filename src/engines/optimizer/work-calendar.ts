import { DateTime, IANAZone } from 'luxon';
import { InputError, type Problem } from '../../errors.js';

/** A stretch of days off, both ends included, written as local dates `YYYY-MM-DD`. */
export interface Absence {
  from: string;
  to: string;
}

/** When a rep works: their IANA time zone, the local time a step falls due, working weekdays and days off. */
export interface WorkCalendar {
  timezone: string;
  /** Local hour (0–23) at which a due step lands; 9 unless given. */
  workingHour?: number;
  workingMinute?: number;
  /** ISO weekdays that count as working days: 1 = Monday … 7 = Sunday; Monday to Friday unless given. */
  workdays?: readonly number[];
  holidays?: readonly string[];
  outOfOffice?: readonly Absence[];
}

/** A calendar whose every field has been checked, ready for day-by-day walking. */
export interface ResolvedCalendar {
  zone: string;
  hour: number;
  minute: number;
  workdays: ReadonlySet<number>;
  holidays: ReadonlySet<string>;
  absences: readonly Absence[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Ten years of calendar days: a calendar with no working day in that span is a configuration mistake. */
const MAX_WALK_DAYS = 3660;

function isCalendarDate(value: string): boolean {
  return ISO_DATE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** Checks every field of a calendar and reports all problems at once, each saying how to fix it. */
export function resolveCalendar(calendar: WorkCalendar): ResolvedCalendar {
  const problems: Problem[] = [];
  const { timezone, workingHour = 9, workingMinute = 0, workdays = [1, 2, 3, 4, 5] } = calendar;
  if (!IANAZone.isValidZone(timezone)) {
    problems.push({
      path: 'timezone',
      message: `"${timezone}" is not an IANA time zone; use a name such as Europe/Berlin or America/New_York`,
    });
  }
  if (!isIntegerIn(workingHour, 0, 23)) {
    problems.push({ path: 'workingHour', message: 'must be a whole hour from 0 to 23, such as 9' });
  }
  if (!isIntegerIn(workingMinute, 0, 59)) {
    problems.push({ path: 'workingMinute', message: 'must be a whole minute from 0 to 59' });
  }
  if (workdays.length === 0 || !workdays.every((d) => isIntegerIn(d, 1, 7))) {
    problems.push({
      path: 'workdays',
      message: 'must list at least one weekday as 1 (Monday) to 7 (Sunday), such as [1, 2, 3, 4, 5]',
    });
  }
  (calendar.holidays ?? []).forEach((day, i) => {
    if (!isCalendarDate(day))
      problems.push({ path: `holidays[${i}]`, message: 'must be a date written YYYY-MM-DD' });
  });
  (calendar.outOfOffice ?? []).forEach((absence, i) => {
    problems.push(...absenceProblems(absence, `outOfOffice[${i}]`));
  });
  if (problems.length > 0) throw new InputError(problems);
  return {
    zone: timezone,
    hour: workingHour,
    minute: workingMinute,
    workdays: new Set(workdays),
    holidays: new Set(calendar.holidays ?? []),
    absences: [...(calendar.outOfOffice ?? [])],
  };
}

/** Problems with one absence: both ends must be real dates and `from` must not come after `to`. */
export function absenceProblems(absence: Absence, path: string): Problem[] {
  const problems: Problem[] = [];
  if (!isCalendarDate(absence.from)) {
    problems.push({ path: `${path}.from`, message: 'must be a date written YYYY-MM-DD' });
  }
  if (!isCalendarDate(absence.to)) {
    problems.push({ path: `${path}.to`, message: 'must be a date written YYYY-MM-DD' });
  }
  if (problems.length === 0 && absence.from > absence.to) {
    problems.push({ path: `${path}.to`, message: `must be on or after ${absence.from}` });
  }
  return problems;
}

/**
 * A local calendar date, held as midnight UTC so that adding days is plain date arithmetic:
 * a DST change in the rep's zone can never turn "plus one day" into 23 or 25 hours here.
 */
export type LocalDate = DateTime;

/** The local calendar date of an instant in the calendar's zone. */
export function localDateOf(instant: DateTime, calendar: ResolvedCalendar): LocalDate {
  const local = instant.setZone(calendar.zone);
  return DateTime.fromObject({ year: local.year, month: local.month, day: local.day }, { zone: 'utc' });
}

/** Parses a `YYYY-MM-DD` string into a local calendar date. */
export function parseLocalDate(value: string): LocalDate {
  return DateTime.fromISO(value, { zone: 'utc' });
}

/** Formats a local calendar date as `YYYY-MM-DD`. */
export function formatLocalDate(date: LocalDate): string {
  return date.toFormat('yyyy-LL-dd');
}

/** True when the date is a working weekday and neither a holiday nor inside an absence. */
export function isWorkingDate(date: LocalDate, calendar: ResolvedCalendar): boolean {
  const iso = formatLocalDate(date);
  if (!calendar.workdays.has(date.weekday) || calendar.holidays.has(iso)) return false;
  // ISO dates compare correctly as strings, so an absence is a simple range check.
  return !calendar.absences.some((a) => a.from <= iso && iso <= a.to);
}

/** The working date that lies `count` working dates after `date` (count 0 returns `date` itself). */
export function addWorkingDays(date: LocalDate, count: number, calendar: ResolvedCalendar): LocalDate {
  let current = date;
  let left = count;
  for (let walked = 0; left > 0; walked += 1) {
    if (walked > MAX_WALK_DAYS) {
      throw new InputError([
        {
          path: 'outOfOffice',
          message: 'leaves no working day within ten years; shorten the absences or add workdays',
        },
      ]);
    }
    current = current.plus({ days: 1 });
    if (isWorkingDate(current, calendar)) left -= 1;
  }
  return current;
}

/** The first working date on or after `date`. */
export function firstWorkingDateFrom(date: LocalDate, calendar: ResolvedCalendar): LocalDate {
  return isWorkingDate(date, calendar) ? date : addWorkingDays(date, 1, calendar);
}

/**
 * The instant at which a step is due on a local date. When the working time does not exist that day
 * (it falls in a spring-forward gap) luxon moves it forward by the gap, so the step is never lost.
 */
export function slotOn(date: LocalDate, calendar: ResolvedCalendar): DateTime {
  return DateTime.fromObject(
    { year: date.year, month: date.month, day: date.day, hour: calendar.hour, minute: calendar.minute },
    { zone: calendar.zone },
  );
}

/** Formats an instant as ISO 8601 in UTC, e.g. `2026-03-09T13:00:00Z`. */
export function formatInstant(instant: DateTime): string {
  return instant.toUTC().toISO({ suppressMilliseconds: true }) ?? '';
}

/** Parses an ISO instant in the calendar's zone; a string without an offset is read as local time there. */
export function parseInstant(value: string, calendar: ResolvedCalendar, path: string): DateTime {
  const parsed = DateTime.fromISO(value, { zone: calendar.zone });
  if (!parsed.isValid) {
    throw new InputError([
      { path, message: `"${value}" is not an ISO date-time such as 2026-03-06T15:00:00Z` },
    ]);
  }
  return parsed;
}
