import type { KnownBlock, SectionBlock } from '@slack/types';
import {
  boxContentWidth,
  formatCount,
  formatPercent,
  renderBox,
  renderTable,
} from '../engines/blueprint/index.js';
import { funnelLines } from '../engines/blueprint/text/funnel.js';
import {
  bottleneckFacts,
  type Comparison,
  type Dashboard,
  formatMetricValue,
  formatTrendCell,
  METRICS,
} from '../engines/dashboard/index.js';
import type { StageBottleneck } from '../engines/pipeline/index.js';
import { titledCode } from './digest-code.js';
import { mrkdwn, truncate } from './format.js';
import { LIMITS } from './limits.js';

/** The dashboard as a pipe table: Metric | Target | Current | vs last week | vs 4-wk baseline. */
export function dashboardLines(dashboard: Dashboard, comparison: Comparison): string[] {
  return renderTable({
    headers: ['Metric', 'Target', 'Current', 'vs last week', 'vs 4-wk baseline'],
    rows: METRICS.map((m) => [
      m.label,
      formatMetricValue(m.target(dashboard), m.unit),
      formatMetricValue(m.value(dashboard), m.unit),
      formatTrendCell(comparison[m.id], 'lastWeek', m.unit),
      formatTrendCell(comparison[m.id], 'baseline4w', m.unit),
    ]),
  });
}

/** Which metrics got better or worse since last week, in words, since a code block cannot be coloured. */
export function movesLine(comparison: Comparison): string | undefined {
  const labels = (better: boolean) =>
    METRICS.filter((m) => comparison[m.id].betterWeek === better).map((m) => m.label);
  const parts = [
    labels(true).length > 0 ? `better than last week: ${labels(true).join(', ')}` : '',
    labels(false).length > 0 ? `worse: ${labels(false).join(', ')}` : '',
  ].filter((p) => p !== '');
  return parts.length === 0 ? undefined : `${parts.join(' · ')}. ↑ ↓ moved more than 1%, → within 1%.`;
}

/** Box width of the digest's funnel: wider than the blueprint's, to fit each stage's deal count. */
export const FUNNEL_BOX_WIDTH = 50;
/** Longer stage names are shortened in the funnel box; a name wraps onto lines of its own before that. */
const STAGE_LABEL_MAX = 80;

/** The funnel as the blueprint's text bars in a box, each stage labelled with its deal count. */
export function funnelBoxLines(funnel: Dashboard['funnel']): string[] {
  const rows = funnel.map((r) => ({
    stage: `${truncate(r.stage, STAGE_LABEL_MAX)} (${formatCount(r.reached)})`,
    percent: r.percent,
  }));
  return renderBox(funnelLines(rows, boxContentWidth(FUNNEL_BOX_WIDTH)), FUNNEL_BOX_WIDTH);
}

/** The funnel chart uploaded to Slack, described in words for screen readers. */
export function chartBlock(fileId: string, funnel: Dashboard['funnel']): KnownBlock {
  const described = funnel.map((r) => `${r.stage} ${formatCount(r.reached)} (${formatPercent(r.percent)})`);
  return {
    type: 'image',
    slack_file: { id: fileId },
    alt_text: truncate(`Pipeline funnel: ${described.join(', ') || 'no deals yet'}`, LIMITS.imageAltText),
    title: { type: 'plain_text', text: 'Pipeline funnel' },
  };
}

/** The bottleneck to act on first: what the numbers say and the recommended fixes. */
export function bottleneckSection(bottleneck: StageBottleneck | undefined): SectionBlock {
  if (bottleneck === undefined) {
    return {
      type: 'section',
      text: { type: 'mrkdwn', text: '*Top bottleneck*\nNo stage stands out this week.' },
    };
  }
  const fixes = [...new Set(bottleneck.issues.map((i) => i.fix))];
  const lines = [
    `*Top bottleneck: ${mrkdwn(bottleneck.stage, 100)}*`,
    ...bottleneckFacts(bottleneck).map((f) => `• ${mrkdwn(f, 300)}`),
    ...(fixes.length === 0 ? [] : ['*What to do*', ...fixes.map((f) => `• ${mrkdwn(f, 400)}`)]),
  ];
  return { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } };
}

/** A section with a bold title and a code block. */
export function codeSection(title: string, lines: readonly string[]): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: titledCode(title, lines) } };
}
