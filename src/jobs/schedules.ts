import { getNextMillis, type Queue } from 'bullmq';
import type { DigestRepository, DigestSettings } from '../store/digests.js';
import { type AlertsJobData, alertsImportJobId, alertsSchedulerId } from './alerts-job.js';
import { type DigestJobData, digestSchedulerId } from './digest-job.js';
import { JOB_NAMES, QUEUE_NAMES, type Queues } from './queues.js';
import type { TeamJobIndex } from './team-jobs.js';

const DAY_SECONDS = 24 * 3600;

/** Where digests are scheduled: the reminders queue holds the app's timed work. */
export const DIGEST_QUEUE = QUEUE_NAMES.reminders;

/** A digest run may fail on Slack or Redis; it retries over minutes, then stays failed for a month. */
const DIGEST_JOB_OPTIONS = {
  attempts: 4,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: { age: 30 * DAY_SECONDS },
  removeOnFail: { age: 30 * DAY_SECONDS },
} as const;

/** What the scheduler functions need: the queue digests run on and the team's job index. */
export interface ScheduleDeps {
  queue: Queue;
  jobIndex: Pick<TeamJobIndex, 'addScheduler' | 'removeScheduler'>;
}

function jobData(settings: DigestSettings): DigestJobData {
  return {
    teamId: settings.teamId,
    ...(settings.enterpriseId ? { enterpriseId: settings.enterpriseId } : {}),
    channel: settings.channelId,
  };
}

/**
 * Creates or updates the channel's job scheduler (`digest-<team>-<channel>`, cron pattern in the channel's
 * zone) and indexes it for uninstall. Upserting the same id again replaces it, so a restart or redeploy
 * never adds a second scheduler.
 */
export async function upsertDigestScheduler(deps: ScheduleDeps, settings: DigestSettings): Promise<void> {
  const id = digestSchedulerId(settings.teamId, settings.channelId);
  await deps.jobIndex.addScheduler(settings.teamId, DIGEST_QUEUE, id);
  await deps.queue.upsertJobScheduler(
    id,
    { pattern: settings.pattern, tz: settings.tz },
    { name: JOB_NAMES.digest, data: jobData(settings), opts: DIGEST_JOB_OPTIONS },
  );
}

/** Removes the channel's job scheduler (and its pending run); false when there was none. */
export async function removeDigestScheduler(
  deps: ScheduleDeps,
  teamId: string,
  channelId: string,
): Promise<boolean> {
  const id = digestSchedulerId(teamId, channelId);
  const removed = await deps.queue.removeJobScheduler(id);
  await deps.jobIndex.removeScheduler(teamId, DIGEST_QUEUE, id);
  return removed;
}

/**
 * Upserts the scheduler of every saved, running digest, at worker start: Redis may have lost the queue's
 * keys, and upserting an unchanged scheduler is a no-op. Returns how many digests are scheduled.
 */
export async function restoreDigestSchedulers(
  deps: ScheduleDeps & { digests: Pick<DigestRepository, 'listAll'> },
): Promise<number> {
  let scheduled = 0;
  for (const settings of await deps.digests.listAll()) {
    if (settings.paused) continue;
    await upsertDigestScheduler(deps, settings);
    scheduled += 1;
  }
  return scheduled;
}

/** The next `count` run times (ms) of a cron pattern in a zone after `fromMs`, computed as BullMQ does. */
export function nextRunTimes(pattern: string, tz: string, fromMs: number, count = 1): number[] {
  const runs: number[] = [];
  let at = fromMs;
  for (let i = 0; i < count; i += 1) {
    const next = getNextMillis(at, { pattern, tz });
    if (next === undefined) break;
    runs.push(next);
    at = next;
  }
  return runs;
}

/** The local hour the daily alert run fires at, before the quiet hours end so its messages go out at 08:00. */
export const ALERTS_DAILY_HOUR = 7;

/**
 * Creates or updates the team's daily alert run (`alerts-<team>`, every day at 07:00 in the team's zone)
 * and indexes it for uninstall; upserting again replaces it.
 */
export async function upsertAlertScheduler(
  deps: ScheduleDeps,
  team: { teamId: string; enterpriseId?: string | undefined; tz: string },
): Promise<void> {
  const id = alertsSchedulerId(team.teamId);
  const data: AlertsJobData = {
    teamId: team.teamId,
    ...(team.enterpriseId ? { enterpriseId: team.enterpriseId } : {}),
    trigger: 'daily',
  };
  await deps.jobIndex.addScheduler(team.teamId, DIGEST_QUEUE, id);
  await deps.queue.upsertJobScheduler(
    id,
    { pattern: `0 ${ALERTS_DAILY_HOUR} * * *`, tz: team.tz },
    { name: JOB_NAMES.alerts, data, opts: DIGEST_JOB_OPTIONS },
  );
}

/** Removes the team's daily alert run; false when there was none. */
export async function removeAlertScheduler(deps: ScheduleDeps, teamId: string): Promise<boolean> {
  const id = alertsSchedulerId(teamId);
  const removed = await deps.queue.removeJobScheduler(id);
  await deps.jobIndex.removeScheduler(teamId, DIGEST_QUEUE, id);
  return removed;
}

/** Runs the team's alerts once for an import that was just committed; the same import adds nothing twice. */
export async function enqueueAlertRun(
  f: { queues: Pick<Queues, 'reminders'>; jobIndex: Pick<TeamJobIndex, 'add'> },
  team: { teamId: string; enterpriseId?: string | undefined; importId: string },
): Promise<string> {
  const jobId = alertsImportJobId(team.teamId, team.importId);
  const data: AlertsJobData = {
    teamId: team.teamId,
    ...(team.enterpriseId ? { enterpriseId: team.enterpriseId } : {}),
    trigger: 'import',
  };
  await f.jobIndex.add(team.teamId, QUEUE_NAMES.reminders, [jobId]);
  await f.queues.reminders.add(JOB_NAMES.alerts, data, { ...DIGEST_JOB_OPTIONS, jobId });
  return jobId;
}
