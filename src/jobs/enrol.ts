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
import { sequenceVersion } from '../store/enrolments-model.js';
import type { Followups } from './followups.js';
import { cancelReminders, scheduleRemindersOf } from './reminders.js';

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
  const found = await f.calendars.calendarsOf(teamId, [userId]);
  const absences = found.absences.get(userId) ?? [];
  return {
    timezone,
    holidays: found.holidays,
    outOfOffice: extraAbsence ? [...absences, extraAbsence] : absences,
  };
}

/**
 * The calendar of every owner in `inputs`, read with one MGET per team, each with a key that is equal for
 * equal calendars (so leads of reps with the same calendar share their due dates).
 */
async function calendarsOf(
  f: Pick<Followups, 'calendars'>,
  inputs: readonly EnrolInput[],
): Promise<(input: EnrolInput) => { calendar: WorkCalendar; key: string }> {
  const owners = new Map<string, Set<string>>();
  for (const input of inputs) {
    const users = owners.get(input.teamId) ?? new Set<string>();
    users.add(input.ownerId);
    owners.set(input.teamId, users);
  }
  const teams = new Map(
    await Promise.all(
      [...owners].map(
        async ([teamId, users]) => [teamId, await f.calendars.calendarsOf(teamId, [...users])] as const,
      ),
    ),
  );
  const known = new Map<string, { calendar: WorkCalendar; key: string }>();
  return (input) => {
    const id = `${input.teamId}/${input.ownerId}/${input.timezone}`;
    const found = known.get(id);
    if (found) return found;
    const calendar = {
      timezone: input.timezone,
      holidays: teams.get(input.teamId)?.holidays ?? [],
      outOfOffice: teams.get(input.teamId)?.absences.get(input.ownerId) ?? [],
    };
    const made = { calendar, key: JSON.stringify(calendar) };
    known.set(id, made);
    return made;
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

function buildEnrolment(
  id: string,
  input: EnrolInput,
  dueOf: (steps: Sequence['steps'], start: string) => { dueAt: string }[],
): Enrolment {
  const nowIso = input.now.toISOString();
  const due = dueOf(input.sequence.steps, nowIso);
  return {
    id,
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
}

/** What enrolling one lead of a batch came to: its enrolment, or why it was not enrolled. */
export type EnrolOutcome = { enrolled: Enrolment } | { error: Error };

/**
 * Enrols several leads in one round of writes: every enrolment record (behind its lead's one-active-enrolment
 * guard, one script call per team) and every step's delayed reminder job (one addBulk) go to Redis together,
 * rather than waiting on each lead in turn; the owners' calendars are read in one MGET per team. A lead already enrolled gets a ConflictError naming that enrolment and
 * its jobs are removed again (a reminder that ran meanwhile found no enrolment and did nothing); when the
 * jobs cannot be added every new enrolment is removed, so nothing is half-saved.
 */
export async function enrolMany(f: Followups, inputs: readonly EnrolInput[]): Promise<EnrolOutcome[]> {
  const calendarOf = await calendarsOf(f, inputs);
  // Leads whose owners have the same calendar, enrolled in the same sequence at the same moment, share
  // their due dates: work them out once per batch (reps of one team usually differ only by absences).
  const schedules = new Map<string, { dueAt: string }[]>();
  // One draw of random bytes for the whole batch: 6 bytes, 12 hex digits, per enrolment id.
  const random = randomBytes(6 * inputs.length).toString('hex');
  const enrolments = inputs.map((input, i) =>
    buildEnrolment(`e${random.slice(12 * i, 12 * i + 12)}`, input, (steps, start) => {
      const { calendar, key: calendarKey } = calendarOf(input);
      const key = `${calendarKey}/${sequenceVersion(input.sequence)}/${start}`;
      const known = schedules.get(key);
      if (known && known.length === steps.length) return known;
      const due = scheduleSteps({ ...calendar, start, steps });
      schedules.set(key, due);
      return due;
    }),
  );
  const nowMs = inputs[0]?.now.getTime() ?? Date.now();
  const [created, jobs] = await Promise.allSettled([
    f.enrolments.createMany(enrolments),
    scheduleRemindersOf(f, enrolments, nowMs),
  ]);
  if (created.status === 'rejected' || jobs.status === 'rejected') {
    await Promise.allSettled([
      ...enrolments.map((e) => f.enrolments.remove(e)),
      ...enrolments.map((e) =>
        cancelReminders(
          f,
          e,
          e.steps.map((s) => s.index),
        ),
      ),
    ]);
    throw created.status === 'rejected' ? created.reason : (jobs as PromiseRejectedResult).reason;
  }
  return Promise.all(
    enrolments.map(async (enrolment, i): Promise<EnrolOutcome> => {
      const result = created.value[i];
      if (result?.created) return { enrolled: enrolment };
      await cancelReminders(
        f,
        enrolment,
        enrolment.steps.map((s) => s.index),
      );
      const activeId = result?.activeId ?? '';
      const active = await f.enrolments.get(enrolment.teamId, activeId);
      return {
        error: new ConflictError(
          active
            ? alreadyEnrolledMessage(active)
            : `${enrolment.leadName} is already enrolled (enrolment ${activeId}); stop it first with \`/sales-ops sequence stop ${enrolment.leadName}\`.`,
        ),
      };
    }),
  );
}

/**
 * Enrols a lead: dates every step on the owner's calendar, then stores the enrolment behind the lead's
 * one-active-enrolment guard and adds one delayed reminder job per step in the same round of writes.
 * When the lead is already enrolled it throws ConflictError naming that enrolment.
 */
export async function enrol(f: Followups, input: EnrolInput): Promise<Enrolment> {
  const [outcome] = await enrolMany(f, [input]);
  if (outcome === undefined) throw new Error('enrolling returned nothing');
  if ('error' in outcome) throw outcome.error;
  return outcome.enrolled;
}
