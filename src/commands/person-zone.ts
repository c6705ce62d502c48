import { repProfile } from '../jobs/rep-profile.js';
import type { RequestContext } from '../slack/listener.js';
import type { CommandDeps } from './types.js';

/**
 * The IANA time zone of the person who asked, from the one cached users.info lookup; `fallback` (a sequence's
 * or the workspace's zone) when Slack has none, else the configured default.
 */
export async function personZone(
  ctx: Pick<RequestContext, 'client' | 'teamId' | 'userId'>,
  deps: Pick<CommandDeps, 'followups' | 'logger'>,
  fallback?: string,
): Promise<string> {
  const f = deps.followups;
  const profile = await repProfile(
    {
      client: ctx.client,
      calendars: f.calendars,
      teamId: ctx.teamId,
      userId: ctx.userId,
      logger: deps.logger,
    },
    fallback ?? f.defaultZone,
  );
  return profile.tz;
}
