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

/** A post job as sender.ts files it: the post's data, with its id and delay. */
type PostJob = SenderJob & { data: PostJobData };

/** A job for the sender queue as BullMQ's add and addBulk take it. */
interface SenderJob {
  name: string;
  data: PostJobData | PostBatchJobData;
  opts: { jobId: string; delay?: number };
}

/** `items` grouped by their team, each group in the order given. */
function byTeam<T>(items: readonly T[], teamOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(teamOf(item));
    if (group) group.push(item);
    else groups.set(teamOf(item), [item]);
  }
  return groups;
}

/**
 * The posts with their channels' next free slots booked for them, one step per team: a channel with posts
 * queued already (a digest's later parts, a busy DM) gets a slot behind them, and the job runs just before
 * that slot instead of being fetched now only to wait for it. A post holding a slot keeps it.
 */
async function booked(pace: ChannelPace, posts: readonly PostJobData[]): Promise<PostJobData[]> {
  const out = [...posts];
  const unbooked = posts.flatMap((post, i) => (post.slotAt === undefined ? [{ post, i }] : []));
  await Promise.all(
    [...byTeam(unbooked, ({ post }) => post.teamId)].map(async ([teamId, team]) => {
      const slots = await pace.book(
        teamId,
        team.map(({ post }) => post.channel),
      );
      const bookedAt = Date.now();
      team.forEach(({ post, i }, n) => {
        const { slot = 0, waitMs = 0 } = slots[n] ?? {};
        out[i] =
          waitMs === 0
            ? { ...post, slotAt: slot }
            : { ...post, slotAt: slot, postAt: Math.max(post.postAt ?? 0, bookedAt + waitMs) };
      });
    }),
  );
  return out;
}

/** The post job of a post: its id from the delivery key, and its delay until just before its instant. */
function postJob(data: PostJobData): PostJob {
  const jobId = postJobId(data.deliveryKey);
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
  const [data = post] = await booked(f.pace, [post]);
  const job = postJob(data);
  await f.jobIndex.add(post.teamId, QUEUE_NAMES.sender, [job.opts.jobId]);
  await f.queues.sender.add(job.name, job.data, job.opts);
  return job.opts.jobId;
}

/** Posts of one team whose jobs would run this close together share a batch job instead. */
const BATCH_WINDOW_MS = 100;

/** The post job itself for a lone post; for several, a post-batch job that runs when the first would. */
function batchJob(teamId: string, jobs: readonly PostJob[]): SenderJob {
  const [first] = jobs;
  if (!first) throw new Error('a batch needs at least one post');
  if (jobs.length === 1) return first;
  const jobId = postBatchJobId(jobs.map((job) => job.data.deliveryKey));
  const opts = first.opts.delay === undefined ? { jobId } : { jobId, delay: first.opts.delay };
  return { name: JOB_NAMES.postBatch, data: { teamId, posts: jobs.map((job) => job.data) }, opts };
}

/**
 * A team's post jobs in runs one batch job can carry, earliest first: at most POSTS_PER_BATCH, each run
 * within BATCH_WINDOW_MS of its first job's delay. A post of a run waits for its own instant in the batch
 * (processors/post-batch.ts), so it posts when its own job would have.
 */
function runs(jobs: readonly PostJob[]): PostJob[][] {
  const delay = (job: SenderJob) => job.opts.delay ?? 0;
  const out: PostJob[][] = [];
  for (const job of [...jobs].sort((a, b) => delay(a) - delay(b))) {
    const run = out.at(-1);
    const first = run?.[0];
    if (run && first && run.length < POSTS_PER_BATCH && delay(job) - delay(first) <= BATCH_WINDOW_MS)
      run.push(job);
    else out.push([job]);
  }
  return out;
}

/**
 * Hands many messages to the sender at once (a fan-out to many channels), in three steps: the slots booked
 * in one script per team, in the order given, so a channel's messages keep their order; the jobs indexed
 * per team; the jobs added together. Posts whose jobs would run together (every channel's first message now, every
 * channel's second a second later) go in post-batch jobs of up to POSTS_PER_BATCH per team, which post
 * them side by side (processors/post-batch.ts): one job to fetch instead of one per post, so every
 * channel's message goes out at once.
 */
export async function enqueuePosts(
  f: Pick<Followups, 'queues' | 'jobIndex' | 'pace'>,
  posts: readonly PostJobData[],
): Promise<string[]> {
  const jobs = (await booked(f.pace, posts)).map(postJob);
  const teams = [...byTeam(jobs, (job) => job.data.teamId)].map(([teamId, team]) => ({
    teamId,
    batches: runs(team).map((run) => batchJob(teamId, run)),
  }));
  await Promise.all(
    teams.map(({ teamId, batches }) =>
      f.jobIndex.add(
        teamId,
        QUEUE_NAMES.sender,
        batches.map((job) => job.opts.jobId),
      ),
    ),
  );
  const batches = teams.flatMap((team) => team.batches);
  // The jobs due now go first, in a transaction of their own, so the workers start on them at once.
  const now = batches.filter((job) => job.opts.delay === undefined);
  const later = batches.filter((job) => job.opts.delay !== undefined);
  await Promise.all(
    [now, later].map((list) => (list.length > 0 ? f.queues.sender.addBulk(list) : undefined)),
  );
  return batches.map((job) => job.opts.jobId);
}
