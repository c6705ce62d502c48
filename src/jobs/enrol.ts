import { randomBytes } from 'node:crypto';
import {
  type Absence,
  type Sequence,
  scheduleSteps,
  templateFor,
  type WorkCalendar,
} from '../engines/optimizer/index.js';
import { ConflictError } from '../errors.js';
import type { Enrolment } from '../store/enrolments.js';
import type { Followups } from './followups.js';
import { scheduleReminders } from './reminders.js';

export interface EnrolInput {
  teamId: string;
  enterpriseId?: string | undefined;
  leadId: string;
  leadName: string;
  ownerId: string;
  enrolledBy: string;
  sequence: Sequence;
  now: Date;
  /** The owner's time zone (users.info), cached by the caller. */
  timezone: string;
}

/** The owner's working calendar: their zone, the team's holidays and their recorded absences. */
export async function repCalendar(
  f: Pick<Followups, 'calendars'>,
  teamId: string,
  userId: string,
  timezone: string,
  extraAbsence?: Absence,
): Promise<WorkCalendar> {
  const [holidays, absences] = await Promise.all([
    f.calendars.holidays(teamId),
    f.calendars.absences(teamId, userId),
  ]);
  return {
    timezone,
    holidays,
    outOfOffice: extraAbsence ? [...absences, extraAbsence] : absences,
  };
}

/** "Acme is already in …": names the active enrolment and how to end it. */
export function alreadyEnrolledMessage(active: Enrolment): string {
  const next = active.steps.find((s) => s.state === 'scheduled' || s.state === 'due');
  const left = active.steps.filter((s) => s.state === 'scheduled' || s.state === 'due').length;
  const nextText = next
    ? `, next: step ${next.index + 1} (${next.channel}) due ${next.dueAt.slice(0, 10)}`
    : '';
  return (
    `${active.leadName} is already enrolled in "${active.sequence.name}" (enrolment ${active.id}, ` +
    `started ${active.startedAt.slice(0, 10)} by <@${active.enrolledBy}>, ${left} of ${active.steps.length} steps left${nextText}). ` +
    `A lead runs one sequence at a time: stop that one first with \`/sales-ops sequence stop ${active.leadName}\`.`
  );
}

/**
 * Enrols a lead: dates every step on the owner's calendar, stores the enrolment behind the lead's
 * one-active-enrolment guard, then adds one delayed reminder job per step. When the lead is already
 * enrolled it throws ConflictError naming that enrolment; when the jobs cannot be added it removes the
 * enrolment again, so nothing is half-saved.
 */
export async function enrol(f: Followups, input: EnrolInput): Promise<Enrolment> {
  const calendar = await repCalendar(f, input.teamId, input.ownerId, input.timezone);
  const nowIso = input.now.toISOString();
  const due = scheduleSteps({ ...calendar, start: nowIso, steps: input.sequence.steps });
  const enrolment: Enrolment = {
    id: `e${randomBytes(6).toString('hex')}`,
    teamId: input.teamId,
    ...(input.enterpriseId ? { enterpriseId: input.enterpriseId } : {}),
    leadId: input.leadId,
    leadName: input.leadName,
    ownerId: input.ownerId,
    enrolledBy: input.enrolledBy,
    sequence: input.sequence,
    timezone: input.timezone,
    startedAt: nowIso,
    status: 'active',
    steps: input.sequence.steps.map((step, index) => {
      const { variant } = templateFor(input.sequence, index, input.leadId);
      return {
        index,
        channel: step.channel,
        day: step.day,
        dueAt: due[index]?.dueAt ?? nowIso,
        state: 'scheduled' as const,
        round: 0,
        ...(variant ? { variant } : {}),
      };
    }),
  };
  const result = await f.enrolments.create(enrolment);
  if (!result.created) {
    const active = await f.enrolments.get(input.teamId, result.activeId);
    throw new ConflictError(
      active
        ? alreadyEnrolledMessage(active)
        : `${input.leadName} is already enrolled (enrolment ${result.activeId}); stop it first with \`/sales-ops sequence stop ${input.leadName}\`.`,
    );
  }
  try {
    await scheduleReminders(
      f,
      enrolment,
      enrolment.steps.map((s) => s.index),
      input.now.getTime(),
    );
  } catch (error) {
    await f.enrolments.remove(enrolment);
    throw error;
  }
  return enrolment;
}
