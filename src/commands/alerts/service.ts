import type { WebClient } from '@slack/web-api';
import { renderAlertRules } from '../../blocks/alert-rules.js';
import { ALERT_LIMITS, DEAL_RULES, DEFAULT_QUIET_HOURS, stageLimits } from '../../engines/alerts/index.js';
import { resolveIntake } from '../../engines/intake.js';
import { averageDeal } from '../../engines/pipeline/index.js';
import { ownerIdsFor } from '../../jobs/digest-owners.js';
import { enqueueAlertRun, upsertAlertScheduler } from '../../jobs/schedules.js';
import { teamStages, teamThresholds } from '../../jobs/team-stages.js';
import type { Logger } from '../../logger.js';
import { isWorkspaceAdmin, referenceIcp } from '../icp/index.js';
import type { CommandDeps, ReplyMessage } from '../types.js';
import type { Person } from './parse.js';

/** Who may change the team's alerts: a workspace admin or owner, as users.info says (as for the team ICP). */
export function mayChangeAlerts(client: WebClient, userId: string, logger: Logger): Promise<boolean> {
  return isWorkspaceAdmin(client, userId, logger);
}

export const ADMINS_ONLY = 'Only a workspace admin or owner can change the deal alerts; ask one of them.';

/** The rules with the thresholds they apply to the team's deals now, and the team's settings. */
export async function rulesMessage(
  deps: Pick<CommandDeps, 'store'>,
  teamId: string,
  admin: boolean,
): Promise<ReplyMessage> {
  const [deals, profile, settings, mappings, icpIdle] = await Promise.all([
    deps.store.deals.listDeals(teamId),
    deps.store.profiles.get(teamId),
    deps.store.alerts.settings(teamId),
    deps.store.alerts.mappings(teamId),
    icpMatchIdle(deps.store, teamId),
  ]);
  const intake = profile === undefined ? undefined : resolveIntake(profile.intake);
  const stages = await teamStages(deps.store, teamId, intake, deals);
  const ctx = {
    stageLimits: stageLimits(stages, deals, teamThresholds(intake)),
    averageWon: averageDeal(deals),
    limits: ALERT_LIMITS,
  };
  const disabled = new Set(settings.disabled);
  const rules = DEAL_RULES.map((r) => ({
    id: r.id,
    title: r.title,
    threshold: r.threshold(ctx),
    on: !disabled.has(r.id),
    ...(r.id === 'icp-match' && icpIdle !== undefined ? { idle: icpIdle } : {}),
  }));
  return renderAlertRules(
    rules,
    {
      channel: settings.channel,
      quiet: settings.quietHours ?? DEFAULT_QUIET_HOURS,
      recordUrl: settings.recordUrl,
      mappings: [...mappings.entries()],
    },
    admin,
  );
}

/** Why the ICP match rule raises nothing for the team yet (no ICP, no account facts), or undefined when it can. */
async function icpMatchIdle(store: CommandDeps['store'], teamId: string): Promise<string | undefined> {
  const [reference, accounts] = await Promise.all([
    referenceIcp(store, teamId),
    store.accounts.count(teamId),
  ]);
  const missing = [
    ...(reference === undefined ? ['the team has no ICP yet: fill one in with `/sales-ops icp`'] : []),
    ...(accounts === 0
      ? [
          'no accounts were imported: import `accounts.csv` from a terminal with `sales-ops import FILE.csv --team TEAM --accounts accounts.csv`',
        ]
      : []),
  ];
  return missing.length === 0 ? undefined : `Raises nothing yet: ${missing.join('; ')}.`;
}

/** Keeps the team's daily alert run at 07:00 in the team's zone (idempotent), restored at each worker start. */
export async function scheduleDailyAlerts(
  deps: Pick<CommandDeps, 'store' | 'followups'>,
  team: { teamId: string; enterpriseId?: string | undefined },
): Promise<void> {
  const f = deps.followups;
  const tz = (await deps.store.settings.get(team.teamId)).timezone ?? f.defaultZone;
  await deps.store.alerts.markDaily({
    teamId: team.teamId,
    ...(team.enterpriseId ? { enterpriseId: team.enterpriseId } : {}),
  });
  await upsertAlertScheduler({ queue: f.queues.reminders, jobIndex: f.jobIndex }, { ...team, tz });
}

/**
 * After an import is committed, from Slack or a terminal: runs the team's alert rules on the new deals in the
 * worker, and keeps the daily run. The same import queues one run however often this is called.
 */
export async function queueImportAlerts(
  deps: Pick<CommandDeps, 'store' | 'followups'>,
  team: { teamId: string; enterpriseId?: string | undefined; importId: string },
): Promise<void> {
  const { importId, ...owner } = team;
  await Promise.all([
    enqueueAlertRun(deps.followups, { ...owner, importId }),
    scheduleDailyAlerts(deps, owner),
  ]);
}

/** The Slack user id of a person named in a command; a typed `@handle` is looked up in users.list. */
export async function resolvePerson(client: WebClient, person: Person): Promise<string | undefined> {
  if ('userId' in person) return person.userId;
  return (await ownerIdsFor(client, [person.handle])).get(person.handle);
}

/** What to say when a typed `@handle` matches nobody. */
export const unknownPerson = (person: Person) =>
  `Nobody in this workspace goes by @${'handle' in person ? person.handle : person.userId}; pick the person from the list Slack offers as you type @.`;
