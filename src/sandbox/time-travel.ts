import type { Job, Queue } from 'bullmq';

/** A delayed job as the page shows it: what it is and when it falls due (ms since the epoch). */
export interface DueJob {
  id: string;
  name: string;
  label: string;
  dueAt: number;
}

/** Jobs due within this long of the first are promoted together, as one moment of the future. */
export const SAME_MOMENT_MS = 60_000;

/** Names a job for people: a follow-up step of a lead, or a channel's digest. */
export type DescribeJob = (job: Job) => Promise<string>;

/** Lists and promotes the delayed jobs of a queue, so time can be skipped without touching any clock. */
export interface TimeTravel {
  /** Delayed jobs, the soonest first. */
  upcoming(limit?: number): Promise<DueJob[]>;
  /** Promotes every job due at the next moment (within SAME_MOMENT_MS of the soonest); returns them. */
  fastForward(): Promise<DueJob[]>;
}

const dueAt = (job: Job): number => job.timestamp + (job.delay ?? 0);

/** Time travel over `queue`'s delayed jobs; `describe` labels each one. */
export function createTimeTravel(queue: Queue, describe: DescribeJob): TimeTravel {
  const delayed = async (): Promise<Job[]> => {
    const jobs = (await queue.getDelayed(0, 499)).filter((j): j is Job => j !== undefined && j !== null);
    return jobs.sort((a, b) => dueAt(a) - dueAt(b));
  };
  const show = async (job: Job): Promise<DueJob> => ({
    id: job.id ?? '',
    name: job.name,
    label: await describe(job),
    dueAt: dueAt(job),
  });
  return {
    async upcoming(limit = 5) {
      return Promise.all((await delayed()).slice(0, limit).map(show));
    },
    async fastForward() {
      const jobs = await delayed();
      const first = jobs[0];
      if (first === undefined) return [];
      const moment = jobs.filter((j) => dueAt(j) - dueAt(first) <= SAME_MOMENT_MS);
      const shown = await Promise.all(moment.map(show));
      await Promise.all(moment.map((j) => j.promote()));
      return shown;
    },
  };
}
