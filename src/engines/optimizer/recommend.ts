import { formatMoney } from '../format.js';
import type { Quality } from '../types.js';
import type { MetricAnalysis } from './conversion.js';
import { type BusinessContext, metricAdvice } from './recommend-advice.js';

export interface Bottleneck {
  stage: string;
  /** Stage-to-stage conversion now and the goal, in percent. */
  conversion: number;
  target: number;
  fix?: string;
}

export interface LeadSource {
  name: string;
  volumePerMonth: number;
  quality: Quality;
  cac: number;
}

export interface RecommendInput {
  metrics: readonly MetricAnalysis[];
  bottlenecks?: readonly Bottleneck[];
  cycle?: { currentDays: number; targetDays: number };
  sources?: readonly LeadSource[];
  /** The business the advice is for; without it the advice is the generic kind. */
  business?: BusinessContext;
}

export interface Recommendation {
  title: string;
  detail: string;
  /** Expected gain in percent of the outcome the lever moves; see the rule that made it. */
  impact: number;
}

/** Advice when the business is not known (callers without an intake); the blueprint always passes one. */
const ADVICE: Readonly<Record<string, string>> = {
  'MQL to SQL':
    'Tighten the MQL definition to the ICP, call new MQLs within an hour, and qualify with the framework questions.',
  'SQL to Opp':
    'Run discovery on every SQL with the framework questions and book the next meeting before hanging up.',
  'Close Rate':
    'Multi-thread each deal, confirm the economic buyer before the proposal, and disqualify early instead of late.',
  'Avg Deal':
    'Lead with the bigger package, anchor on value found in discovery, and discount only for commitments.',
};
const GENERIC_ADVICE = "Review this step's exit criteria and coach on the calls where deals drop.";

/** Gain from moving `from` to `to` when more is better: to ÷ from − 1, with nothing to start from counted as 100 %. */
function gain(from: number, to: number): number {
  if (to <= from) return 0;
  return from <= 0 ? 1 : to / from - 1;
}

const QUALITY_RANK: Readonly<Record<Quality, number>> = { high: 3, medium: 2, low: 1 };

/** A rule turns the input into zero or more recommendations with their raw gain (1 = +100 %). */
export interface RecommendationRule {
  id: string;
  apply: (input: RecommendInput) => { title: string; detail: string; gain: number }[];
}

/**
 * The rules, in no particular order: ranking is by impact. Stage conversions and deal size multiply into
 * revenue, so reaching a target lifts revenue by target ÷ current − 1; sales velocity is inversely
 * proportional to cycle length, so shortening it gains current ÷ target − 1.
 */
export const RECOMMENDATION_RULES: readonly RecommendationRule[] = [
  {
    id: 'metric-below-target',
    apply: ({ metrics, business }) =>
      metrics.flatMap((m) => {
        if (m.current === undefined || (m.gap ?? 0) >= 0) return [];
        const g = m.higherIsBetter ? gain(m.current, m.target) : gain(m.target, m.current);
        const advice = metricAdvice(m.name, business) ?? ADVICE[m.name] ?? GENERIC_ADVICE;
        const show = (v: number) => (m.name === 'Avg Deal' ? formatMoney(v) : `${v}%`);
        const detail = `${m.name} is ${show(m.current)} against a target of ${show(m.target)}. ${advice}`;
        return [{ title: `Bring ${m.name} to target`, detail, gain: g }];
      }),
  },
  {
    // Halved: a single period's drop is weaker evidence than a standing gap to target.
    id: 'metric-falling',
    apply: ({ metrics }) =>
      metrics.flatMap((m) => {
        const worse = m.higherIsBetter ? m.trend === 'down' : m.trend === 'up';
        if (m.status !== 'on-target' || !worse || m.current === undefined || m.previous === undefined)
          return [];
        const g = m.higherIsBetter ? gain(m.current, m.previous) : gain(m.previous, m.current);
        const detail = `${m.name} is on target but fell from ${m.previous} to ${m.current}; find what changed before it slips below.`;
        return [{ title: `Stop the slide in ${m.name}`, detail, gain: g / 2 }];
      }),
  },
  {
    id: 'stage-bottleneck',
    apply: ({ bottlenecks = [] }) =>
      bottlenecks.flatMap((b) =>
        b.conversion >= b.target
          ? []
          : [
              {
                title: `Unblock ${b.stage}`,
                detail: `${b.stage} converts ${b.conversion}% against a ${b.target}% target. ${b.fix ?? GENERIC_ADVICE}`,
                gain: gain(b.conversion, b.target),
              },
            ],
      ),
  },
  {
    id: 'cycle-too-long',
    apply: ({ cycle, business }) =>
      cycle === undefined || cycle.targetDays <= 0 || cycle.currentDays <= cycle.targetDays
        ? []
        : [
            {
              title: `Shorten the sales cycle to ${cycle.targetDays} days`,
              detail: `Deals take ${cycle.currentDays} days against ${cycle.targetDays} typical for the segment. Set a mutual close plan at discovery, and chase deals after ${business?.idleDays ?? 7} days without activity.`,
              gain: gain(cycle.targetDays, cycle.currentDays),
            },
          ],
  },
  {
    // Gain is acquisition spend saved: (1 − cheap CAC ÷ dear CAC) × the dear source's share of spend.
    id: 'expensive-source',
    apply: ({ sources = [] }) => {
      const spend = sources.reduce((s, src) => s + src.volumePerMonth * src.cac, 0);
      if (spend <= 0) return [];
      return sources.flatMap((dear) => {
        const cheaper = sources
          .filter((s) => s.cac > 0 && QUALITY_RANK[s.quality] >= QUALITY_RANK[dear.quality])
          .sort((x, y) => x.cac - y.cac)[0];
        if (cheaper === undefined || dear.cac < 1.5 * cheaper.cac) return [];
        const share = (dear.volumePerMonth * dear.cac) / spend;
        return [
          {
            title: `Shift budget from ${dear.name} to ${cheaper.name}`,
            detail: `${dear.name} has a CAC (cost per acquired customer) of ${formatMoney(dear.cac)} against ${formatMoney(cheaper.cac)} for ${cheaper.name} at the same or better quality. Move budget while ${cheaper.name} still scales.`,
            gain: (1 - cheaper.cac / dear.cac) * share,
          },
        ];
      });
    },
  },
];

/** Recommendations from every rule, ranked by impact (percent gain, capped at 100, one decimal). */
export function recommend(input: RecommendInput): Recommendation[] {
  return RECOMMENDATION_RULES.flatMap((rule) => rule.apply(input))
    .map(({ title, detail, gain: g }) => ({ title, detail, impact: Math.round(Math.min(1, g) * 1000) / 10 }))
    .filter((r) => r.impact > 0)
    .sort((x, y) => y.impact - x.impact || (x.title < y.title ? -1 : x.title > y.title ? 1 : 0));
}
