import { type Job, UnrecoverableError, Worker, type WorkerOptions } from 'bullmq';
import { boundedQueue } from '../bounded-queue.js';
import type { Logger } from '../logger.js';
import type { RedisClient } from '../redis-client.js';
import { alertFlushJobSchema, alertsJobSchema } from './alerts-job.js';
import { digestJobSchema } from './digest-job.js';
import { settleDigestLater } from './digest-settle.js';
import type { Followups } from './followups.js';
import { parseJobData, postBatchJobSchema, postJobSchema, reminderJobSchema } from './job-data.js';
import { type AlertJobDeps, type AlertsResult, processAlerts, processFlush } from './processors/alerts.js';
import { type DigestDeps, type DigestResult, processDigest } from './processors/digest.js';
import { type PostResult, processPost } from './processors/post.js';
import { type PostBatchResult, processPostBatch } from './processors/post-batch.js';
import { processReminder, type ReminderResult } from './processors/reminder.js';
import { JOB_NAMES, JOB_RETENTION, QUEUE_NAMES, type QueueName } from './queues.js';
import type { ClientFor } from './slack-client.js';

export interface WorkerDeps {
  /** A connection made with `maxRetriesPerRequest: null` (openWorkerConnection). */
  connection: RedisClient;
  prefix: string;
  followups: Followups;
  clientFor: ClientFor;
  logger: Logger;
  /** Laid over the defaults of both workers; tests shorten lockDuration and stalledInterval. */
  workerOptions?: Partial<WorkerOptions>;
  /** Test seam, see PostDeps.afterPost. */
  afterPost?: (key: string, job: Job) => Promise<void>;
  /** How long after a post job fails for good its in-doubt delivery is settled (default 60 s). */
  settleDelayMs?: number;
  /** What digest jobs read (store, clock); without it a digest job fails for good. */
  digests?: Pick<DigestDeps, 'store' | 'now' | 'afterPost'>;
  /** What alert jobs read (store, clock, ICP fit, recent moves); without it alert jobs fail for good. */
  alerts?: Omit<AlertJobDeps, 'followups' | 'clientFor'>;
}

export interface Workers {
  reminders: Worker;
  sender: Worker;
  /** Stops taking jobs and waits for the jobs in hand to finish (SIGTERM). */
  close(): Promise<void>;
}

type Result = ReminderResult | PostResult | PostBatchResult | DigestResult | AlertsResult;

const queueOf = (name: string): QueueName | undefined =>
  name === QUEUE_NAMES.reminders || name === QUEUE_NAMES.sender ? name : undefined;

/**
 * Runs one job: its data is parsed with the schema of its name; an unknown name or bad data fails for good.
 * A job that finished leaves the team's job index (uninstall only needs the pending ones).
 */
