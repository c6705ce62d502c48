import type { KnownBlock } from '@slack/types';
import { renderDigest } from '../blocks/digest.js';
import { renderRepSection } from '../blocks/digest-reps.js';
import { funnelChartSvg, renderPng } from '../charts/index.js';
import {
  compareToHistory,
  computeDashboard,
  type Dashboard,
  dealsAsOf,
  isoWeek,
  measureDate,
  type Snapshot,
  toSnapshot,
  weeksBefore,
} from '../engines/dashboard/index.js';
import type { Deal } from '../engines/deal.js';
import { type Intake, resolveIntake } from '../engines/intake.js';
import { probabilitiesFromEvidence, type StageDef } from '../engines/pipeline/index.js';
import { quotasFromDeals, type RepReport, repReport } from '../engines/reps/index.js';
import type { Store } from '../store/index.js';
import { teamStages, teamTargets, teamThresholds } from './team-stages.js';

const WEEK_MS = 7 * 24 * 3600 * 1000;
const BASELINE_WEEKS = 4;

/** A digest ready to post: the message, and the funnel chart to share beside it. */
export type DigestContent =
  | {
      kind: 'digest';
      week: string;
      text: string;
      blocks: KnownBlock[];
      chart: { png: Buffer; title: string };
    }
  | { kind: 'no-deals'; week: string; text: string; blocks: KnownBlock[] };

export interface DigestContentInput {
  teamId: string;
  /** The channel's time zone: the ISO week and the quota quarter are read in it. */
  zone: string;
  now: Date;
  /** Deep link to App Home (see appHomeUrl); left out when the app id is unknown. */
  appHomeUrl?: string | undefined;
  /** Maps deal owners as imported (names) to Slack user ids, so the stuck deals mention their owners. */
  resolveOwners?: (owners: readonly string[]) => Promise<ReadonlyMap<string, string>>;
}

type StoreParts = Pick<Store, 'deals' | 'profiles' | 'settings' | 'snapshots'> &
  Partial<Pick<Store, 'alerts'>>;

