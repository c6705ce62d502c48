import { mrkdwn } from '../../blocks/format.js';
import type { CommandHandler, CommandRequest } from '../types.js';
import { ALERTS_USAGE, parseAlerts } from './parse.js';
import {
  ADMINS_ONLY,
  mayChangeAlerts,
  resolvePerson,
  rulesMessage,
  scheduleDailyAlerts,
  unknownPerson,
} from './service.js';

const normalise = (owner: string) => owner.trim().toLowerCase().replace(/\s+/g, ' ');

/** The owners of the team's imported deals, as imported. */
async function importedOwners(
  request: CommandRequest,
  deps: Parameters<CommandHandler>[1],
): Promise<string[]> {
  const deals = await deps.store.deals.listDeals(request.teamId);
  return [...new Set(deals.flatMap((d) => (d.owner === undefined ? [] : [d.owner])))];
}

/**
 * `/sales-ops alerts`: lists the rules with their thresholds (on/off buttons for admins); `#channel`, `quiet`,
 * `link`, `map` and `on|off <rule>` change the team's alerts, which only a workspace admin or owner may do.
 */
export const alerts: CommandHandler = async (request, deps) => {
  const parsed = parseAlerts(request.args);
  if (parsed.kind === 'error') return request.reply({ text: parsed.message });
  const admin = await mayChangeAlerts(request.client, request.userId, deps.logger);
  if (parsed.kind === 'show') return request.reply(await rulesMessage(deps, request.teamId, admin));
  if (!admin) return request.reply({ text: ADMINS_ONLY });
  const { teamId } = request;
  switch (parsed.kind) {
    case 'here':
    case 'channel': {
      const channelId = parsed.kind === 'channel' ? parsed.channelId : request.channelId;
      if (channelId === undefined || !/^[CG]/.test(channelId))
        return request.reply({ text: 'Run `/sales-ops alerts here` in a channel (not a DM).' });
      await deps.store.alerts.updateSettings(teamId, { channel: channelId });
      request.saved('the alert channel');
      await scheduleDailyAlerts(deps, {
        teamId,
        ...(request.enterpriseId ? { enterpriseId: request.enterpriseId } : {}),
      });
      return request.reply({
        text: `Deal alerts of owners nobody in Slack matches, unmatched owners and big wins now go to <#${channelId}>; the rules run daily at 07:00 and after each import. Invite the app to that channel if it is not there yet.`,
      });
    }
    case 'quiet':
      await deps.store.alerts.updateSettings(teamId, {
        quietHours: { start: parsed.start, end: parsed.end },
      });
      return request.reply({
        text: `Quiet hours are now ${parsed.start}–${parsed.end}, in each person's time zone: alert messages wait until they end.`,
      });
    case 'link':
      await deps.store.alerts.updateSettings(teamId, { recordUrl: parsed.url });
      return request.reply({ text: `Alerts now link each deal to ${mrkdwn(parsed.url, 300)}.` });
    case 'rule':
      await deps.store.alerts.setRule(teamId, parsed.rule, parsed.on);
      return request.reply(await rulesMessage(deps, teamId, true));
    case 'map': {
      const owners = await importedOwners(request, deps);
      const owner = owners.find((o) => normalise(o) === normalise(parsed.owner));
      if (owner === undefined) {
        const some = owners
          .slice(0, 10)
          .map((o) => `"${mrkdwn(o, 40)}"`)
          .join(', ');
        return request.reply({
          text:
            owners.length === 0
              ? 'No deals are imported yet, so there is no owner to map; run `/sales-ops import` first.'
              : `No imported deal is owned by "${mrkdwn(parsed.owner, 60)}". Owners as imported include ${some}.`,
        });
      }
      const userId = await resolvePerson(request.client, parsed.person);
      if (userId === undefined) return request.reply({ text: unknownPerson(parsed.person) });
      await deps.store.alerts.map(teamId, owner, userId);
      return request.reply({
        text: `Alerts of deals owned by ${mrkdwn(owner, 60)} now go to <@${userId}>.`,
      });
    }
    default:
      return request.reply({ text: ALERTS_USAGE });
  }
};