export async function dispatch(job: Job, token: string | undefined, deps: WorkerDeps): Promise<Result> {
  const finished = async <R extends Result>(teamId: string, result: R): Promise<R> => {
    const queue = queueOf(job.queueName);
    if (job.id && queue) await deps.followups.jobIndex.remove(teamId, queue, [job.id]);
    return result;
  };
  switch (job.name) {
    case JOB_NAMES.reminder: {
      const data = parseJobData(reminderJobSchema, job.data, job.name);
      const reminderDeps = { followups: deps.followups, clientFor: deps.clientFor, logger: deps.logger };
      return finished(data.teamId, await processReminder(job, data, reminderDeps));
    }
    case JOB_NAMES.post: {
      const data = parseJobData(postJobSchema, job.data, job.name);
      const postDeps = {
        followups: deps.followups,
        clientFor: deps.clientFor,
        ...(deps.afterPost ? { afterPost: deps.afterPost } : {}),
      };
      return finished(data.teamId, await processPost(job, token, data, postDeps));
    }
    case JOB_NAMES.postBatch: {
      const data = parseJobData(postBatchJobSchema, job.data, job.name);
      const batchDeps = {
        followups: deps.followups,
        clientFor: deps.clientFor,
        logger: deps.logger,
        ...(deps.afterPost ? { afterPost: deps.afterPost } : {}),
      };
      return finished(data.teamId, await processPostBatch(job, data, batchDeps));
    }
    case JOB_NAMES.digest: {
      const data = parseJobData(digestJobSchema, job.data, job.name);
      if (!deps.digests) throw new UnrecoverableError('digest jobs are not wired in this worker');
      const digestDeps = { ...deps.digests, followups: deps.followups, clientFor: deps.clientFor };
      return processDigest(job, token, data, digestDeps);
    }
    case JOB_NAMES.alerts:
    case JOB_NAMES.alertFlush: {
      if (!deps.alerts) throw new UnrecoverableError('alert jobs are not wired in this worker');
      const alertDeps = { ...deps.alerts, followups: deps.followups, clientFor: deps.clientFor };
      if (job.name === JOB_NAMES.alerts) {
        const data = parseJobData(alertsJobSchema, job.data, job.name);
        return finished(data.teamId, await processAlerts(data, alertDeps));
      }
      const data = parseJobData(alertFlushJobSchema, job.data, job.name);
      return finished(data.teamId, await processFlush(data, alertDeps));
    }
    default:
      throw new UnrecoverableError(`no processor for jobs named "${job.name}"`);
  }
}

/**
 * Stalls a job may go through before BullMQ fails it: each is a worker that died (SIGKILL, OOM, a lost
 * machine) while holding it. A stall spends no attempt, and the protocol settles whatever the dead worker
 * left in doubt, so a job survives many crashes; BullMQ's default of 1 lost reminders after two.
 */
export const MAX_STALLED_COUNT = 20;

/** A delivery left in doubt by a post job that failed for good is settled by a job this long after. */
const SETTLE_DELAY_MS = 60_000;

/**
 * A reminder, post, post-batch or digest job that failed for good, not refused by Slack, may leave its
 * delivery `claimed`: posted or not, nobody knows. One settling job (same data, its own id) runs the protocol again later: the history
 * check records the post if it exists, and posts it if it does not, so the reminder is neither lost nor
 * doubled.
 */
async function settleLater(job: Job, error: Error, deps: WorkerDeps): Promise<void> {
  const kind = job.name;
  const settled: readonly string[] = [
    JOB_NAMES.post,
    JOB_NAMES.postBatch,
    JOB_NAMES.digest,
    JOB_NAMES.reminder,
  ];
  if (!settled.includes(kind) || (error instanceof UnrecoverableError && error.message !== STALLED_OUT))
    return;
  // Failed for good: out of attempts, or stalled past the allowance; a job that will retry settles itself.
  if (!job.id || job.id.startsWith(SETTLE_PREFIX) || (await job.getState()) !== 'failed') return;
  const delayMs = deps.settleDelayMs ?? SETTLE_DELAY_MS;
  const id = `${SETTLE_PREFIX}${job.id}`;
  /** Runs the job once more under its settling id, later: the delivery protocol settles what is in doubt. */
  const again = async (queue: QueueName, teamId: string, data: unknown) => {
    await deps.followups.jobIndex.add(teamId, queue, [id]);
    await deps.followups.queues.byName(queue).add(kind, data, {
      jobId: id,
      delay: delayMs,
      attempts: 10,
      backoff: { type: 'exponential', delay: 30_000 },
    });
    deps.logger.info({ jobId: job.id, settleJobId: id }, `a ${kind} in doubt will be settled later`);
  };
  if (kind === JOB_NAMES.reminder) {
    // A reminder posts its own DM: run again, it records a post that went out (history check of a claimed
    // delivery) or posts one that did not; a step done meanwhile is skipped.
    const data = reminderJobSchema.safeParse(job.data);
    if (data.success) await again(QUEUE_NAMES.reminders, data.data.teamId, data.data);
    return;
  }
  if (kind === JOB_NAMES.digest) {
    if (!deps.digests) return;
    const settleDeps = { followups: deps.followups, store: deps.digests.store, now: deps.digests.now };
    const digestId = await settleDigestLater(job, settleDeps, {
      id: `${SETTLE_PREFIX}${job.id.replaceAll(':', '-')}`,
      delayMs,
    });
    if (digestId)
      deps.logger.info({ jobId: job.id, settleJobId: digestId }, 'a digest in doubt will be settled later');
    return;
  }
  if (kind === JOB_NAMES.postBatch) {
    // The batch again, later: posts recorded meanwhile are skipped, and one in doubt is looked for first.
    const batch = postBatchJobSchema.safeParse(job.data);
    if (batch.success) await again(QUEUE_NAMES.sender, batch.data.teamId, batch.data);
    return;
  }
  const data = postJobSchema.safeParse(job.data);
  if (!data.success) return;
  const record = await deps.followups.deliveries.get(data.data.teamId, data.data.deliveryKey);
  if (record?.state !== 'claimed') return;
  const { slotAt: _slot, postAt: _at, ...rest } = data.data;
  await again(QUEUE_NAMES.sender, data.data.teamId, rest);
}

