import type { KnownBlock } from '@slack/types';
import type { LeadScore } from '../engines/qualification/lead-score.js';
import { leadScoreText } from '../engines/qualification/lead-score-text.js';
import { truncate } from './format.js';
import { LIMITS } from './limits.js';

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The lead score as scorecard blocks: grade and stage, each fit and engagement point with its reason, then why. */
export function leadScoreBlocks(score: LeadScore): KnownBlock[] {
  const t = leadScoreText(score);
  return [
    {
      type: 'section',
      block_id: 'lead_score',
      text: {
        type: 'mrkdwn',
        text: truncate(
          `*Lead score ${escapeText(t.title)}*\n${escapeText(t.fit)}\n${escapeText(t.engagement)}`,
          LIMITS.sectionText,
        ),
      },
    },
    {
      type: 'context',
      block_id: 'lead_score_why',
      elements: [{ type: 'mrkdwn', text: truncate(escapeText(t.why), LIMITS.text) }],
    },
  ];
}
