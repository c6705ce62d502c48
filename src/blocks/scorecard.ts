import type { ActionsBlock, KnownBlock } from '@slack/types';
import type { Scorecard, ScoredCriterion, Verdict } from '../engines/qualification/index.js';
import { formatAmount } from '../engines/qualify-text/index.js';
import { SCORECARD_ACTIONS, SCORECARD_ACTIONS_BLOCK_PREFIX } from '../views/qualify/ids.js';
import { escapeMrkdwn } from './format.js';
import { blockTextLength, MAX_MESSAGE_BLOCK_TEXT, truncate } from './limits.js';

/** The lead a scorecard is about, as the scorecard shows it. */
export interface ScorecardLead {
  id: string;
  company: string;
  stage: string;
  ownerId: string;
  contact?: string | undefined;
  domain?: string | undefined;
  amount?: number | undefined;
  disqualified?: { reason: string; by: string } | undefined;
}

export interface ScorecardInput {
  scorecard: Scorecard;
  lead: ScorecardLead;
  /** The pipeline's stage names, for the Move stage menu. */
  stages: readonly string[];
  /** `rep`: the private card with its buttons; `shared`: the read-only card posted in a channel. */
  mode: 'rep' | 'shared';
  /** Offer "Share in channel" (only where the card was shown in a channel). */
  shareable?: boolean;
  /** Who shared the card, for the shared mode. */
  sharedBy?: string;
}

const VERDICT_LABEL: Record<Verdict, string> = {
  qualified: ':white_check_mark: *Qualified*',
  nurture: ':seedling: *Nurture*',
  disqualified: ':no_entry: *Disqualified*',
};

const section = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncate(text, 3000) },
});

function criterionLine(c: ScoredCriterion, evidenceMax: number): string {
  const mark = c.redFlag ? ':triangular_flag_on_post:' : c.met ? ':white_check_mark:' : ':white_circle:';
  const head = `${mark} *${escapeMrkdwn(c.name)}*: ${escapeMrkdwn(c.levelLabel)} (${c.points}/${c.maxPoints})`;
  if (!c.answered) return `${head}\n_not discussed yet_`;
  if (c.evidence === undefined) return `${head}\n_no evidence recorded_`;
  return `${head}\n> ${escapeMrkdwn(truncate(c.evidence.replace(/\s*\n\s*/g, ' '), evidenceMax))}`;
}

function list(title: string, items: readonly string[]): KnownBlock[] {
  if (items.length === 0) return [];
  return [section(`*${title}*\n${items.map((i) => `• ${escapeMrkdwn(i)}`).join('\n')}`)];
}

function details(lead: ScorecardLead, scorecard: Scorecard): string {
  const parts = [`Stage: *${escapeMrkdwn(lead.stage)}*`, `Owner <@${lead.ownerId}>`];
  if (lead.contact) parts.push(`Contact ${escapeMrkdwn(truncate(lead.contact, 120))}`);
  if (lead.domain) parts.push(escapeMrkdwn(truncate(lead.domain, 200)));
  if (lead.amount !== undefined) parts.push(formatAmount({ amount: lead.amount }));
  parts.push(`${scorecard.frameworkName} v${scorecard.version}`);
  return parts.join(' · ');
}

function actions(input: ScorecardInput): ActionsBlock {
  const { lead } = input;
  const button = (text: string, actionId: string, style?: 'primary' | 'danger') => ({
    type: 'button' as const,
    text: { type: 'plain_text' as const, text },
    action_id: actionId,
    value: lead.id,
    ...(style ? { style } : {}),
  });
  const stages = input.stages.filter((s) => s !== lead.stage && s.length <= 75).slice(0, 100);
  return {
    type: 'actions',
    block_id: `${SCORECARD_ACTIONS_BLOCK_PREFIX}${lead.id}`,
    elements: [
      ...(input.shareable ? [button('Share in channel', SCORECARD_ACTIONS.share)] : []),
      button('Start follow-up sequence', SCORECARD_ACTIONS.startSequence, 'primary'),
      ...(stages.length > 0
        ? [
            {
              type: 'static_select' as const,
              action_id: SCORECARD_ACTIONS.moveStage,
              placeholder: { type: 'plain_text' as const, text: 'Move stage' },
              options: stages.map((s) => ({ text: { type: 'plain_text' as const, text: s }, value: s })),
            },
          ]
        : []),
      button('Update answers', SCORECARD_ACTIONS.update),
      button('Disqualify', SCORECARD_ACTIONS.disqualify, 'danger'),
    ],
  };
}

function build(input: ScorecardInput, evidenceMax: number): KnownBlock[] {
  const { scorecard: s, lead } = input;
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(`${lead.company} · ${s.frameworkName} scorecard`, 150) },
    },
    section(
      `${VERDICT_LABEL[s.verdict]} · ${s.score}/${s.maxScore} (qualifies at ${s.minScore})\n${escapeMrkdwn(s.summary)}`,
    ),
    ...s.criteria.map((c) => section(criterionLine(c, evidenceMax))),
  ];
  if (lead.disqualified) {
    blocks.push(
      section(
        `:no_entry: *Disqualified by <@${lead.disqualified.by}>:* ${escapeMrkdwn(lead.disqualified.reason)}`,
      ),
    );
  }
  blocks.push(
    ...list(
      'Disqualification reasons',
      s.disqualifications.map((d) => d.reason),
    ),
  );
  blocks.push(...list('Missing evidence', s.missingEvidence));
  blocks.push(...list('Ask next', s.nextQuestions));
  const context = input.mode === 'shared' && input.sharedBy ? ` · Shared by <@${input.sharedBy}>` : '';
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: truncate(`${details(lead, s)}${context}`, 3000) }],
  });
  if (input.mode === 'rep') blocks.push(actions(input));
  return blocks;
}

/** The scorecard message: score per criterion with its evidence, the verdict, what is missing, what to ask, and the buttons. */
export function renderScorecard(input: ScorecardInput): { text: string; blocks: KnownBlock[] } {
  const { scorecard: s, lead } = input;
  const text = truncate(`${lead.company}: ${s.verdict} (${s.score}/${s.maxScore}, ${s.frameworkName})`, 3000);
  // Long evidence notes are cut harder until the whole card fits Slack's total text budget.
  for (const evidenceMax of [500, 200, 80]) {
    const blocks = build(input, evidenceMax);
    if (blockTextLength(blocks) <= MAX_MESSAGE_BLOCK_TEXT || evidenceMax === 80) return { text, blocks };
  }
  return { text, blocks: build(input, 80) };
}
