import type { KnownBlock, SectionBlock } from '@slack/types';
import { LIMITS, MAX_MESSAGE_BLOCK_TEXT } from './limits.js';

/** A Slack message: a plain fallback for notifications and its blocks. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

const more = (count: number) => `_…and ${count} more_`;

/**
 * Joins mrkdwn lines with newlines within `max` characters, dropping the lines that do not fit and saying
 * how many were left out. Each line must already be escaped and short enough on its own.
 */
export function fitLines(lines: readonly string[], max: number = LIMITS.sectionText): string {
  const all = lines.join('\n');
  if (all.length <= max) return all;
  const kept: string[] = [];
  let size = 0;
  for (const [i, line] of lines.entries()) {
    const next = size + (kept.length > 0 ? 1 : 0) + line.length;
    if (next + 1 + more(lines.length - i - 1).length > max) break;
    kept.push(line);
    size = next;
  }
  return [...kept, more(lines.length - kept.length)].join('\n');
}

/**
 * Packs lines under a bold title into as many sections as they need, each within the section limit, so a
 * long list is split rather than cut. Each line must be shorter than a section.
 */
export function sectionsOf(title: string, lines: readonly string[]): SectionBlock[] {
  const sections: SectionBlock[] = [];
  let current = `*${title}*`;
  for (const line of lines) {
    if (current.length + 1 + line.length > LIMITS.sectionText) {
      sections.push({ type: 'section', text: { type: 'mrkdwn', text: current } });
      current = `*${title} (continued)*`;
    }
    current += `\n${line}`;
  }
  sections.push({ type: 'section', text: { type: 'mrkdwn', text: current } });
  return sections;
}

/** The JSON length over-counts a block's text, which keeps each message safely inside the text budget. */
function textLength(block: KnownBlock): number {
  return JSON.stringify(block).length;
}

/**
 * Spreads blocks over messages of at most 50 blocks and the total-text budget, in order; `fallback(i, n)`
 * gives each message's notification text.
 */
export function packMessages(
  blocks: readonly KnownBlock[],
  fallback: (index: number, count: number) => string,
): SlackMessage[] {
  const groups: KnownBlock[][] = [];
  let size = 0;
  for (const block of blocks) {
    const length = textLength(block);
    const group = groups.at(-1);
    if (
      group === undefined ||
      group.length >= LIMITS.messageBlocks ||
      size + length > MAX_MESSAGE_BLOCK_TEXT
    ) {
      groups.push([block]);
      size = length;
    } else {
      group.push(block);
      size += length;
    }
  }
  return groups.map((group, i) => ({ text: fallback(i, groups.length), blocks: group }));
}
