import { type Job, UnrecoverableError } from 'bullmq';
import { type ReminderContent, reminderMessage } from '../../blocks/reminder.js';
import { renderTemplate, stepKey, type Template, templateFor } from '../../engines/optimizer/index.js';
import { InputError, type Problem } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { Enrolment } from '../../store/enrolments.js';
import { counterVariant } from '../../store/sequences-ab.js';
import type { Followups } from '../followups.js';
import { deliveryKey } from '../ids.js';
import type { PostJobData, ReminderJobData } from '../job-data.js';
import { postInstant } from '../lead.js';
import { REMINDER_LEAD_MS } from '../reminders.js';
import { repProfile } from '../rep-profile.js';
import { enqueuePost } from '../sender.js';
import type { ClientFor } from '../slack-client.js';
import { templateVarsFor } from '../template-vars.js';
import { attemptPost } from './post.js';

export type ReminderResult =
  | { status: 'posted'; deliveryKey: string; ts: string }
  | { status: 'queued'; deliveryKey: string }
  | { status: 'skipped'; reason: string };

export interface ReminderDeps {
  followups: Followups;
  clientFor: ClientFor;
  logger: Logger;
}

function render(template: Template, vars: Record<string, string | undefined>): ReminderContent['message'] {
  try {
    const rendered: Template = { body: renderTemplate(template.body, vars) };
    if (template.subject !== undefined) rendered.subject = renderTemplate(template.subject, vars);
    return { rendered };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const seen = new Set<string>();
    const missing: Problem[] = error.problems.filter((p) => !seen.has(p.path) && seen.add(p.path));
    return { missing, template };
  }
}

async function buildMessage(enrolment: Enrolment, index: number, deps: ReminderDeps) {
  const { followups: f } = deps;
  const client = await deps.clientFor({ teamId: enrolment.teamId, enterpriseId: enrolment.enterpriseId });
  const args = {
    client,
    calendars: f.calendars,
    teamId: enrolment.teamId,
    userId: enrolment.ownerId,
    logger: deps.logger,
  };
  const [lead, rep, senderCompany, icpPainPoint] = await Promise.all([
    f.leads.get(enrolment.teamId, enrolment.leadId),
    repProfile(args, enrolment.timezone),
    f.senderCompany(enrolment.teamId),
    f.icpPainPoint(enrolment.teamId),
  ]);
  const { template, variant } = templateFor(enrolment.sequence, index, enrolment.leadId);
  const vars = templateVarsFor({
    lead,
    leadName: enrolment.leadName,
    senderName: rep.name,
    senderCompany,
    icpPainPoint,
  });
  const step = enrolment.steps[index];
  const content: ReminderContent = {
    enrolmentId: enrolment.id,
    step: index,
    stepCount: enrolment.steps.length,
    channel: step?.channel ?? 'email',
    leadName: lead?.company ?? enrolment.leadName,
    sequenceId: enrolment.sequence.id,
    sequenceName: enrolment.sequence.name,
    dueAt: step?.dueAt ?? new Date().toISOString(),
    timezone: enrolment.timezone,
    ...(variant ? { variant } : {}),
    message: render(template, vars),
  };
  return { ...reminderMessage(content), variant };
}

/**
 * Posts the reminder from this job when the channel is free: one job per reminder instead of a reminder
 * job and a sender job. A paced channel or a 429 hands the post to the sender queue, delayed until it may
 * go; so does a post whose outcome is unknown (a timeout), which the sender settles by the history check
 * before posting again. Both paths go through the one exactly-once protocol (processors/post.ts).
 */
async function postOrHandOver(
  job: Job,
  post: PostJobData,
  atMs: number,
  deps: ReminderDeps,
): Promise<ReminderResult> {
  const f = deps.followups;
  const key = post.deliveryKey;
  try {
    const outcome = await attemptPost(post, { followups: f, clientFor: deps.clientFor }, job, atMs);
    if (outcome.status !== 'later') return { status: 'posted', deliveryKey: key, ts: outcome.ts };
    await enqueuePost(f, outcome.data);
  } catch (error) {
    if (error instanceof UnrecoverableError) throw error;
    deps.logger.warn({ err: error, deliveryKey: key }, 'reminder post in doubt; the sender queue settles it');
    await enqueuePost(f, post);
  }
  return { status: 'queued', deliveryKey: key };
}

/**
 * A step is about to fall due: builds the reminder DM, takes the DM's posting slot and the delivery claim,
 * waits for the due instant and posts it under the step's delivery key (never before it is due, exactly once as the rep sees it). Idempotent: a re-run finds
 * the delivery posted, or claimed and settles it through the history check.
 * Steps that were done, cancelled or moved meanwhile, and ended enrolments, are skipped.
 */
export async function processReminder(
  job: Job,
  data: ReminderJobData,
  deps: ReminderDeps,
): Promise<ReminderResult> {
  const f = deps.followups;
  const enrolment = await f.enrolments.get(data.teamId, data.enrolmentId);
  if (!enrolment) return { status: 'skipped', reason: 'enrolment gone' };
  if (enrolment.status !== 'active') return { status: 'skipped', reason: `enrolment ${enrolment.status}` };
  const step = enrolment.steps[data.step];
  if (!step) return { status: 'skipped', reason: 'no such step' };
  if (step.state !== 'scheduled' && step.state !== 'due') {
    return { status: 'skipped', reason: `step ${step.state}` };
  }
  const key = deliveryKey(enrolment.teamId, enrolment.id, data.step, step.round);
  const message = await buildMessage(enrolment, data.step, deps);
  const post: PostJobData = {
    teamId: enrolment.teamId,
    ...(enrolment.enterpriseId ? { enterpriseId: enrolment.enterpriseId } : {}),
    channel: enrolment.ownerId,
    deliveryKey: key,
    text: message.text,
    blocks: message.blocks.map((b) => ({ ...b })),
    ab: { stepKey: stepKey(enrolment.sequence, data.step), variant: counterVariant(message.variant) },
  };
  // The step falls due now, before the wait for its instant, so nothing but the post is left for that
  // instant (when a whole burst posts at once); a re-run of a 'due' step posts under the same delivery key,
  // and a post refused for good fails the job with the step due, as the sender job did.
  await f.enrolments.update(enrolment.teamId, enrolment.id, (current) => {
    const s = current.steps[data.step];
    if (s?.state !== 'scheduled' || s.round !== step.round) return undefined;
    return {
      ...current,
      steps: current.steps.map((x) => (x.index === data.step ? { ...x, state: 'due' } : x)),
    };
  });
  return postOrHandOver(job, post, postInstant(Date.parse(step.dueAt), Date.now(), REMINDER_LEAD_MS), deps);
}
