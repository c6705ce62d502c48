import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { followupsHomeBlocks } from '../../blocks/followups-home.js';
import type { Followups } from '../../jobs/followups.js';
import { repProfile } from '../../jobs/rep-profile.js';
import type { Logger } from '../../logger.js';
import { dueFollowups } from './enrolment-views.js';

/** The Home tab's follow-ups of one rep: their steps overdue and due today, in their time zone. */
export async function homeFollowups(
  f: Followups,
  client: WebClient,
  teamId: string,
  userId: string,
  now: Date,
  logger: Logger,
): Promise<KnownBlock[]> {
  const [enrolments, profile] = await Promise.all([
    f.enrolments.listForRep(teamId, userId),
    repProfile({ client, calendars: f.calendars, teamId, userId, logger }, f.defaultZone),
  ]);
  return followupsHomeBlocks(dueFollowups(enrolments, now, profile.tz), profile.tz);
}
