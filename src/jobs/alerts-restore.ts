import type { Store } from '../store/index.js';
import { scheduleFlush } from './alerts-flush.js';
import type { Followups } from './followups.js';
import { upsertAlertScheduler } from './schedules.js';

export interface AlertRestoreDeps {
  store: Pick<Store, 'alerts' | 'settings'>;
  followups: Pick<Followups, 'queues' | 'jobIndex' | 'deliveries' | 'defaultZone' | 'pace'>;
  now: Date;
}

export interface AlertRestoreResult {
  /** Teams whose daily run was upserted. */
  teams: number;
  /** Recipients whose pending alerts got their flush filed again. */
  flushes: number;
}

/**
 * At worker start, for every team whose alerts run daily: upserts the daily run (07:00 in the team's zone as
 * it is now, so a changed zone or schedule takes effect) and files again the flush of each recipient with
 * pending alerts, in the zone their alerts were queued for. Redis may have lost the queue's keys; upserting
 * an unchanged scheduler, or a flush already waiting for that day, changes nothing.
 */
export async function restoreAlertJobs(deps: AlertRestoreDeps): Promise<AlertRestoreResult> {
  const f = deps.followups;
  const result: AlertRestoreResult = { teams: 0, flushes: 0 };
  for (const team of await deps.store.alerts.dailyTeams()) {
    const [teamSettings, settings, zones] = await Promise.all([
      deps.store.settings.get(team.teamId),
      deps.store.alerts.settings(team.teamId),
      deps.store.alerts.pendingZones(team.teamId),
    ]);
    const tz = teamSettings.timezone ?? f.defaultZone;
    await upsertAlertScheduler({ queue: f.queues.reminders, jobIndex: f.jobIndex }, { ...team, tz });
    result.teams += 1;
    for (const recipient of await deps.store.alerts.pendingRecipients(team.teamId)) {
      await scheduleFlush(f, {
        ...team,
        recipient,
        tz: zones.get(recipient) ?? tz,
        now: deps.now,
        quiet: settings.quietHours,
      });
      result.flushes += 1;
    }
  }
  return result;
}
