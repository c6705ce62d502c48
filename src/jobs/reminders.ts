import type { JobsOptions } from 'bullmq';
import { ConflictError } from '../errors.js';
import type { Enrolment } from '../store/enrolments.js';
import type { Followups } from './followups.js';
import { reminderJobId } from './ids.js';
import type { ReminderJobData } from './job-data.js';
import { JOB_NAMES, QUEUE_NAMES } from './queues.js';

type Deps = Pick<Followups, 'queues' | 'jobIndex'>;

/**
 * How long before a step's due instant its reminder job runs: the job reads and renders the reminder and
 * then waits for the due instant to post it (processors/reminder.ts), so a burst of reminders due in the
 * same second is not read and rendered one after another once they are already due.
 */
export const REMINDER_LEAD_MS = 2_000;

/**
 * The delayed job of one step. `timestamp` is the caller's clock and `delay` runs from it, so BullMQ files
 * the job at exactly `timestamp + delay` = the step's due instant from the calendar less REMINDER_LEAD_MS.
 */
function reminderJob(enrolment: Enrolment, index: number, nowMs: number) {
  const step = enrolment.steps[index];
  if (step === undefined) throw new Error(`enrolment ${enrolment.id} has no step ${index + 1}`);
  const data: ReminderJobData = {
    teamId: enrolment.teamId,
    ...(enrolment.enterpriseId ? { enterpriseId: enrolment.enterpriseId } : {}),
    enrolmentId: enrolment.id,
    step: index,
  };
  const opts: JobsOptions = {
    jobId: reminderJobId(enrolment.teamId, enrolment.id, index),
    delay: Math.max(0, Date.parse(step.dueAt) - REMINDER_LEAD_MS - nowMs),
    timestamp: nowMs,
  };
  return { name: JOB_NAMES.reminder, data, opts };
}

/** Adds the delayed reminder jobs of the given steps in one transaction, indexed under the team. */
export async function scheduleReminders(
  deps: Deps,
  enrolment: Enrolment,
  indexes: readonly number[],
  nowMs: number,
): Promise<string[]> {
  const jobs = indexes.map((i) => reminderJob(enrolment, i, nowMs));
  const ids = jobs.map((j) => j.opts.jobId ?? '');
  await deps.jobIndex.add(enrolment.teamId, QUEUE_NAMES.reminders, ids);
  await deps.queues.reminders.addBulk(jobs);
  return ids;
}

/** Adds the delayed reminder jobs of every step of several enrolments in one addBulk, indexed under their teams. */
export async function scheduleRemindersOf(
  deps: Deps,
  enrolments: readonly Enrolment[],
  nowMs: number,
): Promise<void> {
  const jobs = enrolments.flatMap((e) => e.steps.map((s) => reminderJob(e, s.index, nowMs)));
  const byTeam = new Map<string, string[]>();
  for (const job of jobs) {
    const ids = byTeam.get(job.data.teamId) ?? [];
    ids.push(job.opts.jobId ?? '');
    byTeam.set(job.data.teamId, ids);
  }
  await Promise.all([
    ...[...byTeam].map(([teamId, ids]) => deps.jobIndex.add(teamId, QUEUE_NAMES.reminders, ids)),
    deps.queues.reminders.addBulk(jobs),
  ]);
}

/** Removes the reminder jobs of the given steps (a job already finished or gone is fine). */
export async function cancelReminders(
  deps: Deps,
  enrolment: Enrolment,
  indexes: readonly number[],
): Promise<void> {
  const ids = indexes.map((i) => reminderJobId(enrolment.teamId, enrolment.id, i));
  for (const id of ids) await deps.queues.reminders.remove(id);
  await deps.jobIndex.remove(enrolment.teamId, QUEUE_NAMES.reminders, ids);
}

/**
 * Re-files one step's reminder at its (new) due time: the old job, delayed or finished, is removed and a job
 * with the same id added. A job that is running right now cannot be moved, and the person is told so.
 */
export async function moveReminder(deps: Deps, enrolment: Enrolment, index: number, nowMs: number) {
  const job = reminderJob(enrolment, index, nowMs);
  const id = job.opts.jobId ?? '';
  const removed = await deps.queues.reminders.remove(id);
  if (removed === 0) {
    const existing = await deps.queues.reminders.getJob(id);
    if (existing && (await existing.isActive())) {
      throw new ConflictError('That reminder is being sent right now; try again in a few seconds.');
    }
  }
  await deps.jobIndex.add(enrolment.teamId, QUEUE_NAMES.reminders, [id]);
  await deps.queues.reminders.add(job.name, job.data, job.opts);
}
