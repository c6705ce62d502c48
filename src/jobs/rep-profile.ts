import type { WebClient } from '@slack/web-api';
import { isTimeZone } from '../engines/time-zone.js';
import type { Logger } from '../logger.js';
import type { CalendarRepository, RepProfile } from '../store/enrolments-calendar.js';

/** What the time-zone lookup needs: the workspace's client, the cache, and a logger for a users.info that fails. */
export interface RepProfileArgs {
  client: WebClient | undefined;
  calendars: CalendarRepository;
  teamId: string;
  userId: string;
  logger: Logger;
}

/**
 * The one time-zone lookup: the rep's time zone and name from the cache, else from users.info (then cached for
 * a day). A user without a usable time zone, or a users.info that fails (logged), falls back to `fallbackZone`
 * without caching it; callers pass the workspace's zone, else the configured DEFAULT_TIMEZONE.
 */
export async function repProfile(args: RepProfileArgs, fallbackZone: string): Promise<RepProfile> {
  const cached = await args.calendars.cachedProfile(args.teamId, args.userId);
  if (cached) return cached;
  if (args.client === undefined) return { tz: fallbackZone };
  try {
    const info = await args.client.users.info({ user: args.userId });
    const tz = info.user?.tz;
    const name = info.user?.profile?.first_name || info.user?.real_name || info.user?.name;
    if (!tz || !isTimeZone(tz)) return name ? { tz: fallbackZone, name } : { tz: fallbackZone };
    const profile: RepProfile = name ? { tz, name } : { tz };
    await args.calendars.cacheProfile(args.teamId, args.userId, profile);
    return profile;
  } catch (error) {
    args.logger.warn({ err: error, teamId: args.teamId }, 'users.info failed; using the fallback time zone');
    return { tz: fallbackZone };
  }
}
