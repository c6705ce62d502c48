import type { WebClient } from '@slack/web-api';
import type { CalendarRepository, RepProfile } from '../store/enrolments-calendar.js';

/**
 * The rep's time zone and name: from the cache, else from users.info (then cached for a day). A user
 * without a time zone, or a users.info that fails, falls back to `fallbackZone` without caching it.
 */
export async function repProfile(
  args: { client: WebClient | undefined; calendars: CalendarRepository; teamId: string; userId: string },
  fallbackZone: string,
): Promise<RepProfile> {
  const cached = await args.calendars.cachedProfile(args.teamId, args.userId);
  if (cached) return cached;
  if (args.client === undefined) return { tz: fallbackZone };
  try {
    const info = await args.client.users.info({ user: args.userId });
    const tz = info.user?.tz;
    const name = info.user?.profile?.first_name || info.user?.real_name || info.user?.name;
    if (!tz) return name ? { tz: fallbackZone, name } : { tz: fallbackZone };
    const profile: RepProfile = name ? { tz, name } : { tz };
    await args.calendars.cacheProfile(args.teamId, args.userId, profile);
    return profile;
  } catch {
    return { tz: fallbackZone };
  }
}
