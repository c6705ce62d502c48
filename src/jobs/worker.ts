import { type Job, UnrecoverableError, Worker, type WorkerOptions } from 'bullmq';
import type { Logger } from '../logger.js';
import type { RedisClient } from '../redis-client.js';
import { digestJobSchema } from './digest-job.js';
import type { Followups } from './followups.js';
import { parseJobData, postJobSchema, reminderJobSchema } from './job-data.js';
import { type DigestDeps, type DigestResult, processDigest } from './processors/digest.js';
import { type PostResult, processPost } from './processors/post.js';
import { processReminder, type ReminderResult } from './processors/reminder.js';
import { JOB_NAMES, QUEUE_NAMES, type QueueName } from './queues.js';
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
  /** What digest jobs read (store, clock); without it a digest job fails for good. */
  digests?: Pick<DigestDeps, 'store' | 'now' | 'afterPost'>;
}

export interface Workers {
  reminders: Worker;
  sender: Worker;
  /** Stops taking jobs and waits for the jobs in hand to finish (SIGTERM). */
  close(): Promise<void>;
}

type Result = ReminderResult | PostResult | DigestResult;

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
      const reminderDeps = { followups: deps.followups, clientFor: deps.clientFor };
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
    case JOB_NAMES.digest: {
      const data = parseJobData(digestJobSchema, job.data, job.name);
      if (!deps.digests) throw new UnrecoverableError('digest jobs are not wired in this worker');
      const digestDeps = { ...deps.digests, followups: deps.followups, clientFor: deps.clientFor };
      return processDigest(job, token, data, digestDeps);
    }
    default:
      throw new UnrecoverableError(`no processor for jobs named "${job.name}"`);
  }
}

function watch(worker: Worker, logger: Logger): Worker {
  worker.on('failed', (job, error) => {
    logger.warn(
      { queue: worker.name, jobId: job?.id, jobName: job?.name, attempts: job?.attemptsMade, err: error },
      'job failed',
    );
  });
  worker.on('error', (error) => logger.error({ queue: worker.name, err: error }, 'worker error'));
  return worker;
}

/** Starts one Worker per queue (reminders, sender), both dispatching on job.name. */
export function startWorkers(deps: WorkerDeps): Workers {
  const options: WorkerOptions = {
    connection: deps.connection,
    prefix: deps.prefix,
    concurrency: 5,
    ...deps.workerOptions,
  };
  const processor = (job: Job, token?: string) => dispatch(job, token, deps);
  const reminders = watch(new Worker(QUEUE_NAMES.reminders, processor, options), deps.logger);
  const sender = watch(new Worker(QUEUE_NAMES.sender, processor, options), deps.logger);
  return {
    reminders,
    sender,
    async close() {
      await Promise.all([reminders.close(), sender.close()]);
    },
  };
}
