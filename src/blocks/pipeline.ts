import type { KnownBlock } from '@slack/types';
import { formatCount, formatHealth, padEnd, sanitize, trendArrow } from '../engines/blueprint/index.js';
import type { HealthScore } from '../engines/design.js';
import type { StuckDeal } from '../engines/pipeline/index.js';
import type { JourneyPhase, SalesModel, Trend } from '../engines/types.js';
import { fitLines, type SlackMessage } from './crm-layout.js';
import {
  escapeMrkdwn,
  formatMoneyShortFromMillion,
  formatPercent,
  mrkdwn,
  textBar,
  truncate,
} from './format.js';
import { LIMITS } from './limits.js';

/** One stage as `/sales-ops pipeline` shows it; `observed` is won ÷ closed among deals that reached it. */
export interface PipelineStageRow {
  name: string;
  exitCriteria: string;
  probability: number;
  journey: JourneyPhase;
  observed?: number;
  /** Closed deals behind `observed`. */
  sample?: number;
  /** The observed rate shrunk toward the configured one (few closed deals stay near the default). */
  calibrated?: number;
}

/** A stage flagged from the workspace's deals, with what it costs and how to fix it. */
export interface PipelineBottleneck {
  stage: string;
  detail: string;
  fix: string;
  moneyLost: number;
}

/** A conversion metric from the intake that is below its target. */
export interface PipelineGap {
  name: string;
  current: number;
  target: number;
  /** Last period's value and the move since; absent when the intake gave no previous value. */
  previous?: { value: number; trend: Trend };
}

/** Everything the pipeline view shows; built by `pipelineReport` in src/commands/pipeline.ts. */
export interface PipelineView {
  /** The business profile's; absent when the view comes from imported deals alone. */
  business?: string;
  model?: SalesModel;
  frameworkName?: string;
  /**
   * Where the funnel comes from: imported deals (measured at `asOf`, their newest date, when the export is
   * older than today), the intake's funnel, or an assumed step-down.
   */
  basis: { kind: 'deals'; deals: number; asOf?: string } | { kind: 'intake' } | { kind: 'assumed' };
  stages: PipelineStageRow[];
  funnel: { stage: string; percent: number; reached?: number }[];
  /** Absent when neither the deals nor the intake give a figure to score. */
  health?: HealthScore;
  weighted?: { weighted: number; open: number; openDeals: number };
  bottlenecks: PipelineBottleneck[];
  /** Open deals past their stage's p90 (from imported deals): how many, and the most overdue. */
  stuck?: { total: number; listed: StuckDeal[] };
  gaps: PipelineGap[];
  /** Whether the intake gave any current conversion rate to compare with its target. */
  ratesGiven: boolean;
  recommendations: { title: string; detail: string }[];
}

const MODELS: Record<SalesModel, string> = { inside: 'Inside sales', field: 'Field sales', hybrid: 'Hybrid' };
const PHASES: Record<JourneyPhase, string> = {
  awareness: 'Awareness',
  consideration: 'Consideration',
  decision: 'Decision',
  purchase: 'Purchase',
};
const NAME_WIDTH = 16;
const BAR_WIDTH = 20;
const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

function basisText(view: PipelineView): string {
  if (view.basis.kind === 'deals') {
    const deals = `figures from ${formatCount(view.basis.deals)} imported deals`;
    return view.basis.asOf === undefined
      ? deals
      : `${deals}, as of ${view.basis.asOf.slice(0, 10)}, their newest date (import a fresh export to measure against today)`;
  }
  if (view.basis.kind === 'intake') return 'figures from your intake answers';
  return 'figures from your intake answers; the funnel is an even step-down assumed from your conversion rate';
}

function stageLines(view: PipelineView): string[] {
  return view.stages.map((s, i) => {
    const calibrated = s.calibrated === undefined ? '' : `, calibrated ${formatPercent(s.calibrated)}`;
    const observed =
      s.observed === undefined
        ? ''
        : ` · observed ${formatPercent(s.observed)} over ${formatCount(s.sample ?? 0)} closed deals${calibrated}`;
    const head = `*${i + 1}. ${mrkdwn(sanitize(s.name), 80)}* · configured ${formatPercent(s.probability)}${observed} · ${PHASES[s.journey]}`;
    return `${head}\n      Exit: ${mrkdwn(sanitize(s.exitCriteria), 300)}`;
  });
}

function funnelText(view: PipelineView): string {
  const lines = view.funnel.map((row) => {
    const name = padEnd(truncate(sanitize(row.stage), NAME_WIDTH), NAME_WIDTH);
    const reached = row.reached === undefined ? '' : ` (${row.reached})`;
    return escapeMrkdwn(
      `${name} ${textBar(row.percent, 100, BAR_WIDTH)} ${formatPercent(row.percent)}${reached}`,
    );
  });
  const body = fitLines(lines, LIMITS.sectionText - 20);
  return `*Funnel*\n\`\`\`\n${body}\n\`\`\``;
}

function healthText(health: HealthScore): string {
  const parts = health.parts.map(
    (p) =>
      `• ${mrkdwn(p.name, 60)} (${Math.round(p.weight * 100)}%): ${formatHealth(p.value)}, ${mrkdwn(sanitize(p.detail), 200)}`,
  );
  const note =
    health.parts.length < 3
      ? [
          '_Scored from few figures: add current conversion and close rates to the intake for a fuller score._',
        ]
      : [];
  return fitLines([
    `*Pipeline Health* ${textBar(health.score, 10)} ${formatHealth(health.score)}`,
    ...parts,
    ...note,
  ]);
}

