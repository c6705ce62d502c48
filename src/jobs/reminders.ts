import type { JobsOptions } from 'bullmq';
import { ConflictError } from '../errors.js';
import type { Enrolment } from '../store/enrolments.js';
import type { Followups } from './followups.js';
import { reminderJobId } from './ids.js';
import type { ReminderJobData } from './job-data.js';
import { JOB_NAMES } from './queues.js';

/**
 * Reminder jobs are not entered in the team's job index: their ids derive from the enrolment (id and step),
 * so cancelling or uninstalling works them out from the enrolments instead (removeEnrolmentReminders).
 */
type Deps = Pick<Followups, 'queues'>;

/**
 * How long before a step's due instant its reminder job runs: the job reads and renders the reminder and
 * then waits for the due instant to post it (processors/reminder.ts), so a burst of reminders due in the
 * same second is not read and rendered one after another once they are already due.
 */
export const REMINDER_LEAD_MS = 5_000;

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

/** Adds the delayed reminder jobs of every step of several enrolments in one addBulk. */
export async function scheduleRemindersOf(
  deps: Deps,
  enrolments: readonly Enrolment[],
  nowMs: number,
): Promise<void> {
  await deps.queues.reminders.addBulk(
    enrolments.flatMap((e) => e.steps.map((s) => reminderJob(e, s.index, nowMs))),
  );
}

/** Removes the reminder jobs of the given steps (a job already finished or gone is fine). */
export async function cancelReminders(
  deps: Deps,
  enrolment: Enrolment,
  indexes: readonly number[],
): Promise<void> {
  await removeReminderJobs(deps, enrolment, indexes);
}

/** Removes the given steps' jobs; returns how many there were. */
async function removeReminderJobs(deps: Deps, enrolment: Enrolment, indexes: readonly number[]) {
  const removed = await Promise.all(
    indexes.map((i) => deps.queues.reminders.remove(reminderJobId(enrolment.teamId, enrolment.id, i))),
  );
  return removed.reduce((sum, n) => sum + n, 0);
}

/**
 * Removes the reminder job of every step of every enrolment the team has (for uninstall), running or ended;
 * returns how many jobs went.
 */
export async function removeEnrolmentReminders(
  deps: Deps & Pick<Followups, 'enrolments'>,
  teamId: string,
): Promise<number> {
  let removed = 0;
  for await (const batch of deps.enrolments.scanAll(teamId)) {
    const counts = await Promise.all(
      batch.map((e) =>
        removeReminderJobs(
          deps,
          e,
          e.steps.map((s) => s.index),
        ),
      ),
    );
    removed += counts.reduce((sum, n) => sum + n, 0);
  }
  return removed;
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
  await deps.queues.reminders.add(job.name, job.data, job.opts);
}
