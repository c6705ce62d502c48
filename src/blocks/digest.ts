import type { KnownBlock } from '@slack/types';
import { formatCount, formatHealth, sanitize } from '../engines/blueprint/index.js';
import { type Comparison, type Dashboard, formatMetricValue } from '../engines/dashboard/index.js';
import type { StageBottleneck, StuckDeal } from '../engines/pipeline/index.js';
import { InputError } from '../errors.js';
import {
  bottleneckSection,
  chartBlock,
  codeSection,
  dashboardLines,
  funnelBoxLines,
  movesLine,
} from './digest-sections.js';
import { stuckSection } from './digest-stuck.js';
import { escapeMrkdwn, mrkdwn, truncate } from './format.js';
import { LIMITS } from './limits.js';

/** What the weekly digest shows; the figures come from the dashboard engine, nothing is computed here. */
export interface DigestInput {
  business?: string | undefined;
  dashboard: Dashboard;
  comparison: Comparison;
  stuck: readonly StuckDeal[];
  topBottleneck?: StageBottleneck | undefined;
  /** ISO week shown in the header, e.g. `2026-W48`. */
  weekLabel: string;
  /** Deep link to the app's Home tab, see `appHomeUrl`. */
  appHomeUrl?: string | undefined;
  /** Set when the deals are measured at their newest date (an older export) instead of now. */
  asOf?: string | undefined;
  /** The uploaded funnel chart PNG, shown as an image when given. */
  chartFileId?: string | undefined;
  /** The section by rep (renderRepSection), shown after the stuck deals. */
  reps?: readonly KnownBlock[] | undefined;
}

const SLACK_ID = /^[A-Z0-9]{2,32}$/;

/** The deep link to the app's Home tab: `slack://app?team=T…&id=A…&tab=home`; refuses ids that are not Slack ids. */
export function appHomeUrl(teamId: string, appId: string): string {
  const problems = [
    ...(SLACK_ID.test(teamId) && teamId.startsWith('T')
      ? []
      : [{ path: 'teamId', message: 'must be a Slack team id such as T0123ABCD' }]),
    ...(SLACK_ID.test(appId) && appId.startsWith('A')
      ? []
      : [{ path: 'appId', message: 'must be a Slack app id such as A0123ABCD' }]),
  ];
  if (problems.length > 0) throw new InputError(problems);
  return `slack://app?team=${teamId}&id=${appId}&tab=home`;
}

/** The header: `Weekly pipeline digest · 2026-W48`, within Slack's 150 characters. */
export function digestTitle(weekLabel: string): string {
  const week = sanitize(weekLabel);
  return truncate(
    week === '' ? 'Weekly pipeline digest' : `Weekly pipeline digest · ${week}`,
    LIMITS.headerText,
  );
}

function summaryLine(input: DigestInput): string {
  const { dashboard: d } = input;
  const business = sanitize(input.business ?? '');
  const parts = [
    ...(business === '' ? [] : [`*${mrkdwn(business, 150)}*`]),
    `${formatCount(d.counts.deals)} deals`,
    `${formatCount(d.counts.open)} open`,
    ...(d.health === undefined ? [] : [`Pipeline Health ${formatHealth(d.health.score)}`]),
  ];
  return parts.join(' · ');
}

/** Why an older export's figures are not today's. */
export function asOfNote(asOf: string): string {
  const day = escapeMrkdwn(asOf.slice(0, 10));
  return `_As of ${day}, the newest date in the imported deals: days in stage and stuck deals are counted to that day. Import a fresh export to measure against today._`;
}

function fallbackText(input: DigestInput): string {
  const d = input.dashboard;
  const facts = [
    `close rate ${formatMetricValue(d.closeRate, 'percent')}`,
    `weighted pipeline ${formatMetricValue(d.pipeline.weighted, 'money')}`,
    input.stuck.length === 1 ? '1 stuck deal' : `${formatCount(input.stuck.length)} stuck deals`,
    ...(input.topBottleneck === undefined ? [] : [`top bottleneck ${sanitize(input.topBottleneck.stage)}`]),
  ];
  return escapeMrkdwn(truncate(`${digestTitle(input.weekLabel)}: ${facts.join(', ')}`, 1000));
}

function homeLink(url: string): KnownBlock {
  // `|` would end the link target early in mrkdwn; percent-encoding keeps the URL intact.
  const target = escapeMrkdwn(url.replace(/\|/g, '%7C'));
  return {
    type: 'context',
    elements: [
      { type: 'mrkdwn', text: `<${target}|Open sales-ops in App Home> for the full pipeline and your deals` },
    ],
  };
}

/**
 * Renders the manager's weekly digest: header, the dashboard table with trends against last week and the
 * 4-week baseline, the funnel as text bars (and the chart when uploaded), the top bottleneck with its fixes,
 * the stuck deals with their owners, and a link back to App Home; always within Slack's message limits.
 */
export function renderDigest(input: DigestInput): { text: string; blocks: KnownBlock[] } {
  const { dashboard, comparison } = input;
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: digestTitle(input.weekLabel), emoji: true } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: summaryLine(input) }] },
  ];
  if (input.asOf !== undefined) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: asOfNote(input.asOf) }] });
  }
  blocks.push(codeSection('Dashboard', dashboardLines(dashboard, comparison)));
  const moves = movesLine(comparison);
  if (moves !== undefined)
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(moves) }] });
  blocks.push(codeSection('Funnel', funnelBoxLines(dashboard.funnel)));
  if (input.chartFileId !== undefined && input.chartFileId !== '') {
    blocks.push(chartBlock(input.chartFileId, dashboard.funnel));
  }
  blocks.push(bottleneckSection(input.topBottleneck), stuckSection(input.stuck), ...(input.reps ?? []));
  if (input.appHomeUrl !== undefined && input.appHomeUrl !== '') blocks.push(homeLink(input.appHomeUrl));
  return { text: fallbackText(input), blocks };
}
