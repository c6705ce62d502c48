import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';

const slackId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a Slack id');

/** A reminder job: which step of which enrolment is due. Strict: nothing else (no token) rides along. */
export const reminderJobSchema = z.strictObject({
  teamId: slackId,
  enterpriseId: slackId.optional(),
  enrolmentId: z.string().regex(/^e[0-9a-f]{12}$/, 'must be an enrolment id'),
  step: z.number().int().min(0),
});
export type ReminderJobData = z.output<typeof reminderJobSchema>;

/** A post job: one message to one channel (a user id means the bot's DM with them), under a delivery key. */
export const postJobSchema = z.strictObject({
  teamId: slackId,
  enterpriseId: slackId.optional(),
  channel: slackId,
  deliveryKey: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'must be a delivery key'),
  text: z.string().min(1).max(40_000),
  blocks: z
    .array(z.looseObject({ type: z.string() }))
    .max(50)
    .optional(),
  /** The A/B send to count once the message is posted. */
  ab: z.strictObject({ stepKey: z.string().min(1), variant: z.string().min(1) }).optional(),
  /** The posting slot this job reserved on the channel (ms, Redis clock), kept across its delay. */
  slotAt: z.number().int().optional(),
  /**
   * Post no earlier than this (ms since the epoch): a channel's pace or Slack's Retry-After put the post
   * off until then. The job runs SENDER_LEAD_MS before it, takes the slot and the claim, and waits for it.
   */
  postAt: z.number().int().optional(),
});
export type PostJobData = z.output<typeof postJobSchema>;

/** Posts one batch job carries at most (sender.ts): enough for a fan-out, small enough to keep a job light. */
export const POSTS_PER_BATCH = 50;

/**
 * A post-batch job: posts of one team due together, each at its own instant, posted side by side under
 * their own delivery keys (processors/post-batch.ts).
 */
export const postBatchJobSchema = z
  .strictObject({ teamId: slackId, posts: z.array(postJobSchema).min(1).max(POSTS_PER_BATCH) })
  .refine((batch) => batch.posts.every((post) => post.teamId === batch.teamId), {
    message: 'every post must belong to the batch team',
    path: ['posts'],
  });
export type PostBatchJobData = z.output<typeof postBatchJobSchema>;

/** Parses job data; data that does not fit is a bug or tampering, and retrying would not fix it. */
export function parseJobData<S extends z.ZodType>(schema: S, data: unknown, jobName: string): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UnrecoverableError(
      `${jobName} job data is invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}
