import type { RedisClient } from '../redis-client.js';
import type { FollowupKeys } from '../store/enrolments-keys.js';
import { QUEUE_NAMES, type QueueName, type Queues } from './queues.js';

/** The ids of a team's jobs, kept in a Redis set so they can be removed without scanning whole queues. */
export interface TeamJobIndex {
  add(teamId: string, queue: QueueName, jobIds: readonly string[]): Promise<void>;
  remove(teamId: string, queue: QueueName, jobIds: readonly string[]): Promise<void>;
  list(teamId: string): Promise<{ queue: QueueName; jobId: string }[]>;
  /** Job schedulers (digests) are indexed too, so uninstalling removes them with the jobs. */
  addScheduler(teamId: string, queue: QueueName, schedulerId: string): Promise<void>;
  removeScheduler(teamId: string, queue: QueueName, schedulerId: string): Promise<void>;
  listSchedulers(teamId: string): Promise<{ queue: QueueName; schedulerId: string }[]>;
}

/** Scheduler entries read `scheduler:<queue>/<id>`; parseEntry skips them, since no queue has that name. */
const SCHEDULER = 'scheduler:';

const entry = (queue: QueueName, jobId: string) => `${queue}/${jobId}`;

function parseEntry(value: string): { queue: QueueName; jobId: string } | undefined {
  const slash = value.indexOf('/');
  const queue = value.slice(0, slash);
  const jobId = value.slice(slash + 1);
  if (queue !== QUEUE_NAMES.reminders && queue !== QUEUE_NAMES.sender) return undefined;
  return { queue, jobId };
}

/** Creates the index of a team's jobs. */
export function createTeamJobIndex(redis: RedisClient, k: FollowupKeys): TeamJobIndex {
  return {
    async add(teamId, queue, jobIds) {
      if (jobIds.length > 0) await redis.sadd(k.jobs(teamId), ...jobIds.map((id) => entry(queue, id)));
    },
    async remove(teamId, queue, jobIds) {
      if (jobIds.length > 0) await redis.srem(k.jobs(teamId), ...jobIds.map((id) => entry(queue, id)));
    },
    async list(teamId) {
      const values = await redis.smembers(k.jobs(teamId));
      return values.map(parseEntry).filter((e): e is { queue: QueueName; jobId: string } => e !== undefined);
    },
    async addScheduler(teamId, queue, schedulerId) {
      await redis.sadd(k.jobs(teamId), `${SCHEDULER}${entry(queue, schedulerId)}`);
    },
    async removeScheduler(teamId, queue, schedulerId) {
      await redis.srem(k.jobs(teamId), `${SCHEDULER}${entry(queue, schedulerId)}`);
    },
    async listSchedulers(teamId) {
      const values = await redis.smembers(k.jobs(teamId));
      return values.flatMap((value) => {
        const parsed = value.startsWith(SCHEDULER) ? parseEntry(value.slice(SCHEDULER.length)) : undefined;
        return parsed ? [{ queue: parsed.queue, schedulerId: parsed.jobId }] : [];
      });
    },
  };
}

/**
 * Removes every job in the team's index (pending posts, alert and digest jobs, digest schedulers, and
 * reminders indexed before their ids were derived from enrolments) and forgets the index; returns how many went. A job running at that moment cannot be removed; it finds its enrolment gone.
 */
export async function removeTeamJobs(
  teamId: string,
  deps: { index: TeamJobIndex; queues: Queues },
): Promise<number> {
  const entries = await deps.index.list(teamId);
  let removed = 0;
  for (const { queue, jobId } of entries) removed += await deps.queues.byName(queue).remove(jobId);
  for (const { queue, schedulerId } of await deps.index.listSchedulers(teamId)) {
    if (await deps.queues.byName(queue).removeJobScheduler(schedulerId)) removed += 1;
    await deps.index.removeScheduler(teamId, queue, schedulerId);
  }
  await deps.index.remove(
    teamId,
    QUEUE_NAMES.reminders,
    entries.filter((e) => e.queue === QUEUE_NAMES.reminders).map((e) => e.jobId),
  );
  await deps.index.remove(
    teamId,
    QUEUE_NAMES.sender,
    entries.filter((e) => e.queue === QUEUE_NAMES.sender).map((e) => e.jobId),
  );
  return removed;
}
