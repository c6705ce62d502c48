import { DateTime } from 'luxon';
// The layout modules themselves rather than the blueprint's index, which also loads the blueprint's renderers.
import { formatTime, SECTION_TITLES } from '../blueprint/labels.js';
import { boxContentWidth, DEFAULT_BOX_WIDTH, renderBox } from '../blueprint/layout/box.js';
import { trendArrow } from '../blueprint/layout/format.js';
import { sanitize } from '../blueprint/layout/sanitize.js';
import { renderTable } from '../blueprint/layout/table.js';
import { funnelLines } from '../blueprint/text/funnel.js';
import { sectionHeading } from '../blueprint/text/header.js';
import { formatCount, formatMoney, formatPercent } from '../format.js';
import type { Trend } from '../types.js';
import { bottleneckFacts, formatMetricValue } from './format.js';
import { METRICS, type MetricId } from './metrics.js';
import type { Dashboard } from './types.js';
import type { WindowFigures } from './window.js';

/** What the offline report prints besides the dashboard: where the deals came from and the trend windows. */
export interface ReportContext {
  file: string;
  sourceLabel: string;
  now: string;
  /** Why the report is measured at `now`: given with --now, the export's newest date, or the current time. */
  basis?: 'given' | 'newest' | 'now';
  /** Trends of the metrics a file shows on its own (recent closes against the window before). */
  trends?: { days: number; current: WindowFigures; trends: Partial<Record<MetricId, Trend>> };
  /** How many stuck deals are listed (REPORT_STUCK_LISTED when left out); the rest are counted. */
  stuckListed?: number;
}

/** How many stuck deals the report lists by default; a dashboard for it needs no more (`stuckLimit`). */
export const REPORT_STUCK_LISTED = 20;

const NONE = '—';
const lastDay = (end: string) => DateTime.fromISO(end, { zone: 'utc' }).minus({ days: 1 }).toISODate() ?? end;
const WIDTH = DEFAULT_BOX_WIDTH;
const heading = (title: string) => sectionHeading(title, WIDTH);
const days = (value: number | undefined) => (value === undefined ? NONE : String(value));

function headerLines(d: Dashboard, context: ReportContext): string[] {
  const rule = '═'.repeat(WIDTH);
  const { open, won, lost } = d.counts;
  return [
    'PIPELINE REPORT',
    rule,
    `File: ${sanitize(context.file)} (${sanitize(context.sourceLabel)})`,
    `Deals: ${formatCount(d.counts.deals)} (${formatCount(open)} open, ${formatCount(won)} won, ${formatCount(lost)} lost)`,
    `Time: ${formatTime(context.now)}${basisNote(context)}`,
    rule,
  ];
}

/** Why the report is measured at its time, so a historical export is not mistaken for today's pipeline. */
function basisNote(context: ReportContext): string {
  if (context.basis === 'newest') {
    return `\n      as of ${context.now.slice(0, 10)}, the newest date in the export; pass --now to measure against another day`;
  }
  return context.basis === 'given' ? ' (from --now)' : '';
}

function metricsLines(d: Dashboard, context: ReportContext): string[] {
  const trends = context.trends?.trends ?? {};
  const table = renderTable({
    headers: ['Metric', 'Target', 'Current', 'Trend'],
    rows: METRICS.map((m) => {
      const trend = trends[m.id];
      return [
        m.label,
        formatMetricValue(m.target(d), m.unit),
        formatMetricValue(m.value(d), m.unit),
        trend === undefined ? NONE : trendArrow(trend),
      ];
    }),
  });
  const notes: string[] = [];
  if (context.trends !== undefined) {
    const { days: span, current } = context.trends;
    notes.push(
      `Trend: the ${formatCount(current.closed)} deals closed in the ${span} days up to ${context.now.slice(0, 10)}, against the ${span} days before.`,
    );
  }
  if (d.leads === undefined) notes.push('MQL to SQL and SQL to Opp need lead data; a deals export has none.');
  if (d.quota !== undefined) {
    notes.push(
      `Quota ${formatMoney(d.quota.amount)} for ${d.quota.period.start} to ${lastDay(d.quota.period.end)}: ${formatMoney(d.quota.won)} won, ${formatMoney(d.quota.remaining)} to go.`,
    );
  } else notes.push('Coverage needs a quota: pass --quota.');
  return [...heading(SECTION_TITLES.metrics), ...table, '', ...notes];
}

