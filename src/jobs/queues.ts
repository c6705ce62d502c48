import { type DefaultJobOptions, Queue } from 'bullmq';
import { openRedis, type RedisTarget } from '../redis.js';
import type { RedisClient } from '../redis-client.js';

export const QUEUE_NAMES = { reminders: 'reminders', sender: 'sender' } as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/**
 * Job names; `digest` jobs come from per-channel job schedulers on the reminders queue (jobs/schedules.ts),
 * `alerts` from a daily per-team scheduler and after each import, `alert-flush` when a person's alerts are due.
 */
export const JOB_NAMES = {
  reminder: 'reminder',
  post: 'post',
  postBatch: 'post-batch',
  digest: 'digest',
  alerts: 'alerts',
  alertFlush: 'alert-flush',
} as const;

const DAY_SECONDS = 24 * 3600;

/** Reminders retry a few times over minutes. */
const REMINDER_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
};

/** Posts retry a few times over seconds. */
const SENDER_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
};

/**
 * How long finished jobs are kept, per queue. The queue's Worker applies it (WorkerOptions), so it is not
 * copied into every job's stored options; a job that names its own retention keeps that. Reminders are kept
 * two weeks for inspection; posts keep their id for a week after completing, so re-adding the same delivery
 * is a no-op meanwhile.
 */
export const JOB_RETENTION = {
  [QUEUE_NAMES.reminders]: {
    removeOnComplete: { age: 14 * DAY_SECONDS },
    removeOnFail: { age: 30 * DAY_SECONDS },
  },
  [QUEUE_NAMES.sender]: {
    removeOnComplete: { age: 7 * DAY_SECONDS },
    removeOnFail: { age: 30 * DAY_SECONDS },
  },
} as const;

/**
 * The BullMQ key prefix for an app key prefix: one hash tag, so every key of every queue shares a Cluster
 * slot, as BullMQ's Lua scripts need (they touch several keys of a queue, and a flow several queues).
 */
export function queuePrefix(keyPrefix: string): string {
  return `{${keyPrefix}-jobs}`;
}

/** A connection for Workers: BullMQ's blocking commands need `maxRetriesPerRequest: null`. */
export function openWorkerConnection(target: RedisTarget): RedisClient {
  return openRedis(target, { maxRetriesPerRequest: null });
}

/** A connection for producers: adding a job fails fast instead of hanging while Redis is away. */
export function openProducerConnection(target: RedisTarget): RedisClient {
  return openRedis(target, { maxRetriesPerRequest: 2 });
}

/** The app's queues, sharing one producer connection. */
export interface Queues {
  prefix: string;
  reminders: Queue;
  sender: Queue;
  byName(name: QueueName): Queue;
  /** Closes the queues; the connection stays open for its owner to close. */
  close(): Promise<void>;
}

/** Creates the reminder and sender queues on `connection` under `prefix` (see queuePrefix). */
export function createQueues(connection: RedisClient, prefix: string): Queues {
  const reminders = new Queue(QUEUE_NAMES.reminders, {
    connection,
    prefix,
    defaultJobOptions: REMINDER_JOB_OPTIONS,
  });
  const sender = new Queue(QUEUE_NAMES.sender, { connection, prefix, defaultJobOptions: SENDER_JOB_OPTIONS });
  return {
    prefix,
    reminders,
    sender,
    byName: (name) => (name === QUEUE_NAMES.reminders ? reminders : sender),
    async close() {
      await Promise.all([reminders.close(), sender.close()]);
    },
  };
}