/** The message for a team without deals: how to import some. */
export function noDealsMessage(teamId: string, week: string): DigestContent {
  const text = `*Weekly pipeline digest · ${week}*\nThere are no deals to report on yet. Import your CRM export (HubSpot, Salesforce, Pipedrive or CSV) with \`/sales-ops import\`, or from a terminal with \`sales-ops import FILE.csv --team ${teamId}\`, and the next digest shows your dashboard, funnel and trends.`;
  return { kind: 'no-deals', week, text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/**
 * The 4 weeks before `week`: stored snapshots where they exist, and for weeks without one, the figures
 * rebuilt from the deals as they stood then (dealsAsOf), so even the first digest shows trends.
 */
async function historyOf(
  store: StoreParts,
  input: DigestContentInput,
  week: string,
  figuresAt: (at: string) => Dashboard,
  measuredAt: Date,
): Promise<Snapshot[]> {
  const weeks = Array.from({ length: BASELINE_WEEKS }, (_, i) => weeksBefore(week, i + 1));
  const stored = await store.snapshots.weeks(input.teamId, weeks);
  const have = new Set(stored.map((s) => s.week));
  const rebuilt = weeks.flatMap((w, i) => {
    if (have.has(w)) return [];
    // Figures as the deals stood a week earlier, filed under the digest's own earlier week.
    const at = new Date(measuredAt.getTime() - (i + 1) * WEEK_MS).toISOString();
    const taken = new Date(input.now.getTime() - (i + 1) * WEEK_MS).toISOString();
    return [toSnapshot(figuresAt(at), taken, input.zone)];
  });
  return [...stored, ...rebuilt];
}

/**
 * Builds this week's digest of the team: the dashboard from its stored deals (stages from the import,
 * else the profile's design), this week's snapshot saved for later trends, the comparison with last
 * week and the 4-week baseline, the funnel chart PNG, and the Block Kit message.
 */
export async function buildDigestContent(
  store: StoreParts,
  input: DigestContentInput,
): Promise<DigestContent> {
  const now = input.now.toISOString();
  const week = isoWeek(now, input.zone);
  const deals = await store.deals.listDeals(input.teamId);
  if (deals.length === 0) return noDealsMessage(input.teamId, week);

  const [profile, settings] = await Promise.all([
    store.profiles.get(input.teamId),
    store.settings.get(input.teamId),
  ]);
  const intake = profile === undefined ? undefined : resolveIntake(profile.intake);
  const stages: StageDef[] = await teamStages(store, input.teamId, intake, deals);
  const staleDays = teamThresholds(intake)?.staleDays;
  const base = {
    stages,
    zone: input.zone,
    targets: teamTargets(intake),
    ...(staleDays === undefined ? {} : { staleDays }),
    ...(settings.quarterlyQuota === undefined ? {} : { quota: settings.quarterlyQuota }),
  };
  const figuresAt = (at: string) =>
    computeDashboard({ ...base, deals: dealsAsOf(stages, deals, at), now: at });
  // An older export is measured at its newest date, or every open deal would look stuck for years.
  const measured = measureDate(deals, now);
  const dashboard = computeDashboard({ ...base, deals, now: measured.at });
  const snapshot = toSnapshot(dashboard, now, input.zone);
  const history = await historyOf(store, input, week, figuresAt, new Date(measured.at));
  await store.snapshots.save(input.teamId, snapshot);

  const business = intake?.business;
  const reps = [...new Set(deals.flatMap((d) => (d.owner === undefined ? [] : [d.owner])))];
  const owners = [
    ...new Set([...dashboard.stuck.flatMap((d) => (d.owner === undefined ? [] : [d.owner])), ...reps]),
  ];
  const ownerIds = owners.length === 0 ? undefined : await input.resolveOwners?.(owners);
  const byRep = await repSection(store, input, { deals, stages, intake, now: measured.at, ownerIds });
  const stuck = dashboard.stuck.map((d) => {
    const id = d.owner === undefined ? undefined : ownerIds?.get(d.owner);
    return id === undefined ? d : { ...d, owner: id };
  });
  const message = renderDigest({
    business,
    dashboard,
    comparison: compareToHistory(snapshot, history),
    stuck,
    topBottleneck: dashboard.topBottleneck,
    weekLabel: week,
    appHomeUrl: input.appHomeUrl,
    reps: renderRepSection(byRep, ownerIds ?? new Map()),
    ...(measured.basis === 'newest' ? { asOf: measured.at } : {}),
  });
  const rows = dashboard.funnel.map((r) => ({ stage: r.stage, count: r.reached, percent: r.percent }));
  const title = `Pipeline funnel · ${week}`;
  const subtitle = `${business ?? 'Your pipeline'} · ${dashboard.counts.deals.toLocaleString('en-US')} deals`;
  const png = renderPng(funnelChartSvg(rows, { title, subtitle }));
  return { kind: 'digest', week, ...message, chart: { png, title } };
}

/**
 * The digest's figures by rep: stage probabilities calibrated on the team's deals (or its funnel), each
 * rep's quota from `/sales-ops quota` (by owner name or Slack user id) over the import's quota column.
 */
export async function repSection(
  store: Partial<Pick<Store, 'alerts'>>,
  input: Pick<DigestContentInput, 'teamId' | 'zone'>,
  team: {
    deals: readonly Deal[];
    stages: readonly StageDef[];
    intake: Intake | undefined;
    now: string;
    ownerIds?: ReadonlyMap<string, string> | undefined;
  },
): Promise<RepReport> {
  const calibrated = probabilitiesFromEvidence(team.stages, {
    deals: team.deals,
    ...(team.intake?.funnel === undefined ? {} : { funnel: team.intake.funnel }),
  }).stages;
  const quotas = quotasFromDeals(team.deals);
  const set = (await store.alerts?.quotas(input.teamId)) ?? new Map<string, number>();
  const reps = new Set(team.deals.flatMap((d) => (d.owner === undefined ? [] : [d.owner])));
  for (const rep of reps) {
    const id = team.ownerIds?.get(rep);
    const quota = set.get(rep) ?? (id === undefined ? undefined : set.get(id));
    if (quota !== undefined) quotas.set(rep, quota);
  }
  return repReport({ deals: team.deals, stages: calibrated, now: team.now, zone: input.zone, quotas });
}
