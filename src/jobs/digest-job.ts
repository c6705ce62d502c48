import { z } from 'zod';

const slackId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a Slack id');

/** A scheduled digest job: which channel of which team. Strict: nothing else (no token) rides along. */
export const digestJobSchema = z.strictObject({
  teamId: slackId,
  enterpriseId: slackId.optional(),
  channel: slackId,
  /** Set only on a job settling a failed run: the period it finishes (a scheduled run takes the clock's). */
  period: z
    .string()
    .regex(/^\d{4}-(W\d{2}|\d{2}-\d{2})$/, 'must be an ISO week or date')
    .optional(),
});
export type DigestJobData = z.output<typeof digestJobSchema>;

/** The scheduler of one channel's digest: one per channel, so upserting it again never adds a second. */
export function digestSchedulerId(teamId: string, channelId: string): string {
  return `digest-${teamId}-${channelId}`;
}

/**
 * The delivery key of one digest: per channel and period (`2026-W48` for a weekly schedule, `2026-11-23`
 * for one that runs on several days), plus the request for an explicit `digest now`.
 */
export function digestDeliveryKey(
  teamId: string,
  channelId: string,
  period: string,
  requestId?: string,
): string {
  const base = `${digestSchedulerId(teamId, channelId)}-${period}`;
  return requestId === undefined ? base : `${base}-now-${requestId}`;
}

/** The delivery key of the chart that goes with a digest message. */
export function chartDeliveryKey(messageKey: string): string {
  return `${messageKey}-chart`;
}
