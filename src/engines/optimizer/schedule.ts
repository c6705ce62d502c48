import type { DateTime } from 'luxon';
import { InputError } from '../../errors.js';
import {
  type Absence,
  absenceProblems,
  addWorkingDays,
  firstWorkingDateFrom,
  formatInstant,
  formatLocalDate,
  isWorkingDate,
  type LocalDate,
  localDateOf,
  parseInstant,
  parseLocalDate,
  type ResolvedCalendar,
  resolveCalendar,
  slotOn,
  type WorkCalendar,
} from './work-calendar.js';

export interface ScheduleInput extends WorkCalendar {
  /** When the lead was enrolled (ISO instant); Day N counts from its local date. */
  start: string;
  steps: readonly { day: number }[];
}

export interface ScheduledStep {
  day: number;
  /** ISO instant in UTC, e.g. `2026-03-09T13:00:00Z`. */
  dueAt: string;
  /** The rep's local date of the due time, `YYYY-MM-DD`. */
  localDate: string;
}

export interface ShiftedDue {
  dueAt: string;
  localDate: string;
  moved: boolean;
}

/**
 * Dates every step: "Day N" is the Nth working day after the start's local date, so weekends, holidays and
 * days out of office pause the clock instead of piling steps up; each step is due at the working time.
 */
export function scheduleSteps(input: ScheduleInput): ScheduledStep[] {
  const calendar = resolveCalendar(input);
  const start = parseInstant(input.start, calendar, 'start');
  const startDate = localDateOf(start, calendar);
  input.steps.forEach((step, i) => {
    if (!Number.isInteger(step.day) || step.day < 0) {
      throw new InputError([
        { path: `steps[${i}].day`, message: 'must be a whole number of days, 0 or more' },
      ]);
    }
  });
  return input.steps.map((step) => {
    // Day 0 means "as soon as possible": the next working slot, which may still be today.
    const due =
      step.day === 0
        ? nextSlot(start, calendar)
        : slotOn(addWorkingDays(startDate, step.day, calendar), calendar);
    return {
      day: step.day,
      dueAt: formatInstant(due),
      localDate: formatLocalDate(localDateOf(due, calendar)),
    };
  });
}

function nextSlot(instant: DateTime, calendar: ResolvedCalendar): DateTime {
  const date = localDateOf(instant, calendar);
  if (isWorkingDate(date, calendar)) {
    const slot = slotOn(date, calendar);
    if (slot.toMillis() >= instant.toMillis()) return slot;
  }
  return slotOn(addWorkingDays(date, 1, calendar), calendar);
}

/** The first working slot at or after an instant, as an ISO instant in UTC. */
export function nextWorkingSlot(instant: string, options: WorkCalendar): string {
  const calendar = resolveCalendar(options);
  return formatInstant(nextSlot(parseInstant(instant, calendar, 'instant'), calendar));
}

/** Working days in (from, to], so a step's distance from the one before it can be replayed elsewhere. */
function workingDaysBetween(from: LocalDate, to: LocalDate, calendar: ResolvedCalendar): number {
  let count = 0;
  for (let d = from.plus({ days: 1 }); d <= to; d = d.plus({ days: 1 })) {
    if (isWorkingDate(d, calendar)) count += 1;
  }
  return count;
}

/**
 * Moves due steps out of an absence (`/sales-ops ooo until Dec 2`): the first step due inside it moves to
 * the first working slot after it, and every later step keeps its distance in working days from the step
 * before it. Results are in the order of `dueTimes`; steps before the absence stay where they were.
 */
export function shiftPastAbsence(
  dueTimes: readonly string[],
  absence: Absence,
  options: WorkCalendar,
): ShiftedDue[] {
  const problems = absenceProblems(absence, 'absence');
  if (problems.length > 0) throw new InputError(problems);
  const base = resolveCalendar(options);
  const away = resolveCalendar({ ...options, outOfOffice: [...(options.outOfOffice ?? []), absence] });

  const items = dueTimes.map((value, index) => {
    const instant = parseInstant(value, base, `dueTimes[${index}]`);
    const date = localDateOf(instant, base);
    return { index, dueAt: formatInstant(instant), date, localDate: formatLocalDate(date) };
  });
  const result: ShiftedDue[] = items.map(({ dueAt, localDate }) => ({ dueAt, localDate, moved: false }));
  const inTimeOrder = [...items].sort((x, y) => (x.dueAt < y.dueAt ? -1 : x.dueAt > y.dueAt ? 1 : 0));
  const firstInside = inTimeOrder.findIndex((d) => absence.from <= d.localDate && d.localDate <= absence.to);
  if (firstInside === -1) return result;

  let previous: { original: LocalDate; shifted: LocalDate } | undefined;
  for (const item of inTimeOrder.slice(firstInside)) {
    const shifted =
      previous === undefined
        ? firstWorkingDateFrom(parseLocalDate(absence.to).plus({ days: 1 }), away)
        : addWorkingDays(previous.shifted, workingDaysBetween(previous.original, item.date, base), away);
    const dueAt = formatInstant(slotOn(shifted, away));
    result[item.index] = { dueAt, localDate: formatLocalDate(shifted), moved: dueAt !== item.dueAt };
    previous = { original: item.date, shifted };
  }
  return result;
}
