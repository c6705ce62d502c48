import type { App, Context } from '@slack/bolt';
import type { Followups } from '../jobs/followups.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/index.js';
import type { Metrics } from './metrics.js';
import { onEvent } from './routing.js';

/**
 * Deletes the installation and every key of the team (and of the enterprise, for an org-wide install).
 * With `eventTimeMs` (when Slack says the app was uninstalled), an installation saved after that moment
 * is a reinstall the event knows nothing about: then nothing is deleted.
 */
export async function forgetTeam(
  store: Store,
  context: Pick<Context, 'teamId' | 'enterpriseId' | 'isEnterpriseInstall'>,
  eventTimeMs?: number,
): Promise<{ teams: string[]; deleted: number; reinstalled?: true }> {
  const owner = {
    teamId: context.teamId,
    enterpriseId: context.enterpriseId,
    isEnterpriseInstall: context.isEnterpriseInstall,
  };
  if (eventTimeMs !== undefined) {
    const installedAt = await store.installations.installedAt(owner);
    if (installedAt !== undefined && installedAt > eventTimeMs)
      return { teams: [], deleted: 0, reinstalled: true };
  }
  await store.installations.remove({
    teamId: context.teamId,
    enterpriseId: context.enterpriseId,
    isEnterpriseInstall: context.isEnterpriseInstall,
  });
  const owners = [context.teamId, context.isEnterpriseInstall ? context.enterpriseId : undefined].filter(
    (id): id is string => typeof id === 'string' && id !== '',
  );
  let deleted = 0;
  for (const owner of owners) deleted += await store.purgeTeam(owner);
  return { teams: owners, deleted };
}

/**
 * Bolt never calls deleteInstallation itself: these listeners remove the tokens and the team's data when
 * the app is uninstalled or its bot token revoked.
 */
export function registerUninstall(
  app: App,
  deps: { store: Store; logger: Logger; metrics: Metrics; followups: Followups },
): void {
  const run = async (context: Context, reason: string, eventTime: unknown) => {
    try {
      const eventTimeMs = typeof eventTime === 'number' ? eventTime * 1000 : undefined;
      if (eventTimeMs !== undefined) {
        const installedAt = await deps.store.installations.installedAt(context);
        if (installedAt !== undefined && installedAt > eventTimeMs) {
          deps.logger.info({ teamId: context.teamId, reason }, 'kept a reinstall made after the event');
          return;
        }
      }
      // The team's queued jobs go first: their index lives among the team keys that forgetTeam purges.
      const jobs = context.teamId ? await deps.followups.removeTeamJobs(context.teamId) : 0;
      const result = await forgetTeam(deps.store, context, eventTimeMs);
      deps.logger.info({ ...result, jobs, reason }, 'removed the installation and the team data');
    } catch (error) {
      deps.metrics.errors.inc({ source: reason });
      deps.logger.error({ err: error, teamId: context.teamId, reason }, 'could not remove the team data');
    }
  };
  const timeOf = (body: unknown) => (body as { event_time?: unknown }).event_time;
  onEvent(app, 'app_uninstalled', async ({ context, body }) => run(context, 'app_uninstalled', timeOf(body)));
  onEvent(app, 'tokens_revoked', async ({ event, context, body }) => {
    // The app asks for no user scopes, so only a revoked bot token leaves the installation unusable.
    if ((event.tokens.bot ?? []).length === 0) return;
    await run(context, 'tokens_revoked', timeOf(body));
  });
}
