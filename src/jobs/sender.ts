import type { Followups } from './followups.js';
import { postJobId } from './ids.js';
import type { PostJobData } from './job-data.js';
import { JOB_NAMES, QUEUE_NAMES } from './queues.js';

/**
 * Hands a message to the one sender queue, which keeps Slack's per-channel pace and posts it exactly once
 * as people see it (processors/post.ts). The job id comes from the delivery key, so handing the same
 * delivery over twice adds nothing. `delayMs` holds the job back until the channel's next free slot (the
 * one in `data.slotAt`) or Slack's Retry-After, instead of trying now and being refused.
 */
export async function enqueuePost(
  f: Pick<Followups, 'queues' | 'jobIndex'>,
  data: PostJobData,
  delayMs = 0,
): Promise<string> {
  const jobId = postJobId(data.deliveryKey);
  await f.jobIndex.add(data.teamId, QUEUE_NAMES.sender, [jobId]);
  await f.queues.sender.add(JOB_NAMES.post, data, delayMs > 0 ? { jobId, delay: delayMs } : { jobId });
  return jobId;
}
