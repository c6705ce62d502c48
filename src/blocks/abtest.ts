import type { KnownBlock, SectionBlock } from '@slack/types';
import {
  type AbOutcome,
  type AbVerdict,
  type Arm,
  formatChance,
  formatCount,
  formatP,
  formatRate,
} from '../engines/optimizer/index.js';
import { mrkdwn } from './format.js';
import { blockTextLength, LIMITS } from './limits.js';

/** One sequence step under A/B test: where it sits, the counts of each variant, and the engine's reading. */
export interface AbTestRow {
  sequenceName: string;
  /** 1-based step number. */
  step: number;
  channel: string;
  day: number;
  a: Arm;
  b: Arm;
  /** The counters' key of the step (`sequenceId#step`). */
  stepKey: string;
  /** Whether the sample plan was fixed when the test started (else it follows A's rate so far). */
  planFixed: boolean;
  result: AbVerdict;
}

/** Steps listed in one message at most (two blocks each, within the 50-block limit). */
export const AB_STEPS_LISTED = 20;

const VERDICTS: Record<AbOutcome, string> = {
  'keep-testing': 'Keep testing',
  'b-wins': 'B wins',
  'a-wins': 'A wins',
  'no-difference': 'No difference',
};

const HOW_TO_ADD =
  'Run `/sales-ops sequence edit`, fill in *Variant B template* on a step and save. Each lead then always gets the same variant, and replies are counted per variant.';

const arm = (label: string, counts: Arm, rate: number) =>
  `*Variant ${label}*\n${formatCount(counts.replies)} / ${formatCount(counts.sends)} replied · ${formatRate(rate)}`;

/** Where the plan's baseline came from, and whether it is fixed. */
function planBasis(row: AbTestRow): string {
  const { plan } = row.result;
  const basis = `baseline ${formatRate(plan.baseline)}: ${mrkdwn(plan.basis, 200)}`;
  return row.planFixed ? `_Fixed at the start, ${basis}_` : `_Not fixed yet, ${basis}_`;
}

function stepBlocks(row: AbTestRow): KnownBlock[] {
  const { result } = row;
  const left =
    result.remaining.a === 0 && result.remaining.b === 0
      ? 'reached'
      : `A needs ${formatCount(result.remaining.a)} more, B ${formatCount(result.remaining.b)} more`;
  const section: SectionBlock = {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: `*${mrkdwn(row.sequenceName, 150)} · step ${row.step}* (${mrkdwn(row.channel, 30)}, day ${row.day})`,
    },
    fields: [
      { type: 'mrkdwn', text: arm('A', row.a, result.rates.a) },
      { type: 'mrkdwn', text: arm('B', row.b, result.rates.b) },
      { type: 'mrkdwn', text: `*z-test*\nz = ${result.z.toFixed(2)} · ${formatP(result.p)}` },
      { type: 'mrkdwn', text: `*P(B > A)*\n${formatChance(result.pBBeatsA)}` },
      {
        type: 'mrkdwn',
        text: `*Planned sample*\n${formatCount(result.neededPerArm)} sends per variant · ${left}\n${planBasis(row)}`,
      },
      { type: 'mrkdwn', text: `*Verdict*\n${VERDICTS[result.verdict]}` },
    ],
  };
  return [section, { type: 'context', elements: [{ type: 'mrkdwn', text: mrkdwn(result.reason, 1000) }] }];
}

function summary(rows: readonly AbTestRow[]): string {
  const decided = rows.filter((r) => r.result.verdict !== 'keep-testing').length;
  const steps = rows.length === 1 ? '1 step' : `${formatCount(rows.length)} steps`;
  return `A/B tests: ${steps} under test, ${formatCount(decided)} decided, ${formatCount(rows.length - decided)} still collecting sends.`;
}

/**
 * The A/B results of every step with a variant B: sends, replies and reply rate per variant, the z-test's
 * z and p, the sample each variant needs, P(B > A) and the verdict with its reason. No winner appears
 * before the planned sample (the engine's rule). Within Slack's block and text limits.
 */
export function abTestMessage(rows: readonly AbTestRow[]): { text: string; blocks: KnownBlock[] } {
  if (rows.length === 0) return noAbTestsMessage();
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Follow-up A/B tests' } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: summary(rows) }] },
  ];
  let listed = 0;
  for (const row of rows.slice(0, AB_STEPS_LISTED)) {
    const next = stepBlocks(row);
    if (blockTextLength([...blocks, ...next]) > LIMITS.messageBlockText - 200) break;
    blocks.push(...next);
    listed += 1;
  }
  if (listed < rows.length) {
    blocks.push({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: `+${formatCount(rows.length - listed)} more steps under test not shown.` },
      ],
    });
  }
  return { text: summary(rows), blocks };
}

/** No step has a variant B yet: how to start a test. */
export function noAbTestsMessage(): { text: string; blocks: KnownBlock[] } {
  const text = `*No A/B tests yet.* ${HOW_TO_ADD}`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
