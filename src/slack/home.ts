import type { App } from '@slack/bolt';
import type { HomeView, KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { escapeMrkdwn } from '../blocks/format.js';
import { icpHomeBlocks } from '../blocks/icp-home.js';
import { leadsHomeBlocks } from '../blocks/leads-home.js';
import { quickActionsBlock } from '../commands/help/index.js';
import { icpHomeItems } from '../commands/icp/index.js';
import { SLASH_COMMAND } from '../commands/ids.js';
import { homeFollowups } from '../commands/sequence/index.js';
import type { Lead } from '../engines/lead.js';
import type { Followups } from '../jobs/followups.js';
import type { Logger } from '../logger.js';
import type { BlueprintSummary, SavedProfile, Store } from '../store/index.js';
import type { Metrics } from './metrics.js';
import { onEvent } from './routing.js';

const MODEL_NAMES = { inside: 'Inside sales', field: 'Field sales', hybrid: 'Hybrid' } as const;

/** Slack renders this in each reader's own time zone, with the ISO date as the fallback. */
function slackDate(iso: string): string {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  return `<!date^${seconds}^{date_short}|${iso.slice(0, 10)}>`;
}

function profileText(profile: SavedProfile | undefined): string {
  if (!profile) {
    return `*No business profile yet.*\nRun \`${SLASH_COMMAND} YourCompany\` in any channel, or press *Design a blueprint* below, to describe your business and get your sales operations blueprint.`;
  }
  const { intake } = profile;
  const details: string[] = [MODEL_NAMES[intake.model]];
  if (intake.deal?.segment) details.push(intake.deal.segment);
  if (intake.framework && intake.framework !== 'auto') details.push(intake.framework.toUpperCase());
  return [
    `*Business profile: ${escapeMrkdwn(intake.business)}*`,
    details.map(escapeMrkdwn).join(' · '),
    `_Saved by <@${profile.updatedBy}> on ${slackDate(profile.updatedAt)}_`,
  ].join('\n');
}

function blueprintText(blueprint: BlueprintSummary | undefined): string {
  if (!blueprint) return '*Last blueprint:* none yet.';
  return [
    `*Last blueprint: ${escapeMrkdwn(blueprint.business)}*`,
    `${blueprint.framework.toUpperCase()} · Pipeline Health ${blueprint.health}/10`,
    `_Posted in <#${blueprint.channel}> on ${slackDate(blueprint.generatedAt)}_`,
  ].join('\n');
}

/** The Home tab: the saved business profile (or how to make one), the last blueprint and the quick actions. */
export function buildHomeView(data: {
  profile?: SavedProfile;
  blueprint?: BlueprintSummary;
  /** The person's leads; when given, a "My leads by stage" section shows them. */
  leads?: readonly Lead[];
  /** The person's follow-ups due today and overdue (followupsHomeBlocks). */
  followups?: readonly KnownBlock[];
  /** The team's ICPs (icpHomeBlocks). */
  icp?: readonly KnownBlock[];
}): HomeView & { blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'sales-ops' } },
    { type: 'section', text: { type: 'mrkdwn', text: profileText(data.profile) } },
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', text: blueprintText(data.blueprint) } },
    { type: 'divider' },
    ...(data.leads ? [...leadsHomeBlocks(data.leads), { type: 'divider' } as const] : []),
    ...(data.followups ? [...data.followups, { type: 'divider' } as const] : []),
    ...(data.icp ? [...data.icp, { type: 'divider' } as const] : []),
    quickActionsBlock(),
  ];
  return { type: 'home', blocks };
}

/** Publishes a person's Home tab from the team's saved profile and last blueprint. */
export async function publishHome(
  client: WebClient,
  store: Store,
  teamId: string,
  userId: string,
  followups: Followups,
  logger: Logger,
): Promise<void> {
  const [profile, blueprint, leads, due, icp] = await Promise.all([
    store.profiles.get(teamId),
    store.blueprints.getLast(teamId),
    store.leads.listByOwner(teamId, userId),
    homeFollowups(followups, client, teamId, userId, new Date(), logger),
    icpHomeItems(store, teamId),
  ]);
  const view = buildHomeView({
    ...(profile ? { profile } : {}),
    ...(blueprint ? { blueprint } : {}),
    leads,
    followups: due,
    icp: icpHomeBlocks(icp),
  });
  await client.views.publish({ user_id: userId, view });
}

/** Publishes the Home tab each time someone opens it. */
export function registerHome(
  app: App,
  deps: { store: Store; logger: Logger; metrics: Metrics; followups: Followups },
): void {
  onEvent(app, 'app_home_opened', async ({ event, context, client }) => {
    if (event.tab !== 'home') return;
    const teamId = context.teamId ?? context.enterpriseId;
    try {
      if (!teamId) throw new Error('app_home_opened arrived without a team id');
      await publishHome(client, deps.store, teamId, event.user, deps.followups, deps.logger);
    } catch (error) {
      deps.metrics.errors.inc({ source: 'app_home_opened' });
      deps.logger.error({ err: error, teamId }, 'could not publish the Home tab');
    }
  });
}
