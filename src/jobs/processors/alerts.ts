import { UnrecoverableError } from 'bullmq';
import { type AlertFlushResult, processAlertFlush } from '../alerts-flush.js';
import type { AlertFlushJobData, AlertsJobData } from '../alerts-job.js';
import { type AlertRunDeps, type AlertRunResult, runAlerts } from '../alerts-run.js';
import type { ClientFor } from '../slack-client.js';
import { slackDirectory } from '../slack-directory.js';

export type AlertsResult = (AlertRunResult & { status: 'ran' }) | AlertFlushResult;

/** What alert jobs read besides the follow-up queues and the Slack client. */
export interface AlertJobDeps extends Omit<AlertRunDeps, 'directory'> {
  clientFor: ClientFor;
  /** The clock; tests move it. */
  now?: () => Date;
}

/** The team's alert rules ran (daily or after an import): see runAlerts. */
export async function processAlerts(data: AlertsJobData, deps: AlertJobDeps): Promise<AlertsResult> {
  const client = await deps.clientFor({ teamId: data.teamId, enterpriseId: data.enterpriseId });
  if (!client) throw new UnrecoverableError(`team ${data.teamId} has no installation; alerts cannot be sent`);
  const result = await runAlerts(
    { ...deps, directory: () => slackDirectory(client) },
    { teamId: data.teamId, enterpriseId: data.enterpriseId, now: deps.now?.() ?? new Date() },
  );
  return { status: 'ran', ...result };
}

/** One recipient's alerts fell due: see processAlertFlush. */
export function processFlush(data: AlertFlushJobData, deps: AlertJobDeps): Promise<AlertFlushResult> {
  return processAlertFlush(data, {
    store: deps.store,
    followups: deps.followups,
    ...(deps.now ? { now: deps.now } : {}),
  });
}
