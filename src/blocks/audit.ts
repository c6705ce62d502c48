import type { KnownBlock } from '@slack/types';
import { formatCount } from '../engines/blueprint/index.js';
import type { AuditReport } from '../engines/crm/index.js';
import { auditGroups } from './audit-groups.js';
import { mrkdwn } from './format.js';

/** Longest example line shown; details quote cell values, which can be long. */
const EXAMPLE_MAX = 200;

/**
 * The hygiene audit as blocks: a heading with how many records were checked, one section per heading with
 * findings (count, meaning, up to three examples), and one line naming the headings that came out clean.
 */
export function renderAudit(report: AuditReport): KnownBlock[] {
  const groups = auditGroups(report);
  const found = groups.filter((g) => g.count > 0);
  const clean = groups.filter((g) => g.count === 0).map((g) => g.label);
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*Data hygiene audit* of ${formatCount(report.checked)} records: ${
          found.length === 0
            ? 'no problems found.'
            : `${formatCount(report.issues.length)} finding${report.issues.length === 1 ? '' : 's'}.`
        }`,
      },
    },
  ];
  for (const group of found) {
    const examples = group.examples.map((e) => `• ${mrkdwn(e, EXAMPLE_MAX)}`);
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: [`*${group.label}: ${formatCount(group.count)}*, ${group.meaning}`, ...examples].join('\n'),
      },
    });
  }
  if (clean.length > 0)
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Clean: ${clean.join(', ')}.` }] });
  return blocks;
}
