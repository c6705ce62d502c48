import { DateTime } from 'luxon';
import { escapeMrkdwn } from '../../blocks/format.js';
import { localTime } from '../../blocks/sequence-format.js';
import { recordAbsence } from '../../jobs/absence.js';
import { repProfile } from '../../jobs/rep-profile.js';
import { parseAbsence } from '../../views/snooze/when.js';
import type { CommandHandler } from '../types.js';

const MAX_LISTED = 10;

/**
 * `/sales-ops ooo until Dec 2` (or `Dec 1 - Dec 5`): records the rep's absence, read with chrono in their
 * Slack time zone, and moves their scheduled follow-ups past it; `ooo` shows the absences, `ooo clear`
 * forgets them (follow-ups already moved stay where they are).
 */
export const ooo: CommandHandler = async (request, deps) => {
  const f = deps.followups;
  const { teamId, userId } = request;
  const args = request.args.trim();
  const profile = await repProfile(
    { client: request.client, calendars: f.calendars, teamId, userId, logger: deps.logger },
    f.defaultZone,
  );
  if (args === '' || args.toLowerCase() === 'list') {
    const absences = await f.calendars.absences(teamId, userId);
    await request.reply({
      text:
        absences.length === 0
          ? 'No absences recorded. Going away? `/sales-ops ooo until Dec 2` moves your due follow-ups past it.'
          : `Your absences: ${absences.map((a) => (a.from === a.to ? a.from : `${a.from} to ${a.to}`)).join(', ')}. \`/sales-ops ooo clear\` forgets them.`,
    });
    return;
  }
  if (/^(clear|off|back|none)$/i.test(args)) {
    await f.calendars.clearAbsences(teamId, userId);
    await request.reply({ text: 'Absences cleared. Follow-ups already moved keep their new dates.' });
    return;
  }
  const now = deps.now();
  const range = parseAbsence(args, now, profile.tz);
  if (!range.ok) {
    await request.reply({ text: range.error });
    return;
  }
  const moved = await recordAbsence(f, {
    teamId,
    userId,
    absence: { from: range.from, to: range.to },
    timezone: profile.tz,
    now,
    today: DateTime.fromJSDate(now, { zone: profile.tz }).toFormat('yyyy-LL-dd'),
  });
  const lines = moved
    .slice(0, MAX_LISTED)
    .map((m) => `• ${escapeMrkdwn(m.leadName)}, step ${m.step + 1}: now ${localTime(m.to, profile.tz)}`);
  const more = moved.length > MAX_LISTED ? `\n…and ${moved.length - MAX_LISTED} more.` : '';
  const head = `Out of office ${range.from === range.to ? `on ${range.from}` : `from ${range.from} to ${range.to}`} (${profile.tz}).`;
  await request.reply({
    text:
      moved.length === 0
        ? `${head} None of your follow-ups fell due in that time; new ones will skip it.`
        : `${head} Moved ${moved.length} follow-up${moved.length === 1 ? '' : 's'} past it, keeping their spacing:\n${lines.join('\n')}${more}`,
  });
};
