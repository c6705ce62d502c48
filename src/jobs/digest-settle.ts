import type { Job } from 'bullmq';
import type { Store } from '../store/index.js';
import { chartDeliveryKey, digestDeliveryKey, digestJobSchema } from './digest-job.js';
import { digestPeriod } from './digest-run.js';
import type { Followups } from './followups.js';
import { JOB_NAMES, QUEUE_NAMES } from './queues.js';

export interface DigestSettleDeps {
  followups: Pick<Followups, 'deliveries' | 'jobIndex' | 'queues'>;
  store: Pick<Store, 'digests'>;
  /** The digest workers' clock (DigestDeps.now); the moment the job ran unless set. */
  now?: (() => Date) | undefined;
}

/**
 * A digest job that failed for good may leave its message or chart `claimed`: posted or not, nobody knows,
 * and the next scheduled run belongs to another period, so it would never look again. This adds one
 * settling job for the same period (its own id, run after `delayMs`): the history check records the post if
 * it exists and posts it if not. Returns the settling job's id, or undefined when nothing was in doubt.
 */
export async function settleDigestLater(
  job: Job,
  deps: DigestSettleDeps,
  options: { id: string; delayMs: number },
): Promise<string | undefined> {
  const parsed = digestJobSchema.safeParse(job.data);
  if (!parsed.success) return undefined;
  const data = parsed.data;
  let period = data.period;
  if (period === undefined) {
    const settings = await deps.store.digests.get(data.teamId, data.channel);
    if (!settings) return undefined;
    period = digestPeriod(settings, deps.now?.() ?? new Date(job.processedOn ?? job.timestamp));
  }
  const key = digestDeliveryKey(data.teamId, data.channel, period);
  const records = await Promise.all(
    [key, chartDeliveryKey(key)].map((k) => deps.followups.deliveries.get(data.teamId, k)),
  );
  if (!records.some((record) => record?.state === 'claimed')) return undefined;
  const queue = job.queueName === QUEUE_NAMES.sender ? QUEUE_NAMES.sender : QUEUE_NAMES.reminders;
  await deps.followups.jobIndex.add(data.teamId, queue, [options.id]);
  await deps.followups.queues.byName(queue).add(
    JOB_NAMES.digest,
    { ...data, period },
    {
      jobId: options.id,
      delay: options.delayMs,
      attempts: 10,
      backoff: { type: 'exponential', delay: 30_000 },
    },
  );
  return options.id;
}
