import { stepKey } from '../engines/optimizer/index.js';
import { NotFoundError } from '../errors.js';
import { allStepsFinished, type Enrolment, type EnrolmentStatus } from '../store/enrolments.js';
import { counterVariant } from '../store/sequences-ab.js';
import type { Followups } from './followups.js';
import { cancelReminders, moveReminder } from './reminders.js';

/** What an action did: the enrolment after it, and whether it changed anything. */
export interface ActionResult {
  enrolment: Enrolment;
  changed: boolean;
}

async function load(f: Followups, teamId: string, enrolmentId: string): Promise<Enrolment> {
  const enrolment = await f.enrolments.get(teamId, enrolmentId);
  if (!enrolment) {
    throw new NotFoundError(
      'That follow-up no longer exists (it ended long ago or the app was reinstalled); see `/sales-ops sequence` for the active ones.',
    );
  }
  return enrolment;
}

const pending = (e: Enrolment) => e.steps.filter((s) => s.state === 'scheduled').map((s) => s.index);

/**
 * Ends an active enrolment (replied or stopped): cancels every step not yet done and removes their jobs.
 * The record is changed first, so a reminder that fires meanwhile finds the enrolment ended and skips.
 */
async function end(
  f: Followups,
  teamId: string,
  enrolmentId: string,
  status: Exclude<EnrolmentStatus, 'active'>,
  by: string,
  now: Date,
): Promise<ActionResult> {
  let changed = false;
  let toCancel: number[] = [];
  const enrolment = await f.enrolments.update(teamId, enrolmentId, (current) => {
    // The change may run again after a concurrent write: start from scratch each time.
    changed = false;
    toCancel = [];
    if (current.status !== 'active') return undefined;
    changed = true;
    toCancel = pending(current);
    return {
      ...current,
      status,
      endedAt: now.toISOString(),
      endedBy: by,
      steps: current.steps.map((s) =>
        s.state === 'scheduled' || s.state === 'due' ? { ...s, state: 'cancelled' as const } : s,
      ),
    };
  });
  if (!enrolment) return { enrolment: await load(f, teamId, enrolmentId), changed };
  if (changed) await cancelReminders(f, enrolment, toCancel);
  return { enrolment, changed };
}

/** Stops an enrolment: its remaining reminders are cancelled. */
export function stopEnrolment(f: Followups, teamId: string, enrolmentId: string, by: string, now: Date) {
  return end(f, teamId, enrolmentId, 'stopped', by, now);
}

/**
 * The lead replied at a step: the enrolment ends, its remaining reminders are cancelled, and the reply is
 * counted for A/B against that step and the lead's variant (once, however often the button is pressed).
 */
export async function recordReply(
  f: Followups,
  args: { teamId: string; enrolmentId: string; step: number; by: string; now: Date },
): Promise<ActionResult> {
  const result = await end(f, args.teamId, args.enrolmentId, 'replied', args.by, args.now);
  const step = result.enrolment.steps[args.step];
  if (result.changed && step) {
    const key = stepKey(result.enrolment.sequence, args.step);
    await f.ab.recordReply(args.teamId, key, counterVariant(step.variant));
  }
  return result;
}

/** Marks a step done; when it was the last open step the enrolment completes and frees the lead. */
export async function markStepDone(
  f: Followups,
  args: { teamId: string; enrolmentId: string; step: number; by: string; now: Date },
): Promise<ActionResult> {
  let changed = false;
  let wasScheduled = false;
  const enrolment = await f.enrolments.update(args.teamId, args.enrolmentId, (current) => {
    changed = false;
    const step = current.steps[args.step];
    if (current.status !== 'active' || !step || step.state === 'done' || step.state === 'cancelled') {
      return undefined;
    }
    changed = true;
    wasScheduled = step.state === 'scheduled';
    const steps = current.steps.map((s) =>
      s.index === args.step ? { ...s, state: 'done' as const, doneAt: args.now.toISOString() } : s,
    );
    const next = { ...current, steps };
    return allStepsFinished(next)
      ? { ...next, status: 'completed' as const, endedAt: args.now.toISOString(), endedBy: args.by }
      : next;
  });
  if (!enrolment) return { enrolment: await load(f, args.teamId, args.enrolmentId), changed };
  if (changed && wasScheduled) await cancelReminders(f, enrolment, [args.step]);
  return { enrolment, changed };
}

/**
 * Snoozes a step to `until`: a new round of the step (a new DM) is filed at that instant. If the job
 * cannot be moved the step is put back as it was, so nothing is half-saved.
 */
export async function snoozeStep(
  f: Followups,
  args: { teamId: string; enrolmentId: string; step: number; until: Date; now: Date },
): Promise<Enrolment> {
  let before: Enrolment | undefined;
  const enrolment = await f.enrolments.update(args.teamId, args.enrolmentId, (current) => {
    before = undefined;
    const step = current.steps[args.step];
    if (current.status !== 'active' || !step || step.state === 'done' || step.state === 'cancelled') {
      return undefined;
    }
    before = current;
    const dueAt = args.until.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const steps = current.steps.map((s) =>
      s.index === args.step ? { ...s, state: 'scheduled' as const, dueAt, round: s.round + 1 } : s,
    );
    return { ...current, steps };
  });
  if (!enrolment || !before) {
    throw new NotFoundError(
      'That follow-up has already ended or this step is done, so there is nothing to snooze.',
    );
  }
  try {
    await moveReminder(f, enrolment, args.step, args.now.getTime());
  } catch (error) {
    const restore = before;
    await f.enrolments.update(args.teamId, args.enrolmentId, (current) => ({
      ...current,
      steps: current.steps.map((s) => (s.index === args.step ? (restore.steps[s.index] ?? s) : s)),
    }));
    throw error;
  }
  return enrolment;
}