const SETTLE_PREFIX = 'settle-';

/**
 * The reason BullMQ fails a job that stalled more often than maxStalledCount allows. It comes as an
 * UnrecoverableError like Slack's refusals, but unlike them it leaves the delivery in doubt, so it is settled.
 */
const STALLED_OUT = 'job stalled more than allowable limit';

function watch(worker: Worker, deps: WorkerDeps): Worker {
  const { logger } = deps;
  worker.on('failed', (job, error) => {
    logger.warn(
      { queue: worker.name, jobId: job?.id, jobName: job?.name, attempts: job?.attemptsMade, err: error },
      'job failed',
    );
    if (job)
      settleLater(job, error, deps).catch((e: unknown) =>
        logger.error({ err: e, jobId: job.id }, 'could not schedule the settling of a post in doubt'),
      );
  });
  worker.on('error', (error) => logger.error({ queue: worker.name, err: error }, 'worker error'));
  return worker;
}

/**
 * Jobs each worker holds at once. Reminder and sender jobs wait on Redis and Slack far more than they
 * compute, and a reminder job holds its slot for the last REMINDER_LEAD_MS before its due instant, so a
 * burst of reminders due in the same second must all be held at once; Slack's per-channel pace is kept by
 * the sender's reservations, not by this number.
 */
export const WORKER_CONCURRENCY = 1000;

/** Digest and alert jobs (on the reminders queue) read a team's deals and render: at most this many at once. */
export const HEAVY_JOB_CONCURRENCY = 50;

const HEAVY_JOBS: ReadonlySet<string> = new Set([JOB_NAMES.digest, JOB_NAMES.alerts, JOB_NAMES.alertFlush]);

/** Starts one Worker per queue (reminders, sender), both dispatching on job.name, each with its queue's retention. */
export function startWorkers(deps: WorkerDeps): Workers {
  const options: WorkerOptions = {
    connection: deps.connection,
    prefix: deps.prefix,
    concurrency: WORKER_CONCURRENCY,
    maxStalledCount: MAX_STALLED_COUNT,
    ...deps.workerOptions,
  };
  // Heavy jobs wait their turn in process, so they never all run at once among the many light ones.
  const heavy = boundedQueue(HEAVY_JOB_CONCURRENCY);
  const processor = (job: Job, token?: string): Promise<Result> =>
    HEAVY_JOBS.has(job.name) ? heavy.add(() => dispatch(job, token, deps)) : dispatch(job, token, deps);
  const worker = (name: QueueName) =>
    watch(new Worker(name, processor, { ...JOB_RETENTION[name], ...options }), deps);
  const reminders = worker(QUEUE_NAMES.reminders);
  const sender = worker(QUEUE_NAMES.sender);
  return {
    reminders,
    sender,
    async close() {
      await Promise.all([reminders.close(), sender.close()]);
    },
  };
}
