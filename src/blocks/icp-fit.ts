import type { KnownBlock } from '@slack/types';
import type { IcpFit } from '../engines/qualification/icp-fit.js';
import { truncate } from './format.js';
import { LIMITS } from './limits.js';

const MARK = {
  true: ':white_check_mark:',
  partial: ':large_yellow_circle:',
  false: ':x:',
  unknown: ':grey_question:',
};

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The ICP fit as scorecard blocks: the score against which ICP, then each criterion's points and reason. */
export function icpFitBlocks(fit: IcpFit, source: string): KnownBlock[] {
  const lines = fit.contributions.map((c) => {
    const mark = MARK[String(c.matched) as keyof typeof MARK];
    const points = Number.isInteger(c.points) ? c.points : c.points.toFixed(1);
    return `${mark} ${c.criterion} ${points}/${c.weight}: ${escapeText(c.reason)}`;
  });
  const outside = fit.mismatches.length > 0 ? '\n_Outside the ICP on a must-have criterion._' : '';
  return [
    {
      type: 'section',
      block_id: 'icp_fit',
      text: {
        type: 'mrkdwn',
        text: truncate(
          `*ICP fit ${fit.score}/100* against ${source}${outside}\n${lines.join('\n')}`,
          LIMITS.sectionText,
        ),
      },
    },
  ];
}

/** Puts the ICP fit into a scorecard message, before its buttons, staying within the message's block limit. */
export function withIcpFit<M extends { blocks?: KnownBlock[] }>(message: M, fit: readonly KnownBlock[]): M {
  const blocks = message.blocks ?? [];
  if (blocks.length + fit.length > LIMITS.messageBlocks) return message;
  const at = blocks.findIndex((b) => b.type === 'actions');
  const index = at === -1 ? blocks.length : at;
  return { ...message, blocks: [...blocks.slice(0, index), ...fit, ...blocks.slice(index)] };
}