function bottleneckLines(view: PipelineView): string[] {
  if (view.basis.kind === 'deals') {
    if (view.bottlenecks.length === 0) return ['No stage stands out: each converts at or above its target.'];
    return view.bottlenecks.map(
      (b) =>
        `• *${mrkdwn(sanitize(b.stage), 80)}*: ${mrkdwn(sanitize(b.detail), 300)}${b.moneyLost > 0 ? ` (${formatMoneyShortFromMillion(b.moneyLost)} lost)` : ''}\n      Fix: ${mrkdwn(sanitize(b.fix), 400)}`,
    );
  }
  const gaps = view.gaps.map(
    (g) =>
      `• ${mrkdwn(g.name, 40)}: ${formatPercent(g.current)} now against a target of ${formatPercent(g.target)}${g.previous === undefined ? '' : ` ${trendArrow(g.previous.trend)} from ${formatPercent(g.previous.value)}`}`,
  );
  const recs = view.recommendations.map(
    (r, i) => `${i + 1}. *${mrkdwn(sanitize(r.title), 150)}*: ${mrkdwn(sanitize(r.detail), 400)}`,
  );
  return [
    ...(gaps.length > 0
      ? ['Below target, from your rates:', ...gaps]
      : [
          view.ratesGiven
            ? 'Every rate you gave is at or above its target.'
            : 'Add your current MQL to SQL, SQL to opportunity and close rates to the intake to see where the funnel leaks.',
        ]),
    ...(recs.length > 0 ? ['What to do first:', ...recs] : []),
    '_Bottlenecks by stage (time in stage and money lost) appear here once your deals are imported._',
  ];
}

function stuckLines(stuck: NonNullable<PipelineView['stuck']>): string[] {
  if (stuck.total === 0) return ["*Stuck deals*\nNo open deal is past its stage's p90."];
  const lines = stuck.listed.map((d) => {
    const who = [d.account, d.owner].filter((x) => x !== undefined && x !== '').map((x) => sanitize(x ?? ''));
    const amount = d.amount === undefined ? '' : ` · ${formatMoneyShortFromMillion(d.amount)}`;
    return `• *${mrkdwn(sanitize(d.id), 60)}*${who.length > 0 ? ` (${mrkdwn(who.join(', '), 120)})` : ''}: ${formatCount(d.days)} days in ${mrkdwn(sanitize(d.stage), 60)}, p90 ${formatCount(d.p90)}${amount}`;
  });
  const more = stuck.total - stuck.listed.length;
  return [
    `*Stuck deals* (${formatCount(stuck.total)} past their stage's p90)`,
    ...lines,
    ...(more > 0 ? [`+${formatCount(more)} more`] : []),
  ];
}

/** The business named in the header: the profile's, else the imported deals'. */
function businessOf(view: PipelineView): string {
  const name = sanitize(view.business ?? '');
  if (name !== '') return name;
  return view.basis.kind === 'deals' ? 'your imported deals' : 'your business';
}

/** Renders the pipeline design as Block Kit: stages, funnel, health and bottlenecks, within Slack's limits. */
export function renderPipeline(view: PipelineView): KnownBlock[] {
  const business = businessOf(view);
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(`Pipeline design · ${business}`, LIMITS.headerText) },
    },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: mrkdwn(
            [
              ...(view.model === undefined ? [] : [MODELS[view.model]]),
              ...(view.frameworkName === undefined ? [] : [`${sanitize(view.frameworkName)} framework`]),
              basisText(view),
            ].join(' · '),
            3000,
          ),
        },
      ],
    },
    section(fitLines(['*Stages* (win probability · buyer phase)', ...stageLines(view)])),
    section(funnelText(view)),
  ];
  if (view.health !== undefined) blocks.push(section(healthText(view.health)));
  if (view.weighted !== undefined) {
    const w = view.weighted;
    blocks.push({
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Weighted pipeline*\n${formatMoneyShortFromMillion(w.weighted)}` },
        {
          type: 'mrkdwn',
          text: `*Open pipeline*\n${formatMoneyShortFromMillion(w.open)} in ${w.openDeals} deals`,
        },
      ],
    });
  }
  const title = view.basis.kind === 'deals' ? '*Bottlenecks*' : '*Where the funnel leaks*';
  blocks.push(section(fitLines([title, ...bottleneckLines(view)])));
  if (view.stuck !== undefined) blocks.push(section(fitLines(stuckLines(view.stuck))));
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: '`/sales-ops crm` turns these stages into CRM fields · `/sales-ops design` changes your answers',
      },
    ],
  });
  return blocks;
}

/** The pipeline view as one message, with a plain fallback for notifications. */
export function pipelineMessage(view: PipelineView): SlackMessage {
  const health = view.health === undefined ? '' : `: Pipeline Health ${formatHealth(view.health.score)}`;
  return {
    text: escapeMrkdwn(truncate(`Pipeline design for ${businessOf(view)}${health}`, 500)),
    blocks: renderPipeline(view),
  };
}
