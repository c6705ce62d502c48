import { type Absence, shiftPastAbsence } from '../engines/optimizer/index.js';
import type { Enrolment } from '../store/enrolments.js';
import { repCalendar } from './enrol.js';
import type { Followups } from './followups.js';
import { moveReminder } from './reminders.js';

/** One step that moved out of an absence. */
export interface MovedStep {
  enrolmentId: string;
  leadName: string;
  step: number;
  from: string;
  to: string;
}

/**
 * Records a rep's absence and moves their scheduled steps past it (shiftPastAbsence): the first step due
 * inside it goes to the first working slot after, later ones keep their spacing in working days. Each
 * enrolment's record changes first and its jobs are re-filed after; if that fails the record is put back.
 */
export async function recordAbsence(
  f: Followups,
  args: { teamId: string; userId: string; absence: Absence; timezone: string; now: Date; today: string },
): Promise<MovedStep[]> {
  // The calendar without the new absence: shiftPastAbsence adds it itself and measures spacing without it.
  const calendar = await repCalendar(f, args.teamId, args.userId, args.timezone);
  await f.calendars.addAbsence(args.teamId, args.userId, args.absence, args.today);
  const moved: MovedStep[] = [];
  for (const enrolment of await f.enrolments.listForRep(args.teamId, args.userId)) {
    moved.push(...(await shiftEnrolment(f, enrolment, args.absence, calendar, args.now)));
  }
  return moved;
}

async function shiftEnrolment(
  f: Followups,
  enrolment: Enrolment,
  absence: Absence,
  calendar: Awaited<ReturnType<typeof repCalendar>>,
  now: Date,
): Promise<MovedStep[]> {
  const scheduled = enrolment.steps.filter((s) => s.state === 'scheduled');
  if (scheduled.length === 0) return [];
  const shifted = shiftPastAbsence(
    scheduled.map((s) => s.dueAt),
    absence,
    { ...calendar, timezone: enrolment.timezone },
  );
  const changes = new Map<number, string>();
  scheduled.forEach((s, i) => {
    const next = shifted[i];
    if (next?.moved) changes.set(s.index, next.dueAt);
  });
  if (changes.size === 0) return [];

  let before: Enrolment | undefined;
  const updated = await f.enrolments.update(enrolment.teamId, enrolment.id, (current) => {
    before = undefined;
    if (current.status !== 'active') return undefined;
    before = current;
    return {
      ...current,
      steps: current.steps.map((s) => {
        const dueAt = changes.get(s.index);
        return dueAt !== undefined && s.state === 'scheduled' ? { ...s, dueAt } : s;
      }),
    };
  });
  if (!updated || !before) return [];
  const original = before;
  try {
    for (const index of changes.keys()) await moveReminder(f, updated, index, now.getTime());
  } catch (error) {
    await f.enrolments.update(enrolment.teamId, enrolment.id, (current) => ({
      ...current,
      steps: current.steps.map((s) => (changes.has(s.index) ? (original.steps[s.index] ?? s) : s)),
    }));
    throw error;
  }
  return [...changes.entries()].map(([step, to]) => ({
    enrolmentId: enrolment.id,
    leadName: enrolment.leadName,
    step,
    from: original.steps[step]?.dueAt ?? '',
    to,
  }));
}
