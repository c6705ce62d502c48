import { renderBigWin, renderUnmatchedOwners } from '../blocks/alerts.js';
import {
  type Alert,
  type AppStageMove,
  batchKey,
  computeAlerts,
  type DirectoryMember,
  moveAlerts,
  planRecipients,
  snapshotOf,
} from '../engines/alerts/index.js';
import { measureDate } from '../engines/dashboard/index.js';
import { resolveIntake } from '../engines/intake.js';
import { ruleOfDeal } from '../store/alerts-schema.js';
import type { Store } from '../store/index.js';
import { alertItem, crmLink, scheduleFlush } from './alerts-flush.js';
import type { Followups } from './followups.js';
import { enqueuePost, enqueuePosts } from './sender.js';
import { teamStages, teamThresholds } from './team-stages.js';

/** What an alert run reads and where it hands its messages. */
export interface AlertRunDeps {
  store: Pick<Store, 'deals' | 'profiles' | 'settings' | 'alerts'>;
  followups: Pick<Followups, 'queues' | 'jobIndex' | 'deliveries' | 'defaultZone' | 'pace'>;
  /** The workspace's people (users.list), to match deal owners. */
  directory: () => Promise<DirectoryMember[]>;
  /** The ICP fit of an account by name, when the team has an ICP and facts about its accounts. */
  accountFit?:
    | ((teamId: string) => Promise<((account: string) => number | undefined) | undefined>)
    | undefined;
  /** The app's own stage moves since the last run (qualify moves), for the stage-skipped rule. */
  recentMoves?: ((teamId: string) => Promise<AppStageMove[]>) | undefined;
}

export interface AlertRunInput {
  teamId: string;
  enterpriseId?: string | undefined;
  now: Date;
}

export interface AlertRunResult {
  /** Alerts the rules raised (muted and snoozed ones included). */
  raised: number;
  /** Alerts raised for the first time and handed on. */
  fresh: number;
  /** Recipient → the alerts queued for them in this run. */
  queued: Record<string, number>;
  bigWins: number;
  /** Owners listed as unmatched for the first time. */
  unmatched: string[];
}

/**
 * Runs the team's alert rules on its stored deals (after an import, or daily): alerts never raised before,
 * not muted and not snoozed, go to each owner's pending list and a flush job at their next send time (one
 * message a day, outside quiet hours); a big win goes to the alert channel once; owners matched to nobody
 * are listed there once. The deals are then kept as the previous import for the next comparison.
 */
export async function runAlerts(deps: AlertRunDeps, input: AlertRunInput): Promise<AlertRunResult> {
  const { teamId } = input;
  const result: AlertRunResult = { raised: 0, fresh: 0, queued: {}, bigWins: 0, unmatched: [] };
  const [deals, settings] = await Promise.all([
    deps.store.deals.listDeals(teamId),
    deps.store.alerts.settings(teamId),
  ]);
  // The app's own moves alert even for a team that never imported deals.
  const moves = settings.disabled.includes('stage-skipped') ? [] : ((await deps.recentMoves?.(teamId)) ?? []);
  if (deals.length === 0 && moves.length === 0) return result;
  const [profile, team, previous, mutes, snoozes] = await Promise.all([
    deps.store.profiles.get(teamId),
    deps.store.settings.get(teamId),
    deps.store.alerts.snapshot(teamId),
    deps.store.alerts.mutes(teamId),
    deps.store.alerts.snoozes(teamId),
  ]);
  const intake = profile === undefined ? undefined : resolveIntake(profile.intake);
  const stages = await teamStages(deps.store, teamId, intake, deals);
  const nowIso = input.now.toISOString();
  const alerts = [
    ...computeAlerts({
      teamId,
      now: measureDate(deals, nowIso).at,
      stages,
      deals,
      previous,
      thresholds: teamThresholds(intake),
      disabled: new Set(settings.disabled),
      accountFit: await deps.accountFit?.(teamId),
    }),
    ...moveAlerts(teamId, stages, moves),
  ];
  result.raised = alerts.length;
  const held = (a: Alert) => {
    const field = ruleOfDeal(a.rule, a.dealId);
    const until = snoozes.get(field);
    return mutes.has(field) || (until !== undefined && until > nowIso);
  };
  const open = alerts.filter((a) => !held(a));
  const seen = await deps.store.alerts.raisedAmong(
    teamId,
    open.map((a) => a.key),
  );
  const fresh = open.filter((a) => !seen.has(a.key));
  result.fresh = fresh.length;
  const link = crmLink(settings.recordUrl);
  const postData = (channel: string, key: string, message: { text: string; blocks: unknown[] }) => ({
    teamId,
    ...(input.enterpriseId ? { enterpriseId: input.enterpriseId } : {}),
    channel,
    deliveryKey: key,
    text: message.text,
    blocks: message.blocks as { type: string }[],
  });

  // Big wins: to the team's alert channel, once each, handed over together (a second apart at the
  // channel's pace); without a channel there is nowhere to post them.
  const alertChannel = settings.channel;
  if (alertChannel !== undefined) {
    const wins = fresh.filter((a) => a.toChannel);
    await enqueuePosts(
      deps.followups,
      wins.map((win) => postData(alertChannel, win.key, renderBigWin(alertItem(win, link)))),
    );
    result.bigWins = wins.length;
  }

  const personal = fresh.filter((a) => !a.toChannel);
  const owners = [...new Set(personal.flatMap((a) => (a.owner === undefined ? [] : [a.owner])))];
  const plan = planRecipients({
    owners,
    directory: owners.length === 0 ? [] : await deps.directory(),
    mappings: await deps.store.alerts.mappings(teamId),
    alertChannel: settings.channel,
  });
  const zone = team.timezone ?? deps.followups.defaultZone;
  const byRecipient = new Map<string, { tz: string; alerts: Alert[] }>();
  for (const alert of personal) {
    const to = alert.owner === undefined ? undefined : plan.byOwner.get(alert.owner);
    const recipient =
      to ?? (settings.channel === undefined ? undefined : { kind: 'channel' as const, id: settings.channel });
    if (recipient === undefined) continue;
    const tz = recipient.kind === 'user' ? (recipient.tz ?? zone) : zone;
    const entry = byRecipient.get(recipient.id) ?? { tz, alerts: [] };
    entry.alerts.push(alert);
    byRecipient.set(recipient.id, entry);
  }
  for (const [recipient, { tz, alerts: list }] of byRecipient) {
    await deps.store.alerts.addPending(teamId, recipient, list, tz);
    await scheduleFlush(deps.followups, {
      teamId,
      enterpriseId: input.enterpriseId,
      recipient,
      tz,
      now: input.now,
      quiet: settings.quietHours,
    });
    result.queued[recipient] = list.length;
  }
  // Recorded only once handed on: a crash before this raises them again, and pending alerts are a hash.
  await deps.store.alerts.markRaised(
    teamId,
    fresh.map((a) => a.key),
  );

  if (settings.channel !== undefined && plan.unmatched.length > 0) {
    const newly = await deps.store.alerts.markUnmatched(teamId, plan.unmatched);
    if (newly.length > 0) {
      const unmatched = postData(
        settings.channel,
        batchKey(`alunm-${teamId}`, newly),
        renderUnmatchedOwners(newly),
      );
      await enqueuePost(deps.followups, unmatched);
      result.unmatched = newly;
    }
  }
  if (deals.length > 0) await deps.store.alerts.saveSnapshot(teamId, snapshotOf(deals));
  return result;
}
