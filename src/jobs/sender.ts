import type { Followups } from './followups.js';
import { postBatchJobId, postJobId } from './ids.js';
import { POSTS_PER_BATCH, type PostBatchJobData, type PostJobData } from './job-data.js';
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

/** A job for the sender queue as BullMQ's add and addBulk take it. */
interface SenderJob {
  name: string;
  data: PostJobData | PostBatchJobData;
  opts: { jobId: string; delay?: number };
}

/** The sender job of a post: its id from the delivery key, its slot booked, and its delay until then. */
async function senderJob(pace: ChannelPace, post: PostJobData): Promise<SenderJob & { data: PostJobData }> {
  const jobId = postJobId(post.deliveryKey);
  const data = post.slotAt === undefined ? await booked(pace, post) : post;
  const delayMs = senderDelayMs(data.postAt, Date.now());
  return { name: JOB_NAMES.post, data, opts: delayMs > 0 ? { jobId, delay: delayMs } : { jobId } };
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
  const job = await senderJob(f.pace, post);
  await f.jobIndex.add(post.teamId, QUEUE_NAMES.sender, [job.opts.jobId]);
  await f.queues.sender.add(job.name, job.data, job.opts);
  return job.opts.jobId;
}

/** One post job for a lone post, a post-batch job for several. */
function batchJob(teamId: string, posts: PostJobData[]): SenderJob {
  const [only] = posts;
  if (posts.length === 1 && only)
    return { name: JOB_NAMES.post, data: only, opts: { jobId: postJobId(only.deliveryKey) } };
  const jobId = postBatchJobId(posts.map((post) => post.deliveryKey));
  return { name: JOB_NAMES.postBatch, data: { teamId, posts }, opts: { jobId } };
}

/** Splits `items` into runs of at most `size`. */
function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}

/**
 * Hands many messages to the sender at once (a fan-out to many channels), in three round trips in all: the
 * slots booked in the order given, so a channel's messages keep their order; the jobs indexed per team;
 * the jobs added together. Posts due now, each the first in line on its channel, go in post-batch jobs of
 * up to POSTS_PER_BATCH per team, which post them side by side (processors/post-batch.ts): one job to fetch
 * instead of one per post, so the first message of every channel goes out at once. The rest wait in the
 * delayed set as single post jobs, as enqueuePost files them.
 */
export async function enqueuePosts(
  f: Pick<Followups, 'queues' | 'jobIndex' | 'pace'>,
  posts: readonly PostJobData[],
): Promise<string[]> {
  const jobs = await Promise.all(posts.map((post) => senderJob(f.pace, post)));
  const dueNow = new Map<string, PostJobData[]>();
  const later: SenderJob[] = [];
  for (const job of jobs) {
    if (job.opts.delay === undefined)
      dueNow.set(job.data.teamId, [...(dueNow.get(job.data.teamId) ?? []), job.data]);
    else later.push(job);
  }
  const now: SenderJob[] = [...dueNow].flatMap(([teamId, due]) =>
    chunks(due, POSTS_PER_BATCH).map((batch) => batchJob(teamId, batch)),
  );
  const byTeam = new Map<string, string[]>();
  for (const job of [...now, ...later])
    byTeam.set(job.data.teamId, [...(byTeam.get(job.data.teamId) ?? []), job.opts.jobId]);
  await Promise.all([...byTeam].map(([teamId, ids]) => f.jobIndex.add(teamId, QUEUE_NAMES.sender, ids)));
  // The posts due now go first, in a transaction of their own, so the workers start on them at once.
  await Promise.all(
    [now, later].map((batch) => (batch.length > 0 ? f.queues.sender.addBulk(batch) : undefined)),
  );
  return [...now, ...later].map((job) => job.opts.jobId);
}
