import { type Job, UnrecoverableError } from 'bullmq';
import type { Logger } from '../../logger.js';
import type { Followups } from '../followups.js';
import type { PostBatchJobData, PostJobData } from '../job-data.js';
import { postInstant } from '../lead.js';
import { enqueuePost, SENDER_LEAD_MS } from '../sender.js';
import { attemptPost, type PostDeps } from './post.js';

/** How long a post that failed inside a batch waits before its own job tries again (the sender's first backoff). */
const RETRY_AFTER_FAILURE_MS = 2_000;

export interface PostBatchDeps extends Omit<PostDeps, 'followups'> {
  followups: Pick<Followups, 'deliveries' | 'pace' | 'steps' | 'queues' | 'jobIndex'>;
  logger: Logger;
}

/** What became of a batch: posts posted now or found posted, handed on to jobs of their own, refused. */
export interface PostBatchResult {
  status: 'batch';
  posted: number;
  alreadyPosted: number;
  handedOn: number;
  refused: number;
}

type Fate = 'posted' | 'alreadyPosted' | 'handedOn' | 'refused';

/**
 * One post of the batch through the same one attempt as a post job (attemptPost: pace, claim, look, post,
 * record). Whatever that attempt does not finish goes on as a post job of its own, so the sender's usual
 * rules apply to it: a pace wait or a 429 is filed for its instant; a failure that may have posted (a
 * timeout, a 5xx) is tried again after the first backoff, with its claim kept so the retry looks before it
 * posts; a refusal by Slack is final, as for a post job.
 */
async function postOne(job: Job, post: PostJobData, deps: PostBatchDeps): Promise<Fate> {
  try {
    const outcome = await attemptPost(post, deps, job, postInstant(post.postAt, Date.now(), SENDER_LEAD_MS));
    if (outcome.status === 'later') {
      await enqueuePost(deps.followups, outcome.data);
      return 'handedOn';
    }
    return outcome.status === 'posted' ? 'posted' : 'alreadyPosted';
  } catch (error) {
    if (error instanceof UnrecoverableError) {
      deps.logger.warn({ err: error, deliveryKey: post.deliveryKey }, 'post refused; it is not retried');
      return 'refused';
    }
    deps.logger.warn({ err: error, deliveryKey: post.deliveryKey }, 'post in doubt; its own job retries it');
    await enqueuePost(deps.followups, { ...post, postAt: Date.now() + RETRY_AFTER_FAILURE_MS });
    return 'handedOn';
  }
}

/**
 * Posts a batch of messages side by side (sender.ts files them: posts due together, each to its own channel,
 * each at its own instant, as its own post job would), each under its own delivery key through the exactly-once protocol of processors/post.ts. A run
 * cut short (a crash, a stall) runs again: posts recorded as posted are skipped, and one claimed but not
 * recorded is looked for before it is posted again.
 */
export async function processPostBatch(
  job: Job,
  data: PostBatchJobData,
  deps: PostBatchDeps,
): Promise<PostBatchResult> {
  // Every post settles before the job does, so a run tried again never overlaps a post of this one.
  const settled = await Promise.allSettled(data.posts.map((post) => postOne(job, post, deps)));
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  const fates = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const count = (fate: Fate) => fates.filter((f) => f === fate).length;
  return {
    status: 'batch',
    posted: count('posted'),
    alreadyPosted: count('alreadyPosted'),
    handedOn: count('handedOn'),
    refused: count('refused'),
  };
}
