import type { App, Context } from '@slack/bolt';
import type { Followups } from '../jobs/followups.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/index.js';
import type { Metrics } from './metrics.js';

/** Deletes the installation and every key of the team (and of the enterprise, for an org-wide install). */
export async function forgetTeam(
  store: Store,
  context: Context,
): Promise<{ teams: string[]; deleted: number }> {
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
  deps: { store: Store; logger: Logger; metrics: Metrics; followups?: Followups },
): void {
  const run = async (context: Context, reason: string) => {
    try {
      // The team's queued jobs go first: their index lives among the team keys that forgetTeam purges.
      const jobs = deps.followups && context.teamId ? await deps.followups.removeTeamJobs(context.teamId) : 0;
      const result = await forgetTeam(deps.store, context);
      deps.logger.info({ ...result, jobs, reason }, 'removed the installation and the team data');
    } catch (error) {
      deps.metrics.errors.inc({ source: reason });
      deps.logger.error({ err: error, teamId: context.teamId, reason }, 'could not remove the team data');
    }
  };
  app.event('app_uninstalled', async ({ context }) => run(context, 'app_uninstalled'));
  app.event('tokens_revoked', async ({ event, context }) => {
    // The app asks for no user scopes, so only a revoked bot token leaves the installation unusable.
    if ((event.tokens.bot ?? []).length === 0) return;
    await run(context, 'tokens_revoked');
  });
}
