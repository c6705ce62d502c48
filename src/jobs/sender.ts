import type { Followups } from './followups.js';
import { postJobId } from './ids.js';
import type { PostJobData } from './job-data.js';
import type { ChannelPace } from './pace.js';
import { JOB_NAMES, QUEUE_NAMES } from './queues.js';

/**
 * How long before its instant (`postAt`) a sender job runs: it takes the channel's slot and the delivery
 * claim, then waits in process for the instant and posts (processors/post.ts). A wave of posts that fall
 * due together, such as every channel's second message of a fan-out, is then prepared ahead of its instant
 * instead of fetched and prepared one post after another once it is due.
 */
export const SENDER_LEAD_MS = 250;

/** How long from now a job that posts at `postAt` waits in BullMQ's delayed set before it runs. */
export function senderDelayMs(postAt: number | undefined, nowMs: number): number {
  return postAt === undefined ? 0 : Math.max(0, postAt - SENDER_LEAD_MS - nowMs);
}

/**
 * The post with the channel's next free slot booked for it: a channel with posts queued already (a
 * digest's later parts, a busy DM) gets a slot behind them, and the job runs just before that slot
 * instead of being fetched now only to wait for it.
 */
async function booked(pace: ChannelPace, post: PostJobData): Promise<PostJobData> {
  const { slot, waitMs } = await pace.book(post.teamId, post.channel);
  if (waitMs === 0) return { ...post, slotAt: slot };
  return { ...post, slotAt: slot, postAt: Math.max(post.postAt ?? 0, Date.now() + waitMs) };
}

/**
 * Hands a message to the one sender queue, which keeps Slack's per-channel pace and posts it exactly once
 * as people see it (processors/post.ts). The job id comes from the delivery key, so handing the same
 * delivery over twice adds nothing. A `postAt` (the channel's next free slot, held in `slotAt`, or Slack's
 * Retry-After) holds the job back until just before then, instead of trying now and being refused.
 */
export async function enqueuePost(
  f: Pick<Followups, 'queues' | 'jobIndex' | 'pace'>,
  post: PostJobData,
): Promise<string> {
  const jobId = postJobId(post.deliveryKey);
  const data = post.slotAt === undefined ? await booked(f.pace, post) : post;
  const delayMs = senderDelayMs(data.postAt, Date.now());
  await f.jobIndex.add(data.teamId, QUEUE_NAMES.sender, [jobId]);
  await f.queues.sender.add(JOB_NAMES.post, data, delayMs > 0 ? { jobId, delay: delayMs } : { jobId });
  return jobId;
}