function funnelSection(d: Dashboard): string[] {
  const rows = d.funnel.map((r) => ({ stage: r.stage, percent: r.percent }));
  return [...heading(SECTION_TITLES.funnel), ...renderBox(funnelLines(rows, boxContentWidth(WIDTH)), WIDTH)];
}

function stagesLines(d: Dashboard): string[] {
  const rows = d.funnel.map((f) => {
    const step = d.conversion.find((c) => c.from === f.stage);
    const time = d.timeInStage.find((t) => t.stage === f.stage);
    const probability = d.probabilities.find((p) => p.stage === f.stage);
    return [
      f.stage,
      formatCount(f.reached),
      step?.percent === undefined ? NONE : formatPercent(step.percent),
      days(time?.median),
      days(time?.p90),
      probability === undefined ? NONE : formatPercent(probability.configured),
      probability?.observed === undefined ? NONE : formatPercent(probability.observed),
    ];
  });
  return [
    ...heading('STAGES'),
    ...renderTable({
      headers: ['Stage', 'Reached', 'To next', 'p50 days', 'p90 days', 'Configured', 'Observed'],
      rows,
    }),
  ];
}

function bottleneckLines(d: Dashboard): string[] {
  const table = renderTable({
    headers: ['Stage', 'Conversion', 'Target', 'Median days', 'p90 days', 'Lost', 'Money lost'],
    rows: d.bottlenecks.map((b) => [
      b.stage,
      b.conversion === undefined ? NONE : formatPercent(b.conversion),
      b.target === undefined ? NONE : formatPercent(b.target),
      days(b.medianDays),
      days(b.p90Days),
      formatCount(b.dropped),
      formatMoney(b.moneyLost),
    ]),
  });
  const flagged = d.bottlenecks.filter((b) => b.issues.length > 0);
  const notes = flagged.flatMap((b) => [
    `- ${sanitize(b.stage)}: ${bottleneckFacts(b).join('; ')}`,
    ...[...new Set(b.issues.map((i) => i.fix))].map((fix) => `  Fix: ${sanitize(fix)}`),
  ]);
  return [
    ...heading('BOTTLENECKS'),
    ...table,
    '',
    ...(notes.length === 0 ? ['No stage stands out.'] : notes),
  ];
}

function stuckLines(d: Dashboard, listed: number): string[] {
  const title = `STUCK DEALS (${formatCount(d.stuckCount)} past their stage's p90)`;
  if (d.stuckCount === 0) return [...heading(title), "No open deal is past its stage's p90."];
  const table = renderTable({
    headers: ['Deal', 'Account', 'Stage', 'Days', 'p90', 'Owner', 'Amount'],
    rows: d.stuck
      .slice(0, listed)
      .map((s) => [
        s.id,
        s.account ?? NONE,
        s.stage,
        formatCount(s.days),
        String(s.p90),
        s.owner ?? NONE,
        s.amount === undefined ? NONE : formatMoney(s.amount),
      ]),
  });
  const more = d.stuckCount - Math.min(listed, d.stuck.length);
  return [...heading(title), ...table, ...(more > 0 ? [`+${formatCount(more)} more`] : [])];
}

/**
 * The offline pipeline report: a header, the seed's METRICS DASHBOARD table and PIPELINE FUNNEL box, then
 * stages (conversion, time in stage, configured and observed probabilities), bottlenecks and stuck deals.
 */
export function renderReportText(d: Dashboard, context: ReportContext): string {
  const sections = [
    headerLines(d, context),
    metricsLines(d, context),
    funnelSection(d),
    stagesLines(d),
    bottleneckLines(d),
    stuckLines(d, context.stuckListed ?? REPORT_STUCK_LISTED),
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
